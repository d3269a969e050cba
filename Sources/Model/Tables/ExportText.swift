import Foundation

/// Text rules shared by the export formats.
public enum ExportText {
    /// Whether a link may be written as a live link (HTML `<a>`, an XLSX hyperlink, a Markdown
    /// link): http, https, ftp and mailto only, no spaces or control characters. Anything else
    /// (`javascript:`, `file:`, a bare path) is written as plain text.
    public static func isSafeLink(_ url: String) -> Bool {
        let lower = url.lowercased()
        guard ["http://", "https://", "ftp://", "mailto:"].contains(where: { lower.hasPrefix($0) }) else { return false }
        return !url.unicodeScalars.contains { $0.value <= 0x20 || $0.value == 0x7F }
    }

    /// How many columns a text takes in a fixed-width grid such as a spreadsheet column: East
    /// Asian wide and full-width characters (CJK, Hangul, kana, full-width forms) count two, other
    /// characters one. For several lines, the widest line.
    public static func displayWidth(_ text: String) -> Int {
        var text = text
        return text.withUTF8(displayWidth(utf8:))
    }

    /// The same over a text's UTF-8 bytes (valid UTF-8, as a Swift string's are), decoded in
    /// place: measured for every cell of a long export.
    public static func displayWidth(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var widest = 0
        var width = 0
        var i = 0
        let n = bytes.count
        while i < n {
            let lead = bytes[i]
            if lead < 0x80 {
                if lead == 0x0A {
                    widest = max(widest, width)
                    width = 0
                } else {
                    width += 1
                }
                i += 1
                continue
            }
            let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for k in 1..<min(length, n - i) { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
            i += length
            width += isWide(value) ? 2 : 1
        }
        return max(widest, width)
    }

    /// East Asian Wide or Fullwidth (the ranges of Unicode's EastAsianWidth W and F that matter
    /// for Chinese text).
    public static func isWide(_ s: Unicode.Scalar) -> Bool { isWide(s.value) }

    static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
