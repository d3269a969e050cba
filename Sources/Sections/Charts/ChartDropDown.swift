import CGtk
import Foundation
import GtkKit
import Rendering

/// A `GtkDropDown` of strings with a Swift handler for the user's choice. Setting the items or the
/// selection from code does not call the handler.
@MainActor
package final class ChartDropDown {
    package let widget: UnsafeMutablePointer<GtkWidget>
    private let strings: OpaquePointer
    private var updating = false
    package private(set) var items: [String] = []
    package var onChange: (@MainActor (Int) -> Void)?

    package init(tooltip: String) {
        strings = gtk_string_list_new(nil)!.opaque
        widget = gtk_drop_down_new(strings, nil)  // the drop-down takes the list's reference
        gtk_widget_set_tooltip_text(widget, tooltip)
        Signals.connect(widget, "notify::selected", withArgument: { [weak self] _ in
            guard let self, !self.updating else { return }
            self.onChange?(self.selected)
        })
    }

    /// Replaces the items and selects `selected`.
    package func set(_ items: [String], selected: Int) {
        updating = true
        defer { updating = false }
        if items != self.items {
            let copies = items.map { strdup($0) }
            defer { copies.forEach { free($0) } }
            var pointers: [UnsafePointer<CChar>?] = copies.map { UnsafePointer($0) } + [nil]
            gtk_string_list_splice(strings, 0, guint(self.items.count), &pointers)
            self.items = items
        }
        gtk_drop_down_set_selected(widget.opaque, guint(max(0, min(selected, items.count - 1))))
    }

    package var selected: Int { Int(gtk_drop_down_get_selected(widget.opaque)) }

    /// Chooses an item as the user would (the handler runs).
    package func choose(_ index: Int) {
        gtk_drop_down_set_selected(widget.opaque, guint(index))
    }
}

/// A `GtkCheckButton` with a Swift handler for the user's toggles.
@MainActor
package final class ChartCheck {
    package let widget: UnsafeMutablePointer<GtkWidget>
    private var updating = false
    package var onChange: (@MainActor (Bool) -> Void)?

    package init(_ label: String, tooltip: String? = nil) {
        widget = gtk_check_button_new_with_label(label)
        if let tooltip { gtk_widget_set_tooltip_text(widget, tooltip) }
        Signals.connect(widget, "toggled") { [weak self] in
            guard let self, !self.updating else { return }
            self.onChange?(self.isOn)
        }
    }

    package var isOn: Bool {
        get { gtk_check_button_get_active(widget.cast()) != 0 }
        set {
            updating = true
            gtk_check_button_set_active(widget.cast(), newValue ? 1 : 0)
            updating = false
        }
    }

    /// Toggles as the user would (the handler runs).
    package func toggle() { gtk_check_button_set_active(widget.cast(), isOn ? 0 : 1) }
}
