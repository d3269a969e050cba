import CGtk
import Model
import GtkKit
import Rendering

/// What one row of the checks list shows.
package struct ProblemRowContent {
    package var severity: Severity
    /// A problem's message, or a kind's explanation on its heading.
    package var text: String
    /// The explanation under a lone problem's message; nil for headings and grouped problems.
    package var detail: String?
    /// A heading's count, e.g. "36".
    package var count: String?
    /// A heading's state: nil for a problem row.
    package var expanded: Bool?
    /// A problem listed under a heading (indented, without the severity word).
    package var grouped: Bool
    package init(severity: Severity, text: String, detail: String? = nil, count: String? = nil, expanded: Bool? = nil, grouped: Bool) {
        self.severity = severity
        self.text = text
        self.detail = detail
        self.count = count
        self.expanded = expanded
        self.grouped = grouped
    }
}

/// The rows of the checks list: a `GtkSignalListItemFactory` whose rows show a problem's or a
/// kind's severity (icon and word, never colour alone), its text, the explanation, and for a kind
/// found several times its count and an arrow. Items are `GtkStringObject`s naming the row
/// (`ProblemGroups.itemName`); `content` says what it shows.
@MainActor
package final class ProblemRows {
    /// The widgets of one row, made once per row and refilled on every bind.
    private struct Row {
        var box: UnsafeMutablePointer<GtkWidget>
        var arrow: UnsafeMutablePointer<GtkWidget>
        var icon: UnsafeMutablePointer<GtkWidget>
        var severity: UnsafeMutablePointer<GtkWidget>
        var heading: UnsafeMutablePointer<GtkWidget>
        var message: UnsafeMutablePointer<GtkWidget>
        var explanation: UnsafeMutablePointer<GtkWidget>
        var count: UnsafeMutablePointer<GtkWidget>
    }

    /// The `GtkListItemFactory *` the list view uses.
    package var factory: OpaquePointer { itemFactory.pointer }
    private var itemFactory: ListItemFactory!
    private var rows: [UnsafeMutableRawPointer: Row] = [:]
    private let content: @MainActor (String) -> ProblemRowContent?

    package init(content: @escaping @MainActor (String) -> ProblemRowContent?) {
        self.content = content
        itemFactory = ListItemFactory(setup: { [weak self] item in self?.setup(item.raw) },
                                      bind: { [weak self] item in self?.bind(item.raw) },
                                      teardown: { [weak self] item in self?.rows[item.raw] = nil })
    }

    private func setup(_ item: UnsafeMutableRawPointer) {
        let arrow = Widgets.label("", classes: ["dim-label"])
        gtk_widget_set_valign(arrow, GTK_ALIGN_START)
        gtk_widget_set_size_request(arrow, 14, -1)
        let icon: UnsafeMutablePointer<GtkWidget> = gtk_image_new()
        gtk_widget_set_valign(icon, GTK_ALIGN_START)
        gtk_widget_set_margin_top(icon, 1)
        let severity = Widgets.label("", classes: ["gk-problem-severity"])
        gtk_widget_set_valign(severity, GTK_ALIGN_START)
        let message = Widgets.label("", classes: ["gk-problem-message"], wrap: true)
        let explanation = Widgets.label("", classes: ["dim-label", "gk-problem-explanation"], wrap: true)
        gtk_widget_set_hexpand(message, 1)
        let count = Widgets.label("", classes: ["gk-problem-count"])
        gtk_widget_set_valign(count, GTK_ALIGN_START)
        let heading = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 8)
        Widgets.append(heading, arrow, icon, severity)
        let text = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 3)
        Widgets.append(text, message, explanation)
        let box = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 12, classes: ["gk-problem-row"])
        gtk_widget_set_size_request(heading, 110, -1)
        Widgets.append(box, heading, text, count)
        gtk_list_item_set_child(item.opaque, box)
        rows[item] = Row(box: box, arrow: arrow, icon: icon, severity: severity, heading: heading, message: message,
                         explanation: explanation, count: count)
    }

    private func bind(_ item: UnsafeMutableRawPointer) {
        guard let row = rows[item], let object = gtk_list_item_get_item(item.opaque),
              let name = String(borrowingGChars: gtk_string_object_get_string(object.opaque)),
              let c = content(name) else { return }
        gtk_image_set_from_icon_name(row.icon.opaque, c.severity.iconName)
        Widgets.setText(row.severity, c.grouped ? "" : c.severity.label)
        gtk_widget_set_visible(row.icon, c.grouped ? 0 : 1)
        Widgets.setText(row.arrow, c.expanded.map { $0 ? "▾" : "▸" } ?? "")
        for (widget, severity) in [(row.severity, Severity.error), (row.icon, .error)] {
            if c.severity == severity {
                gtk_widget_add_css_class(widget, "gk-error")
                gtk_widget_remove_css_class(widget, "gk-warning")
            } else {
                gtk_widget_add_css_class(widget, "gk-warning")
                gtk_widget_remove_css_class(widget, "gk-error")
            }
        }
        if c.grouped { gtk_widget_add_css_class(row.box, "gk-problem-grouped") } else { gtk_widget_remove_css_class(row.box, "gk-problem-grouped") }
        Widgets.setText(row.message, c.text)
        Widgets.setText(row.explanation, c.detail ?? "")
        gtk_widget_set_visible(row.explanation, c.detail == nil ? 0 : 1)
        Widgets.setText(row.count, c.count ?? "")
        gtk_widget_set_visible(row.count, c.count == nil ? 0 : 1)
        Events.setAccessibleLabel(row.box, [c.grouped ? nil : c.severity.label, c.text, c.count, c.detail].compactMap { $0 }.joined(separator: " "))
    }
}
