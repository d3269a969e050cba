import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// A `GtkDrawingArea` that draws a chart with the chart's own `draw` (the same path as the
/// exports), filling the area, or letterboxed to 16:9 when `letterbox` is set.
@MainActor
package final class ChartView {
    package typealias DrawHandler = @MainActor (OpaquePointer, Double, Double) -> Void

    package let widget: UnsafeMutablePointer<GtkWidget>
    /// The chart shown; nil draws an empty paper.
    package var chart: (any Chart)? {
        didSet { gtk_widget_queue_draw(widget) }
    }
    /// Keep the chart 16:9 inside the area, on `background`.
    package var letterbox = false
    package var background = RGB(0xFFFFFF)
    /// The colour of the paper without a chart (nil: the background, as a blanked briefing).
    package var paper: RGB? = RGB(0xFFFFFF) {
        didSet { gtk_widget_queue_draw(widget) }
    }

    /// A view at least `width` × `height` pixels.
    package init(width: Int32 = 0, height: Int32 = 0) {
        // A picture to screen readers; the charts section names it and describes its figures.
        widget = Events.drawingArea(role: GTK_ACCESSIBLE_ROLE_IMG)
        // Named before any chart is shown (a section filled only when first shown).
        Events.setAccessibleLabel(widget, tr("Chart"))
        if width > 0 { gtk_drawing_area_set_content_width(widget.cast(), width) }
        if height > 0 { gtk_drawing_area_set_content_height(widget.cast(), height) }
        ChartView.setDrawFunction(widget) { [weak self] cr, w, h in self?.draw(cr, w, h) }
    }

    /// Where the chart goes in an area of `width` × `height`.
    package func chartRect(width: Double, height: Double) -> ChartRect {
        guard letterbox else { return ChartRect(x: 0, y: 0, width: width, height: height) }
        let ratio = ChartCanvas.designSize.width / ChartCanvas.designSize.height
        let w = min(width, height * ratio)
        let h = w / ratio
        return ChartRect(x: (width - w) / 2, y: (height - h) / 2, width: w, height: h)
    }

    /// Extra drawing over the chart, in the area's coordinates (the briefing's slide counter).
    package var overlay: DrawHandler?

    private func draw(_ cr: OpaquePointer, _ width: Double, _ height: Double) {
        let (r, g, b) = background.unit
        cairo_set_source_rgb(cr, r, g, b)
        cairo_paint(cr)
        let rect = chartRect(width: width, height: height)
        cairo_save(cr)
        cairo_translate(cr, rect.x, rect.y)
        cairo_rectangle(cr, 0, 0, rect.width, rect.height)
        cairo_clip(cr)
        if let chart {
            chart.draw(cr, width: rect.width, height: rect.height)
        } else if let paper {
            let (r, g, b) = paper.unit
            cairo_set_source_rgb(cr, r, g, b)
            cairo_paint(cr)
        }
        cairo_restore(cr)
        overlay?(cr, width, height)
    }

    /// `gtk_drawing_area_set_draw_func` with a Swift closure (released with the area).
    private static func setDrawFunction(_ area: UnsafeMutablePointer<GtkWidget>, _ handler: @escaping DrawHandler) {
        gtk_drawing_area_set_draw_func(area.cast(), { _, cr, width, height, data in
            guard let cr else { return }
            let box = CallbackBox<DrawHandler>.from(data)
            MainActor.assumeIsolated { box.handler(cr, Double(width), Double(height)) }
        }, CallbackBox<DrawHandler>(handler).retainedPointer(), { CallbackBox<DrawHandler>.release($0) })
    }
}

/// Charts on the clipboard.
@MainActor
package enum ChartClipboard {
    /// Puts the chart on the widget's clipboard as an image (2×, 2560 × 1440 pixels).
    package static func copy(_ chart: any Chart, from widget: UnsafeMutablePointer<GtkWidget>) throws {
        let texture = try ChartImage.render(chart, scale: 2, alpha: true) { surface -> OpaquePointer in
            let width = cairo_image_surface_get_width(surface)
            let height = cairo_image_surface_get_height(surface)
            let stride = cairo_image_surface_get_stride(surface)
            let bytes = g_bytes_new(cairo_image_surface_get_data(surface), gsize(Int(stride) * Int(height)))
            defer { g_bytes_unref(bytes) }
            // cairo's ARGB32 is premultiplied BGRA in memory on little-endian machines.
            return gdk_memory_texture_new(width, height, GDK_MEMORY_B8G8R8A8_PREMULTIPLIED, bytes, gsize(stride))
        }
        defer { unref(texture) }
        gdk_clipboard_set_texture(gtk_widget_get_clipboard(widget), texture)
    }
}
