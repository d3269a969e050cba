import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// Why a screenshot could not be taken.
package struct ScreenshotError: Error, CustomStringConvertible {
    package var description: String
    package init(description: String) {
        self.description = description
    }
}

/// Renders a realized widget to a PNG file: `gtk_widget_paintable_new` → snapshot →
/// `gsk_renderer_render_texture` with the window's own renderer → `gdk_texture_save_to_png`.
@MainActor
package enum Screenshot {
    /// Saves what `widget` currently shows to `url` (a `.png` path). The widget must have been
    /// drawn at least once (see `MainWindow.onNextFrame`).
    package static func save(_ widget: UnsafeMutablePointer<GtkWidget>, to url: URL) throws {
        let width = gtk_widget_get_width(widget)
        let height = gtk_widget_get_height(widget)
        guard width > 0, height > 0 else {
            throw ScreenshotError(description: tr("The window has not been drawn yet."))
        }
        guard let native = gtk_widget_get_native(widget), let renderer = gtk_native_get_renderer(native) else {
            throw ScreenshotError(description: tr("The window has no renderer."))
        }

        let paintable = gtk_widget_paintable_new(widget)!
        defer { unref(paintable) }
        let snapshot = gtk_snapshot_new()
        gdk_paintable_snapshot(paintable, snapshot, Double(width), Double(height))
        guard let node = gtk_snapshot_free_to_node(snapshot) else {
            throw ScreenshotError(description: tr("The window drew nothing."))
        }
        defer { gsk_render_node_unref(node) }

        var bounds = graphene_rect_t()
        graphene_rect_init(&bounds, 0, 0, Float(width), Float(height))
        guard let texture = gsk_renderer_render_texture(renderer, node, &bounds) else {
            throw ScreenshotError(description: tr("Rendering the window failed."))
        }
        defer { unref(texture) }
        guard gdk_texture_save_to_png(texture, url.path) != 0 else {
            throw ScreenshotError(description: tr("Cannot write %1.", url.path))
        }
    }
}
