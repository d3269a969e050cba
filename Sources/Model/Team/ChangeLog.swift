import Foundation

/// What kind of step made a logged change. The raw values are written in files and read by
/// scripts (`gongkai log --json`); a value this version does not know is kept as it is.
public struct ChangeAction: RawRepresentable, Hashable, Codable, Sendable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    /// An edit in a form, the matrix or the details pane.
    public static let edit = ChangeAction(rawValue: "edit")
    public static let paste = ChangeAction(rawValue: "paste")
    public static let `import` = ChangeAction(rawValue: "import")
    public static let merge = ChangeAction(rawValue: "merge")
    public static let recovery = ChangeAction(rawValue: "recovery")
    public static let yearsAdded = ChangeAction(rawValue: "years")
    /// `gongkai set`.
    public static let set = ChangeAction(rawValue: "set")
    /// A value taken from another survey in the compare view.
    public static let compare = ChangeAction(rawValue: "compare")
    /// A merge conflict resolved.
    public static let resolve = ChangeAction(rawValue: "resolve")
    /// Undo and redo are logged as edits back and forth: the log is append-only.
    public static let undo = ChangeAction(rawValue: "undo")
    public static let redo = ChangeAction(rawValue: "redo")
}

/// One logged change of one field: when (UTC, ISO 8601 to the second), who, what kind of step,
/// which field (a stable path such as `observations/anhui/2021/audit_list/status` or
/// `enterprises/<id>/name`; a path without a field, `enterprises/<id>`, is a record added or
/// removed), and the value before and after as text ("" for none).
public struct ChangeEntry: Equatable, Hashable, Sendable {
    public var time: String
    public var author: String
    public var action: ChangeAction
    public var path: String
    public var old: String
    public var new: String

    public init(time: String, author: String, action: ChangeAction, path: String, old: String, new: String) {
        self.time = time
        self.author = author
        self.action = action
        self.path = path
        self.old = old
        self.new = new
    }

    /// The names of an entry's columns, in order: the keys of `gongkai log --json` and the
    /// columns of the `log` table (CSV, the change log view's export), whose headings are
    /// `columnTitles`.
    public static let columnKeys = ["time", "author", "action", "path", "old", "new"]

    /// The headings of the `log` table's columns, one for each of `columnKeys`.
    public static var columnTitles: [String] { [tr("Time"), tr("Author"), tr("Action"), tr("Path"), tr("Old value"), tr("New value")] }

    /// The entry's values, in the order of `columnKeys`.
    public var columnValues: [String] { [time, author, action.rawValue, path, old, new] }

    /// The section a path belongs to: its first component (`observations`, `enterprises`, …).
    public var section: String { path.split(separator: "/", maxSplits: 1).first.map(String.init) ?? "" }

    /// The record the path names: the path without its field (for records and cells).
    public var record: String { FieldPath.recordPath(of: path) }

    // MARK: The line written in files

    /// The entry as one line of text: its six parts separated by tabs, with `\`, tab, newline and
    /// carriage return inside a part written `\\`, `\t`, `\n`, `\r`. One short JSON string per
    /// entry keeps a long log small (about 110 bytes an edit) and diffs as one line per change.
    public var line: String {
        [time, author, action.rawValue, path, old, new].map(Self.escape).joined(separator: "\t")
    }

    /// Reads `line`; nil when it does not have six parts.
    public init?(line: String) {
        let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard parts.count == 6 else { return nil }
        let p = parts.map { Self.unescape(Substring($0)) }
        self.init(time: p[0], author: p[1], action: ChangeAction(rawValue: p[2]), path: p[3], old: p[4], new: p[5])
    }

    private static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return s }
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    private static func unescape(_ s: Substring) -> String {
        guard s.utf8.contains(0x5C) else { return String(s) }
        var out = ""
        var escaping = false
        for c in s.unicodeScalars {
            if escaping {
                switch c {
                case "t": out += "\t"
                case "n": out += "\n"
                case "r": out += "\r"
                default: out.unicodeScalars.append(c)
                }
                escaping = false
            } else if c == "\\" {
                escaping = true
            } else {
                out.unicodeScalars.append(c)
            }
        }
        return out
    }
}

/// The change log a survey file carries (`"changeLog"`, optional: absent means empty), oldest
/// first. It is history, not data: two surveys with the same data and different logs are equal
/// (`==` is always true), so undoing back to a saved state, comparing and merging look at the data
/// alone. Compare `entries` to compare logs.
public struct ChangeLog: Codable, Sendable, Equatable {
    public var entries: [ChangeEntry]

    public init(_ entries: [ChangeEntry] = []) { self.entries = entries }

    public var isEmpty: Bool { entries.isEmpty }

    public static func == (a: ChangeLog, b: ChangeLog) -> Bool { true }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let lines = try c.decode([String].self)
        var entries: [ChangeEntry] = []
        entries.reserveCapacity(lines.count)
        for (i, line) in lines.enumerated() {
            guard let entry = ChangeEntry(line: line) else {
                throw DecodingError.dataCorruptedError(
                    in: c, debugDescription: tr("change log entry %1 does not have six tab-separated parts (time, author, action, path, old, new)", i + 1))
            }
            entries.append(entry)
        }
        self.entries = entries
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(entries.map(\.line))
    }

    /// The union of several logs, by time (ties keep the order of the first log they appear in);
    /// an entry in several logs appears once.
    public static func union(_ logs: [ChangeLog]) -> ChangeLog {
        var seen = Set<ChangeEntry>()
        var all: [(Int, ChangeEntry)] = []
        for log in logs {
            for entry in log.entries where seen.insert(entry).inserted { all.append((all.count, entry)) }
        }
        all.sort { ($0.1.time, $0.0) < ($1.1.time, $1.0) }
        return ChangeLog(all.map(\.1))
    }

    /// The entries that pass a filter: by author (exact), from a date or time (`since`, compared
    /// as ISO text, so "2026-12" means from December 2026), and by path prefixes (a record, a
    /// field or a section: `enterprises/e-1`, `observations/anhui`; a trailing `/` is ignored),
    /// each of which the path must be or lie under.
    public func filtered(author: String? = nil, since: String? = nil, pathPrefix: String? = nil, section: String? = nil) -> [ChangeEntry] {
        let prefixes = [pathPrefix, section].compactMap { p -> (String, String)? in
            guard var p else { return nil }
            while p.hasSuffix("/") { p.removeLast() }
            return p.isEmpty ? nil : (p, p + "/")
        }
        return entries.filter { e in
            if let author, e.author != author { return false }
            if let since, e.time < since { return false }
            for (p, under) in prefixes where e.path != p && !e.path.hasPrefix(under) { return false }
            return true
        }
    }
}

/// ISO 8601 times in UTC, to the second: `2026-12-06T21:10:00Z`.
public enum ISOTime {
    public static func string(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ n: Int32, _ width: Int) -> String {
            let s = String(n)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))Z"
    }
}
