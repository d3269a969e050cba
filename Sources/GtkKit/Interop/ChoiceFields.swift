import CGtk

/// A `GtkCheckButton` whose handler runs only when the user toggles it, not when the form shows
/// a value (`isActive = …`).
@MainActor
package final class CheckBox {
    package let widget: UnsafeMutablePointer<GtkWidget>
    package var onToggle: ((Bool) -> Void)?
    private var showing = false

    package init(_ label: String?) {
        widget = gtk_check_button_new_with_label(label)
        Signals.connect(widget, "toggled") { [weak self] in
            guard let self, !self.showing else { return }
            self.onToggle?(self.isActive)
        }
    }

    /// The state; setting it shows a value without calling `onToggle`.
    package var isActive: Bool {
        get { gtk_check_button_get_active(widget.cast()) != 0 }
        set {
            guard newValue != isActive else { return }
            showing = true
            gtk_check_button_set_active(widget.cast(), newValue ? 1 : 0)
            showing = false
        }
    }

    /// Toggles as a click would (calls `onToggle`).
    package func click() {
        gtk_check_button_set_active(widget.cast(), isActive ? 0 : 1)
    }

    package var label: String {
        get { String(borrowingGChars: gtk_check_button_get_label(widget.cast())) ?? "" }
        set { gtk_check_button_set_label(widget.cast(), newValue) }
    }
}

/// A `GtkDropDown` over a list of labels, whose handler runs only when the user picks an item.
@MainActor
package final class DropDown {
    package let widget: UnsafeMutablePointer<GtkWidget>
    package var onSelect: ((Int) -> Void)?
    private let list: StringList
    private var showing = false
    package private(set) var labels: [String] = []

    /// With `searchable`, typing in the open list filters it (for long lists such as the 32
    /// jurisdictions).
    package init(_ labels: [String], searchable: Bool = false) {
        list = StringList()
        // The drop-down takes the model and the expression.
        var expression: OpaquePointer? = nil
        if searchable {
            expression = gtk_property_expression_new(gtk_string_object_get_type(), nil, "string")
        }
        widget = gtk_drop_down_new(list.model, expression)
        if searchable { gtk_drop_down_set_enable_search(widget.opaque, 1) }
        Signals.connect(widget, "notify::selected", withArgument: { [weak self] _ in
            guard let self, !self.showing else { return }
            self.onSelect?(self.selected)
        })
        setLabels(labels, selected: 0)
    }

    /// The selected index (-1 for none); setting it shows a value without calling `onSelect`.
    package var selected: Int {
        get {
            let value = gtk_drop_down_get_selected(widget.opaque)
            return value == guint(GTK_INVALID_LIST_POSITION) ? -1 : Int(value)
        }
        set {
            guard newValue != selected else { return }
            showing = true
            gtk_drop_down_set_selected(widget.opaque, newValue < 0 ? guint(GTK_INVALID_LIST_POSITION) : guint(newValue))
            showing = false
        }
    }

    /// Replaces the labels (only when they changed) and shows `selected`.
    package func setLabels(_ labels: [String], selected index: Int) {
        showing = true
        if labels != self.labels {
            self.labels = labels
            list.replaceAll(labels)
        }
        showing = false
        selected = index
    }

    /// Picks an item as the user would (calls `onSelect`).
    package func choose(_ index: Int) {
        gtk_drop_down_set_selected(widget.opaque, guint(index))
    }

    /// The label shown.
    package var selectedLabel: String? { labels.indices.contains(selected) ? labels[selected] : nil }
}
