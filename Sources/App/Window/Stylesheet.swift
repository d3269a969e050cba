import CGtk
import Foundation

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
    .gk-dialog-content { padding: 20px 24px 18px 24px; }
    .gk-problems { background-color: transparent; }
    .gk-problems row {
        padding: 10px 14px;
        margin-bottom: 6px;
        border-radius: 8px;
        background-color: @theme_base_color;
        border: 1px solid alpha(currentColor, 0.1);
    }
    .gk-problems row:hover { background-color: mix(@theme_base_color, @theme_selected_bg_color, 0.06); }
    .gk-problems row:selected { background-color: mix(@theme_base_color, @theme_selected_bg_color, 0.15); color: @theme_text_color; }
    .gk-problem-severity { font-weight: bold; }
    .gk-problem-explanation { font-size: 0.92em; }
    .gk-problem-count { font-weight: bold; padding: 0 8px; border-radius: 999px; background-color: alpha(currentColor, 0.08); }
    .gk-problem-grouped { margin-left: 36px; }
    .gk-error { color: @error_color; }
    .gk-warning { color: #9c6500; }
    .gk-empty { font-size: 13pt; }
    """

    /// Fonts tried for Han characters the interface font lacks, before fontconfig's own fallback.
    ///
    /// The same Han character has different glyphs in Chinese, Japanese and Korean fonts. Pango
    /// picks the fallback by the locale's language, which is "c" on machines without a Chinese
    /// locale, and fontconfig then prefers Noto Sans CJK **JP**. The survey's data is Chinese
    /// whatever the interface language, so name Simplified Chinese fonts explicitly.
    static let simplifiedChineseFonts = ["Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN",
                                         "WenQuanYi Micro Hei", "Droid Sans Fallback"]

    private static var installed = false
    private static var fontProvider: UnsafeMutablePointer<GtkCssProvider>?

    /// Installs the stylesheet on the default display (once; later calls do nothing), and keeps
    /// the font rule in step with the desktop's interface font.
    static func install() {
        guard !installed, let display = gdk_display_get_default() else { return }
        installed = true
        unref(add(css, to: display))  // the display keeps its own reference
        updateFonts()
        if let settings = gtk_settings_get_default() {
            Signals.connect(settings, "notify::gtk-font-name", withArgument: { _ in updateFonts() })
        }
    }

    /// The `font-family` list: the interface font's concrete family, then the Simplified Chinese
    /// fonts, then `sans-serif`.
    static func fontFamilies(interfaceFont: String?) -> [String] {
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
    static func fontRule(_ families: [String]) -> String {
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
