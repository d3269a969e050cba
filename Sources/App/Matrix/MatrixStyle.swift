import CGtk
import Model

/// The matrix's CSS, generated from `Palette` so that the status buttons and the legend use the
/// grid's colours. Installed once per display, at application priority.
@MainActor
enum MatrixStyle {
    private static var installed = false

    static var css: String {
        var rules = """
        .gk-matrix-toolbar { padding: 8px 12px; }
        .gk-matrix-legend { padding: 6px 12px; }
        .gk-matrix-details { padding: 16px 18px; }
        .gk-evidence { padding: 8px; }
        .gk-legend-swatch { border-radius: 4px; padding: 1px 8px; min-width: 18px; color: \(Palette.ink.hex);
                             border: 1px solid alpha(\(Palette.ink.hex), 0.12); }
        .gk-legend-mark { color: #3A3F45; font-weight: bold; }
        .gk-legend-badge { background-color: #B3261E; color: #FFFFFF; border-radius: 999px; min-width: 14px;
                           font-size: 8pt; font-weight: bold; padding: 0 1px; }
        .gk-legend-warning { background-color: #9A5B00; color: #FFFFFF; border-radius: 999px; min-width: 14px;
                             font-size: 8pt; font-weight: bold; padding: 0 1px; }
        .gk-legend-quiet { color: #7C828A; }
        .gk-matrix-status { padding: 2px 4px; }
        .gk-status-button { background-image: none; color: \(Palette.ink.hex); }

        """
        for status in DisclosureStatus.allCases {
            let name = "gk-status-\(status.rawValue)"
            rules += """
            .\(name) { background-color: \(Palette.tint(status).hex); }
            .\(name):checked { background-color: \(Palette.fill(status).hex); color: \(Palette.text(on: status).hex); font-weight: bold; }

            """
        }
        return rules
    }

    /// Adds the stylesheet to the default display (once).
    static func install() {
        guard !installed, let display = gdk_display_get_default() else { return }
        installed = true
        let provider = gtk_css_provider_new()!
        gtk_css_provider_load_from_data(provider, css, -1)
        gtk_style_context_add_provider_for_display(display, provider.opaque, UInt32(GTK_STYLE_PROVIDER_PRIORITY_APPLICATION))
        unref(provider)
    }
}
