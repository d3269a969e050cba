import CGtk
import Model
import GtkKit
import Rendering

/// The rows of the reconciliation list: whether the figure agrees (icon and word, never colour
/// alone), the statement, stated and computed values with their source, and what makes a
/// difference (jurisdictions named or counted, cells, the note and the labelling decision).
@MainActor
package final class ReconciliationRows {
    private struct Row {
        var icon: UnsafeMutablePointer<GtkWidget>
        var verdict: UnsafeMutablePointer<GtkWidget>
        var statement: UnsafeMutablePointer<GtkWidget>
        var values: UnsafeMutablePointer<GtkWidget>
        var details: UnsafeMutablePointer<GtkWidget>
    }

    /// The `GtkListItemFactory *` the list view uses.
    package var factory: OpaquePointer { itemFactory.pointer }
    private var itemFactory: ListItemFactory!
    private var rows: [UnsafeMutableRawPointer: Row] = [:]
    private let figure: @MainActor (Int) -> (ReconciledFigure, [String: String])?

    package init(figure: @escaping @MainActor (Int) -> (ReconciledFigure, [String: String])?) {
        self.figure = figure
        itemFactory = ListItemFactory(setup: { [weak self] item in self?.setup(item.raw) },
                                      bind: { [weak self] item in self?.bind(item.raw) },
                                      teardown: { [weak self] item in self?.rows[item.raw] = nil })
    }

    private func setup(_ item: UnsafeMutableRawPointer) {
        let icon: UnsafeMutablePointer<GtkWidget> = gtk_image_new()
        gtk_widget_set_valign(icon, GTK_ALIGN_START)
        let verdict = Widgets.label("", classes: ["gk-problem-severity"])
        gtk_widget_set_valign(verdict, GTK_ALIGN_START)
        let statement = Widgets.label("", classes: ["gk-problem-message"], wrap: true)
        let values = Widgets.label("", wrap: true)
        let details = Widgets.label("", classes: ["dim-label", "gk-problem-explanation"], wrap: true)
        gtk_widget_set_hexpand(statement, 1)
        let heading = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 8)
        Widgets.append(heading, icon, verdict)
        gtk_widget_set_size_request(heading, 96, -1)
        let text = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 3)
        Widgets.append(text, statement, values, details)
        let box = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 12, classes: ["gk-problem-row"])
        Widgets.append(box, heading, text)
        gtk_list_item_set_child(item.opaque, box)
        rows[item] = Row(icon: icon, verdict: verdict, statement: statement, values: values, details: details)
    }

    private func bind(_ item: UnsafeMutableRawPointer) {
        guard let row = rows[item], let object = gtk_list_item_get_item(item.opaque),
              let text = String(borrowingGChars: gtk_string_object_get_string(object.opaque)),
              let index = Int(text), let (f, names) = figure(index) else { return }
        gtk_image_set_from_icon_name(row.icon.opaque, f.agrees ? "emblem-ok-symbolic" : "dialog-warning-symbolic")
        Widgets.setText(row.verdict, f.agrees ? tr("agrees") : tr("DIFFERS"))
        for widget in [row.verdict, row.icon] {
            if f.agrees { gtk_widget_remove_css_class(widget, "gk-warning") } else { gtk_widget_add_css_class(widget, "gk-warning") }
        }
        Widgets.setText(row.statement, f.statement)
        Widgets.setText(row.values, f.valuesLine)
        let details = f.detailLines(names: names).joined(separator: "\n")
        Widgets.setText(row.details, details)
        gtk_widget_set_visible(row.details, details.isEmpty ? 0 : 1)
        Events.setAccessibleLabel(gtk_widget_get_parent(row.statement), (f.agrees ? tr("agrees") : tr("DIFFERS")) + ": " + f.statement)
    }
}
