import CGtk
import GtkKit
import Rendering

/// The text styles of the grid.
package enum MatrixTextStyle: Int, Sendable {
    /// √ and × in a cell.
    case symbol
    /// 地市 and 师市 in a cell.
    case cellWord
    /// A year heading.
    case year
    /// A kind heading under its year (wrapped).
    case kind
    /// A jurisdiction's name.
    case name
    /// A region heading.
    case heading
    /// A count in the totals.
    case total
    /// Secondary figures and labels (rates, the corner).
    case small
    /// The "!" of a problem mark.
    case badge

    package var pixelSize: Double {
        switch self {
        case .symbol: return 16
        case .cellWord, .small: return 12
        case .year, .name, .total: return 13
        case .kind: return 11.5
        case .heading: return 12.5
        case .badge: return 9
        }
    }

    package var bold: Bool {
        switch self {
        case .symbol, .year, .heading, .total, .badge: return true
        default: return false
        }
    }
}

/// Pango layouts for the grid's texts, made from the drawing area's Pango context (so they use
/// the window's fonts, Chinese ones included) and kept until the context changes: a grid shows
/// few distinct texts (√, ×, names, counts) many times, and shaping each once keeps a frame cheap.
@MainActor
package final class MatrixText {
    package enum Alignment: Int { case left, center, right }

    private let widget: UnsafeMutablePointer<GtkWidget>
    private var serial: guint = 0
    private var layouts: [Key: OpaquePointer] = [:]

    private struct Key: Hashable {
        var text: String
        var style: MatrixTextStyle
        var width: Int
        var alignment: Alignment
        var ellipsize: Bool
    }

    package init(widget: UnsafeMutablePointer<GtkWidget>) {
        self.widget = widget
    }

    isolated deinit {
        for layout in layouts.values { unref(layout) }
    }

    /// The fonts' version (the widget's Pango context's serial): drawings made with another one
    /// are stale.
    package var fontSerial: guint { pango_context_get_serial(gtk_widget_get_pango_context(widget)) }

    /// A layout of `text` in `style`, wrapped to `width` pixels when given.
    package func layout(_ text: String, _ style: MatrixTextStyle, width: Double? = nil, alignment: Alignment = .center,
                ellipsize: Bool = false) -> OpaquePointer {
        let context = gtk_widget_get_pango_context(widget)!
        let current = pango_context_get_serial(context)
        if current != serial {
            for layout in layouts.values { unref(layout) }
            layouts = [:]
            serial = current
        }
        let key = Key(text: text, style: style, width: width.map { Int($0) } ?? -1, alignment: alignment, ellipsize: ellipsize)
        if let cached = layouts[key] { return cached }
        let layout = pango_layout_new(context)!
        let font = pango_font_description_copy(pango_context_get_font_description(context))!
        pango_font_description_set_absolute_size(font, style.pixelSize * 1024)
        pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_layout_set_font_description(layout, font)
        pango_font_description_free(font)
        if let width {
            pango_layout_set_width(layout, Int32(width * 1024))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
            if ellipsize { pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END) }
        }
        switch alignment {
        case .left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        }
        pango_layout_set_text(layout, text, -1)
        layouts[key] = layout
        return layout
    }

    /// The size a text takes, in pixels.
    package func size(_ text: String, _ style: MatrixTextStyle, width: Double? = nil) -> (width: Double, height: Double) {
        var w: Int32 = 0, h: Int32 = 0
        pango_layout_get_pixel_size(layout(text, style, width: width), &w, &h)
        return (Double(w), Double(h))
    }

    /// Draws a text centred vertically in `rect`; horizontally by `alignment` within `rect`
    /// (wrapped to its width when `wrap`, cut short with "…" when `ellipsize`), with `inset`
    /// pixels of padding at the sides.
    package func draw(_ cr: OpaquePointer, _ text: String, _ style: MatrixTextStyle, in rect: MatrixRect,
              alignment: Alignment = .center, wrap: Bool = false, ellipsize: Bool = false, inset: Double = 0) {
        guard !text.isEmpty else { return }
        let available = max(1, rect.width - 2 * inset)
        let layout = self.layout(text, style, width: wrap || ellipsize || alignment != .left ? available : nil,
                                 alignment: alignment, ellipsize: ellipsize)
        var w: Int32 = 0, h: Int32 = 0
        pango_layout_get_pixel_size(layout, &w, &h)
        cairo_move_to(cr, (rect.x + inset).rounded(), (rect.y + (rect.height - Double(h)) / 2).rounded())
        pango_cairo_show_layout(cr, layout)
    }
}
