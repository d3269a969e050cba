import Foundation
import Model
import GtkKit
import Rendering

/// One value of a block pasted into the matrix.
package struct PastedCell: Equatable, Sendable {
    /// The new status; `notSurveyed` clears the cell.
    package var status: DisclosureStatus
    /// A note written in parentheses after the value (地市级负责（自愿性地市级负责）); nil keeps the
    /// cell's note.
    package var note: String?

    package init(_ status: DisclosureStatus, note: String? = nil) {
        self.status = status
        self.note = note
    }
}

/// A block of values, rows of cells, as copied from a spreadsheet. Rows may differ in length
/// (a spreadsheet drops nothing, but hand-typed text may).
package struct PastedBlock: Equatable, Sendable {
    package var rows: [[PastedCell]]
    /// The longest row's length.
    package var width: Int { rows.map(\.count).max() ?? 0 }
    package init(rows: [[PastedCell]]) {
        self.rows = rows
    }
}

/// Why a paste was refused. Nothing is changed when a paste is refused.
package enum PasteError: Error, Equatable, Sendable {
    /// The clipboard holds no text (or only whitespace and line breaks).
    case empty
    /// A value that is not a status, at a 1-based row and column of the block; `cell` names the
    /// matrix cell it would have gone to, when known.
    case unreadable(row: Int, column: Int, value: String, cell: String?)
    /// The block runs below the last shown row or right of the last column: the 1-based row or
    /// column of the block that does not fit, and how many rows or columns there is room for.
    case tooManyRows(blockRows: Int, room: Int)
    case tooManyColumns(blockColumns: Int, room: Int)

    /// A sentence for the user, translated.
    package var message: String {
        switch self {
        case .empty:
            return tr("The clipboard holds no text to paste.")
        case .unreadable(let row, let column, let value, let cell):
            let shown = value.count > 40 ? String(value.prefix(40)) + "…" : value
            let place = cell.map { tr("Row %1, column %2 of the pasted block (cell %3)", row, column, $0) }
                ?? tr("Row %1, column %2 of the pasted block", row, column)
            return tr("%1: “%2” is not a status. Use √/×, Y/N, 1/0, prefecture or division, or leave it empty to clear. Nothing was changed.", place, shown)
        case .tooManyRows(let blockRows, let room):
            return trn("The pasted block has %1 rows but only %2 shown row is left from the cursor down (row %3 of the block does not fit). Nothing was changed.",
                       "The pasted block has %1 rows but only %2 shown rows are left from the cursor down (row %3 of the block does not fit). Nothing was changed.",
                       room, blockRows, room, room + 1)
        case .tooManyColumns(let blockColumns, let room):
            return trn("The pasted block has %1 columns but only %2 column is left from the cursor to the right (column %3 of the block does not fit). Nothing was changed.",
                       "The pasted block has %1 columns but only %2 columns are left from the cursor to the right (column %3 of the block does not fit). Nothing was changed.",
                       room, blockColumns, room, room + 1)
        }
    }
}

/// Reading a block of statuses copied from a spreadsheet: tab-separated values, one row per line.
package enum MatrixPaste {
    /// Parses clipboard text. Lines end in LF, CRLF or CR; one final line break is ignored (every
    /// spreadsheet writes one); cells are separated by tabs and may be quoted ("√"). Values are read
    /// by `cell(from:)`; the first unreadable one refuses the whole block.
    package static func parse(_ text: String) -> Result<PastedBlock, PasteError> {
        var normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        if normalized.hasSuffix("\n") { normalized.removeLast() }
        if normalized.allSatisfy({ $0.isWhitespace }) { return .failure(.empty) }
        var rows: [[PastedCell]] = []
        for (r, line) in normalized.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var row: [PastedCell] = []
            for (c, raw) in line.split(separator: "\t", omittingEmptySubsequences: false).enumerated() {
                guard let cell = cell(from: unquoted(String(raw))) else {
                    return .failure(.unreadable(row: r + 1, column: c + 1, value: String(raw), cell: nil))
                }
                row.append(cell)
            }
            rows.append(row)
        }
        return .success(PastedBlock(rows: rows))
    }

    /// Reads one value: a status word or symbol, optionally followed by a note in parentheses;
    /// empty means "clear". Nil when the value is not a status.
    package static func cell(from value: String) -> PastedCell? {
        let text = trimmed(value)
        if text.isEmpty { return PastedCell(.notSurveyed) }
        if let status = status(of: text) { return PastedCell(status) }
        // A note in parentheses after the status: 地市级负责（自愿性地市级负责）, √ (partly).
        for (open, close) in [("（", "）"), ("(", ")")] where text.hasSuffix(close) {
            guard let start = text.range(of: open, options: .backwards) else { continue }
            let base = trimmed(String(text[..<start.lowerBound]))
            let note = trimmed(String(text[start.upperBound..<text.index(before: text.endIndex)]))
            guard !base.isEmpty, let status = status(of: base), status != .notSurveyed else { return nil }
            return PastedCell(status, note: note.isEmpty ? nil : note)
        }
        return nil
    }

    /// The status a word or symbol stands for (case-insensitive for Latin letters).
    package static func status(of text: String) -> DisclosureStatus? {
        words[text.lowercased()]
    }

    private static let words: [String: DisclosureStatus] = {
        var out: [String: DisclosureStatus] = [:]
        let lists: [(DisclosureStatus, [String])] = [
            (.disclosed, ["√", "✓", "✔", "☑", "是", "y", "yes", "1", "已公开", "公开", "disclosed"]),
            (.notDisclosed, ["×", "✗", "✘", "☒", "x", "否", "n", "no", "0", "未公开", "not disclosed"]),
            (.prefecture, ["地市级负责", "地市级", "地市", "prefecture level", "prefecture", "pref."]),
            (.division, ["师市级负责", "师市级", "师市", "division level", "division", "div."]),
            (.notSurveyed, ["未调查", "not surveyed"]),
        ]
        for (status, names) in lists {
            for name in names { out[name] = status }
        }
        return out
    }()

    /// Removes spreadsheet quoting: "a ""b""" → a "b".
    private static func unquoted(_ value: String) -> String {
        let text = trimmed(value)
        guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else { return value }
        return String(text.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
    }

    /// Trims spaces, including the ideographic space and no-break space spreadsheets leave.
    private static func trimmed(_ value: String) -> String {
        value.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{3000}\u{00A0}")))
    }
}
