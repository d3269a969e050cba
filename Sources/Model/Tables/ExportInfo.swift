import Foundation

/// What every exported document says about its survey: the title, the data-source line printed
/// under its tables, and who made it (for document properties).
public struct ExportInfo: Equatable, Sendable {
    public var title: String
    /// e.g. "数据来源：上海青悦 2018-2022 调研"; empty when the survey gives none.
    public var dataSource: String
    public var authors: [String]
    public var organisation: String

    public init(title: String, dataSource: String = "", authors: [String] = [], organisation: String = "") {
        self.title = title
        self.dataSource = dataSource
        self.authors = authors
        self.organisation = organisation
    }

    /// The survey's own title, source (in `language`: `SurveyMeta.dataSource(in:)`; nil: the
    /// interface's), authors and organisation.
    public init(_ meta: SurveyMeta, language: Language? = nil) {
        self.init(title: meta.title, dataSource: meta.dataSource(in: language ?? Localizer.shared.effectiveLanguage),
                  authors: meta.authors, organisation: meta.organisation)
    }
}

extension Table {
    /// One name per column for formats with a single header row (JSON, Markdown): the texts of
    /// the header rows above the column, a merged heading repeated under its whole span, joined
    /// with a space ("2018年度 审核企业名单公开").
    public var flatColumnNames: [String] {
        let spread: [[String]] = header.map { row in row.flatMap { Array(repeating: $0.text, count: max(1, $0.span)) } }
        return (0..<columnCount).map { c in
            var parts: [String] = []
            for row in spread where c < row.count && !row[c].isEmpty && parts.last != row[c] { parts.append(row[c]) }
            return parts.joined(separator: " ")
        }
    }

    /// The header as a grid of merged blocks: each header cell with the rows and columns it
    /// covers. A cell also spans down over the empty single-column cells right below it (the
    /// report's 省份/年度 corner covers both header rows).
    public var headerBlocks: [HeaderBlock] {
        // Each header row as (first column, cell).
        let placed: [[(column: Int, cell: HeaderCell)]] = header.map { row in
            var column = 0
            return row.map { cell in
                defer { column += max(1, cell.span) }
                return (column, cell)
            }
        }
        func emptySingle(_ r: Int, _ column: Int) -> Bool {
            placed[r].contains { $0.column == column && $0.cell.text.isEmpty && max(1, $0.cell.span) == 1 }
        }
        var consumed = Set<[Int]>()
        var blocks: [HeaderBlock] = []
        for r in placed.indices {
            for (column, cell) in placed[r] where !consumed.contains([r, column]) {
                let span = max(1, cell.span)
                var rows = 1
                while span == 1, r + rows < placed.count, emptySingle(r + rows, column) {
                    consumed.insert([r + rows, column])
                    rows += 1
                }
                blocks.append(HeaderBlock(text: cell.text, row: r, column: column, rows: rows, columns: span))
            }
        }
        return blocks
    }
}

/// A header cell placed on the header grid (see `Table.headerBlocks`).
public struct HeaderBlock: Equatable, Sendable {
    public var text: String
    public var row: Int
    public var column: Int
    public var rows: Int
    public var columns: Int
    public var isMerged: Bool { rows > 1 || columns > 1 }

    public init(text: String, row: Int, column: Int, rows: Int, columns: Int) {
        self.text = text
        self.row = row
        self.column = column
        self.rows = rows
        self.columns = columns
    }
}
