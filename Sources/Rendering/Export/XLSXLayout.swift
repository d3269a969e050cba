import Foundation
import Model
import GtkKit

/// Column widths that fit a sheet's text, and heights for the rows whose text wraps.
///
/// Widths are counted in display columns (`ExportText.displayWidth`: a CJK character counts
/// two). A column grows to its widest cell, but a header only up to `maxHeaderWidth`, a body
/// cell up to `maxBodyWidth` and a status cell (the matrix) up to `maxStatusWidth`; longer
/// texts wrap, and their rows get the height of their lines, since neither Excel nor
/// LibreOffice reliably re-measures rows when opening a file.
package struct XLSXLayout {
    package static let maxHeaderWidth = 10
    package static let maxBodyWidth = 36
    package static let maxStatusWidth = 22
    /// Excel's units: about one digit of the default font.
    package static let minExcelWidth = 6.0
    /// Points per line of 11-point text, and Excel's highest row.
    package static let lineHeight = 15.0
    package static let maxRowHeight = 409.0

    /// A text wider than its cap or with line breaks: where it is and how wide each line is.
    private struct Wrap {
        var row: Int32
        var column: Int32
        var columns: Int32
        var width: Int32
        /// The width of each line, for texts with line breaks (nil: one line of `width`).
        var lines: [Int]?
    }

    package private(set) var widths: [Int]
    private var wrapping: [Wrap] = []

    package init(columns: Int) { widths = [Int](repeating: 0, count: columns) }

    package mutating func header(_ block: HeaderBlock) {
        let width = ExportText.displayWidth(block.text)
        if block.columns == 1, block.column < widths.count {
            widths[block.column] = max(widths[block.column], min(width, Self.maxHeaderWidth))
        }
        // Multi-row blocks have room to spare; merged columns are checked once widths are known.
        let lines = Self.lineWidths(block.text)
        if block.rows == 1 && (block.columns > 1 || width > Self.maxHeaderWidth || lines != nil) {
            wrapping.append(Wrap(row: Int32(block.row), column: Int32(block.column), columns: Int32(block.columns),
                                 width: Int32(width), lines: lines))
        }
    }

    /// A body cell's text. Its width is measured only when it could matter: a text of n UTF-8
    /// bytes is at most n display columns wide.
    package mutating func text(_ text: String, status: Bool, row: Int, column: Int) {
        guard column < widths.count else { return }
        let cap = status ? Self.maxStatusWidth : Self.maxBodyWidth
        let bytes = text.utf8.count
        let multiline = Self.hasLineBreak(text)
        if !multiline && bytes <= cap && bytes <= widths[column] { return }
        let width = ExportText.displayWidth(text)
        widths[column] = max(widths[column], min(width, cap))
        if width > cap || multiline {
            wrapping.append(Wrap(row: Int32(row), column: Int32(column), columns: 1, width: Int32(width),
                                 lines: multiline ? Self.lineWidths(text) : nil))
        }
    }

    /// A number (or another one-line value) `width` display columns wide.
    package mutating func number(width: Int, column: Int) {
        if column < widths.count && width > widths[column] { widths[column] = min(width, Self.maxBodyWidth) }
    }

    /// The width of a column in Excel's units.
    package func excelWidth(_ column: Int) -> Double {
        max(Self.minExcelWidth, Double(widths[column]) * 1.1 + 2)
    }

    /// Heights in points of the rows that need more than one line.
    package func rowHeights() -> [Int: Double] {
        var lines: [Int: Int] = [:]
        for w in wrapping {
            let n = lineCount(w)
            if n > 1 { lines[Int(w.row)] = max(lines[Int(w.row)] ?? 1, n) }
        }
        return lines.mapValues { min(Self.maxRowHeight, Double($0) * Self.lineHeight) }
    }

    /// For a sheet written row by row: the height in points of the body row just measured, when
    /// it needs more than one line (nil: one line), and its texts forgotten. A single-column
    /// text is counted exactly already: one wider than its cap has made its column as wide as it
    /// will get, and every line of a narrower one fits the column's width so far.
    package mutating func takeHeight(ofRow row: Int) -> Double? {
        var n = 1
        while let w = wrapping.last, w.row == Int32(row) {
            n = max(n, lineCount(w))
            wrapping.removeLast()
        }
        return n > 1 ? min(Self.maxRowHeight, Double(n) * Self.lineHeight) : nil
    }

    /// The lines a text takes over the columns it spans, at their widths now.
    private func lineCount(_ w: Wrap) -> Int {
        let first = Int(w.column), last = min(widths.count, first + Int(w.columns))
        let space = max(1, (first..<last).reduce(0.0) { $0 + excelWidth($1) / 1.1 } - 1)
        func count(_ width: Int) -> Int { max(1, Int((Double(width) / space).rounded(.up))) }
        return w.lines.map { $0.reduce(0) { $0 + count($1) } } ?? count(Int(w.width))
    }

    /// Whether a text has a line break (memchr over its UTF-8 bytes: called for every cell).
    package static func hasLineBreak(_ text: String) -> Bool {
        let found = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.baseAddress.map { memchr($0, 0x0A, bytes.count) != nil } ?? false
        }
        return found ?? text.utf8.contains(0x0A)
    }

    /// The widths of a text's lines, or nil for a text without line breaks.
    private static func lineWidths(_ text: String) -> [Int]? {
        guard hasLineBreak(text) else { return nil }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { ExportText.displayWidth(String($0)) }
    }
}
