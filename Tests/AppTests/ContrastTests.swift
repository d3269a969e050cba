import CGtk
import Foundation
import Model
import XCTest

@testable import GtkKit
@testable import Rendering
@testable import Commands
@testable import Sections
@testable import Bench
@testable import gongkai

/// Text reads in the light and the dark theme (issue 16): every text colour of the stylesheet, as
/// GTK resolves it in each theme, has a contrast of at least 4.5:1 (WCAG AA) on its background, and
/// so has every text colour the matrix paints; the window follows the desktop's dark preference.
final class ContrastTests: WindowTestCase {
    static let textContrast = 4.5
    /// Marks that are not text (the grid's note corner, evidence dot, quality marks drawn over a
    /// tint) need 3:1, WCAG's figure for graphical objects (1.4.11).
    static let markContrast = 3.0

    override func tearDown() {
        MainActor.assumeIsolated { Self.setPreferDark(false) }
        super.tearDown()
    }

    func testEveryTextColourOfTheStylesheetReadsInBothThemes() throws { try onMain {
        Stylesheet.install()
        for dark in [false, true] {
            Self.setPreferDark(dark)
            XCTAssertEqual(DarkStyle.isDark, dark, "the theme's window background is \(dark ? "dark" : "light")")
            let theme = dark ? "dark" : "light"
            let rules = Self.rules(Stylesheet.css(dark: dark))
            XCTAssertGreaterThan(rules.filter { $0.declarations["color"] != nil }.count, 20, "the rules are read")
            var checked = 0
            for rule in rules {
                guard let value = rule.declarations["color"], value != "inherit" else { continue }
                let foreground = try XCTUnwrap(Self.resolve(value), "\(theme): \(rule.selector) names a colour GTK knows: \(value)")
                let backgrounds: [(String, StyleColor)]
                if let value = rule.declarations["background-color"] ?? rule.declarations["background"] {
                    backgrounds = [(value, try XCTUnwrap(Self.resolve(value), "\(theme): \(rule.selector) background \(value)"))]
                } else {
                    backgrounds = try ["theme_bg_color", "theme_base_color"].map { ($0, try XCTUnwrap(DarkStyle.themeColor($0))) }
                }
                for (name, background) in backgrounds {
                    let ratio = foreground.contrast(on: background)
                    XCTAssertGreaterThanOrEqual(ratio, Self.textContrast, "\(theme): \(rule.selector) \(value) on \(name) is \(ratio):1")
                    checked += 1
                }
            }
            XCTAssertGreaterThan(checked, 30)
        }
    } }

    /// The faint colours the issue found are caught: the old legend mark on the dark window, the old
    /// warning text on the dark window.
    func testTheOldFaintColoursFailTheCheck() throws { try onMain {
        Stylesheet.install()
        Self.setPreferDark(true)
        let background = try XCTUnwrap(DarkStyle.themeColor("theme_bg_color"))
        XCTAssertLessThan(StyleColor(RGB(0x3A3F45)).contrast(on: background), 1.5)
        XCTAssertLessThan(StyleColor(RGB(0xA04000)).contrast(on: background), Self.textContrast)
        // …and their replacements read.
        let mark = try XCTUnwrap(Self.resolve("@theme_fg_color")), warning = try XCTUnwrap(Self.resolve("@gk_warning_fg"))
        XCTAssertGreaterThanOrEqual(mark.contrast(on: background), Self.textContrast)
        XCTAssertGreaterThanOrEqual(warning.contrast(on: background), Self.textContrast)
    } }

    /// No rule of the stylesheet file names a colour of its own: colours are named (the theme's or
    /// defined once), so the check above sees each one in both themes.
    func testTheStylesheetFileNamesItsColours() {
        let file = MainActor.assumeIsolated { Stylesheet.fileCSS }
        for rule in Self.rules(file) {
            for (property, value) in rule.declarations where property.contains("color") || property == "background" {
                XCTAssertNil(value.range(of: "#[0-9A-Fa-f]{3,8}", options: .regularExpression), "\(rule.selector) \(property): \(value)")
            }
        }
        for dark in [false, true] {
            let colours = MainActor.assumeIsolated { Stylesheet.colourCSS(dark: dark) }
            XCTAssertTrue(colours.contains("@define-color gk_warning_fg"), "the \(dark ? "dark" : "light") colours are bundled")
        }
    }

    /// The matrix's own painting: text on every background and tint, marks on the tints, in both sets.
    func testTheMatrixPaintsReadableTextInBothThemes() {
        for (name, ink) in [("light", MatrixInk.light), ("dark", MatrixInk.dark)] {
            let surfaces = [("background", ink.background), ("header", ink.header), ("active header", ink.headerActive),
                            ("region heading", ink.heading)] + DisclosureStatus.allCases.map { ("tint \($0)", ink.tint($0)) }
            for (surface, colour) in surfaces {
                let text = StyleColor(ink.text).contrast(on: StyleColor(colour))
                XCTAssertGreaterThanOrEqual(text, Self.textContrast, "\(name): text on \(surface) is \(text):1")
            }
            for (surface, colour) in surfaces.prefix(3) {
                let muted = StyleColor(ink.muted).contrast(on: StyleColor(colour))
                XCTAssertGreaterThanOrEqual(muted, Self.textContrast, "\(name): secondary text on \(surface) is \(muted):1")
            }
            for status in DisclosureStatus.allCases {
                let tint = StyleColor(ink.tint(status))
                XCTAssertGreaterThanOrEqual(StyleColor(ink.mark).contrast(on: tint), Self.markContrast, "\(name): marks on \(status)")
                XCTAssertGreaterThanOrEqual(StyleColor(ink.quiet).contrast(on: tint), Self.markContrast, "\(name): ring on \(status)")
            }
            for badge in [ink.badge, ink.warningBadge] {
                XCTAssertGreaterThanOrEqual(StyleColor(RGB(0xFFFFFF)).contrast(on: StyleColor(badge)), Self.textContrast, "\(name): “!” on its badge")
            }
        }
        XCTAssertNotEqual(MatrixInk.light.background, MatrixInk.dark.background)
    }

    /// The desktop's `color-scheme` (when its schema is installed) turns the window dark and back.
    func testTheWindowFollowsTheDesktopsColourScheme() throws { try onMain {
        guard let source = g_settings_schema_source_get_default(),
              let schema = g_settings_schema_source_lookup(source, DarkStyle.interfaceSchema, 1) else {
            throw XCTSkip("no \(DarkStyle.interfaceSchema) schema on this machine")
        }
        defer { g_settings_schema_unref(schema) }
        guard g_settings_schema_has_key(schema, DarkStyle.colorSchemeKey) != 0 else { throw XCTSkip("no color-scheme key") }
        Stylesheet.install()
        let desktop = try XCTUnwrap(g_settings_new_full(schema, nil, nil))
        defer {
            g_settings_reset(desktop, DarkStyle.colorSchemeKey)
            unref(desktop)
        }
        g_settings_set_string(desktop, DarkStyle.colorSchemeKey, "prefer-dark")
        try WindowTestCase.waitUntil("the window turns dark") { DarkStyle.isDark }
        let darkWarning = try XCTUnwrap(Self.resolve("@gk_warning_fg"))
        g_settings_set_string(desktop, DarkStyle.colorSchemeKey, "default")
        try WindowTestCase.waitUntil("the window turns light") { !DarkStyle.isDark }
        let lightWarning = try XCTUnwrap(Self.resolve("@gk_warning_fg"))
        XCTAssertNotEqual(darkWarning, lightWarning, "the stylesheet's colours follow the theme")
    } }

    // MARK: Helpers

    @MainActor static func setPreferDark(_ dark: Bool) {
        guard let settings = gtk_settings_get_default() else { return }
        GProperty.set(settings, "gtk-application-prefer-dark-theme", dark)
        WindowTestCase.drainMainLoop()
    }

    /// A colour value as GTK resolves it: `@name` through the display's providers, `mix(…)`, `#RRGGBB` as written.
    @MainActor static func resolve(_ value: String) -> StyleColor? {
        if value.hasPrefix("@") { return DarkStyle.themeColor(String(value.dropFirst())) }
        if value.hasPrefix("mix("), value.hasSuffix(")") {
            // mix(A, B, f): A moved a fraction f towards B.
            let arguments = value.dropFirst(4).dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard arguments.count == 3, let a = resolve(arguments[0]), let b = resolve(arguments[1]),
                  let f = Double(arguments[2]) else { return nil }
            return StyleColor(red: a.red + (b.red - a.red) * f, green: a.green + (b.green - a.green) * f,
                              blue: a.blue + (b.blue - a.blue) * f)
        }
        var rgba = GdkRGBA()
        guard gdk_rgba_parse(&rgba, value) != 0 else { return nil }
        return StyleColor(red: Double(rgba.red), green: Double(rgba.green), blue: Double(rgba.blue), alpha: Double(rgba.alpha))
    }

    struct Rule {
        var selector: String
        var declarations: [String: String]
    }

    /// The rules of a stylesheet (comments and `@define-color` lines left out), each with its
    /// declarations (`property: value`).
    static func rules(_ css: String) -> [Rule] {
        let text = css.replacingOccurrences(of: "/\\*[\\s\\S]*?\\*/", with: "", options: .regularExpression)
            .components(separatedBy: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("@define-color") }
            .joined(separator: "\n")
        var rules: [Rule] = []
        for block in text.components(separatedBy: "}") {
            let parts = block.components(separatedBy: "{")
            guard parts.count == 2 else { continue }
            var declarations: [String: String] = [:]
            for declaration in parts[1].components(separatedBy: ";") {
                let pair = declaration.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                if pair.count == 2 { declarations[pair[0]] = pair[1] }
            }
            rules.append(Rule(selector: parts[0].trimmingCharacters(in: .whitespacesAndNewlines), declarations: declarations))
        }
        return rules
    }
}
