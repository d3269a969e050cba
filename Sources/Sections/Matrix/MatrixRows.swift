import Foundation
import Model
import GtkKit
import Rendering

/// How the matrix orders its rows.
package enum MatrixOrder: Int, CaseIterable, Sendable {
    /// The report's order (安徽 … 重庆), the survey's own.
    case report
    /// Grouped under region headings (East, Central, West, Northeast), report order within.
    case region
    /// Highest disclosure rate first (disclosed ÷ own cells; no rate last), report order for ties.
    case rate

    package var label: String {
        switch self {
        case .report: return tr(context: "matrix", "Report order")
        case .region: return tr(context: "matrix", "By region")
        case .rate: return tr(context: "matrix", "By disclosure rate")
        }
    }
}

/// A row of the grid: a region heading or a jurisdiction (its position in `Survey.jurisdictions`).
package enum MatrixRow: Equatable, Sendable {
    case heading(Region)
    case jurisdiction(Int)
}

/// Which jurisdictions the grid shows.
package struct MatrixFilter: Equatable, Sendable {
    /// Text to find in a jurisdiction's short, full or English name (case-insensitive); empty shows all.
    package var query = ""
    /// Only jurisdictions with at least one problem cell.
    package var onlyProblems = false
    /// Only jurisdictions with cells still empty (not surveyed).
    package var onlyEmpty = false

    package var isActive: Bool { !normalizedQuery.isEmpty || onlyProblems || onlyEmpty }

    package var normalizedQuery: String { query.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() }

    package func matches(_ jurisdiction: Jurisdiction, hasProblems: Bool, hasEmpty: Bool = true) -> Bool {
        if onlyProblems && !hasProblems { return false }
        if onlyEmpty && !hasEmpty { return false }
        // No search (every key's rows): no text is trimmed for each jurisdiction.
        if query.isEmpty { return true }
        let q = normalizedQuery
        if q.isEmpty { return true }
        return [jurisdiction.shortName, jurisdiction.name, jurisdiction.englishName, jurisdiction.id]
            .contains { $0.lowercased().contains(q) }
    }
    package init(query: String = "", onlyProblems: Bool = false, onlyEmpty: Bool = false) {
        self.query = query
        self.onlyProblems = onlyProblems
        self.onlyEmpty = onlyEmpty
    }
}

/// The grid's rows in display order: headings and jurisdictions, after ordering and filtering.
/// "Data rows" are the jurisdiction rows only; the cursor and selection address them.
package struct MatrixRows: Equatable, Sendable {
    package private(set) var display: [MatrixRow]
    /// Jurisdiction positions of the data rows, in display order.
    package private(set) var data: [Int]
    /// For each data row, its position in `display`.
    package private(set) var displayIndex: [Int]

    /// Orders the jurisdictions whose positions pass `include`. `rates` gives each jurisdiction's
    /// counts (for `.rate`, whose rate follows `definition`: the survey's treatment of delegated cells).
    package init(jurisdictions: [Jurisdiction], order: MatrixOrder, rates: [RateCounts], definition: RateDefinition = .delegatedExcluded,
         include: (Int) -> Bool) {
        let shown = jurisdictions.indices.filter(include)
        var display: [MatrixRow] = []
        switch order {
        case .report:
            display = shown.map { .jurisdiction($0) }
        case .region:
            for region in Region.allCases {
                let members = shown.filter { jurisdictions[$0].region == region }
                guard !members.isEmpty else { continue }
                display.append(.heading(region))
                display += members.map { .jurisdiction($0) }
            }
        case .rate:
            let sorted = shown.sorted { a, b in
                let ra = rates.indices.contains(a) ? rates[a] : RateCounts()
                let rb = rates.indices.contains(b) ? rates[b] : RateCounts()
                let fa = ra.fraction(definition), fb = rb.fraction(definition)
                switch (fa.denominator > 0, fb.denominator > 0) {
                case (true, false): return true
                case (false, true): return false
                case (false, false): return a < b
                case (true, true):
                    let left = fa.numerator * fb.denominator, right = fb.numerator * fa.denominator
                    return left != right ? left > right : a < b
                }
            }
            display = sorted.map { .jurisdiction($0) }
        }
        self.display = display
        var data: [Int] = []
        var displayIndex: [Int] = []
        for (i, row) in display.enumerated() {
            if case .jurisdiction(let j) = row {
                data.append(j)
                displayIndex.append(i)
            }
        }
        self.data = data
        self.displayIndex = displayIndex
    }

    package var count: Int { data.count }
    package var isEmpty: Bool { data.isEmpty }

    /// The data row showing a jurisdiction position, if it is shown.
    package func row(ofJurisdiction j: Int) -> Int? { data.firstIndex(of: j) }
}
