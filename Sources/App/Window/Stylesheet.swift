import CGtk

/// Gongkai's own CSS, added once per display on top of the GTK theme. Classes are prefixed
/// `gk-` so they never collide with the theme's.
@MainActor
enum Stylesheet {
    static let css = """
    .gk-page { padding: 28px 36px; }
    .gk-stat {
        background-color: alpha(currentColor, 0.06);
        border-radius: 10px;
        padding: 14px 18px;
    }
    .gk-stat-value { font-size: 22pt; font-weight: bold; }
    .gk-stat-label { font-size: 10.5pt; }
    .gk-detail-key { font-weight: bold; }
    .gk-sidebar { min-width: 180px; }
    """

    private static var installed = false

    /// Installs the stylesheet on the default display (once; later calls do nothing).
    static func install() {
        guard !installed, let display = gdk_display_get_default() else { return }
        installed = true
        let provider = gtk_css_provider_new()!
        gtk_css_provider_load_from_data(provider, css, -1)
        gtk_style_context_add_provider_for_display(display, provider.opaque,
                                                   UInt32(GTK_STYLE_PROVIDER_PRIORITY_APPLICATION))
        unref(provider)  // the display holds its own reference
    }
}
