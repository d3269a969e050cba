import Foundation

/// One entry of a gettext `.po` catalog.
public struct POEntry: Equatable, Sendable {
    /// The `msgctxt`, when the entry has one.
    public var context: String?
    public var msgid: String
    /// The `msgid_plural`, when the entry has one.
    public var msgidPlural: String?
    /// `msgstr`, or `msgstr[0]`, `msgstr[1]`, … for a plural entry.
    public var msgstrs: [String]
    /// Flags from `#,` comments, e.g. "fuzzy", "c-format".
    public var flags: [String]

    public init(context: String? = nil, msgid: String, msgidPlural: String? = nil, msgstrs: [String], flags: [String] = []) {
        self.context = context
        self.msgid = msgid
        self.msgidPlural = msgidPlural
        self.msgstrs = msgstrs
        self.flags = flags
    }

    /// The translation (`msgstr`, or `msgstr[0]` for a plural entry).
    public var msgstr: String { msgstrs.first ?? "" }

    /// True for gettext's header entry (empty msgid, no context).
    public var isHeader: Bool { msgid.isEmpty && context == nil }

    /// Fuzzy entries are drafts; gettext does not use them at run time.
    public var isFuzzy: Bool { flags.contains("fuzzy") }
}

/// Why a `.po` text could not be parsed; `line` is 1-based.
public struct POParseError: Error, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String

    public var description: String { "line \(line): \(message)" }
}

/// A parsed gettext `.po` catalog: the header plus the entries in file order.
///
/// Supports what hand-edited catalogs use: `msgctxt`, `msgid`, `msgid_plural`, `msgstr`,
/// `msgstr[n]`, strings continued over several lines, the escapes `\n \t \" \\`, flags (`#,`) and
/// comments (`#`, `#.`, `#:`, `#|`). Obsolete entries (`#~`) are skipped.
public struct POCatalog: Sendable {
    public var entries: [POEntry]
    /// The header entry's `msgstr` (e.g. "Content-Type: …\n"), empty when there is none.
    public var header: String
    private var index: [String: Int]

    /// Parses the text of a `.po` file.
    public init(parsing text: String) throws {
        var parser = POParser(text: text)
        let parsed = try parser.parse()
        header = parsed.first(where: \.entry.isHeader)?.entry.msgstr ?? ""
        entries = []
        index = [:]
        for (e, line) in parsed where !e.isHeader {
            let key = Self.key(e.msgid, context: e.context)
            if index[key] != nil { throw POParseError(line: line, message: "duplicate msgid \"\(e.msgid)\"") }
            index[key] = entries.count
            entries.append(e)
        }
    }

    /// Reads and parses a `.po` file.
    public init(contentsOf url: URL) throws {
        try self.init(parsing: String(contentsOf: url, encoding: .utf8))
    }

    /// The entry for a msgid (and context), if any.
    public func entry(_ msgid: String, context: String? = nil) -> POEntry? {
        index[Self.key(msgid, context: context)].map { entries[$0] }
    }

    /// The usable translation of a msgid: nil when missing, empty or fuzzy.
    public func translation(_ msgid: String, context: String? = nil) -> String? {
        guard let e = entry(msgid, context: context), !e.isFuzzy, !e.msgstr.isEmpty else { return nil }
        return e.msgstr
    }

    /// The usable translation of a plural entry in the form `index` (`msgstr[index]`): nil when the
    /// entry is missing, has no `msgid_plural` equal to `plural`, is fuzzy, or the form is empty.
    public func pluralTranslation(_ msgid: String, plural: String, index: Int) -> String? {
        guard let e = entry(msgid), e.msgidPlural == plural, !e.isFuzzy,
              e.msgstrs.indices.contains(index), !e.msgstrs[index].isEmpty else { return nil }
        return e.msgstrs[index]
    }

    /// The number of plural forms the header's `Plural-Forms` gives (`nplurals=N`), 2 without one.
    public var pluralFormCount: Int {
        guard let range = header.range(of: "nplurals="),
              let n = Int(header[range.upperBound...].prefix(while: \.isNumber)), n > 0 else { return 2 }
        return n
    }

    /// The plural form a count takes: the only form for a language with one (Chinese, Japanese),
    /// else gettext's Germanic rule (`n != 1`), which is what English and the catalogs here need.
    public func pluralIndex(_ count: Int) -> Int {
        pluralFormCount == 1 ? 0 : (count == 1 ? 0 : 1)
    }

    /// gettext joins context and msgid with EOT (U+0004).
    private static func key(_ msgid: String, context: String?) -> String {
        context.map { "\($0)\u{4}\(msgid)" } ?? msgid
    }
}

/// A line-oriented `.po` parser: keywords start entries or fields, quoted lines continue the
/// current field.
private struct POParser {
    private enum Field { case context, msgid, plural, msgstr(Int) }

    private let lines: [Substring]
    /// Parsed entries with the line each starts on.
    private var entries: [(entry: POEntry, line: Int)] = []
    // The entry being read.
    private var context: String?
    private var msgid: String?
    private var plural: String?
    private var msgstrs: [Int: String] = [:]
    private var flags: [String] = []
    private var field: Field?
    private var entryLine = 0

    init(text: String) {
        // Split and trim on UTF-8 bytes: splitting a long text into Characters (grapheme clusters)
        // and trimming with Foundation cost more than the rest of the start-up's own work.
        var lines: [Substring] = []
        var start = text.utf8.startIndex
        var i = start
        while i != text.utf8.endIndex {
            if text.utf8[i] == 0x0A {
                lines.append(Self.trimmed(text[start..<i]))
                start = text.utf8.index(after: i)
            }
            i = text.utf8.index(after: i)
        }
        lines.append(Self.trimmed(text[start...]))
        self.lines = lines
    }

    /// A line without its surrounding spaces, tabs and carriage returns.
    private static func trimmed(_ line: Substring) -> Substring {
        let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0B || $0 == 0x0C }
        guard let first = line.utf8.firstIndex(where: { !blank($0) }) else { return line[line.endIndex...] }
        let last = line.utf8.lastIndex(where: { !blank($0) })!
        return line[first...last]
    }

    mutating func parse() throws -> [(entry: POEntry, line: Int)] {
        for (n, line) in lines.enumerated() {
            let lineNumber = n + 1
            if line.isEmpty { continue }
            if line.hasPrefix("#") {
                try comment(line, lineNumber)
            } else if line.hasPrefix("\"") {
                guard let field else { throw POParseError(line: lineNumber, message: "string outside an entry") }
                append(try Self.unquote(line, lineNumber), to: field)
            } else {
                try keyword(line, lineNumber)
            }
        }
        try finishEntry(at: lines.count)
        return entries
    }

    private mutating func comment(_ line: Substring, _ lineNumber: Int) throws {
        if line.hasPrefix("#~") { return }  // obsolete entry
        // A comment after an entry's strings belongs to the next entry.
        if msgstrs.count > 0 { try finishEntry(at: lineNumber) }
        if line.hasPrefix("#,") {
            flags += line.dropFirst(2).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
    }

    private mutating func keyword(_ line: Substring, _ lineNumber: Int) throws {
        guard let space = line.utf8.firstIndex(where: { $0 == 0x20 || $0 == 0x09 }) else {
            throw POParseError(line: lineNumber, message: "expected a keyword and a string")
        }
        let word = String(line[..<space])
        let value = try Self.unquote(Self.trimmed(line[space...]), lineNumber)
        switch word {
        case "msgctxt":
            if msgid != nil { try finishEntry(at: lineNumber) }
            entryLine = lineNumber
            context = value
            field = .context
        case "msgid":
            if msgid != nil { try finishEntry(at: lineNumber) }
            if context == nil { entryLine = lineNumber }
            msgid = value
            field = .msgid
        case "msgid_plural":
            guard msgid != nil, msgstrs.isEmpty else { throw POParseError(line: lineNumber, message: "msgid_plural without msgid") }
            plural = value
            field = .plural
        default:
            guard msgid != nil else { throw POParseError(line: lineNumber, message: "\(word) without msgid") }
            let index = try Self.msgstrIndex(word, lineNumber)
            guard msgstrs[index] == nil else { throw POParseError(line: lineNumber, message: "second \(word)") }
            msgstrs[index] = value
            field = .msgstr(index)
        }
    }

    private mutating func append(_ s: String, to field: Field) {
        switch field {
        case .context: context = (context ?? "") + s
        case .msgid: msgid = (msgid ?? "") + s
        case .plural: plural = (plural ?? "") + s
        case .msgstr(let i): msgstrs[i, default: ""] += s
        }
    }

    private mutating func finishEntry(at lineNumber: Int) throws {
        defer {
            context = nil; msgid = nil; plural = nil; msgstrs = [:]; flags = []; field = nil
        }
        guard let msgid else {
            if context != nil { throw POParseError(line: lineNumber, message: "msgctxt without msgid") }
            return
        }
        guard !msgstrs.isEmpty else { throw POParseError(line: entryLine, message: "msgid \"\(msgid)\" has no msgstr") }
        let ordered = msgstrs.keys.sorted()
        guard ordered == Array(0..<ordered.count) else {
            throw POParseError(line: entryLine, message: "msgstr indices of \"\(msgid)\" are not 0, 1, …")
        }
        let entry = POEntry(context: context, msgid: msgid, msgidPlural: plural,
                            msgstrs: ordered.map { msgstrs[$0]! }, flags: flags)
        entries.append((entry, entryLine))
    }

    /// "msgstr" → 0, "msgstr[2]" → 2.
    private static func msgstrIndex(_ word: String, _ lineNumber: Int) throws -> Int {
        if word == "msgstr" { return 0 }
        if word.hasPrefix("msgstr["), word.hasSuffix("]"), let n = Int(word.dropFirst(7).dropLast()), n >= 0 { return n }
        throw POParseError(line: lineNumber, message: "unknown keyword \(word)")
    }

    /// Decodes one C-style quoted string: `"a\"b\n"` → `a"b` + newline. Works on UTF-8 bytes (every
    /// byte that matters here is ASCII, and no ASCII byte occurs inside a multi-byte character).
    static func unquote(_ text: Substring, _ lineNumber: Int) throws -> String {
        let bytes = Array(text.utf8)
        guard bytes.count >= 2, bytes.first == 0x22, bytes.last == 0x22 else {
            throw POParseError(line: lineNumber, message: "expected a quoted string")
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count - 2)
        var i = 1
        let end = bytes.count - 1
        while i < end {
            let c = bytes[i]
            i += 1
            if c == 0x22 { throw POParseError(line: lineNumber, message: "unescaped quote inside a string") }
            guard c == 0x5C else { out.append(c); continue }
            guard i < end else { throw POParseError(line: lineNumber, message: "string ends with a backslash") }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case 0x22: out.append(0x22)
            case 0x5C: out.append(0x5C)
            default:
                // The escape named as written (it may start a multi-byte character).
                let rest = String(decoding: bytes[(i - 1)..<end], as: UTF8.self)
                throw POParseError(line: lineNumber, message: "unknown escape \\\(rest.first.map(String.init) ?? "")")
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
