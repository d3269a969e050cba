import CGtk
import GtkKit
import Rendering

/// A message in the matrix section (a refused paste, a link that will not open, a date that is
/// not a date), in a `GtkInfoBar` above the grid with a close button. It stays until closed or
/// until the next successful edit replaces it.
@MainActor
package final class MatrixMessageBar {
    package typealias Widget = UnsafeMutablePointer<GtkWidget>

    package enum Kind { case info, warning, error }

    package let widget: Widget
    private let label: Widget
    package private(set) var message: String?

    package init() {
        widget = gtk_info_bar_new()
        label = Widgets.label("", wrap: true, selectable: true)
        gtk_widget_set_hexpand(label, 1)
        gtk_info_bar_add_child(widget.opaque, label)
        gtk_info_bar_set_show_close_button(widget.opaque, 1)
        Events.nameCloseButtons(under: widget)
        gtk_info_bar_set_revealed(widget.opaque, 0)
        gtk_widget_set_visible(widget, 0)
        MoreSignals.connect(widget, "response", withInteger: { [weak self] _ in self?.hide() })
    }

    package func show(_ text: String, _ kind: Kind = .error) {
        message = text
        Widgets.setText(label, text)
        switch kind {
        case .info: gtk_info_bar_set_message_type(widget.opaque, GTK_MESSAGE_INFO)
        case .warning: gtk_info_bar_set_message_type(widget.opaque, GTK_MESSAGE_WARNING)
        case .error: gtk_info_bar_set_message_type(widget.opaque, GTK_MESSAGE_ERROR)
        }
        gtk_widget_set_visible(widget, 1)
        gtk_info_bar_set_revealed(widget.opaque, 1)
    }

    package func hide() {
        guard message != nil else { return }
        message = nil
        gtk_info_bar_set_revealed(widget.opaque, 0)
        gtk_widget_set_visible(widget, 0)
    }

    /// True while a message is shown.
    package var isShown: Bool { message != nil && gtk_widget_get_visible(widget) != 0 }
}
