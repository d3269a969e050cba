import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// A chart's data table (the exported table holding its figures) as a list a screen reader reads
/// row by row: the column headings first, then one row per line ("Anhui: 2018 audit list √, …").
/// Opened from the chart with Ctrl+T or the Data Table button; Escape closes it.
@MainActor
package final class ChartDataTableDialog: TeamDialog {
    /// The rows as shown (headings first).
    package private(set) var lines: [String] = []
    package let list: Widget

    package init(chart: ChartKind, table: Table, parent: Widget?) {
        list = gtk_list_box_new()
        super.init(title: tr("Data table: %1", chart.title), parent: parent, width: 760, height: 560)
        gtk_list_box_set_selection_mode(list.opaque, GTK_SELECTION_NONE)
        Events.setAccessibleLabel(list, tr("Data table: %1", chart.title))
        Events.setAccessibleDescription(list, table.title)
        let headings = ChartTableText.columnNames(table).filter { !$0.isEmpty }.joined(separator: ", ")
        lines = [tr("Columns: %1", headings)] + table.rows.map { ChartTableText.rowText(table, $0) }
        for line in lines {
            let label = Widgets.label(line, wrap: true, selectable: false)
            Widgets.setMargin(label, 4)
            let row = gtk_list_box_row_new()!
            gtk_list_box_row_set_child(row.cast(), label)
            Events.setAccessibleLabel(row, line)
            gtk_list_box_append(list.opaque, row)
        }
        let heading = Widgets.label(table.title, classes: ["title-4"], wrap: true)
        let close = TeamDialog.button(tr("_Close")) { [weak self] in self?.close() }
        gtk_widget_set_halign(close, GTK_ALIGN_END)
        Widgets.append(content, heading, Widgets.verticalScroller(list), close)
    }

    /// Puts the keyboard on the first row, where reading starts.
    package override func present() {
        super.present()
        if let first = gtk_list_box_get_row_at_index(list.opaque, 0) { gtk_widget_grab_focus(first.widget) }
    }
}
