import CGtk
import Foundation
import Model
import GtkKit

/// The drawing surface of a chart: a `cairo_t` seen in *design units*, with Pango text and the
/// charts' shapes, fills and patterns, so that the charts themselves contain no C boilerplate.
///
/// A chart is laid out for a design size of about 1280 × 720 (`designSize`): the canvas scales
/// cairo by `scale = min(width / 1280, height / 720)` and reports the target's size in design
/// units (`size`), which keeps the short side near 720 and lets wider or taller targets add room.
/// So type and marks keep their proportions on screen, in a 2× PNG and on an A4 page, and the
/// figures never depend on the pixel size. Text is not hinted, so a layout measures the same at
/// every scale.
///
/// Made and finished by `ChartCanvas.draw(_:width:height:…)`; not for use after that.
package final class ChartCanvas {
    /// 16:9, the shape every chart is designed for.
    package static let designSize = ChartSize(width: 1280, height: 720)
    /// A smaller design size for briefings: the same chart with type about 14% larger.
    package static let largeTypeDesignSize = ChartSize(width: 1120, height: 630)

    package let cr: OpaquePointer
    /// The target's size in design units.
    package let size: ChartSize
    /// Device units per design unit.
    package let scale: Double
    /// Where every drawn line of text is reported (for the SVG text layer), if anywhere.
    package let recorder: ChartTextRecorder?

    private let context: OpaquePointer
    private var fonts: [ChartFont: OpaquePointer] = [:]
    private var layouts: [LayoutKey: OpaquePointer] = [:]
    private var patterns: [PatternKey: OpaquePointer] = [:]

    private struct LayoutKey: Hashable {
        var text: String
        var font: ChartFont
        var width: Double?
        var wrap: Bool
        var align: HAlign
    }

    private struct PatternKey: Hashable {
        var pattern: FillPattern
        var ink: RGB
    }

    /// Draws on `cr` (a target `width` × `height` in device units) with a canvas made for it;
    /// cairo's state is restored afterwards.
    package static func draw(_ cr: OpaquePointer, width: Double, height: Double, largeType: Bool = false,
                     recorder: ChartTextRecorder? = nil, _ body: (ChartCanvas) -> Void) {
        let canvas = ChartCanvas(cr, width: width, height: height, largeType: largeType, recorder: recorder)
        body(canvas)
        canvas.finish()
    }

    private init(_ cr: OpaquePointer, width: Double, height: Double, largeType: Bool, recorder: ChartTextRecorder?) {
        self.cr = cr
        self.recorder = recorder
        let design = largeType ? Self.largeTypeDesignSize : Self.designSize
        let s = max(1e-3, min(width / design.width, height / design.height))
        scale = s
        size = ChartSize(width: max(1, width) / s, height: max(1, height) / s)
        cairo_save(cr)
        cairo_scale(cr, s, s)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)

        context = pango_cairo_create_context(cr)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        pango_context_set_language(context, pango_language_from_string("zh-cn"))
        // Fractional glyph positions: a layout measures the same at every scale.
        pango_context_set_round_glyph_positions(context, 0)
    }

    private func finish() {
        for layout in layouts.values { unref(layout) }
        for description in fonts.values { pango_font_description_free(description) }
        for pattern in patterns.values { cairo_pattern_destroy(pattern) }
        layouts = [:]
        fonts = [:]
        patterns = [:]
        unref(context)
        cairo_restore(cr)
    }

    /// The whole target in design units.
    package var bounds: ChartRect { ChartRect(x: 0, y: 0, width: size.width, height: size.height) }

    // MARK: Colours and shapes

    package func setColor(_ color: RGB, alpha: Double = 1) {
        let (r, g, b) = color.unit
        if alpha >= 1 {
            cairo_set_source_rgb(cr, r, g, b)
        } else {
            cairo_set_source_rgba(cr, r, g, b, alpha)
        }
    }

    /// Fills a rectangle with a plain colour.
    package func fill(_ rect: ChartRect, _ color: RGB, alpha: Double = 1) {
        guard rect.width > 0, rect.height > 0 else { return }
        setColor(color, alpha: alpha)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_fill(cr)
    }

    /// Fills a rectangle with a category's colour and, unless `pattern` is false, its pattern.
    package func fill(_ rect: ChartRect, _ fill: ChartFill, pattern: Bool = true) {
        guard rect.width > 0, rect.height > 0 else { return }
        self.fill(rect, fill.color)
        guard pattern, fill.pattern != .solid else { return }
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_set_source(cr, patternSource(fill))
        cairo_fill(cr)
    }

    /// Outlines a rectangle.
    package func stroke(_ rect: ChartRect, _ color: RGB, lineWidth: Double = 1, alpha: Double = 1) {
        guard rect.width > 0, rect.height > 0 else { return }
        setColor(color, alpha: alpha)
        cairo_set_line_width(cr, lineWidth)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_stroke(cr)
    }

    /// A straight line; `dash` gives on/off lengths.
    package func line(from a: (Double, Double), to b: (Double, Double), _ color: RGB, lineWidth: Double = 1,
              alpha: Double = 1, dash: [Double] = []) {
        setColor(color, alpha: alpha)
        cairo_set_line_width(cr, lineWidth)
        if !dash.isEmpty { cairo_set_dash(cr, dash, Int32(dash.count), 0) }
        cairo_move_to(cr, a.0, a.1)
        cairo_line_to(cr, b.0, b.1)
        cairo_stroke(cr)
        if !dash.isEmpty { cairo_set_dash(cr, nil, 0, 0) }
    }

    /// A rectangle with rounded corners, filled.
    package func fillRounded(_ rect: ChartRect, radius: Double, _ color: RGB, alpha: Double = 1) {
        guard rect.width > 0, rect.height > 0 else { return }
        roundedPath(rect, radius: radius)
        setColor(color, alpha: alpha)
        cairo_fill(cr)
    }

    /// A rectangle with rounded corners, outlined.
    package func strokeRounded(_ rect: ChartRect, radius: Double, _ color: RGB, lineWidth: Double = 1) {
        guard rect.width > 0, rect.height > 0 else { return }
        roundedPath(rect, radius: radius)
        setColor(color)
        cairo_set_line_width(cr, lineWidth)
        cairo_stroke(cr)
    }

    private func roundedPath(_ rect: ChartRect, radius: Double) {
        let r = min(radius, rect.width / 2, rect.height / 2)
        cairo_new_sub_path(cr)
        cairo_arc(cr, rect.maxX - r, rect.minY + r, r, -Double.pi / 2, 0)
        cairo_arc(cr, rect.maxX - r, rect.maxY - r, r, 0, Double.pi / 2)
        cairo_arc(cr, rect.minX + r, rect.maxY - r, r, Double.pi / 2, Double.pi)
        cairo_arc(cr, rect.minX + r, rect.minY + r, r, Double.pi, 3 * Double.pi / 2)
        cairo_close_path(cr)
    }

    /// A marker centred on (x, y), `size` across.
    package func marker(_ shape: MarkerShape, x: Double, y: Double, size: Double, _ color: RGB, lineWidth: Double = 2) {
        let r = size / 2
        setColor(color)
        cairo_set_line_width(cr, lineWidth)
        switch shape {
        case .circle, .ring:
            cairo_new_sub_path(cr)
            cairo_arc(cr, x, y, shape == .ring ? r - lineWidth / 2 : r, 0, 2 * Double.pi)
        case .diamond:
            cairo_move_to(cr, x, y - r)
            cairo_line_to(cr, x + r, y)
            cairo_line_to(cr, x, y + r)
            cairo_line_to(cr, x - r, y)
            cairo_close_path(cr)
        case .square:
            cairo_rectangle(cr, x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7)
        case .arrow:
            cairo_move_to(cr, x + r, y)
            cairo_line_to(cr, x - r, y - r * 0.8)
            cairo_line_to(cr, x - r, y + r * 0.8)
            cairo_close_path(cr)
        case .triangle:
            cairo_move_to(cr, x, y - r)
            cairo_line_to(cr, x + r, y + r * 0.8)
            cairo_line_to(cr, x - r, y + r * 0.8)
            cairo_close_path(cr)
        case .cross:
            let d = r * 0.8
            cairo_set_line_width(cr, lineWidth * 1.4)
            cairo_move_to(cr, x - d, y - d)
            cairo_line_to(cr, x + d, y + d)
            cairo_move_to(cr, x + d, y - d)
            cairo_line_to(cr, x - d, y + d)
            cairo_stroke(cr)
            return
        }
        if shape == .ring {
            cairo_save(cr)
            cairo_set_source_rgb(cr, 1, 1, 1)
            cairo_fill_preserve(cr)
            cairo_restore(cr)
            cairo_stroke(cr)
        } else {
            cairo_fill(cr)
        }
    }

    /// Runs `body` with drawing clipped to `rect`.
    package func clipped(to rect: ChartRect, _ body: () -> Void) {
        cairo_save(cr)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(cr)
        body()
        cairo_restore(cr)
    }

    // MARK: Patterns

    /// A repeating tile with the pattern's lines or dots in a colour that shows on the fill: drawn
    /// once per canvas, as vectors for SVG and PDF, as pixels at the device's scale otherwise
    /// (a bitmap replays a vector tile for every fill, which is slow).
    private func patternSource(_ fill: ChartFill) -> OpaquePointer {
        let ink = fill.ink == RGB(0xFFFFFF) ? RGB(0xFFFFFF) : Palette.ink
        let key = PatternKey(pattern: fill.pattern, ink: ink)
        if let cached = patterns[key] { return cached }
        let tile = 8.0
        let pattern: OpaquePointer
        if isVectorTarget {
            var extents = cairo_rectangle_t(x: 0, y: 0, width: tile, height: tile)
            let surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents)!
            let t = cairo_create(surface)!
            Self.drawTile(fill.pattern, ink: ink, size: tile, on: t)
            cairo_destroy(t)
            pattern = cairo_pattern_create_for_surface(surface)!
            cairo_surface_destroy(surface)
        } else {
            var dx = 1.0, dy = 0.0
            cairo_user_to_device_distance(cr, &dx, &dy)
            let pixels = max(2, (tile * (dx * dx + dy * dy).squareRoot()).rounded())
            let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(pixels), Int32(pixels))!
            let t = cairo_create(surface)!
            cairo_scale(t, pixels / tile, pixels / tile)
            Self.drawTile(fill.pattern, ink: ink, size: tile, on: t)
            cairo_destroy(t)
            pattern = cairo_pattern_create_for_surface(surface)!
            cairo_surface_destroy(surface)
            var matrix = cairo_matrix_t()
            cairo_matrix_init_scale(&matrix, pixels / tile, pixels / tile)
            cairo_pattern_set_matrix(pattern, &matrix)
        }
        cairo_pattern_set_extend(pattern, CAIRO_EXTEND_REPEAT)
        patterns[key] = pattern
        return pattern
    }

    /// Whether the target keeps vectors (SVG, PDF, PostScript, a recording).
    private var isVectorTarget: Bool {
        guard let target = cairo_get_target(cr) else { return false }
        let type = cairo_surface_get_type(target)
        return type == CAIRO_SURFACE_TYPE_SVG || type == CAIRO_SURFACE_TYPE_PDF || type == CAIRO_SURFACE_TYPE_PS
            || type == CAIRO_SURFACE_TYPE_RECORDING
    }

    /// Draws one tile of a pattern, `size` units square, on `t`.
    private static func drawTile(_ pattern: FillPattern, ink: RGB, size tile: Double, on t: OpaquePointer) {
        let (r, g, b) = ink.unit
        cairo_set_source_rgba(t, r, g, b, ink == RGB(0xFFFFFF) ? 0.55 : 0.35)
        cairo_set_line_width(t, 1.5)
        cairo_set_line_cap(t, CAIRO_LINE_CAP_SQUARE)
        func diagonal(_ rising: Bool) {
            for offset in [-tile, 0, tile] {
                if rising {
                    cairo_move_to(t, offset, tile)
                    cairo_line_to(t, offset + tile, 0)
                } else {
                    cairo_move_to(t, offset, 0)
                    cairo_line_to(t, offset + tile, tile)
                }
            }
        }
        switch pattern {
        case .solid: break
        case .diagonal: diagonal(true)
        case .backDiagonal: diagonal(false)
        case .crosshatch: diagonal(true); diagonal(false)
        case .horizontal:
            cairo_move_to(t, 0, tile / 2)
            cairo_line_to(t, tile, tile / 2)
        case .vertical:
            cairo_move_to(t, tile / 2, 0)
            cairo_line_to(t, tile / 2, tile)
        case .grid:
            cairo_move_to(t, 0, tile / 2)
            cairo_line_to(t, tile, tile / 2)
            cairo_move_to(t, tile / 2, 0)
            cairo_line_to(t, tile / 2, tile)
        case .dots:
            cairo_arc(t, tile / 4, tile / 4, 1.3, 0, 2 * Double.pi)
            cairo_new_sub_path(t)
            cairo_arc(t, 3 * tile / 4, 3 * tile / 4, 1.3, 0, 2 * Double.pi)
            cairo_fill(t)
        }
        cairo_stroke(t)
    }

    // MARK: Text

    /// A Pango font description for a chart font (cached).
    private func fontDescription(_ font: ChartFont) -> OpaquePointer {
        if let cached = fonts[font] { return cached }
        let description = pango_font_description_from_string(ChartType.families)!
        pango_font_description_set_absolute_size(description, font.size * Double(PANGO_SCALE))
        pango_font_description_set_weight(description, font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        fonts[font] = description
        return description
    }

    /// A laid-out text (cached per text, font, width and alignment). With a width and `wrap`, it
    /// breaks into lines at that width (between words, or between characters where a word is
    /// longer than a line); text is never ellipsized.
    private func layout(_ text: String, _ font: ChartFont, width: Double?, wrap: Bool, align: HAlign) -> OpaquePointer {
        let key = LayoutKey(text: text, font: font, width: width, wrap: wrap, align: align)
        if let cached = layouts[key] { return cached }
        let layout = pango_layout_new(context)!
        pango_layout_set_font_description(layout, fontDescription(font))
        pango_layout_set_text(layout, text, -1)
        if let width, wrap {
            pango_layout_set_width(layout, Int32(max(1, width) * Double(PANGO_SCALE)))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
            switch align {
            case .left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
            case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
            case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
            }
        }
        layouts[key] = layout
        return layout
    }

    /// The logical extents of a layout in design units.
    private func extents(_ layout: OpaquePointer) -> ChartRect {
        var ink = PangoRectangle()
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, &ink, &logical)
        let k = Double(PANGO_SCALE)
        return ChartRect(x: Double(logical.x) / k, y: Double(logical.y) / k,
                         width: Double(logical.width) / k, height: Double(logical.height) / k)
    }

    /// The size of a single line of text.
    package func measure(_ text: String, _ font: ChartFont) -> ChartSize {
        let e = extents(layout(text, font, width: nil, wrap: false, align: .left))
        return ChartSize(width: e.width, height: e.height)
    }

    /// The height of one line of a font.
    package func lineHeight(_ font: ChartFont) -> Double { measure("Hg国", font).height }

    /// The largest size up to `font.size` at which `text` fits in `width`, not below `minimum`;
    /// nil when it does not fit even then.
    package func fitting(_ text: String, _ font: ChartFont, width: Double, minimum: Double = ChartType.minimumSize) -> ChartFont? {
        let w = measure(text, font).width
        if w <= width { return font }
        let size = (font.size * width / w * 100).rounded(.down) / 100
        return size >= minimum ? font.sized(size) : nil
    }

    /// Draws one line of text anchored at (x, y). With `maxWidth`, text wider than that is first
    /// set a little smaller (down to 85% of its size, not below `ChartType.minimumSize`) and, if
    /// still too wide, wrapped into lines of that width (aligned as `h`, the block anchored as `v`):
    /// text is never cut. Returns the rectangle it covers.
    @discardableResult
    package func text(_ text: String, x: Double, y: Double, _ font: ChartFont, color: RGB = Palette.ink,
              h: HAlign = .left, v: VAlign = .top, maxWidth: Double? = nil) -> ChartRect {
        guard !text.isEmpty else { return ChartRect(x: x, y: y, width: 0, height: 0) }
        var font = font
        var layout = self.layout(text, font, width: nil, wrap: false, align: .left)
        var e = extents(layout)
        if let maxWidth, e.width > maxWidth {
            if let smaller = fitting(text, font, width: maxWidth, minimum: max(ChartType.minimumSize, font.size * 0.85)) {
                font = smaller
                layout = self.layout(text, font, width: nil, wrap: false, align: .left)
            } else {
                font = font.sized(max(min(font.size, ChartType.minimumSize), font.size * 0.85))
                layout = self.layout(text, font, width: maxWidth, wrap: true, align: h)
            }
            e = extents(layout)
        }
        let left: Double
        switch h {
        case .left: left = x
        case .center: left = x - e.width / 2
        case .right: left = x - e.width
        }
        let top: Double
        switch v {
        case .top: top = y
        case .middle: top = y - e.height / 2
        case .bottom: top = y - e.height
        }
        show(layout, text: text, x: left - e.x, y: top - e.y, font: font, color: color)
        return ChartRect(x: left, y: top, width: e.width, height: e.height)
    }

    /// The height `text(_:…maxWidth:)` would use (one line, or several where it wraps).
    package func textHeight(_ text: String, _ font: ChartFont, maxWidth: Double) -> Double {
        guard !text.isEmpty else { return 0 }
        let single = extents(layout(text, font, width: nil, wrap: false, align: .left))
        guard single.width > maxWidth else { return single.height }
        if let smaller = fitting(text, font, width: maxWidth, minimum: max(ChartType.minimumSize, font.size * 0.85)) {
            return extents(layout(text, smaller, width: nil, wrap: false, align: .left)).height
        }
        let f = font.sized(max(min(font.size, ChartType.minimumSize), font.size * 0.85))
        return extents(layout(text, f, width: maxWidth, wrap: true, align: .left)).height
    }

    /// Draws text wrapped to `width` with its top-left at (x, y); returns the height used.
    @discardableResult
    package func paragraph(_ text: String, x: Double, y: Double, width: Double, _ font: ChartFont, color: RGB = Palette.ink,
                   align: HAlign = .left) -> Double {
        guard !text.isEmpty else { return 0 }
        let layout = self.layout(text, font, width: width, wrap: true, align: align)
        show(layout, text: text, x: x, y: y, font: font, color: color)
        return extents(layout).height
    }

    /// The height `paragraph` would use.
    package func paragraphHeight(_ text: String, width: Double, _ font: ChartFont) -> Double {
        guard !text.isEmpty else { return 0 }
        return extents(layout(text, font, width: width, wrap: true, align: .left)).height
    }

    private func show(_ layout: OpaquePointer, text: String, x: Double, y: Double, font: ChartFont, color: RGB) {
        setColor(color)
        cairo_move_to(cr, x, y)
        pango_cairo_show_layout(cr, layout)
        if let recorder {
            record(layout, text: text, x: x, y: y, font: font, into: recorder)
            // What a reader would miss: an ellipsized layout, or text reaching past the page.
            var ink = PangoRectangle()
            var logical = PangoRectangle()
            pango_layout_get_extents(layout, &ink, &logical)
            let k = Double(PANGO_SCALE)
            let covered = ChartRect(x: x + Double(logical.x) / k, y: y + Double(logical.y) / k,
                                    width: Double(logical.width) / k, height: Double(logical.height) / k)
            let tolerance = 0.5
            let outside = covered.minX < -tolerance || covered.minY < -tolerance
                || covered.maxX > size.width + tolerance || covered.maxY > size.height + tolerance
            recorder.check(CheckedText(text: text, rect: covered, ellipsized: pango_layout_is_ellipsized(layout) != 0,
                                       outsidePage: outside))
        }
    }

    // MARK: Points of the plot

    /// Where each point of the plot (a year's column, a jurisdiction's row or tile) was drawn, for
    /// the user's notes (`ChartFrame.drawNoteMarks`): the centre of each mark the note gets.
    package private(set) var anchors: [ChartPoint: [(x: Double, y: Double)]] = [:]

    /// Records that a note on `point` is marked at (x, y).
    package func anchor(_ point: ChartPoint?, x: Double, y: Double) {
        guard let point else { return }
        anchors[point, default: []].append((x, y))
    }

    /// Reports each line of a shown layout, at its baseline, in device units.
    private func record(_ layout: OpaquePointer, text: String, x: Double, y: Double, font: ChartFont,
                        into recorder: ChartTextRecorder) {
        let bytes = Array(text.utf8)
        let k = Double(PANGO_SCALE)
        guard let iter = pango_layout_get_iter(layout) else { return }
        defer { pango_layout_iter_free(iter) }
        repeat {
            guard let line = pango_layout_iter_get_line_readonly(iter) else { continue }
            let start = Int(line.pointee.start_index)
            let end = min(bytes.count, start + Int(line.pointee.length))
            guard start < end else { continue }
            let lineText = String(decoding: bytes[start..<end], as: UTF8.self)
            var ink = PangoRectangle()
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iter, &ink, &logical)
            var dx = x + Double(logical.x) / k
            var dy = y + Double(pango_layout_iter_get_baseline(iter)) / k
            cairo_user_to_device(cr, &dx, &dy)
            recorder.add(RecordedText(text: lineText, x: dx, y: dy, size: font.size * scale, bold: font.bold,
                                      width: Double(logical.width) / k * scale))
        } while pango_layout_iter_next_line(iter) != 0
    }
}

/// Marker shapes (the timeline's dates, legends).
package enum MarkerShape: Sendable {
    case circle, ring, diamond, square, triangle, cross, arrow
}

/// One line of text as drawn, in device units: its baseline's left end, size and weight.
package struct RecordedText: Equatable, Sendable {
    package var text: String
    package var x: Double
    package var y: Double
    package var size: Double
    package var bold: Bool
    package var width: Double
    package init(text: String, x: Double, y: Double, size: Double, bold: Bool, width: Double) {
        self.text = text
        self.x = x
        self.y = y
        self.size = size
        self.bold = bold
        self.width = width
    }
}

/// One text as laid out and drawn, in design units.
package struct CheckedText: Equatable, Sendable {
    package var text: String
    package var rect: ChartRect
    package var ellipsized: Bool
    package var outsidePage: Bool
    package init(text: String, rect: ChartRect, ellipsized: Bool, outsidePage: Bool) {
        self.text = text
        self.rect = rect
        self.ellipsized = ellipsized
        self.outsidePage = outsidePage
    }
}

/// Collects the text a chart draws, so that exports can carry it as text (see `SVGTextLayer`)
/// and tests can read the figures a chart shows.
package final class ChartTextRecorder {
    package private(set) var items: [RecordedText] = []
    /// Every text drawn, as one block (several lines where it wraps), with what would hide part of it.
    package private(set) var checked: [CheckedText] = []
    /// The number of each note marked on its point, once per mark.
    package var markedNotes: [Int] = []

    package func add(_ item: RecordedText) { items.append(item) }

    package func check(_ item: CheckedText) { checked.append(item) }

    /// Texts a reader would not see whole: ellipsized, or reaching past the page.
    package var cutTexts: [CheckedText] { checked.filter { $0.ellipsized || $0.outsidePage } }

    /// Every line drawn, in drawing order.
    package var strings: [String] { items.map(\.text) }
}
