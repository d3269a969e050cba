import CGtk
import Model
import GtkKit
import Rendering

/// The matrix's rules made from its palette (`MatrixInk`), so that the status buttons and the
/// legend use the grid's colours (the rest of its CSS is in the stylesheet file; `Stylesheet`
/// installs both, again when the theme turns dark or light).
@MainActor
package enum MatrixStyle {
    /// The status buttons change at once, without the theme's 200 ms colour fade: a status typed
    /// in the grid is shown in the frame after the key, and a fast typist's keys do not each start
    /// a dozen frames of fading.
    package static func paletteRules(dark: Bool) -> String {
        let ink = dark ? MatrixInk.dark : MatrixInk.light
        var rules = """
        .gk-legend-swatch { border-radius: 4px; padding: 1px 8px; min-width: 18px; color: \(ink.text.hex);
                             border: 1px solid alpha(\(ink.text.hex), 0.12); }
        .gk-status-button { background-image: none; color: \(ink.text.hex); transition: none; }

        """
        for status in DisclosureStatus.allCases {
            let name = "gk-status-\(status.rawValue)"
            let fill = Palette.fill(status)
            rules += """
            .\(name) { background-color: \(ink.tint(status).hex); }
            .\(name):checked { background-color: \(fill.hex); color: \(MatrixInk.readableText(on: fill).hex); font-weight: bold; }

            """
        }
        return rules
    }
}

/// The colours the grid is painted with (`MatrixPainter`): the light set on a light theme, a dark
/// one on a dark theme (`DarkStyle`). Statuses keep their hue: the dark tints are the status
/// colours (`Palette.fill`) at about a third over the dark background. The contrast of every text
/// colour on what it is drawn on is checked by `ContrastTests`.
package struct MatrixInk: Equatable, Sendable {
    package var background, header, headerActive, heading, line, strongLine: RGB
    package var accent, unfocused, badge, warningBadge, quiet, mark: RGB
    /// Names, symbols and totals; secondary text (headings of kinds, rates).
    package var text, muted: RGB
    package var tints: [DisclosureStatus: RGB]

    package func tint(_ status: DisclosureStatus) -> RGB { tints[status] ?? background }

    package static let light = MatrixInk(
        background: RGB(0xFFFFFF), header: RGB(0xF4F5F7), headerActive: RGB(0xDCE8F7), heading: RGB(0xE9ECF0),
        line: RGB(0xE2E4E8), strongLine: RGB(0xB5BAC1), accent: RGB(0x1C64C8), unfocused: RGB(0x7C828A),
        badge: RGB(0xB3261E), warningBadge: RGB(0x9A5B00), quiet: RGB(0x5F6368), mark: RGB(0x3A3F45),
        text: Palette.ink, muted: Palette.muted,
        tints: Dictionary(uniqueKeysWithValues: DisclosureStatus.allCases.map { ($0, Palette.tint($0)) }))

    package static let dark = MatrixInk(
        background: RGB(0x242424), header: RGB(0x303030), headerActive: RGB(0x1E3A5F), heading: RGB(0x383838),
        line: RGB(0x3A3A3A), strongLine: RGB(0x5E5E5E), accent: RGB(0x78AEED), unfocused: RGB(0x9A9A9A),
        badge: RGB(0xB3261E), warningBadge: RGB(0x9A5B00), quiet: RGB(0xB0B5BB), mark: RGB(0xE8E8E6),
        text: RGB(0xF0F0EE), muted: RGB(0xB8B8B6),
        tints: [.disclosed: RGB(0x1D455B), .notDisclosed: RGB(0x683E1D), .prefecture: RGB(0x6A521B),
                .division: RGB(0x604454), .notSurveyed: RGB(0x333333)])

    /// The set for the theme on screen.
    @MainActor package static var current: MatrixInk { DarkStyle.isDark ? dark : light }

    /// White or black, whichever reads better on `fill` (WCAG contrast).
    package static func readableText(on fill: RGB) -> RGB {
        let white = RGB(0xFFFFFF), black = RGB(0x000000)
        return StyleColor(white).contrast(on: StyleColor(fill)) >= StyleColor(black).contrast(on: StyleColor(fill)) ? white : black
    }
    package init(background: RGB, header: RGB, headerActive: RGB, heading: RGB, line: RGB, strongLine: RGB, accent: RGB, unfocused: RGB, badge: RGB, warningBadge: RGB, quiet: RGB, mark: RGB, text: RGB, muted: RGB, tints: [DisclosureStatus: RGB]) {
        self.background = background
        self.header = header
        self.headerActive = headerActive
        self.heading = heading
        self.line = line
        self.strongLine = strongLine
        self.accent = accent
        self.unfocused = unfocused
        self.badge = badge
        self.warningBadge = warningBadge
        self.quiet = quiet
        self.mark = mark
        self.text = text
        self.muted = muted
        self.tints = tints
    }
}
