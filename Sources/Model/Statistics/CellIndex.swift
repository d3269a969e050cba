import Foundation

/// The address of one matrix cell: a jurisdiction, a survey year and a kind of disclosure.
public struct CellKey: Codable, Hashable, Sendable, CustomStringConvertible {
    public var jurisdiction: String
    public var year: Int
    public var kind: DisclosureKind

    public init(jurisdiction: String, year: Int, kind: DisclosureKind) {
        self.jurisdiction = jurisdiction
        self.year = year
        self.kind = kind
    }

    public var description: String { "\(jurisdiction)/\(year)/\(kind.rawValue)" }
}

extension Observation {
    /// The cell this observation fills.
    public var key: CellKey { CellKey(jurisdiction: jurisdiction, year: year, kind: kind) }
}

/// A lookup from cell address to the position of its observation in `Survey.observations`.
///
/// `Survey.observation(_:_:_:)` searches linearly; anything that looks up many cells (a table, a
/// chart, the statistics) builds one `CellIndex` instead and reuses it until the survey changes.
/// When the survey holds the same cell twice (a validation error) the index keeps the first
/// occurrence and lists the later ones in `duplicates`.
public struct CellIndex: Equatable, Sendable {
    /// Cell → index into the observations the index was built from.
    public private(set) var positions: [CellKey: Int]
    /// Indexes of observations whose cell was already taken by an earlier observation, in order.
    public private(set) var duplicates: [Int]

    /// Indexes a list of observations.
    public init(_ observations: [Observation]) {
        var positions: [CellKey: Int] = [:]
        positions.reserveCapacity(observations.count)
        var duplicates: [Int] = []
        for (i, o) in observations.enumerated() {
            let key = o.key
            if positions[key] == nil {
                positions[key] = i
            } else {
                duplicates.append(i)
            }
        }
        self.positions = positions
        self.duplicates = duplicates
    }

    /// Indexes a survey's observations.
    public init(_ survey: Survey) { self.init(survey.observations) }

    /// The cells `edit` changed in place, when `survey` (the survey this index was built from,
    /// after `edit`) still has every observation where this index says: the edit is a `setCells`
    /// whose every change sets an observation of a cell already recorded, so no observation was
    /// added, removed or moved. Nil for any other edit (the index must then be built again).
    public func cellsChangedInPlace(in survey: Survey, by edit: Edit) -> [CellKey]? {
        guard case .setCells(let changes) = edit,
              survey.observations.count == positions.count + duplicates.count else { return nil }
        var keys: [CellKey] = []
        keys.reserveCapacity(changes.count)
        for change in changes {
            guard change.observation != nil, let p = positions[change.key],
                  survey.observations[p].key == change.key else { return nil }
            keys.append(change.key)
        }
        return keys
    }

    /// The index of `survey`, which is the survey this index was built from after `edit`: this
    /// index when the edit changed cells in place (`cellsChangedInPlace`), else a new one.
    /// Always equal to `CellIndex(survey)`.
    public func updated(for survey: Survey, after edit: Edit) -> CellIndex {
        cellsChangedInPlace(in: survey, by: edit) == nil ? CellIndex(survey) : self
    }

    /// The number of distinct cells indexed.
    public var count: Int { positions.count }

    /// The position of a cell's observation, if the cell was recorded.
    public subscript(key: CellKey) -> Int? { positions[key] }

    /// The position of a cell's observation, if the cell was recorded.
    public func index(_ jurisdiction: String, _ year: Int, _ kind: DisclosureKind) -> Int? {
        positions[CellKey(jurisdiction: jurisdiction, year: year, kind: kind)]
    }

    /// The observation of a cell in `survey` (which must be the survey the index was built from).
    public func observation(_ jurisdiction: String, _ year: Int, _ kind: DisclosureKind, in survey: Survey) -> Observation? {
        index(jurisdiction, year, kind).map { survey.observations[$0] }
    }

    /// The status of a cell in `survey` (`notSurveyed` when it was not recorded).
    public func status(_ jurisdiction: String, _ year: Int, _ kind: DisclosureKind, in survey: Survey) -> DisclosureStatus {
        observation(jurisdiction, year, kind, in: survey)?.status ?? .notSurveyed
    }
}

/// A dense jurisdiction × year × kind grid of observation positions, for the statistics' single
/// passes. Only cells of the survey's own jurisdictions and years are placed; the first
/// observation of a cell wins, as in `CellIndex`.
struct CellGrid {
    let jurisdictionCount: Int
    let yearCount: Int
    /// Observation index per cell, -1 where the cell is empty.
    private var slots: [Int]

    init(_ survey: Survey) {
        jurisdictionCount = survey.jurisdictions.count
        yearCount = survey.years.count
        slots = Array(repeating: -1, count: jurisdictionCount * yearCount * 2)
        let order = survey.jurisdictionOrder
        var yearIndex: [Int: Int] = [:]
        for (i, y) in survey.years.enumerated() where yearIndex[y] == nil { yearIndex[y] = i }
        var lastID = ""
        var lastJ = -1
        for (i, o) in survey.observations.enumerated() {
            if o.jurisdiction != lastID {
                lastID = o.jurisdiction
                lastJ = order[o.jurisdiction] ?? -1
            }
            guard lastJ >= 0, let y = yearIndex[o.year] else { continue }
            let slot = (lastJ * yearCount + y) * 2 + o.kind.sortIndex
            if slots[slot] < 0 { slots[slot] = i }
        }
    }

    /// The observation index of a cell by jurisdiction position, year position and kind.
    func index(_ j: Int, _ y: Int, _ kind: DisclosureKind) -> Int? {
        let v = slots[(j * yearCount + y) * 2 + kind.sortIndex]
        return v < 0 ? nil : v
    }
}
