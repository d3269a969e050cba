import Foundation

/// Writes tables as RFC 4180 CSV: fields separated by commas, records by CRLF, fields quoted when
/// they contain a comma, quote, CR or LF, quotes doubled. UTF-8, with a byte-order mark by default
/// so that Excel and WPS read Chinese text correctly.
///
/// Any text cell that a spreadsheet would read as a formula (first character `=`, `+`, `-`, `@`,
/// tab or CR) is neutralised by a leading apostrophe, the OWASP recommendation against CSV
/// injection. Numbers are written as they are.
public struct CSVWriter: Sendable {
    public var byteOrderMark: Bool
    public var neutraliseFormulas: Bool

    public init(byteOrderMark: Bool = true, neutraliseFormulas: Bool = true) {
        self.byteOrderMark = byteOrderMark
        self.neutraliseFormulas = neutraliseFormulas
    }

    /// The characters that make a spreadsheet treat a text cell as a formula.
    public static let formulaTriggers: Set<UInt8> = [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D]

    /// The whole table as CSV bytes.
    public func data(_ table: Table) -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(64 + table.rowCount * 16 * max(1, table.columnCount))
        if byteOrderMark { out += [0xEF, 0xBB, 0xBF] }
        for headerRow in table.expandedHeader {
            appendRecord(headerRow.map { TableValue.text($0) }, to: &out)
        }
        for i in 0..<table.rowCount {
            appendRecord(table.row(i).map(\.value), to: &out)
        }
        return Data(out)
    }

    /// Writes the table to a file. The caller decides whether the file may be replaced.
    public func write(_ table: Table, to url: URL) throws {
        try data(table).write(to: url, options: .atomic)
    }

    private func appendRecord(_ values: [TableValue], to out: inout [UInt8]) {
        for (i, value) in values.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            switch value {
            case .integer(let n):
                out.append(contentsOf: String(n).utf8)
            case .empty:
                break
            default:
                appendField(value.plainText, to: &out)
            }
        }
        out += [0x0D, 0x0A]
    }

    private func appendField(_ text: String, to out: inout [UInt8]) {
        let utf8 = text.utf8
        let neutralise = neutraliseFormulas && utf8.first.map(Self.formulaTriggers.contains) == true
        let needsQuotes = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else {
            if neutralise { out.append(UInt8(ascii: "'")) }
            out.append(contentsOf: utf8)
            return
        }
        out.append(UInt8(ascii: "\""))
        if neutralise { out.append(UInt8(ascii: "'")) }
        for b in utf8 {
            if b == UInt8(ascii: "\"") { out.append(b) }
            out.append(b)
        }
        out.append(UInt8(ascii: "\""))
    }
}
