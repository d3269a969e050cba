import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// The list of charts beside the selected one: a small picture of each chart, its name, and a
/// check box saying whether it is a slide of the briefing. The rows follow the briefing's order.
@MainActor
package final class ChartGallery {
    package let widget: UnsafeMutablePointer<GtkWidget>
    private let list: UnsafeMutablePointer<GtkWidget>
    private var rows: [ChartKind: Row] = [:]
    private var selecting = false

    /// The user selected a chart.
    package var onSelect: (@MainActor (ChartKind) -> Void)?
    /// The user ticked or unticked a chart's briefing box.
    package var onInclude: (@MainActor (ChartKind, Bool) -> Void)?

    private final class Row {
        let row: UnsafeMutablePointer<GtkWidget>
        let thumbnail: ChartView
        let label: UnsafeMutablePointer<GtkWidget>
        /// Why the chart has nothing to show (hidden when it has something).
        let reason: UnsafeMutablePointer<GtkWidget>
        let include: ChartCheck
        init(row: UnsafeMutablePointer<GtkWidget>, thumbnail: ChartView, label: UnsafeMutablePointer<GtkWidget>,
             reason: UnsafeMutablePointer<GtkWidget>, include: ChartCheck) {
            self.row = row
            self.thumbnail = thumbnail
            self.label = label
            self.reason = reason
            self.include = include
        }
    }

    package init(deck: BriefingDeck) {
        list = gtk_list_box_new()
        gtk_list_box_set_selection_mode(list.opaque, GTK_SELECTION_BROWSE)
        Widgets.addClasses(list, ["navigation-sidebar"])
        Events.setAccessibleLabel(list, tr(context: "chart", "Charts"))
        widget = Widgets.verticalScroller(list)
        gtk_widget_set_hexpand(widget, 0)
        gtk_widget_set_size_request(widget, 250, -1)
        for kind in deck.order {
            let include = ChartCheck("", tooltip: tr("Show this chart in the briefing"))
            // The box shows no text: it is named in words, never by the chart's id.
            Events.setAccessibleLabel(include.widget, tr("Show “%1” in the briefing", kind.title))
            include.isOn = deck.isIncluded(kind)
            include.onChange = { [weak self] on in self?.onInclude?(kind, on) }
            let thumbnail = ChartView(width: 96, height: 54)
            gtk_widget_set_valign(thumbnail.widget, GTK_ALIGN_CENTER)
            let label = Widgets.label(kind.title, wrap: true)
            let reason = Widgets.label("", wrap: true)
            // Whole words only: "completeness", never "completene-ss".
            gtk_label_set_wrap_mode(label.opaque, PANGO_WRAP_WORD)
            gtk_label_set_wrap_mode(reason.opaque, PANGO_WRAP_WORD)
            Widgets.addClasses(reason, ["dim-label", "caption"])
            gtk_widget_set_visible(reason, 0)
            let words = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 2)
            gtk_widget_set_hexpand(words, 1)
            gtk_widget_set_valign(words, GTK_ALIGN_CENTER)
            Widgets.append(words, label, reason)
            let box = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 10)
            Widgets.setMargin(box, 4)
            Widgets.append(box, include.widget, thumbnail.widget, words)
            let row = gtk_list_box_row_new()!
            gtk_list_box_row_set_child(row.cast(), box)
            gtk_widget_set_tooltip_text(row, kind.title)
            gtk_list_box_append(list.opaque, row)
            rows[kind] = Row(row: row, thumbnail: thumbnail, label: label, reason: reason, include: include)
        }
        Signals.connect(list, "row-selected", withArgument: { [weak self] row in
            guard let self, !self.selecting, let row else { return }
            if let kind = self.rows.first(where: { $0.value.row.rawPointer == row })?.key {
                self.onSelect?(kind)
            }
        })
    }

    /// Shows the charts' small pictures (made with the survey's data), their names, and why a
    /// chart has nothing to show (`emptyReasons`). A row is named by the chart's name and
    /// described by its finding (`findings`), what a screen reader says as the row gets the keyboard.
    package func show(_ charts: [ChartKind: any Chart], emptyReasons: [ChartKind: String] = [:], findings: [ChartKind: String] = [:]) {
        for (kind, row) in rows {
            row.thumbnail.chart = charts[kind]
            Widgets.setText(row.label, kind.title)
            Events.name(row.row, kind.title, description: findings[kind] ?? kind.title)
            Events.setAccessibleLabel(row.thumbnail.widget, kind.title)
            let reason = emptyReasons[kind] ?? ""
            Widgets.setText(row.reason, reason)
            gtk_widget_set_visible(row.reason, reason.isEmpty ? 0 : 1)
        }
    }

    /// How the names and reasons wrap (whole words: never "completene-ss").
    package var wrapModes: [PangoWrapMode] {
        rows.values.flatMap { [gtk_label_get_wrap_mode($0.label.opaque), gtk_label_get_wrap_mode($0.reason.opaque)] }
    }

    /// The reason shown under a chart's name (empty: none).
    package func shownReason(_ kind: ChartKind) -> String {
        guard let row = rows[kind], gtk_widget_get_visible(row.reason) != 0 else { return "" }
        return String(borrowingGChars: gtk_label_get_text(row.reason.opaque)) ?? ""
    }

    /// Selects a chart's row (without calling `onSelect`).
    package func select(_ kind: ChartKind) {
        guard let row = rows[kind] else { return }
        selecting = true
        gtk_list_box_select_row(list.opaque, row.row.cast())
        selecting = false
    }

    /// Puts the rows in the deck's order and sets the check boxes.
    package func arrange(_ deck: BriefingDeck) {
        for (position, kind) in deck.order.enumerated() {
            guard let row = rows[kind] else { continue }
            row.include.isOn = deck.isIncluded(kind)
            if Int(gtk_list_box_row_get_index(row.row.cast())) != position {
                let selected = gtk_list_box_row_is_selected(row.row.cast()) != 0
                holdingReference(to: row.row) {
                    gtk_list_box_remove(list.opaque, row.row)
                    gtk_list_box_insert(list.opaque, row.row, Int32(position))
                }
                if selected { select(kind) }
            }
        }
    }

    /// The charts in the order the rows show them.
    package var shownOrder: [ChartKind] {
        rows.sorted { gtk_list_box_row_get_index($0.value.row.cast()) < gtk_list_box_row_get_index($1.value.row.cast()) }.map(\.key)
    }

    /// Ticks or unticks a chart's briefing box as the user would.
    package func toggleInclude(_ kind: ChartKind) { rows[kind]?.include.toggle() }

    /// Selects a row as the user would.
    package func userSelect(_ kind: ChartKind) {
        guard let row = rows[kind] else { return }
        gtk_list_box_select_row(list.opaque, row.row.cast())
    }
}
