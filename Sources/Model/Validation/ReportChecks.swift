import Foundation

/// Checks of what a survey keeps from a report (issue 13): tallies against the records of their
/// scope and against each other, recorded verdicts against derived ones, qualities on cells, and
/// the labelling decisions (each shown as a warning with the passage it goes against).
extension ValidationContext {
    /// The labelling decisions: each one is a warning at its first cell.
    mutating func checkDecisions(_ decisions: [LabellingDecision]) {
        for d in decisions {
            let location: ProblemLocation = d.cells.first.map { .cell(jurisdiction: $0.jurisdiction, year: $0.year, kind: $0.kind) } ?? .survey
            let who = d.cells.first.map { name($0.jurisdiction) } ?? tr("The survey")
            add(.labellingDecision, trn("%1: the report contradicts itself on %2 cell; labelling decision “%3” records one reading (Reconciliation shows it with the passage it goes against).",
                                        "%1: the report contradicts itself on %2 cells; labelling decision “%3” records one reading (Reconciliation shows it with the passage it goes against).",
                                        d.cells.count, who, d.cells.count, d.id), at: location)
        }
    }

    private func location(of t: ReportedTally) -> ProblemLocation {
        t.jurisdiction.map { .jurisdiction(id: $0) } ?? .survey
    }

    private func scopePhrase(_ t: ReportedTally) -> String {
        let what = t.outcome.map { tr("%1: %2", t.measure.label, $0.label) } ?? t.item.map { tr("%1: %2", t.measure.label, $0.label) } ?? t.measure.label
        switch (t.jurisdiction, t.year) {
        case (nil, _): return tr("“%1” for the whole survey", what)
        case (let j?, nil): return tr("“%1” of %2", what, name(j))
        case (let j?, let y?): return tr("“%1” of %2 in %3", what, name(j), y)
        }
    }

    mutating func checkTallies(_ tallies: [ReportedTally]) {
        let stats = Statistics(survey)
        for (i, t) in tallies.enumerated() {
            if t.value < 0 || (t.measure == .itemPublishedPercent && t.value > 100) || (t.year != nil && t.jurisdiction == nil) {
                add(.tallyInvalid, tr("The reported tally %1 cannot be used: %2.", scopePhrase(t), t.value), at: location(of: t))
                continue
            }
            if let j = t.jurisdiction, jurisdiction(j) == nil {
                add(.unknownJurisdiction, tr("A reported tally refers to the unknown jurisdiction %1.", name(j)), at: location(of: t))
            }
            if tallies[..<i].contains(where: { $0.sameScope(as: t) }) {
                add(.tallyInvalid, tr("The reported tally %1 is given twice.", scopePhrase(t)), at: location(of: t))
                continue
            }
            guard t.measure.isCount, t.year == nil else { continue }
            // Records of the tally's scope: they are part of the reported total.
            let figure = t.jurisdiction.map { stats.figures.figure(t.measure, jurisdiction: $0, outcome: t.outcome) }
                ?? stats.figures.figure(t.measure, outcome: t.outcome)
            let records = figure?.records ?? 0
            if records > t.value {
                add(.recordsExceedTally, tr("The report gives %1 as %2, but %3 are entered as records: the records and the report disagree.",
                                            scopePhrase(t), t.value, records), at: location(of: t))
            }
            // A whole-survey tally against its jurisdictions' figures (their tallies or records).
            if t.jurisdiction == nil {
                let parts = stats.figures.byJurisdiction.filter { $0.measure == t.measure && $0.outcome == t.outcome }.reduce(0) { $0 + $1.value }
                if parts > t.value {
                    add(.tallyPartsExceedTotal, tr("The report gives %1 as %2, but its jurisdictions add up to %3.", scopePhrase(t), t.value, parts),
                        at: .survey)
                }
            }
        }
    }

    mutating func checkVerdicts(_ verdicts: [RecordedVerdict]) {
        var positions: [String: Int] = [:]
        for (i, e) in survey.enterprises.enumerated() where positions[e.id] == nil { positions[e.id] = i }
        for v in verdicts {
            guard let position = positions[v.enterprise] else {
                add(.verdictUnknownEnterprise, tr("A recorded verdict refers to the unknown enterprise “%1”.", v.enterprise), at: .survey)
                continue
            }
            let e = survey.enterprises[position]
            let derived = e.completeness
            if derived != .cannotJudge && derived != v.verdict {
                add(.verdictDisagrees, tr("The source calls the disclosure of %1 “%2”, but its reasons and items give “%3”.",
                                          e.name, v.verdict.label, derived.label),
                    at: .enterprise(id: e.id), position: position)
            }
        }
    }

    mutating func checkQualities(_ qualities: [CellQuality]) {
        var statuses: [CellKey: DisclosureStatus] = [:]
        for o in survey.observations where statuses[o.key] == nil { statuses[o.key] = o.status }
        for q in qualities {
            let status = statuses[q.key] ?? .notSurveyed
            if status == .notDisclosed || status == .notSurveyed {
                add(.qualityOnUndisclosedCell, tr("%1 is marked “%2”, but nothing was disclosed there.",
                                                   Self.upperFirst(cellPhrase(q.jurisdiction, q.year, q.kind)), q.quality.label),
                    at: .cell(jurisdiction: q.jurisdiction, year: q.year, kind: q.kind))
            }
        }
    }
}
