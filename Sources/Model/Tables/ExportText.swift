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
        var widest = 0
        var width = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                widest = max(widest, width)
                width = 0
            } else {
                width += isWide(scalar) ? 2 : 1
            }
        }
        return max(widest, width)
    }

    /// East Asian Wide or Fullwidth (the ranges of Unicode's EastAsianWidth W and F that matter
    /// for Chinese text).
    public static func isWide(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
