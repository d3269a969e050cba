import Foundation

/// Writes tables as RFC 4180 CSV: fields separated by commas, records by CRLF, fields quoted when
/// they contain a comma, quote, CR or LF, quotes doubled. UTF-8, with a byte-order mark by default
/// so that Excel and WPS read Chinese text correctly.
///
/// Any text cell that a spreadsheet would read as a formula (first character `=`, `+`, `-`, `@`,
/// tab or CR) is neutralised by a leading apostrophe, the OWASP recommendation against CSV
/// injection. Numbers are written as they are.
///
/// The bytes go straight into one growing buffer that becomes the `Data` without a copy. Long
/// tables are written on all cores, in runs of rows that are then put together in order.
public struct CSVWriter: Sendable {
    public var byteOrderMark: Bool
    public var neutraliseFormulas: Bool
    /// When set, the file starts with one comment line `# source: …` (after the byte-order
    /// mark), which pandas (`comment="#"`) and R (`comment.char = "#"`) skip. Nil: data only,
    /// the header row first, as scripts reading the CSV expect.
    public var sourceLine: String?

    public init(byteOrderMark: Bool = true, neutraliseFormulas: Bool = true, sourceLine: String? = nil) {
        self.byteOrderMark = byteOrderMark
        self.neutraliseFormulas = neutraliseFormulas
        self.sourceLine = sourceLine
    }

    /// The comment line for a data source: line breaks folded into spaces.
    public static func sourceComment(_ source: String) -> String {
        let oneLine = source.split(whereSeparator: \.isNewline).joined(separator: " ")
        return "# source: " + oneLine.trimmingCharacters(in: .whitespaces)
    }

    /// The characters that make a spreadsheet treat a text cell as a formula.
    public static let formulaTriggers: Set<UInt8> = [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D]

    /// `formulaTriggers.contains(byte)`, without hashing.
    @inline(__always)
    static func isFormulaTrigger(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: return true
        default: return false
        }
    }

    /// Tables with at least this many rows are written on several cores.
    static let parallelRows = 4096

    /// The whole table as CSV bytes.
    public func data(_ table: Table) -> Data {
        let out = CSVBuffer(capacity: 4096)
        if byteOrderMark { out.append(0xEF, 0xBB, 0xBF) }
        if let sourceLine {
            for byte in Self.sourceComment(sourceLine).utf8 { out.append(byte) }
            out.append(0x0D, 0x0A)
        }
        for headerRow in table.expandedHeader {
            for (i, text) in headerRow.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                appendField(text, to: out)
            }
            out.append(0x0D, 0x0A)
        }
        let rows = table.rowCount
        let runs = rows >= Self.parallelRows ? max(2, min(16, 4 * ProcessInfo.processInfo.activeProcessorCount)) : 1
        if runs == 1 {
            appendRows(0..<rows, of: table, to: out)
            return out.takeData()
        }
        // Each run of rows writes its own buffer (and only its own slot); the table is only read.
        var parts = [CSVBuffer?](repeating: nil, count: runs)
        parts.withUnsafeMutableBufferPointer { slots in
            let shared = Unchecked((slots, table, self))
            ParallelCoding.run(runs) { r in
                let (slots, table, writer) = shared.value
                let range = ParallelCoding.range(of: r, chunks: runs, count: rows)
                let part = CSVBuffer(capacity: 1 << 16)
                writer.appendRows(range, of: table, to: part)
                slots[r] = part
            }
        }
        out.reserve(parts.reduce(0) { $0 + $1!.count })
        for part in parts { out.append(part!) }
        return out.takeData()
    }

    /// Writes the table to a file. The caller decides whether the file may be replaced.
    public func write(_ table: Table, to url: URL) throws {
        try data(table).write(to: url, options: .atomic)
    }

    private func appendRows(_ rows: Range<Int>, of table: Table, to out: CSVBuffer) {
        for index in rows {
            for (i, cell) in table.row(index).enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                switch cell.value {
                case .integer(let n): out.appendDecimal(n)
                case .empty: break
                case .text(let text) where cell.footnote == nil: appendField(text, to: out)
                default: appendField(cell.plainText, to: out)
                }
            }
            out.append(0x0D, 0x0A)
        }
    }

    private func appendField(_ text: String, to out: CSVBuffer) {
        // Line breaks inside a quoted field are content; ESC and the other controls are escaped.
        var text = Printable.escaped(text, keepingLineBreaks: true)
        text.withUTF8 { utf8 in
            guard let first = utf8.first else { return }
            let neutralise = neutraliseFormulas && Self.isFormulaTrigger(first)
            var needsQuotes = false
            for b in utf8 where b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == 0x0A || b == 0x0D {
                needsQuotes = true
                break
            }
            guard needsQuotes else {
                if neutralise { out.append(UInt8(ascii: "'")) }
                out.append(utf8)
                return
            }
            out.append(UInt8(ascii: "\""))
            if neutralise { out.append(UInt8(ascii: "'")) }
            // Runs without quotes as they are; each quote doubled.
            var runStart = 0
            for (k, b) in utf8.enumerated() where b == UInt8(ascii: "\"") {
                out.append(UnsafeBufferPointer(rebasing: utf8[runStart...k]))
                out.append(UInt8(ascii: "\""))
                runStart = k + 1
            }
            out.append(UnsafeBufferPointer(rebasing: utf8[runStart...]))
            out.append(UInt8(ascii: "\""))
        }
    }
}

/// A growing byte buffer (`malloc`/`realloc`, which moves large blocks without copying them) that
/// becomes a `Data` without a copy.
final class CSVBuffer: @unchecked Sendable {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = malloc(self.capacity)!.assumingMemoryBound(to: UInt8.self)
    }

    deinit { free(base) }

    /// Makes room for `extra` more bytes.
    func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        capacity = max(capacity * 2, count + extra)
        base = realloc(base, capacity)!.assumingMemoryBound(to: UInt8.self)
    }

    @inline(__always)
    func append(_ byte: UInt8) {
        if count == capacity { reserve(1) }
        base[count] = byte
        count += 1
    }

    func append(_ a: UInt8, _ b: UInt8) {
        reserve(2)
        base[count] = a
        base[count + 1] = b
        count += 2
    }

    func append(_ a: UInt8, _ b: UInt8, _ c: UInt8) {
        reserve(3)
        base[count] = a
        base[count + 1] = b
        base[count + 2] = c
        count += 3
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    func append(_ other: CSVBuffer) {
        append(UnsafeBufferPointer(start: other.base, count: other.count))
    }

    /// An integer in decimal, as `String(n)` writes it.
    func appendDecimal(_ n: Int) {
        reserve(20)
        var magnitude = n.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes of scratch, filled from the end
        withUnsafeMutableBytes(of: &digits) { scratch in
            var k = scratch.count
            repeat {
                k -= 1
                scratch[k] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if n < 0 {
                k -= 1
                scratch[k] = UInt8(ascii: "-")
            }
            append(UnsafeBufferPointer(start: scratch.baseAddress!.assumingMemoryBound(to: UInt8.self) + k, count: scratch.count - k))
        }
    }

    /// The bytes as `Data`, which takes over the buffer; the buffer is left empty.
    func takeData() -> Data {
        let data = Data(bytesNoCopy: base, count: count, deallocator: .free)
        capacity = 16
        count = 0
        base = malloc(capacity)!.assumingMemoryBound(to: UInt8.self)
        return data
    }
}
