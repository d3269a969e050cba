import Model
import GtkKit
import Rendering

/// One column of the matrix: a survey year and a kind of disclosure.
package struct MatrixColumn: Equatable, Hashable, Sendable {
    package var year: Int
    package var kind: DisclosureKind

    /// Every year's two columns, audit list first, as in the report's table.
    package static func columns(years: [Int]) -> [MatrixColumn] {
        years.flatMap { year in DisclosureKind.allCases.map { MatrixColumn(year: year, kind: $0) } }
    }
    package init(year: Int, kind: DisclosureKind) {
        self.year = year
        self.kind = kind
    }
}

/// What the grid draws, read from one version of the survey: each cell's status and marks, and
/// the totals. Jurisdictions are addressed by their position in `Survey.jurisdictions`, columns
/// by their position in `columns`. The cells are read in one pass (32 × 2 × years lookups); the
/// totals are the survey's `Statistics` (the window's controller updates them for a cell edit
/// instead of counting again), so the matrix and every other summary count the same way.
package struct MatrixCells: Equatable, Sendable {
    package let columns: [MatrixColumn]
    package let jurisdictionCount: Int
    private var statuses: [DisclosureStatus]
    /// Per cell: 1 when it has a note, 2 when it has evidence.
    private var marks: [UInt8]
    /// The problem mark of each cell that has one (the strongest of its problems).
    private var problemSlots: [Int: MatrixProblemMark] = [:]
    /// Jurisdiction positions with at least one problem cell (of any kind).
    package private(set) var problemJurisdictions: Set<Int> = []
    /// The strongest error or warning badge of each jurisdiction's row (quiet marks do not count).
    package private(set) var rowBadges: [Int: MatrixProblemMark] = [:]
    /// Disclosed cells per column, over every jurisdiction (shown or not).
    package private(set) var columnDisclosed: [Int]
    /// Surveyed cells (any status but "not surveyed") per column.
    package private(set) var columnSurveyed: [Int]
    /// Each jurisdiction's cells over all columns: disclosed, not disclosed, delegated.
    package private(set) var rowCounts: [RateCounts]
    /// Slot → quality marks (issue 13, MatrixQualities.swift).
    package let qualities: [Int: String]
    /// How the rate column (and the order by rate) treats delegated cells: the survey's choice.
    package let rateDefinition: RateDefinition

    /// The cells of `survey` (looked up through `index`, made when nil) with the totals of
    /// `statistics` (computed when nil), which must be the survey's.
    package init(_ survey: Survey, index: CellIndex? = nil, statistics: Statistics? = nil) {
        let index = index ?? CellIndex(survey)
        let statistics = statistics ?? Statistics(survey)
        columns = MatrixColumn.columns(years: survey.years)
        jurisdictionCount = survey.jurisdictions.count
        var statuses: [DisclosureStatus] = []
        var marks: [UInt8] = []
        statuses.reserveCapacity(jurisdictionCount * columns.count)
        marks.reserveCapacity(jurisdictionCount * columns.count)
        for j in survey.jurisdictions {
            for column in columns {
                let o = index.observation(j.id, column.year, column.kind, in: survey)
                statuses.append(o?.status ?? .notSurveyed)
                marks.append(Self.marks(of: o))
            }
        }
        self.statuses = statuses
        self.marks = marks
        (columnDisclosed, columnSurveyed, rowCounts) = Self.totals(statistics, columns: columns, jurisdictionCount: jurisdictionCount)
        qualities = Self.qualityMarks(survey, columns: columns)
        rateDefinition = RateDefinition.of(survey)
    }

    /// A cell's marks: 1 when it has a note, 2 when it has evidence.
    private static func marks(of o: Observation?) -> UInt8 {
        o.map { (($0.note ?? "").isEmpty ? 0 : 1) | ($0.evidence.isEmpty ? 0 : 2) } ?? 0
    }

    /// The column and row totals of `statistics` (one entry per survey year and per
    /// jurisdiction, in survey order).
    private static func totals(_ statistics: Statistics, columns: [MatrixColumn], jurisdictionCount: Int)
        -> (disclosed: [Int], surveyed: [Int], rows: [RateCounts]) {
        let kinds = DisclosureKind.allCases.count
        let status = columns.indices.map { c in
            statistics.byYear.indices.contains(c / kinds) ? statistics.byYear[c / kinds][columns[c].kind].status : StatusCounts()
        }
        let rows = (0..<jurisdictionCount).map { j in
            statistics.jurisdictionRates.indices.contains(j) ? statistics.jurisdictionRates[j].combined : RateCounts()
        }
        return (status.map(\.disclosed), status.map(\.surveyed), rows)
    }

    /// Follows an edit that changed the observations of `keys` in place (no cell added, removed
    /// or moved; `DocumentController.cellsChangedInPlace`): only those cells are read again, and
    /// the totals from `statistics`, which must be `survey`'s. The problem marks are kept. Equal to
    /// `MatrixCells(survey, index:, statistics:)` with the same problems marked.
    package mutating func update(cells keys: [CellKey], of survey: Survey, index: CellIndex, statistics: Statistics) {
        for key in keys {
            let column = MatrixColumn(year: key.year, kind: key.kind)
            let o = index.observation(key.jurisdiction, key.year, key.kind, in: survey)
            // Every row of that jurisdiction (a repeated jurisdiction shows the same cells).
            for c in columns.indices where columns[c] == column {
                for j in survey.jurisdictions.indices where survey.jurisdictions[j].id == key.jurisdiction {
                    let slot = j * columns.count + c
                    statuses[slot] = o?.status ?? .notSurveyed
                    marks[slot] = Self.marks(of: o)
                }
            }
        }
        (columnDisclosed, columnSurveyed, rowCounts) = Self.totals(statistics, columns: columns, jurisdictionCount: jurisdictionCount)
    }

    package func status(_ jurisdiction: Int, _ column: Int) -> DisclosureStatus {
        statuses[jurisdiction * columns.count + column]
    }

    /// True when the cell has a note.
    package func hasNote(_ jurisdiction: Int, _ column: Int) -> Bool {
        marks[jurisdiction * columns.count + column] & 1 != 0
    }

    /// True when the cell has evidence.
    package func hasEvidence(_ jurisdiction: Int, _ column: Int) -> Bool {
        marks[jurisdiction * columns.count + column] & 2 != 0
    }

    /// True when validation reported a problem located at this cell.
    package func hasProblem(_ jurisdiction: Int, _ column: Int) -> Bool {
        problemSlots[jurisdiction * columns.count + column] != nil
    }

    /// The mark the cell's problems call for, if any.
    package func problemMark(_ jurisdiction: Int, _ column: Int) -> MatrixProblemMark? {
        problemSlots[jurisdiction * columns.count + column]
    }

    /// Every disclosed cell.
    package var totalDisclosed: Int { columnDisclosed.reduce(0, +) }

    /// Marks the cells that problems with a `.cell` location point at (other problems, and cells
    /// outside the survey's jurisdictions or years, are ignored).
    package mutating func markProblems(_ problems: [Problem], jurisdictions: [Jurisdiction]) {
        var order: [String: Int] = [:]
        for (i, j) in jurisdictions.enumerated() where order[j.id] == nil { order[j.id] = i }
        var columnIndex: [MatrixColumn: Int] = [:]
        for (i, column) in columns.enumerated() { columnIndex[column] = i }
        problemSlots = [:]
        problemJurisdictions = []
        rowBadges = [:]
        for problem in problems {
            guard case .cell(let id, let year, let kind) = problem.location,
                  let j = order[id], let c = columnIndex[MatrixColumn(year: year, kind: kind)] else { continue }
            let mark = MatrixProblemMark(problem)
            let slot = j * columns.count + c
            problemSlots[slot] = max(problemSlots[slot] ?? mark, mark)
            problemJurisdictions.insert(j)
            if mark != .quiet { rowBadges[j] = max(rowBadges[j] ?? mark, mark) }
        }
    }
}

/// How a cell shows its problems: errors in red, other warnings in amber, and the expected gap of
/// a fresh entry (disclosed, evidence not yet added) with a quiet mark that can be switched off.
package enum MatrixProblemMark: Int, Comparable, Sendable {
    case quiet, warning, error

    package init(_ problem: Problem) {
        if problem.isError { self = .error } else if problem.code == .disclosedWithoutEvidence { self = .quiet } else { self = .warning }
    }

    package static func < (a: MatrixProblemMark, b: MatrixProblemMark) -> Bool { a.rawValue < b.rawValue }
}
