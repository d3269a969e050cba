import Foundation

/// The one place where text from a file, a CSV list or an argument is made safe to show: every
/// control character becomes a visible escape in Swift's notation (`\u{1B}`), so that a crafted
/// key `"ver\nsion"` gives a one-line message and a name holding ANSI escape sequences cannot
/// clear a terminal or fake a line such as "0 errors". Used by every message (load errors,
/// validation problems, import reports, CLI output) and every plain-text export (CSV, HTML,
/// Markdown, the CLI's tables).
///
/// Escaped: the C0 controls U+0000–U+001F, DEL U+007F, the C1 controls U+0080–U+009F (U+009B
/// starts an escape sequence on some terminals), and the bidirectional overrides and isolates
/// U+202A–U+202E, U+2066–U+2069 (which can reorder what a line appears to say). A backslash is
/// left as it is. With `keepingLineBreaks`, LF, CR and tab stay (a multi-line note in an export
/// cell is legitimate content).
public enum Printable {
    /// `text` with its control characters escaped (see the type's description).
    public static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard needsEscaping(text, keepingLineBreaks: keepingLineBreaks) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if isEscaped(scalar, keepingLineBreaks: keepingLineBreaks) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Text for a terminal: like `escaped`, but line feeds and tabs stay (a table's rows and
    /// columns); a carriage return, which could overwrite what a line says, is escaped.
    public static func terminalText(_ text: String) -> String {
        guard needsEscaping(text, keepingLineBreaks: true) || text.utf8.contains(0x0D) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\t" || !isEscaped(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return out
    }

    /// Whether `scalar` is shown as an escape.
    public static func isEscaped(_ scalar: Unicode.Scalar, keepingLineBreaks: Bool = false) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0D, 0x09: return !keepingLineBreaks
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// A fast scan of the UTF-8 bytes: true when some character must be escaped.
    public static func needsEscaping(_ text: String, keepingLineBreaks: Bool = false) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for b in text.utf8 {
            switch b {
            case 0x0A, 0x0D, 0x09: if !keepingLineBreaks { return true }
            case 0x00...0x1F, 0x7F: return true
            case 0x80...0x9F where previous == 0xC2: return true  // U+0080–U+009F
            case 0xAA...0xAE where previous == 0x80 && beforePrevious == 0xE2: return true  // U+202A–U+202E
            case 0xA6...0xA9 where previous == 0x81 && beforePrevious == 0xE2: return true  // U+2066–U+2069
            default: break
            }
            beforePrevious = previous
            previous = b
        }
        return false
    }
}
