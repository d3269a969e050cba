import Foundation

/// How wide each column of a table's text is, in display columns (`ExportText.displayWidth`: a
/// CJK character counts two): what the HTML and DOCX writers size their columns from, each with
/// its own caps and units.
public struct TextColumnWidths: Sendable {
    /// The narrowest column.
    public var minimum: Int
    /// A single-column heading counts up to this many columns; a longer one wraps.
    public var headerCap: Int
    /// A body cell counts up to this many columns; a longer one wraps.
    public var bodyCap: Int
    /// Rows measured from the top (a long table's first rows stand for the rest).
    public var sampleRows = 2_000

    public init(minimum: Int, headerCap: Int, bodyCap: Int) {
        self.minimum = minimum
        self.headerCap = headerCap
        self.bodyCap = bodyCap
    }

    /// The width of each column of `table`: its single-column headings and the first
    /// `sampleRows` rows, a cell with its footnote mark (written as a superscript number after
    /// the text), each capped, never below `minimum`.
    public func of(_ table: Table) -> [Int] {
        var units = [Int](repeating: minimum, count: table.columnCount)
        for b in table.headerBlocks where b.columns == 1 && b.column < units.count {
            units[b.column] = max(units[b.column], min(headerCap, ExportText.displayWidth(b.text)))
        }
        for i in 0..<min(table.rowCount, sampleRows) {
            for (c, cell) in table.row(i).enumerated() where c < units.count {
                let mark = cell.footnote.map { String($0).utf8.count } ?? 0
                units[c] = max(units[c], min(bodyCap, ExportText.displayWidth(cell.value.plainText) + mark))
            }
        }
        return units
    }
}
