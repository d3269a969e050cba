import CGtk
import Model
import GtkKit
import Rendering

/// Hiding the sidebar to give its width to the section (issue 16, small screens): the header
/// bar's toggle and F9 (`win.sidebar`, a stateful action, so each window keeps its own state). The
/// sidebar hides by itself when the window becomes narrower than `automaticWidth` and comes back
/// as the user last had it when the window is wide again. Alt+1 … Alt+8 go to the sections either way.
@MainActor
package final class SidebarCollapse {
    package typealias Widget = UnsafeMutablePointer<GtkWidget>

    /// Below this window width the sidebar hides: the disclosure matrix then shows every year of
    /// the built-in survey on a 1024-pixel-wide screen.
    package static let automaticWidth: Int32 = 1100

    /// The sidebar and its separator.
    private let widgets: [Widget]
    private var action: SimpleAction?
    package private(set) var isNarrow = false
    /// Whether the sidebar shows on a wide window (the user's last choice there).
    private var shownWhenWide = true

    package init(sidebar: Widget, separator: Widget) {
        widgets = [sidebar, separator]
    }

    /// Whether the sidebar is on screen.
    package var isShown: Bool {
        get { action?.isOn ?? true }
        set { action?.isOn = newValue }
    }

    /// Adds `win.sidebar` to the window's actions.
    package func register(in map: ActionMap) {
        action = map.addToggle("sidebar", initial: true) { [weak self] shown in self?.apply(shown) }
    }

    /// The window's content was laid out at `width`.
    package func windowWidthChanged(_ width: Int32) {
        let narrow = width > 0 && width < Self.automaticWidth
        guard narrow != isNarrow else { return }
        isNarrow = narrow
        if narrow {
            shownWhenWide = isShown
            isShown = false
        } else {
            isShown = shownWhenWide
        }
    }

    private func apply(_ shown: Bool) {
        for widget in widgets { gtk_widget_set_visible(widget, shown ? 1 : 0) }
        if !isNarrow { shownWhenWide = shown }
    }

    /// The header bar's toggle button for `win.sidebar`.
    package static func toggleButton() -> Widget {
        let button: Widget = gtk_toggle_button_new()
        gtk_button_set_icon_name(button.cast(), "sidebar-show-symbolic")
        gtk_actionable_set_action_name(button.opaque, "win.sidebar")
        gtk_widget_set_tooltip_text(button, tr("Show or hide the sidebar (F9)"))
        Events.setAccessibleLabel(button, tr("Sidebar"))
        return button
    }
}
