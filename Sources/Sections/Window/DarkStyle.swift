import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// Whether the window is dark, and following the desktop's preference.
///
/// The desktop says it through `org.gnome.desktop.interface color-scheme` (GNOME 42 and later;
/// GTK 4.8 does not read it itself): when that schema and key are installed, the choice is copied
/// to GtkSettings' `gtk-application-prefer-dark-theme` and followed as it changes. Elsewhere GTK's
/// own setting (settings.ini, `GTK_THEME=Default:dark`) decides.
///
/// `isDark` is read from the theme GTK really loaded (its window background is dark), so every
/// way of choosing a dark theme counts. Parts that draw with cairo (the matrix) pick their palette
/// from it; the stylesheet loads its dark colours (`Stylesheet`). `observe` tells them when it changes.
@MainActor
package enum DarkStyle {
    private static var desktopSettings: UnsafeMutablePointer<GSettings>?
    private static var installed = false
    private static var observers: [@MainActor () -> Void] = []
    private static var cachedIsDark: Bool?

    /// Starts following the desktop's preference and the toolkit's theme (once per process).
    package static func install() {
        guard !installed, let settings = gtk_settings_get_default() else { return }
        installed = true
        for property in ["gtk-application-prefer-dark-theme", "gtk-theme-name"] {
            Signals.connect(settings, "notify::" + property, withArgument: { _ in themeChanged() })
        }
        guard let source = g_settings_schema_source_get_default(),
              let schema = g_settings_schema_source_lookup(source, interfaceSchema, 1) else { return }
        defer { g_settings_schema_unref(schema) }
        guard g_settings_schema_has_key(schema, colorSchemeKey) != 0 else { return }
        let desktop = g_settings_new_full(schema, nil, nil)!
        desktopSettings = desktop
        Signals.connect(desktop, "changed::" + colorSchemeKey, withArgument: { _ in applyDesktopPreference() })
        applyDesktopPreference()
    }

    package static let interfaceSchema = "org.gnome.desktop.interface"
    package static let colorSchemeKey = "color-scheme"

    /// The desktop's `color-scheme` ("default", "prefer-dark", "prefer-light"), nil without the key.
    package static var desktopColorScheme: String? {
        guard let desktop = desktopSettings, let value = g_settings_get_string(desktop, colorSchemeKey) else { return nil }
        defer { g_free(value) }
        return String(cString: value)
    }

    /// Copies the desktop's choice to GTK: "prefer-dark" asks for the dark variant of the theme,
    /// anything else for the light one.
    private static func applyDesktopPreference() {
        guard let scheme = desktopColorScheme, let settings = gtk_settings_get_default() else { return }
        GProperty.set(settings, "gtk-application-prefer-dark-theme", scheme == "prefer-dark")
    }

    /// True when the loaded theme's window background is dark.
    package static var isDark: Bool {
        if let cachedIsDark { return cachedIsDark }
        let dark = (themeColor("theme_bg_color")?.luminance).map { $0 < 0.4 } ?? false
        cachedIsDark = dark
        return dark
    }

    /// A colour the display's style providers define (`@define-color`), with its alpha, resolved
    /// (nil when none defines it).
    package static func themeColor(_ name: String) -> StyleColor? {
        let probe = OwnedObject(sinking: gtk_label_new(nil)!)
        var rgba = GdkRGBA()
        guard let context = gtk_widget_get_style_context(probe.pointer),
              gtk_style_context_lookup_color(context, name, &rgba) != 0 else { return nil }
        return StyleColor(red: Double(rgba.red), green: Double(rgba.green), blue: Double(rgba.blue), alpha: Double(rgba.alpha))
    }

    /// Calls `body` after the theme switched between light and dark (and once the stylesheet follows).
    package static func observe(_ body: @escaping @MainActor () -> Void) {
        observers.append(body)
    }

    private static func themeChanged() {
        // GTK loads the new theme in its own handler of the same notification, before this one.
        let was = cachedIsDark
        cachedIsDark = nil
        guard isDark != was else { return }
        for observer in observers { observer() }
    }
}

/// A colour with components 0…1, as CSS resolves it; WCAG luminance and contrast.
package struct StyleColor: Equatable, Sendable {
    package var red: Double, green: Double, blue: Double, alpha: Double = 1

    package init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        (self.red, self.green, self.blue, self.alpha) = (red, green, blue, alpha)
    }

    package init(_ rgb: RGB) {
        let (r, g, b) = rgb.unit
        self.init(red: r, green: g, blue: b)
    }

    /// WCAG 2 relative luminance (alpha ignored).
    package var luminance: Double {
        func channel(_ v: Double) -> Double { v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4) }
        return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)
    }

    /// This colour painted over `background` (which is taken as opaque).
    package func over(_ background: StyleColor) -> StyleColor {
        StyleColor(red: red * alpha + background.red * (1 - alpha), green: green * alpha + background.green * (1 - alpha),
                   blue: blue * alpha + background.blue * (1 - alpha))
    }

    /// WCAG 2 contrast ratio of this colour as text on `background` (1…21).
    package func contrast(on background: StyleColor) -> Double {
        let a = over(background).luminance, b = background.luminance
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }
}
