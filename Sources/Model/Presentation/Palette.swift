import Foundation

/// An sRGB colour, 0-255 per channel.
public struct RGB: Equatable, Hashable, Sendable {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(_ hex: UInt32) {
        red = UInt8((hex >> 16) & 0xFF)
        green = UInt8((hex >> 8) & 0xFF)
        blue = UInt8(hex & 0xFF)
    }

    /// "#0072B2"
    public var hex: String { String(format: "#%02X%02X%02X", red, green, blue) }
    /// Components 0...1, for cairo.
    public var unit: (Double, Double, Double) { (Double(red) / 255, Double(green) / 255, Double(blue) / 255) }
}

/// The one palette every view, chart and exported table uses: one colour per status, from the
/// Okabe–Ito colour-blind-safe set, always shown together with a symbol or label (never colour
/// alone). `fill` is a strong colour for chart marks; `tint` a light one for table cells, where
/// text stays dark and readable; `text` is the colour of a label drawn on `fill`.
public enum Palette {
    public static func fill(_ status: DisclosureStatus) -> RGB {
        switch status {
        case .disclosed: return RGB(0x0072B2)     // blue
        case .notDisclosed: return RGB(0xD55E00)  // vermillion
        case .prefecture: return RGB(0xE69F00)    // orange
        case .division: return RGB(0xCC79A7)      // reddish purple
        case .notSurveyed: return RGB(0xBBBBBB)   // grey
        }
    }

    public static func tint(_ status: DisclosureStatus) -> RGB {
        switch status {
        case .disclosed: return RGB(0xCCE3F0)
        case .notDisclosed: return RGB(0xF7DCCB)
        case .prefecture: return RGB(0xFAEBC8)
        case .division: return RGB(0xF3DDEA)
        case .notSurveyed: return RGB(0xF2F2F2)
        }
    }

    public static func text(on status: DisclosureStatus) -> RGB {
        switch status {
        case .prefecture, .notSurveyed: return RGB(0x1A1A1A)
        default: return RGB(0xFFFFFF)
        }
    }

    /// Colours for other categories (completeness, coverage, outcomes), in order; the same
    /// Okabe–Ito set.
    public static let categorical: [RGB] = [
        RGB(0x0072B2), RGB(0xE69F00), RGB(0x009E73), RGB(0xD55E00), RGB(0xCC79A7), RGB(0x56B4E9), RGB(0xF0E442), RGB(0x999999),
    ]

    /// Dark text for tables and labels.
    public static let ink = RGB(0x1A1A1A)
    /// Secondary text (subtitles, source lines).
    public static let muted = RGB(0x5F6368)
}
