import Foundation

/// Where a sub-unit figure comes from.
public enum SubUnitBasis: String, Codable, CaseIterable, Sendable {
    /// Counted from named `subUnitObservations`.
    case observed
    /// Taken from a `SubUnitTally`: the source's own count of unnamed sub-units.
    case reported
    /// The jurisdiction delegates this kind but the survey holds no sub-unit data for it.
    case notRecorded = "not_recorded"
}

/// Disclosure by the sub-units (prefectures, divisions) of a delegating jurisdiction, for one kind.
///
/// Rows are made per jurisdiction (survey order) × kind for every jurisdiction that has sub-unit
/// observations or tallies of that kind, or a delegated cell of that kind:
/// - with named observations of that kind, one `observed` row over all years: each distinct
///   sub-unit counts once, as `disclosed` if any of its observations is disclosed, else as
///   `notDisclosed` if any is not disclosed, else as `otherOnly`;
/// - otherwise one `reported` row per tally of that kind (tallies of different years cannot be
///   added up), with `notDisclosed = units - disclosed`;
/// - otherwise one `notRecorded` row with zero counts.
public struct SubUnitDisclosure: Codable, Equatable, Sendable {
    public var jurisdiction: String
    public var kind: DisclosureKind
    /// The tally's year for `reported` rows (nil when the source gives none); nil otherwise.
    public var year: Int?
    public var basis: SubUnitBasis
    /// Distinct sub-units observed, or the tally's units.
    public var units: Int
    public var disclosed: Int
    public var notDisclosed: Int
    /// Observed sub-units whose observations are neither disclosed nor not disclosed.
    public var otherOnly: Int
    /// Sub-units the jurisdiction lists (`Jurisdiction.subUnits`).
    public var listedSubUnits: Int
    /// The tally's quoted source, for `reported` rows.
    public var source: String?

    public init(jurisdiction: String, kind: DisclosureKind, year: Int? = nil, basis: SubUnitBasis, units: Int = 0,
                disclosed: Int = 0, notDisclosed: Int = 0, otherOnly: Int = 0, listedSubUnits: Int = 0, source: String? = nil) {
        self.jurisdiction = jurisdiction
        self.kind = kind
        self.year = year
        self.basis = basis
        self.units = units
        self.disclosed = disclosed
        self.notDisclosed = notDisclosed
        self.otherOnly = otherOnly
        self.listedSubUnits = listedSubUnits
        self.source = source
    }
}

enum SubUnitStatistics {
    /// Flags per observed sub-unit.
    private static let sawDisclosed: UInt8 = 1
    private static let sawNotDisclosed: UInt8 = 2

    static func compute(_ survey: Survey, grid: CellGrid) -> [SubUnitDisclosure] {
        let order = survey.jurisdictionOrder
        let kinds = DisclosureKind.allCases
        let slots = survey.jurisdictions.count * kinds.count
        func slot(_ j: Int, _ kind: DisclosureKind) -> Int { j * kinds.count + kind.sortIndex }

        // Distinct sub-units (in first-seen order) and their flags, per jurisdiction × kind.
        var seen = [[String: UInt8]](repeating: [:], count: slots)
        for o in survey.subUnitObservations {
            guard let j = order[o.jurisdiction] else { continue }
            let flag: UInt8 = o.status == .disclosed ? sawDisclosed : o.status == .notDisclosed ? sawNotDisclosed : 0
            seen[slot(j, o.kind)][o.subUnit, default: 0] |= flag
        }
        var tallies = [[SubUnitTally]](repeating: [], count: slots)
        for t in survey.subUnitTallies {
            guard let j = order[t.jurisdiction] else { continue }
            tallies[slot(j, t.kind)].append(t)
        }

        var rows: [SubUnitDisclosure] = []
        for (j, jurisdiction) in survey.jurisdictions.enumerated() {
            for kind in kinds {
                let s = slot(j, kind)
                let listed = jurisdiction.subUnits.count
                if !seen[s].isEmpty {
                    var row = SubUnitDisclosure(jurisdiction: jurisdiction.id, kind: kind, basis: .observed,
                                                units: seen[s].count, listedSubUnits: listed)
                    for flags in seen[s].values {
                        if flags & sawDisclosed != 0 { row.disclosed += 1 }
                        else if flags & sawNotDisclosed != 0 { row.notDisclosed += 1 }
                        else { row.otherOnly += 1 }
                    }
                    rows.append(row)
                } else if !tallies[s].isEmpty {
                    for t in tallies[s] {
                        rows.append(SubUnitDisclosure(jurisdiction: jurisdiction.id, kind: kind, year: t.year, basis: .reported,
                                                      units: t.units, disclosed: t.disclosed,
                                                      notDisclosed: max(0, t.units - t.disclosed),
                                                      listedSubUnits: listed, source: t.source))
                    }
                } else if isDelegated(j, kind, survey, grid) {
                    rows.append(SubUnitDisclosure(jurisdiction: jurisdiction.id, kind: kind, basis: .notRecorded,
                                                  listedSubUnits: listed))
                }
            }
        }
        return rows
    }

    /// Whether a jurisdiction (by position) delegates a kind in any survey year.
    private static func isDelegated(_ j: Int, _ kind: DisclosureKind, _ survey: Survey, _ grid: CellGrid) -> Bool {
        survey.years.indices.contains(where: { y in
            grid.index(j, y, kind).map { survey.observations[$0].status.isDelegated } ?? false
        })
    }

    /// The rows after an edit of cells only (`rows` are `compute`'s of the survey before, whose
    /// jurisdictions, years and sub-unit records are `survey`'s): the observed and reported rows,
    /// which read only the sub-unit records, are kept; only whether a jurisdiction without them
    /// delegates is read from the cells again. Equal to `compute(survey, grid:)`; nil when the
    /// survey repeats a jurisdiction id (compute then).
    static func updated(_ rows: [SubUnitDisclosure], _ survey: Survey, grid: CellGrid) -> [SubUnitDisclosure]? {
        guard survey.jurisdictionOrder.count == survey.jurisdictions.count else { return nil }
        var out: [SubUnitDisclosure] = []
        out.reserveCapacity(rows.count)
        var next = 0
        for (j, jurisdiction) in survey.jurisdictions.enumerated() {
            for kind in DisclosureKind.allCases {
                var recorded = false
                while next < rows.count, rows[next].jurisdiction == jurisdiction.id, rows[next].kind == kind {
                    if rows[next].basis != .notRecorded {
                        out.append(rows[next])
                        recorded = true
                    }
                    next += 1
                }
                if !recorded && isDelegated(j, kind, survey, grid) {
                    out.append(SubUnitDisclosure(jurisdiction: jurisdiction.id, kind: kind, basis: .notRecorded,
                                                 listedSubUnits: jurisdiction.subUnits.count))
                }
            }
        }
        return next == rows.count ? out : nil
    }
}
