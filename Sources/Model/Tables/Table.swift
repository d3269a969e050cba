import Foundation

/// One cell of an exported table. Text, numbers and links stay distinct so that each format can
/// write them natively (numbers as numbers in XLSX, links as hyperlinks).
public enum TableValue: Equatable, Sendable {
    case empty
    case text(String)
    case integer(Int)
    /// A share between 0 and 1.
    case percent(Double)
    case link(url: String, text: String)

    /// The value as plain text (what CSV, Markdown and the clipboard write).
    public var plainText: String {
        switch self {
        case .empty: return ""
        case .text(let s): return s
        case .integer(let n): return String(n)
        case .percent(let p): return String(format: "%.1f%%", p * 100)
        case .link(_, let text): return text
        }
    }
}

public struct TableCell: Equatable, Sendable {
    public var value: TableValue
    /// The matrix status a cell shows, so that formats can colour it the app's way.
    public var status: DisclosureStatus?
    /// A note on the cell (a matrix cell's note), not yet placed: `Table.placingNotes` writes it
    /// into the cell, makes it a numbered footnote or leaves it out.
    public var note: String?
    /// The number of the table's footnote this cell refers to (1-based), once notes are placed.
    public var footnote: Int?

    public init(_ value: TableValue, status: DisclosureStatus? = nil, note: String? = nil) {
        self.value = value
        self.status = status
        self.note = note
    }

    public static func text(_ s: String?) -> TableCell { TableCell(s.map { $0.isEmpty ? .empty : .text($0) } ?? .empty) }
    public static func int(_ n: Int?) -> TableCell { TableCell(n.map { .integer($0) } ?? .empty) }
}

/// A header cell that spans `span` columns (a merged header, e.g. a year over its two kinds).
public struct HeaderCell: Equatable, Sendable {
    public var text: String
    public var span: Int
    public init(_ text: String, span: Int = 1) { self.text = text; self.span = span }
}

/// A table ready for export: one or more header rows and rows produced on demand, so that a table
/// of 100,000 enterprises is written row by row without holding every cell at once.
public struct Table: Sendable {
    /// The table's name on the command line (`matrix`, `enterprises`, …).
    public let id: String
    /// Human title (translated), used for sheet names and headings.
    public let title: String
    /// Header rows; the spans of each row add up to `columnCount`.
    public let header: [[HeaderCell]]
    public let rowCount: Int
    private let makeRow: @Sendable (Int) -> [TableCell]
    /// Whether some cells carry a `note` still to be placed (see `placingNotes`).
    public var hasNotes = false
    /// The notes under the table, numbered from 1 (cells refer to them by `TableCell.footnote`).
    public var footnotes: [String] = []
    /// Its number in the export (表1, Table 1), the same in every format; nil: unnumbered.
    public var number: Int?

    public init(id: String, title: String, header: [[HeaderCell]], rowCount: Int, row: @escaping @Sendable (Int) -> [TableCell]) {
        self.id = id
        self.title = title
        self.header = header
        self.rowCount = rowCount
        self.makeRow = row
    }

    /// The same table with its rows made by `row` (header, title, notes and number kept).
    public func withRows(count: Int, _ row: @escaping @Sendable (Int) -> [TableCell]) -> Table {
        var table = Table(id: id, title: title, header: header, rowCount: count, row: row)
        table.hasNotes = hasNotes
        table.footnotes = footnotes
        table.number = number
        return table
    }

    /// A table whose rows are already built.
    public init(id: String, title: String, header: [[HeaderCell]], rows: [[TableCell]]) {
        self.init(id: id, title: title, header: header, rowCount: rows.count) { rows[$0] }
    }

    /// A table with one plain header row.
    public init(id: String, title: String, columns: [String], rows: [[TableCell]]) {
        self.init(id: id, title: title, header: [columns.map { HeaderCell($0) }], rows: rows)
    }

    public var columnCount: Int { header.first.map { $0.reduce(0) { $0 + $1.span } } ?? 0 }

    public func row(_ index: Int) -> [TableCell] { makeRow(index) }

    /// All rows at once (for small tables and tests).
    public var rows: [[TableCell]] { (0..<rowCount).map(makeRow) }

    /// Header rows expanded to one string per column: a merged cell's text stands in its first
    /// column and the columns it spans are empty (how CSV and Markdown write merged headers).
    public var expandedHeader: [[String]] {
        header.map { row in row.flatMap { [$0.text] + Array(repeating: "", count: max(0, $0.span - 1)) } }
    }
}
