import Foundation

extension ValidationContext {
    /// Survey years and the list of jurisdictions.
    mutating func checkSurvey() {
        let years = survey.years
        if zip(years, years.dropFirst()).contains(where: { $0 >= $1 }) {
            let list = years.map(String.init).joined(separator: ", ")
            add(.yearsNotAscending, "The survey years (\(list)) must be in ascending order without repeats.", at: .survey)
        }
        var seen: [String: Int] = [:]
        for (i, j) in survey.jurisdictions.enumerated() {
            if let first = seen[j.id] {
                let earlier = survey.jurisdictions[first]
                add(.duplicateJurisdictionID,
                    "Jurisdiction id “\(j.id)” is used twice (\(earlier.shortName) and \(j.shortName)); ids must be unique.",
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
                "\(Self.upperFirst(cellPhrase(key.jurisdiction, key.year, key.kind))) is recorded \(counts[key]!) times; only the first is used.",
                at: .cell(jurisdiction: key.jurisdiction, year: key.year, kind: key.kind))
        }
    }

    private mutating func checkCell(_ o: Observation) {
        let location = ProblemLocation.cell(jurisdiction: o.jurisdiction, year: o.year, kind: o.kind)
        let cell = cellPhrase(o.jurisdiction, o.year, o.kind)
        let known = jurisdiction(o.jurisdiction)
        if known == nil {
            add(.unknownJurisdiction, "An observation names jurisdiction “\(o.jurisdiction)” (\(o.year), \(o.kind.problemPhrase)), which is not in the survey.",
                at: location)
        }
        if !years.contains(o.year) {
            add(.observationYearOutsideSurvey, "\(Self.upperFirst(cell)) is dated \(o.year), which is not a survey year.", at: location)
        }
        checkLabelling(o, cell: cell, at: location)
        if o.status == .disclosed && o.evidence.isEmpty {
            add(.disclosedWithoutEvidence, "\(Self.upperFirst(cell)) is marked disclosed but has no evidence (where and when it was seen).",
                at: location)
        }
        if o.status != .disclosed && !o.coverage.isEmpty {
            let coverage = o.coverage.map(\.rawValue).joined(separator: ", ")
            add(.coverageWithoutDisclosure,
                "\(Self.upperFirst(cell)) is not disclosed (\(o.status.rawValue)) but records what the disclosure covers (\(coverage)).",
                at: location)
        }
        if let known {
            if o.status == .prefecture && known.kind == .corps {
                add(.prefectureOnCorps, "\(Self.upperFirst(cell)) is delegated to prefecture level, but the Corps delegates to its divisions (师市级负责).",
                    at: location)
            } else if o.status == .division && known.kind != .corps {
                add(.divisionOutsideCorps, "\(Self.upperFirst(cell)) is delegated to division level (师市级负责), which only the Corps has.",
                    at: location)
            }
        }
        for e in o.evidence {
            if let url = e.url, !Validator.isWebURL(url) {
                add(.invalidURL, "The evidence for \(cell) has a link that is not an http(s) address: “\(url)”.", at: location)
            }
        }
    }

    /// The labelling table and the matrix must tell the same story.
    private mutating func checkLabelling(_ o: Observation, cell: String, at location: ProblemLocation) {
        guard let labelling = o.reasonLabelling else { return }
        if o.kind == .evaluation {
            add(.labellingOnEvaluation, "\(Self.upperFirst(cell)) has a reason labelling (\(labelling)); only audit lists state reasons.",
                at: location)
            return
        }
        switch (labelling, o.status) {
        case (.notStated, .notDisclosed), (.notStated, .notSurveyed), (.marked, .notDisclosed), (.marked, .notSurveyed):
            add(.labellingWithoutList,
                "\(Self.upperFirst(cell)) is \(o.status == .notDisclosed ? "not disclosed" : "not surveyed"), but its reason labelling (\(labelling)) says a list was published; the report's two tables disagree.",
                at: location)
        case (.noList, .disclosed):
            add(.noListButDisclosed,
                "\(Self.upperFirst(cell)) is disclosed, but its reason labelling says no list was published (no_list); the report's two tables disagree.",
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
        for o in survey.subUnitObservations {
            let location = ProblemLocation.subUnit(jurisdiction: o.jurisdiction, subUnit: o.subUnit)
            let when = o.year.map { " for \($0)" } ?? ""
            if jurisdiction(o.jurisdiction) == nil {
                if reported.insert(o.jurisdiction + "\u{0}" + o.subUnit).inserted {
                    add(.unknownJurisdiction,
                        "The sub-unit observations of \(o.subUnit) name jurisdiction “\(o.jurisdiction)”, which is not in the survey.",
                        at: location)
                }
            } else if !(listed[o.jurisdiction]?.contains(o.subUnit) ?? false) {
                add(.unknownSubUnit,
                    "A sub-unit observation\(when) names \(o.subUnit), which is not among \(name(o.jurisdiction))'s listed sub-units.",
                    at: location)
            }
            if let year = o.year, !years.contains(year) {
                add(.subUnitYearOutsideSurvey,
                    "The \(o.kind.problemPhrase) observation of \(o.subUnit) (\(name(o.jurisdiction))) is dated \(year), which is not a survey year.",
                    at: location)
            }
        }
        for t in survey.subUnitTallies {
            let location = ProblemLocation.subUnitTally(jurisdiction: t.jurisdiction, kind: t.kind, year: t.year)
            let what = "the \(t.year.map(String.init) ?? "undated") \(t.kind.problemPhrase) tally of \(name(t.jurisdiction))"
            if jurisdiction(t.jurisdiction) == nil {
                add(.unknownJurisdiction, "A sub-unit tally names jurisdiction “\(t.jurisdiction)”, which is not in the survey.", at: location)
            }
            if let year = t.year, !years.contains(year) {
                add(.subUnitYearOutsideSurvey, "\(Self.upperFirst(what)) is dated \(year), which is not a survey year.", at: location)
            }
            if t.units <= 0 || t.disclosed < 0 {
                add(.tallyCountInvalid,
                    "\(Self.upperFirst(what)) counts \(t.disclosed) of \(t.units) sub-units; there must be at least one unit and no negative count.",
                    at: location)
            } else if t.disclosed > t.units {
                add(.tallyExceedsUnits,
                    "\(Self.upperFirst(what)) says \(t.disclosed) of \(t.units) sub-units disclosed; disclosed cannot exceed the units.",
                    at: location)
            }
        }
    }
}
