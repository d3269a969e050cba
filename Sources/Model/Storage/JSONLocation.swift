import Foundation

/// A place in a text file, as an editor shows it: 1-based line, and 1-based column counted in
/// Unicode characters (scalars), so a Chinese character counts as one column, not three bytes.
struct TextPosition: Equatable, Sendable, CustomStringConvertible {
    var line: Int
    var column: Int

    init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    var description: String { tr("line %1, column %2", line, column) }
}

/// One step of a path into a JSON document: an object member or an array element.
enum JSONPathComponent: Equatable, Sendable {
    case key(String)
    case index(Int)

    /// The component a coding key stands for (array elements have an integer value).
    init(_ key: CodingKey) {
        if let i = key.intValue { self = .index(i) } else { self = .key(key.stringValue) }
    }
}

/// Turning byte offsets into lines and columns, and paths into text, for error messages.
/// Everything here runs only when a file fails to load, never on the success path.
enum JSONLocation {
    /// The line and column of the byte at `offset` (which may be `bytes.count`, the end of the text).
    static func position(ofByte offset: Int, in bytes: UnsafeRawBufferPointer) -> TextPosition {
        let end = min(max(offset, 0), bytes.count)
        var line = 1
        var lineStart = 0
        for i in 0..<end where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        var column = 1
        for i in lineStart..<end where bytes[i] & 0xC0 != 0x80 {
            column += 1
        }
        return TextPosition(line: line, column: column)
    }

    /// A path written the way a reader would look for it: `survey.enterprises[3].year`.
    /// Keys that are not plain identifiers are quoted: `survey.meta["odd key"]`.
    static func format(_ path: [JSONPathComponent]) -> String {
        var out = ""
        for component in path {
            switch component {
            case .index(let i):
                out += "[\(i)]"
            case .key(let k):
                let plain = !k.isEmpty && k.unicodeScalars.allSatisfy { $0.isASCII && ($0 == "_" || CharacterSet.alphanumerics.contains($0)) }
                if plain {
                    out += out.isEmpty ? k : "." + k
                } else {
                    out += "[\"\(k)\"]"
                }
            }
        }
        return out
    }

    /// `format(_:)` of a Codable coding path.
    static func format(_ codingPath: [CodingKey]) -> String {
        format(codingPath.map(JSONPathComponent.init))
    }

    /// A short, readable rendering of the character at `offset`, for "found …" in a message, in
    /// the interface language ("a line break") or quoted as it is ("'x'").
    static func describeCharacter(at offset: Int, in bytes: UnsafeRawBufferPointer) -> String {
        guard offset < bytes.count else { return tr("the end of the file") }
        let b = bytes[offset]
        switch b {
        case 0x0A: return tr("a line break")
        case 0x0D: return tr("a carriage return")
        case 0x09: return tr("a tab")
        case 0x20: return tr("a space")
        case 0x00..<0x20, 0x7F: return tr("the control character %1", String(format: "0x%02X", b))
        default:
            var end = offset + 1
            while end < bytes.count && end < offset + 4 && bytes[end] & 0xC0 == 0x80 { end += 1 }
            let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
            return "'\(text)'"
        }
    }

    /// The raw text of a JSON token starting at `offset`, cut to `limit` characters, for a message.
    static func excerpt(at offset: Int, length: Int, in bytes: UnsafeRawBufferPointer, limit: Int = 60) -> String {
        let end = min(bytes.count, offset + max(length, 0))
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
        if text.count <= limit { return text }
        return String(text.prefix(limit)) + "…"
    }
}
