import CGtk
import Foundation

/// The application's icon (`resources/icons/io.github.gongkai.Gongkai.svg`): its folder is added to
/// the icon theme's search path and its name made every window's default icon (GTK 4 windows take
/// icons by name only).
@MainActor
enum AppIcon {
    static let name = GongkaiApplication.id

    /// Where the icon is: the App bundle's `icons` folder beside the executable, or an installed
    /// `share/gongkai/icons` next to the binary's `bin`.
    static var directory: URL? {
        var candidates: [URL] = []
        if let bundled = Bundle.module.url(forResource: "icons", withExtension: nil) { candidates.append(bundled) }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        candidates.append(executable.deletingLastPathComponent().appendingPathComponent("../share/gongkai/icons").standardizedFileURL)
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("\(name).svg").path) }
    }

    private static var installed = false

    /// Adds the icon folder to the display's icon theme and sets the default window icon (once).
    static func install() {
        guard !installed, let display = gdk_display_get_default() else { return }
        installed = true
        if let directory {
            gtk_icon_theme_add_search_path(gtk_icon_theme_get_for_display(display), directory.path)
        }
        gtk_window_set_default_icon_name(name)
    }

    /// The file the icon theme finds for the icon (nil when it would draw a "missing" image).
    static var resolvedFile: URL? {
        guard let display = gdk_display_get_default(),
              let icon = gtk_icon_theme_lookup_icon(gtk_icon_theme_get_for_display(display), name, nil, 128, 1,
                                                    GTK_TEXT_DIR_NONE, GtkIconLookupFlags(rawValue: 0)) else { return nil }
        defer { unref(icon) }
        return GFiles.takePath(gtk_icon_paintable_get_file(icon))
    }
}
