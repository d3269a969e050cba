import CXlsxWriter
import Foundation
import Model
import GtkKit

/// A C enum constant of libxlsxwriter as the `uint8_t` its setters take.
package func lxw8<E: RawRepresentable>(_ value: E) -> UInt8 where E.RawValue: BinaryInteger {
    UInt8(truncatingIfNeeded: value.rawValue)
}

extension RGB {
    /// The colour as libxlsxwriter's 0xRRGGBB.
    package var lxw: lxw_color_t { lxw_color_t(red) << 16 | lxw_color_t(green) << 8 | lxw_color_t(blue) }
}

/// The cell formats of one workbook, made once and shared by its sheets: headers, text, numbers,
/// percents and links, each plain or with a status tint (the app's `Palette.tint`, so a cell
/// reads the same in the window, in HTML and in Excel).
package final class XLSXFormats {
    package enum Kind: Int { case text, number, percent, link }

    private let workbook: UnsafeMutablePointer<lxw_workbook>
    /// Made on first use, by kind and status (`key`).
    private var cells = [UnsafeMutablePointer<lxw_format>?](repeating: nil, count: keyCount)
    /// Body cell formats: 4 kinds, each plain or with one of the statuses.
    package static let keyCount = 4 * 8
    package let header: UnsafeMutablePointer<lxw_format>
    package let source: UnsafeMutablePointer<lxw_format>
    /// The numbered title above a table and the notes under it.
    package let title: UnsafeMutablePointer<lxw_format>
    package let note: UnsafeMutablePointer<lxw_format>
    /// The runs of a cell's rich text: its text in the cells' ink, and a footnote mark as a real
    /// superscript (`XLSXSheet` writes a marked cell as rich text).
    package let run: UnsafeMutablePointer<lxw_format>
    package let superscript: UnsafeMutablePointer<lxw_format>

    package static let borderColour = RGB(0x8C8C8C)
    package static let headerFill = RGB(0xE8EAED)
    package static let linkColour = RGB(0x0563C1)

    package init(_ workbook: UnsafeMutablePointer<lxw_workbook>) {
        self.workbook = workbook
        header = workbook_add_format(workbook)
        format_set_bold(header)
        format_set_align(header, lxw8(LXW_ALIGN_CENTER))
        format_set_align(header, lxw8(LXW_ALIGN_VERTICAL_CENTER))
        format_set_text_wrap(header)
        format_set_bg_color(header, Self.headerFill.lxw)
        format_set_border(header, lxw8(LXW_BORDER_THIN))
        format_set_border_color(header, Self.borderColour.lxw)
        format_set_font_color(header, Palette.ink.lxw)
        source = workbook_add_format(workbook)
        format_set_italic(source)
        format_set_font_color(source, Palette.muted.lxw)
        format_set_text_wrap(source)
        format_set_align(source, lxw8(LXW_ALIGN_VERTICAL_TOP))
        title = workbook_add_format(workbook)
        format_set_bold(title)
        format_set_font_size(title, 13)
        format_set_text_wrap(title)
        format_set_align(title, lxw8(LXW_ALIGN_VERTICAL_CENTER))
        format_set_font_color(title, Palette.ink.lxw)
        note = workbook_add_format(workbook)
        format_set_text_wrap(note)
        format_set_align(note, lxw8(LXW_ALIGN_VERTICAL_TOP))
        format_set_font_color(note, Palette.ink.lxw)
        run = workbook_add_format(workbook)
        format_set_font_color(run, Palette.ink.lxw)
        superscript = workbook_add_format(workbook)
        format_set_font_color(superscript, Palette.ink.lxw)
        format_set_font_script(superscript, lxw8(LXW_FONT_SUPERSCRIPT))
    }

    /// The format of a body cell of a kind, with a status tint or none.
    package func cell(_ kind: Kind, status: DisclosureStatus?) -> UnsafeMutablePointer<lxw_format> {
        let key = Self.key(kind, status: status)
        if let f = cells[key] { return f }
        let f: UnsafeMutablePointer<lxw_format> = workbook_add_format(workbook)
        format_set_border(f, lxw8(LXW_BORDER_THIN))
        format_set_border_color(f, Self.borderColour.lxw)
        format_set_align(f, lxw8(LXW_ALIGN_VERTICAL_TOP))
        switch kind {
        case .text:
            format_set_text_wrap(f)
            format_set_font_color(f, Palette.ink.lxw)
            if status != nil { format_set_align(f, lxw8(LXW_ALIGN_CENTER)) }
        case .number:
            format_set_font_color(f, Palette.ink.lxw)
        case .percent:
            format_set_num_format(f, "0.0%")
            format_set_font_color(f, Palette.ink.lxw)
        case .link:
            format_set_text_wrap(f)
            format_set_font_color(f, Self.linkColour.lxw)
            format_set_underline(f, lxw8(LXW_UNDERLINE_SINGLE))
        }
        if let status {
            format_set_pattern(f, lxw8(LXW_PATTERN_SOLID))
            format_set_bg_color(f, Palette.tint(status).lxw)
        }
        cells[key] = f
        return f
    }

    /// A number for a body cell's kind and status, below `keyCount`.
    package static func key(_ kind: Kind, status: DisclosureStatus?) -> Int { kind.rawValue * 8 + index(status) }

    private static func index(_ status: DisclosureStatus?) -> Int {
        switch status {
        case nil: return 0
        case .disclosed?: return 1
        case .notDisclosed?: return 2
        case .prefecture?: return 3
        case .division?: return 4
        case .notSurveyed?: return 5
        }
    }
}
