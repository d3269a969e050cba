import Foundation

/// Where the notes of a table's cells go in an export.
public enum NotePlacement: String, CaseIterable, Sendable {
    /// Numbered footnotes under the table, the cell keeping only a superscript number (the
    /// default for report tables: the matrix keeps one line per cell).
    case footnotes
    /// In the cell, in parentheses after its value (√（自愿性地市级负责）).
    case inline
    /// Left out.
    case none

    /// The name in the Export dialog and the man page.
    public var label: String {
        switch self {
        case .footnotes: return tr("Footnotes under the table")
        case .inline: return tr("In the cells")
        case .none: return tr("Left out")
        }
    }
}

extension Table {
    /// The table with its cells' notes placed: as numbered footnotes (the same note text shares
    /// one number, numbered in reading order, row by row), written into the cells, or left out.
    /// A table without notes is returned as it is (its rows stay lazy). Call it in the language
    /// the table was built in: inline notes take that language's parentheses.
    public func placingNotes(_ placement: NotePlacement) -> Table {
        guard hasNotes else { return self }
        var rows = self.rows
        var numbers: [String: Int] = [:]
        var footnotes: [String] = []
        for r in rows.indices {
            for c in rows[r].indices {
                guard let note = rows[r][c].note else { continue }
                rows[r][c].note = nil
                guard !note.isEmpty else { continue }
                switch placement {
                case .none:
                    break
                case .inline:
                    let text = rows[r][c].value.plainText + parenthesised(note)
                    rows[r][c].value = .text(text)
                case .footnotes:
                    let number: Int
                    if let n = numbers[note] {
                        number = n
                    } else {
                        footnotes.append(note)
                        number = footnotes.count
                        numbers[note] = number
                    }
                    rows[r][c].footnote = number
                }
            }
        }
        let placed = rows
        var table = withRows(count: placed.count) { placed[$0] }
        table.hasNotes = false
        table.footnotes = footnotes
        return table
    }

    /// The caption of a numbered table: "表3 各年度公开情况" / "Table 3. Jurisdictions by …";
    /// the title alone when it has no number.
    public var caption: String {
        number.map { TableCaption.table($0, title) } ?? title
    }
}

extension TableCell {
    /// The text of the cell with its footnote mark (√¹²) for formats without superscript.
    public var plainText: String {
        guard let footnote else { return value.plainText }
        return value.plainText + TableCaption.superscript(footnote)
    }
}

/// Captions and note lines shared by every export format, so that a table reads 表3 in XLSX,
/// HTML and DOCX alike.
public enum TableCaption {
    /// "表3 TITLE" / "Table 3. TITLE".
    public static func table(_ number: any CustomStringConvertible, _ title: String) -> String { tr("Table %1. %2", number, title) }

    /// "图3 TITLE" / "Figure 3. TITLE".
    public static func figure(_ number: any CustomStringConvertible, _ title: String) -> String { tr("Figure %1. %2", number, title) }

    /// The heading of the notes under a table: "注：" / "Notes:".
    public static var notesHeading: String { tr("Notes:") }

    /// One footnote line: "1. TEXT".
    public static func footnote(_ number: Int, _ text: String) -> String { "\(number). \(text)" }

    /// A number in Unicode superscript digits (¹²³), the footnote mark in plain-text formats.
    public static func superscript(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return String(String(n).compactMap { $0.wholeNumberValue.map { digits[$0] } })
    }

    /// Numbers the tables 1, 2, 3 … in the order given (what every format of one export shares).
    public static func numbered(_ tables: [Table]) -> [Table] {
        tables.enumerated().map { i, table in
            var t = table
            t.number = i + 1
            return t
        }
    }
}
