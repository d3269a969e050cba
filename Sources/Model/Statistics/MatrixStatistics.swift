import Foundation

/// The cells of one kind that changed between two consecutive survey years.
public struct YearChange: Codable, Equatable, Sendable {
    public var kind: DisclosureKind
    public var fromYear: Int
    public var toYear: Int
    /// Jurisdictions (ids, survey order) that went from not disclosed to disclosed.
    public var improved: [String]
    /// Jurisdictions (ids, survey order) that went from disclosed to not disclosed.
    public var regressed: [String]

    public init(kind: DisclosureKind, fromYear: Int, toYear: Int, improved: [String] = [], regressed: [String] = []) {
        self.kind = kind
        self.fromYear = fromYear
        self.toYear = toYear
        self.improved = improved
        self.regressed = regressed
    }
}

/// Everything computed from the jurisdiction × year × kind matrix, in one pass over the grid.
struct MatrixStatistics {
    var years: [YearStatistics]
    var rates: [JurisdictionRate]
    var changes: [YearChange]

    init(_ survey: Survey, grid: CellGrid) {
        let kinds = DisclosureKind.allCases
        let observations = survey.observations
        years = survey.years.map { YearStatistics(year: $0) }
        rates = []
        rates.reserveCapacity(survey.jurisdictions.count)
        // changes[pair * kinds.count + kind]
        changes = []
        for (y, year) in survey.years.enumerated().dropFirst() {
            for kind in kinds {
                changes.append(YearChange(kind: kind, fromYear: survey.years[y - 1], toYear: year))
            }
        }

        for (j, jurisdiction) in survey.jurisdictions.enumerated() {
            var audit = RateCounts()
            var evaluation = RateCounts()
            for kind in kinds {
                var previous: DisclosureStatus?
                for y in survey.years.indices {
                    let observation = grid.index(j, y, kind).map { observations[$0] }
                    let status = observation?.status ?? .notSurveyed
                    years[y][kind].status[status] += 1
                    if status == .disclosed, let observation {
                        years[y][kind].coverage.add(observation.coverage)
                    }
                    if kind == .auditList {
                        years[y].labelling.add(observation?.reasonLabelling)
                        audit.add(status)
                    } else {
                        evaluation.add(status)
                    }
                    if y > 0, let previous {
                        let slot = (y - 1) * kinds.count + kind.sortIndex
                        if previous == .notDisclosed && status == .disclosed {
                            changes[slot].improved.append(jurisdiction.id)
                        } else if previous == .disclosed && status == .notDisclosed {
                            changes[slot].regressed.append(jurisdiction.id)
                        }
                    }
                    previous = status
                }
            }
            rates.append(JurisdictionRate(jurisdiction: jurisdiction.id, auditList: audit, evaluation: evaluation))
        }

        Self.rank(&rates)
    }

    /// Sets each jurisdiction's rank by its combined rate (`JurisdictionRate.ranking`).
    static func rank(_ rates: inout [JurisdictionRate]) {
        let ranking = JurisdictionRate.ranking(rates)
        var rankByID: [String: Int] = [:]
        for entry in ranking { if let rank = entry.rank { rankByID[entry.jurisdiction] = rank } }
        for i in rates.indices { rates[i].rank = rankByID[rates[i].jurisdiction] }
    }
}
