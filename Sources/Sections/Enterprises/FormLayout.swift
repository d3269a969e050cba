import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// Layout pieces shared by the enterprise, regulation and outreach forms: a two-column grid of
/// labelled fields, headings, buttons and the small row lists (links, calls, articles, contacts).
@MainActor
package final class FormGrid {
    package let widget: UnsafeMutablePointer<GtkWidget>
    private var rows: Int32 = 0

    package init() {
        widget = gtk_grid_new()
        gtk_grid_set_row_spacing(widget.cast(), 6)
        gtk_grid_set_column_spacing(widget.cast(), 12)
    }

    /// Adds a row: a right-aligned label and the field.
    package func add(_ label: String, _ field: UnsafeMutablePointer<GtkWidget>) {
        let l = Widgets.label(label, classes: ["gk-field-label"], xalign: 1)
        gtk_widget_set_valign(l, GTK_ALIGN_START)
        gtk_widget_set_margin_top(l, 8)
        gtk_grid_attach(widget.cast(), l, 0, rows, 1, 1)
        gtk_grid_attach(widget.cast(), field, 1, rows, 1, 1)
        TypedText.setName(field, label)
        rows += 1
    }

    /// Adds a widget spanning both columns.
    package func addWide(_ field: UnsafeMutablePointer<GtkWidget>) {
        gtk_grid_attach(widget.cast(), field, 0, rows, 2, 1)
        rows += 1
    }
}

@MainActor
package enum FormParts {
    /// A section heading inside a form.
    package static func heading(_ text: String) -> UnsafeMutablePointer<GtkWidget> {
        Widgets.label(text, classes: ["gk-form-heading"], wrap: true)
    }

    /// A small grey explanatory line.
    package static func hint(_ text: String) -> UnsafeMutablePointer<GtkWidget> {
        Widgets.label(text, classes: ["gk-hint"], wrap: true)
    }

    /// A button with a label calling `action` when clicked.
    package static func button(_ label: String, classes: [String] = [], tooltip: String? = nil,
                       _ action: @escaping @MainActor () -> Void) -> UnsafeMutablePointer<GtkWidget> {
        let b: UnsafeMutablePointer<GtkWidget> = gtk_button_new_with_label(label)
        Widgets.addClasses(b, classes)
        if let tooltip { gtk_widget_set_tooltip_text(b, tooltip) }
        Signals.connect(b, "clicked", action)
        return b
    }

    /// A flat icon button (e.g. "list-remove-symbolic") with a tooltip.
    package static func iconButton(_ icon: String, tooltip: String, _ action: @escaping @MainActor () -> Void) -> UnsafeMutablePointer<GtkWidget> {
        let b: UnsafeMutablePointer<GtkWidget> = gtk_button_new_from_icon_name(icon)
        Widgets.addClasses(b, ["flat"])
        Events.nameAndTooltip(b, tooltip)
        gtk_widget_set_valign(b, GTK_ALIGN_CENTER)
        Signals.connect(b, "clicked", action)
        return b
    }

    /// A tag: a small rounded label whose colour comes from a CSS class.
    package static func tag(_ text: String, cssClass: String) -> UnsafeMutablePointer<GtkWidget> {
        let l = Widgets.label(text, classes: ["gk-tag", cssClass], xalign: 0.5)
        gtk_widget_set_valign(l, GTK_ALIGN_CENTER)
        gtk_widget_set_halign(l, GTK_ALIGN_START)
        return l
    }

    /// Gives a tag new text and colour class (removing the `old` classes).
    package static func retag(_ label: UnsafeMutablePointer<GtkWidget>, _ text: String, cssClass: String, removing old: [String]) {
        for c in old { gtk_widget_remove_css_class(label, c) }
        gtk_widget_add_css_class(label, cssClass)
        Widgets.setText(label, text)
    }

    /// Removes every child of a box (or the rows of a list box).
    package static func clear(_ box: UnsafeMutablePointer<GtkWidget>) {
        let instance = box.rawPointer.cast(to: GTypeInstance.self)
        if g_type_check_instance_is_a(instance, gtk_list_box_get_type()) != 0 {
            while let child = gtk_widget_get_first_child(box) { gtk_list_box_remove(box.opaque, child) }
        } else if g_type_check_instance_is_a(instance, gtk_box_get_type()) != 0 {
            while let child = gtk_widget_get_first_child(box) { gtk_box_remove(box.cast(), child) }
        } else {
            while let child = gtk_widget_get_first_child(box) { gtk_widget_unparent(child) }
        }
    }

    /// A date as typed ("2021", "2021-05", "2021-05-17"): empty text is no date (`.some(nil)`);
    /// unreadable text is nil.
    package static func parseDate(_ text: String) -> PartialDate?? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return .some(nil) }
        guard let date = PartialDate(parsing: trimmed) else { return nil }
        return .some(date)
    }

    /// Today as a full date.
    package static func today() -> PartialDate {
        let c = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return PartialDate(year: c.year ?? 2000, month: c.month, day: c.day)
    }

    /// Text with surrounding white space removed, nil when nothing is left.
    package static func optional(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}

/// Places a `GtkPaned`'s divider once it knows its size: the end pane (a form) gets `endWidth`,
/// or the start pane gets `startWidth`. Later the user's drag and window resizes decide.
/// (The end pane's width is taken from the paned's width: its `max-position` already leaves out
/// the end pane's minimum, so counting from it gave the form all but the list's minimum: issue 16.)
@MainActor
package enum PanedDivider {
    package static func place(_ paned: UnsafeMutablePointer<GtkWidget>, startWidth: Int32? = nil, endWidth: Int32? = nil) {
        var placed = false
        Signals.connect(paned, "notify::max-position", withArgument: { _ in
            guard !placed else { return }
            let maxPosition = GPropertyReader.int(paned, "max-position")
            guard maxPosition > 200 else { return }
            placed = true
            let position = startWidth ?? max(200, gtk_widget_get_width(paned) - (endWidth ?? 440))
            gtk_paned_set_position(paned.opaque, min(position, maxPosition))
        })
    }
}
