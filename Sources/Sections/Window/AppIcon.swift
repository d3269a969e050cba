import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// The application's icon (`resources/icons/io.github.gongkai.Gongkai.svg`): its folder is added to
/// the icon theme's search path and its name made every window's default icon (GTK 4 windows take
/// icons by name only).
@MainActor
package enum AppIcon {
    package static let name = GongkaiApplication.id

    /// The folder holding the icon (`icons/<id>.svg`, found by `ResourceLocator`: the App bundle
    /// beside the executable, an installed `share/gongkai`, or `GONGKAI_DATA_DIR`).
    package static var directory: URL? {
        ResourceLocator.shared.url("icons/\(name).svg")?.deletingLastPathComponent()
    }

    private static var installed = false

    /// Adds the icon folder to the display's icon theme and sets the default window icon (once).
    package static func install() {
        guard !installed, let display = gdk_display_get_default() else { return }
        installed = true
        if let directory {
            gtk_icon_theme_add_search_path(gtk_icon_theme_get_for_display(display), directory.path)
        }
        gtk_window_set_default_icon_name(name)
    }

    /// The file the icon theme finds for the icon (nil when it would draw a "missing" image).
    package static var resolvedFile: URL? {
        guard let display = gdk_display_get_default(),
              let icon = gtk_icon_theme_lookup_icon(gtk_icon_theme_get_for_display(display), name, nil, 128, 1,
                                                    GTK_TEXT_DIR_NONE, GtkIconLookupFlags(rawValue: 0)) else { return nil }
        defer { unref(icon) }
        return GFiles.takePath(gtk_icon_paintable_get_file(icon))
    }
}
