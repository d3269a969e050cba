import Foundation

extension ValidationContext {
    /// Survey years and the list of jurisdictions.
    mutating func checkSurvey() {
        let years = survey.years
        if zip(years, years.dropFirst()).contains(where: { $0 >= $1 }) {
            let list = years.map(String.init).joined(separator: ", ")
            add(.yearsNotAscending, tr("The survey years (%1) must be in ascending order without repeats.", list), at: .survey)
        }
        var seen: [String: Int] = [:]
        for (i, j) in survey.jurisdictions.enumerated() {
            if let first = seen[j.id] {
                let earlier = survey.jurisdictions[first]
                add(.duplicateJurisdictionID,
                    tr("Jurisdiction id “%1” is used twice (%2 and %3); ids must be unique.", j.id, earlier.shortName, j.shortName),
                    at: .jurisdiction(id: j.id))
            } else {
                seen[j.id] = i
            }
        }
    }

    /// The jurisdiction × year × kind matrix.
    mutating func checkCells() {
        var counts: [CellKey: Int] = [:]
        counts.reserveCapacity(survey.observations.count)
        var order: [CellKey] = []
        for o in survey.observations {
            let key = o.key
            let n = (counts[key] ?? 0) + 1
            counts[key] = n
            if n == 2 { order.append(key) }
            checkCell(o)
        }
        for key in order {
            add(.duplicateCell,
                trn("%1 is recorded %2 time; only the first is used.", "%1 is recorded %2 times; only the first is used.",
                    counts[key] ?? 0, Self.upperFirst(cellPhrase(key.jurisdiction, key.year, key.kind)), counts[key] ?? 0),
                at: .cell(jurisdiction: key.jurisdiction, year: key.year, kind: key.kind))
        }
    }

    private mutating func checkCell(_ o: Observation) {
        let location = ProblemLocation.cell(jurisdiction: o.jurisdiction, year: o.year, kind: o.kind)
        // The phrase (and the name in it) is made only for a cell with a problem (most cells have
        // none); the jurisdiction is read by its position, not copied for every cell.
        let position = jurisdictions.position(of: o.jurisdiction)
        let all = survey.jurisdictions
        let cell = { Self.cellPhrase(o.year, o.kind, Self.name(position.map { all[$0] }, id: o.jurisdiction)) }
        if position == nil {
            add(.unknownJurisdiction, tr("An observation names jurisdiction “%1” (%2, %3), which is not in the survey.",
                                         o.jurisdiction, o.year, o.kind.problemPhrase),
                at: location)
        }
        if !years.contains(o.year) {
            add(.observationYearOutsideSurvey, tr("%1 is dated %2, which is not a survey year.", Self.upperFirst(cell()), o.year),
                at: location)
        }
        checkLabelling(o, cell: cell, at: location)
        // Evidence with neither a link nor a note says nothing about where the list was seen.
        if o.status == .disclosed && !o.evidence.contains(where: \.saysWhere) {
            add(.disclosedWithoutEvidence,
                tr("%1 is marked disclosed but has no evidence (where and when it was seen).", Self.upperFirst(cell())),
                at: location)
        }
        if o.status != .disclosed && !o.coverage.isEmpty {
            let coverage = o.coverage.map(\.label).joined(separator: tr(context: "list separator", ", "))
            add(.coverageWithoutDisclosure,
                tr("%1 is %2 but records what the disclosure covers (%3).", Self.upperFirst(cell()), o.status.problemPhrase, coverage),
                at: location)
        }
        if let position {
            let kind = all[position].kind
            if o.status == .prefecture && kind == .corps {
                add(.prefectureOnCorps,
                    tr("%1 is delegated to prefecture level, but the Corps delegates to its divisions.", Self.upperFirst(cell())),
                    at: location)
            } else if o.status == .division && kind != .corps {
                add(.divisionOutsideCorps,
                    tr("%1 is delegated to division level, which only the Corps has.", Self.upperFirst(cell())),
                    at: location)
            }
        }
        for e in o.evidence {
            if let url = e.url, !Validator.isWebURL(url) {
                add(.invalidURL, tr("The evidence for %1 has a link that is not an http(s) address: “%2”.", cell(), url), at: location)
            }
        }
    }

    /// The labelling table and the matrix must tell the same story.
    private mutating func checkLabelling(_ o: Observation, cell: () -> String, at location: ProblemLocation) {
        guard let labelling = o.reasonLabelling else { return }
        if o.kind == .evaluation {
            add(.labellingOnEvaluation,
                tr("%1 has a reason labelling (%2); only audit lists state reasons.", Self.upperFirst(cell()), labelling.label),
                at: location)
            return
        }
        switch (labelling, o.status) {
        case (.notStated, .notDisclosed), (.notStated, .notSurveyed), (.marked, .notDisclosed), (.marked, .notSurveyed):
            let message = o.status == .notDisclosed
                ? tr("%1 is not disclosed, but its reason labelling (%2) says a list was published; the report's two tables disagree.",
                     Self.upperFirst(cell()), labelling.label)
                : tr("%1 is not surveyed, but its reason labelling (%2) says a list was published; the report's two tables disagree.",
                     Self.upperFirst(cell()), labelling.label)
            add(.labellingWithoutList, message, at: location)
        case (.noList, .disclosed):
            add(.noListButDisclosed,
                tr("%1 is disclosed, but its reason labelling says no list was published; the report's two tables disagree.",
                   Self.upperFirst(cell())),
                at: location)
        default:
            break  // delegated cells may carry a prefecture-level list's labelling
        }
    }

    /// Named sub-unit observations and tallies.
    mutating func checkSubUnits() {
        var listed: [String: Set<String>] = [:]
        for j in survey.jurisdictions where !j.subUnits.isEmpty {
            listed[j.id, default: []].formUnion(j.subUnits.flatMap { [$0.id, $0.name] })
        }
        var reported = Set<String>()
        var seenObservations: [SubUnitObservationKey: Int] = [:]
        var duplicated: [SubUnitObservationKey] = []
        for o in survey.subUnitObservations {
            let location = ProblemLocation.subUnit(jurisdiction: o.jurisdiction, subUnit: o.subUnit)
            let key = SubUnitObservationKey(jurisdiction: o.jurisdiction, subUnit: o.subUnit, year: o.year, kind: o.kind)
            let n = (seenObservations[key] ?? 0) + 1
            seenObservations[key] = n
            if n == 2 { duplicated.append(key) }
            if jurisdiction(o.jurisdiction) == nil {
                if reported.insert(o.jurisdiction + "\u{0}" + o.subUnit).inserted {
                    add(.unknownJurisdiction,
                        tr("The sub-unit observations of %1 name jurisdiction “%2”, which is not in the survey.", o.subUnit, o.jurisdiction),
                        at: location)
                }
            } else if !(listed[o.jurisdiction]?.contains(o.subUnit) ?? false) {
                let message = o.year.map {
                    tr("A sub-unit observation for %1 names %2, which is not among %3's listed sub-units.", $0, o.subUnit, name(o.jurisdiction))
                } ?? tr("A sub-unit observation names %1, which is not among %2's listed sub-units.", o.subUnit, name(o.jurisdiction))
                add(.unknownSubUnit, message, at: location)
            }
            if let year = o.year, !years.contains(year) {
                add(.subUnitYearOutsideSurvey,
                    tr("The %1 observation of %2 (%3) is dated %4, which is not a survey year.",
                       o.kind.problemPhrase, o.subUnit, name(o.jurisdiction), year),
                    at: location)
            }
        }
        for key in duplicated {
            let what = key.year.map { tr("the %1 %2 observation of %3 (%4)", $0, key.kind.problemPhrase, key.subUnit, name(key.jurisdiction)) }
                ?? tr("the undated %1 observation of %2 (%3)", key.kind.problemPhrase, key.subUnit, name(key.jurisdiction))
            add(.duplicateSubUnitObservation,
                trn("%1 is recorded %2 time; only the first is used.", "%1 is recorded %2 times; only the first is used.",
                    seenObservations[key] ?? 0, Self.upperFirst(what), seenObservations[key] ?? 0),
                at: .subUnit(jurisdiction: key.jurisdiction, subUnit: key.subUnit))
        }
        for t in survey.subUnitTallies {
            let location = ProblemLocation.subUnitTally(jurisdiction: t.jurisdiction, kind: t.kind, year: t.year)
            let what = t.year.map { tr("the %1 %2 tally of %3", $0, t.kind.problemPhrase, name(t.jurisdiction)) }
                ?? tr("the undated %1 tally of %2", t.kind.problemPhrase, name(t.jurisdiction))
            if jurisdiction(t.jurisdiction) == nil {
                add(.unknownJurisdiction, tr("A sub-unit tally names jurisdiction “%1”, which is not in the survey.", t.jurisdiction),
                    at: location)
            }
            if let year = t.year, !years.contains(year) {
                add(.subUnitYearOutsideSurvey, tr("%1 is dated %2, which is not a survey year.", Self.upperFirst(what), year), at: location)
            }
            if t.units <= 0 || t.disclosed < 0 {
                add(.tallyCountInvalid,
                    trn("%1 counts %2 of %3 sub-unit; there must be at least one unit and no negative count.",
                        "%1 counts %2 of %3 sub-units; there must be at least one unit and no negative count.",
                        t.units, Self.upperFirst(what), t.disclosed, t.units),
                    at: location)
            } else if t.disclosed > t.units {
                add(.tallyExceedsUnits,
                    trn("%1 says %2 of %3 sub-unit disclosed; disclosed cannot exceed the units.",
                        "%1 says %2 of %3 sub-units disclosed; disclosed cannot exceed the units.", t.units, Self.upperFirst(what), t.disclosed, t.units),
                    at: location)
            }
        }
    }
}

/// A sub-unit observation's identity: two with the same key record the same thing twice.
struct SubUnitObservationKey: Hashable {
    var jurisdiction: String
    var subUnit: String
    var year: Int?
    var kind: DisclosureKind
}

extension Evidence {
    /// Whether the evidence says where the publication was seen: a link or a description.
    var saysWhere: Bool {
        Self.hasText(url) || Self.hasText(note)
    }

    /// True when `text` has a character other than white space and line breaks: the same as
    /// `!text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty`, read scalar by scalar
    /// (ASCII without the character set, which is what the text almost always starts with).
    static func hasText(_ text: String?) -> Bool {
        guard let text else { return false }
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09...0x0D, 0x20: continue
            case 0...0x7F: return true
            default: if !CharacterSet.whitespacesAndNewlines.contains(scalar) { return true }
            }
        }
        return false
    }
}

extension ValidationContext {
    /// Information, not a problem: how many cells of the survey's years (each jurisdiction, year
    /// and kind) have nothing recorded yet.
    mutating func countUnenteredCells() {
        var entered = Set<CellKey>()
        entered.reserveCapacity(survey.observations.count)
        let ids = Set(survey.jurisdictions.map(\.id))
        let surveyYears = Set(survey.years)
        for o in survey.observations where ids.contains(o.jurisdiction) && surveyYears.contains(o.year) { entered.insert(o.key) }
        let total = ids.count * surveyYears.count * DisclosureKind.allCases.count
        let missing = total - entered.count
        guard missing > 0 else { return }
        add(.cellsNotEntered, trn("Not yet entered: %1 of the %2 cell of the survey's years.", "Not yet entered: %1 of the %2 cells of the survey's years.",
                                      total, missing, total), at: .survey)
    }
}
