import Foundation
import Model

/// Column widths that fit a sheet's text, and heights for the rows whose text wraps.
///
/// Widths are counted in display columns (`ExportText.displayWidth`: a CJK character counts
/// two). A column grows to its widest cell, but a header only up to `maxHeaderWidth`, a body
/// cell up to `maxBodyWidth` and a status cell (the matrix) up to `maxStatusWidth`; longer
/// texts wrap, and their rows get the height of their lines, since neither Excel nor
/// LibreOffice reliably re-measures rows when opening a file.
struct XLSXLayout {
    static let maxHeaderWidth = 16
    static let maxBodyWidth = 36
    static let maxStatusWidth = 22
    /// Excel's units: about one digit of the default font.
    static let minExcelWidth = 6.0
    /// Points per line of 11-point text, and Excel's highest row.
    static let lineHeight = 15.0
    static let maxRowHeight = 409.0

    private(set) var widths: [Int]
    /// Texts wider than their cap or with line breaks: the rows and columns they occupy.
    private var wrapping: [(row: Int, column: Int, columns: Int, text: String)] = []

    init(columns: Int) { widths = [Int](repeating: 0, count: columns) }

    mutating func header(_ block: HeaderBlock) {
        let width = ExportText.displayWidth(block.text)
        if block.columns == 1, block.column < widths.count {
            widths[block.column] = max(widths[block.column], min(width, Self.maxHeaderWidth))
        }
        // Multi-row blocks have room to spare; merged columns are checked once widths are known.
        if block.rows == 1 && (block.columns > 1 || width > Self.maxHeaderWidth || block.text.contains("\n")) {
            wrapping.append((block.row, block.column, block.columns, block.text))
        }
    }

    /// A body cell of `width` display columns (text: `text`, else nil for numbers).
    mutating func body(width: Int, text: String?, status: Bool, row: Int, column: Int) {
        guard column < widths.count else { return }
        let cap = status ? Self.maxStatusWidth : Self.maxBodyWidth
        widths[column] = max(widths[column], min(width, cap))
        if let text, width > cap || text.contains("\n") {
            wrapping.append((row, column, 1, text))
        }
    }

    /// The width of a column in Excel's units.
    func excelWidth(_ column: Int) -> Double {
        max(Self.minExcelWidth, Double(widths[column]) * 1.1 + 2)
    }

    /// Heights in points of the rows that need more than one line.
    func rowHeights() -> [Int: Double] {
        var lines: [Int: Int] = [:]
        for w in wrapping {
            let room = (w.column..<min(widths.count, w.column + w.columns)).reduce(0.0) { $0 + excelWidth($1) } / 1.1 - 1
            var n = 0
            for line in w.text.split(separator: "\n", omittingEmptySubsequences: false) {
                n += max(1, Int((Double(ExportText.displayWidth(String(line))) / max(1, room)).rounded(.up)))
            }
            if n > 1 { lines[w.row] = max(lines[w.row] ?? 1, n) }
        }
        return lines.mapValues { min(Self.maxRowHeight, Double($0) * Self.lineHeight) }
    }
}
