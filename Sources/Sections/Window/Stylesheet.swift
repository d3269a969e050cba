import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// Gongkai's own CSS, added once per display on top of the GTK theme: the stylesheet file
/// (`resources/style/gongkai.css`, classes prefixed `gk-` so they never collide with the theme's)
/// followed by the rules made from the model's palette (`MatrixStyle`, `EnterpriseStyle`), in one
/// provider, with the named colours of the theme's variant (light or dark, `DarkStyle`) before
/// them; and the font rule, which follows the desktop's interface font.
@MainActor
package enum Stylesheet {
    /// The stylesheet file's text ("" when the resource is missing: the theme alone then).
    package static var fileCSS: String { resource("style/gongkai.css") }

    /// The named colours for a light or a dark theme (`colours-light.css`, `colours-dark.css`).
    package static func colourCSS(dark: Bool) -> String { resource(dark ? "style/colours-dark.css" : "style/colours-light.css") }

    private static func resource(_ path: String) -> String {
        guard let url = ResourceLocator.shared.url(path),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return "" }
        return text
    }

    /// Everything the provider loads for a light or a dark theme: the colours, the file, then the
    /// palette's rules.
    package static func css(dark: Bool) -> String {
        colourCSS(dark: dark) + "\n" + fileCSS + "\n" + MatrixStyle.paletteRules(dark: dark) + EnterpriseStyle.paletteRules
    }

    /// What the provider loads for the theme on screen.
    package static var css: String { css(dark: DarkStyle.isDark) }

    /// Fonts tried for Han characters the interface font lacks, before fontconfig's own fallback.
    ///
    /// The same Han character has different glyphs in Chinese, Japanese and Korean fonts. Pango
    /// picks the fallback by the locale's language, which is "c" on machines without a Chinese
    /// locale, and fontconfig then prefers Noto Sans CJK **JP**. The survey's data is Chinese
    /// whatever the interface language, so name Simplified Chinese fonts explicitly.
    package static let simplifiedChineseFonts = ["Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN",
                                         "WenQuanYi Micro Hei", "Droid Sans Fallback"]

    private static var installed = false
    private static var fontProvider: UnsafeMutablePointer<GtkCssProvider>?
    private static var provider: UnsafeMutablePointer<GtkCssProvider>?

    /// Installs the stylesheet on the default display (once; later calls do nothing), and keeps
    /// the font rule in step with the desktop's interface font.
    package static func install() {
        guard !installed, let display = gdk_display_get_default() else { return }
        installed = true
        DarkStyle.install()
        provider = add(css, to: display)
        // The theme turned dark or light: the same provider loads the other colours.
        DarkStyle.observe { if let provider { gtk_css_provider_load_from_data(provider, css, -1) } }
        updateFonts()
        if let settings = gtk_settings_get_default() {
            Signals.connect(settings, "notify::gtk-font-name", withArgument: { _ in updateFonts() })
        }
    }

    /// The `font-family` list: the interface font's concrete family, then the Simplified Chinese
    /// fonts, then `sans-serif`.
    package static func fontFamilies(interfaceFont: String?) -> [String] {
        var families: [String] = []
        if let interfaceFont, let family = concreteFamily(of: interfaceFont) { families.append(family) }
        for font in simplifiedChineseFonts + ["sans-serif"] where !families.contains(font) {
            families.append(font)
        }
        return families
    }

    /// The family fontconfig really uses for a font description such as "Sans 10" ("DejaVu Sans").
    /// A generic name must not be listed before the Chinese fonts: fontconfig binds the fonts it
    /// stands for weakly, so every explicitly named font (and its Latin glyphs) would win.
    private static func concreteFamily(of fontName: String) -> String? {
        guard let description = pango_font_description_from_string(fontName) else { return nil }
        defer { pango_font_description_free(description) }
        let fontMap = pango_cairo_font_map_get_default()
        guard let context = pango_font_map_create_context(fontMap) else { return nil }
        defer { unref(context) }
        guard let font = pango_font_map_load_font(fontMap, context, description) else { return nil }
        defer { unref(font) }
        guard let loaded = pango_font_describe(font) else { return nil }
        defer { pango_font_description_free(loaded) }
        return String(borrowingGChars: pango_font_description_get_family(loaded))
    }

    /// CSS for a family list: `window, tooltip { font-family: "A", "B", sans-serif; }`.
    package static func fontRule(_ families: [String]) -> String {
        let list = families.map { family -> String in
            if family == "sans-serif" || family == "serif" || family == "monospace" { return family }
            let escaped = family.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(escaped)\""
        }
        return "window, tooltip, popover { font-family: \(list.joined(separator: ", ")); }"
    }

    private static func updateFonts() {
        guard let display = gdk_display_get_default() else { return }
        if let old = fontProvider {
            gtk_style_context_remove_provider_for_display(display, old.opaque)
            unref(old)
        }
        let interfaceFont = gtk_settings_get_default().flatMap { GProperty.string($0, "gtk-font-name") }
        fontProvider = add(fontRule(fontFamilies(interfaceFont: interfaceFont)), to: display)
    }

    /// Adds a CSS provider at application priority; returns it (with a reference the caller owns).
    private static func add(_ css: String, to display: OpaquePointer) -> UnsafeMutablePointer<GtkCssProvider> {
        let provider = gtk_css_provider_new()!
        gtk_css_provider_load_from_data(provider, css, -1)
        gtk_style_context_add_provider_for_display(display, provider.opaque,
                                                   UInt32(GTK_STYLE_PROVIDER_PRIORITY_APPLICATION))
        return provider
    }
}
