import CGtk
import Model

/// The matrix's rules made from `Palette`, so that the status buttons and the legend use the
/// grid's colours (the rest of its CSS is in the stylesheet file; `Stylesheet` installs both).
@MainActor
enum MatrixStyle {
    static var paletteRules: String {
        var rules = """
        .gk-legend-swatch { border-radius: 4px; padding: 1px 8px; min-width: 18px; color: \(Palette.ink.hex);
                             border: 1px solid alpha(\(Palette.ink.hex), 0.12); }
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
}
