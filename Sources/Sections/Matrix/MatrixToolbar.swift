import CGtk
import Model
import GtkKit
import Rendering

/// Where the cursor goes after a status key sets a single cell.
package enum MatrixAdvance: Int, CaseIterable, Sendable {
    case down, right, stay

    package var label: String {
        switch self {
        case .down: return tr(context: "matrix", "Then move down")
        case .right: return tr(context: "matrix", "Then move right")
        case .stay: return tr(context: "matrix", "Then stay")
        }
    }
}

/// The bar above the grid: find a jurisdiction, show only rows with problems, the row order, and
/// where the cursor goes after a status key.
@MainActor
package final class MatrixToolbar {
    package typealias Widget = UnsafeMutablePointer<GtkWidget>

    package let widget: Widget
    package let search: Widget
    package let problemsToggle: Widget
    package let emptyToggle: Widget
    package let quietMarksToggle: Widget
    package let orderDropDown: Widget
    package let advanceDropDown: Widget
    private var updating = false

    package var onFilterChanged: ((MatrixFilter) -> Void)?
    package var onOrderChanged: ((MatrixOrder) -> Void)?
    package var onAdvanceChanged: ((MatrixAdvance) -> Void)?
    /// The "evidence to add" marks were switched on or off.
    package var onQuietMarksChanged: ((Bool) -> Void)?
    /// Enter or Escape in the search entry: back to the grid.
    package var onDone: (() -> Void)?

    package init() {
        widget = Widgets.wrappingBar(spacing: 8, classes: ["gk-matrix-toolbar"])
        search = gtk_search_entry_new()
        GProperty.set(search, "placeholder-text", tr(context: "matrix", "Find a jurisdiction"))
        Events.setAccessibleLabel(search, tr(context: "matrix", "Find a jurisdiction"))
        gtk_editable_set_width_chars(search.opaque, 20)
        problemsToggle = gtk_toggle_button_new_with_label(tr(context: "matrix", "Only rows with problems"))
        gtk_widget_set_tooltip_text(problemsToggle, tr("Hide the jurisdictions whose cells have no validation problem"))
        emptyToggle = gtk_toggle_button_new_with_label(tr(context: "matrix", "Only empty cells"))
        gtk_widget_set_tooltip_text(emptyToggle, tr("Show only the jurisdictions with cells still to enter (as they are when switched on, so rows do not vanish while typing)"))
        quietMarksToggle = gtk_toggle_button_new_with_label(tr(context: "matrix", "○ Evidence marks"))
        gtk_toggle_button_set_active(quietMarksToggle.cast(), 1)
        gtk_widget_set_tooltip_text(quietMarksToggle, tr("Mark cells disclosed without evidence with a grey ring; switch off while entering statuses"))
        orderDropDown = MatrixOrder.allCases.map(\.label).withCStringArray { gtk_drop_down_new_from_strings($0)! }
        Events.nameAndTooltip(orderDropDown, tr(context: "matrix", "Row order"))
        advanceDropDown = MatrixAdvance.allCases.map(\.label).withCStringArray { gtk_drop_down_new_from_strings($0)! }
        gtk_widget_set_tooltip_text(advanceDropDown, tr("Where the cursor goes after a status key sets one cell"))
        Events.setAccessibleLabel(advanceDropDown, tr("After a status key"))
        Widgets.append(widget, search, problemsToggle, emptyToggle, quietMarksToggle, orderDropDown, advanceDropDown, CopyTableButton.make("matrix"))

        Signals.connect(search, "search-changed") { [weak self] in self?.filterChanged() }
        Signals.connect(problemsToggle, "toggled") { [weak self] in self?.filterChanged() }
        Signals.connect(emptyToggle, "toggled") { [weak self] in self?.filterChanged() }
        Signals.connect(quietMarksToggle, "toggled") { [weak self] in
            guard let self else { return }
            self.onQuietMarksChanged?(self.quietMarks)
        }
        Signals.connect(search, "activate") { [weak self] in self?.onDone?() }
        Signals.connect(search, "stop-search") { [weak self] in self?.onDone?() }
        Signals.connect(orderDropDown, "notify::selected", withArgument: { [weak self] _ in
            guard let self, !self.updating else { return }
            self.onOrderChanged?(MatrixOrder(rawValue: Int(gtk_drop_down_get_selected(self.orderDropDown.opaque))) ?? .report)
        })
        Signals.connect(advanceDropDown, "notify::selected", withArgument: { [weak self] _ in
            guard let self, !self.updating else { return }
            self.onAdvanceChanged?(MatrixAdvance(rawValue: Int(gtk_drop_down_get_selected(self.advanceDropDown.opaque))) ?? .down)
        })
    }

    /// The filter the search entry and the toggle describe.
    package var filter: MatrixFilter {
        MatrixFilter(query: String(borrowingGChars: gtk_editable_get_text(search.opaque)) ?? "",
                     onlyProblems: gtk_toggle_button_get_active(problemsToggle.cast()) != 0,
                     onlyEmpty: gtk_toggle_button_get_active(emptyToggle.cast()) != 0)
    }

    /// Sets the filter's controls (without reporting a change).
    package func setFilter(_ filter: MatrixFilter) {
        updating = true
        gtk_editable_set_text(search.opaque, filter.query)
        gtk_toggle_button_set_active(problemsToggle.cast(), filter.onlyProblems ? 1 : 0)
        gtk_toggle_button_set_active(emptyToggle.cast(), filter.onlyEmpty ? 1 : 0)
        updating = false
    }

    package func setOrder(_ order: MatrixOrder) {
        updating = true
        gtk_drop_down_set_selected(orderDropDown.opaque, guint(order.rawValue))
        updating = false
    }

    package func setAdvance(_ advance: MatrixAdvance) {
        updating = true
        gtk_drop_down_set_selected(advanceDropDown.opaque, guint(advance.rawValue))
        updating = false
    }

    /// Whether the "evidence to add" marks are shown.
    package var quietMarks: Bool { gtk_toggle_button_get_active(quietMarksToggle.cast()) != 0 }

    package func focusSearch() { gtk_widget_grab_focus(search) }

    private func filterChanged() {
        guard !updating else { return }
        onFilterChanged?(filter)
    }

    /// The legend under the grid: each status as its colour *and* symbol, and the cell marks.
    /// It wraps onto more lines in a narrow window.
    package static func legend() -> Widget {
        let flow: Widget = gtk_flow_box_new()
        gtk_flow_box_set_selection_mode(flow.opaque, GTK_SELECTION_NONE)
        gtk_flow_box_set_max_children_per_line(flow.opaque, 16)
        gtk_flow_box_set_column_spacing(flow.opaque, 14)
        gtk_flow_box_set_row_spacing(flow.opaque, 4)
        Widgets.addClasses(flow, ["gk-matrix-legend"])
        func add(_ symbol: String, _ classes: [String], _ meaning: String, tooltip: String? = nil) {
            let item = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 6)
            Widgets.append(item, Widgets.label(symbol, classes: classes, xalign: 0.5), Widgets.label(meaning, classes: ["caption"]))
            if let tooltip { gtk_widget_set_tooltip_text(item, tooltip) }
            gtk_widget_set_valign(item, GTK_ALIGN_START)
            gtk_flow_box_insert(flow.opaque, item, -1)
            if let child = gtk_widget_get_parent(item) { gtk_widget_set_focusable(child, 0) }
        }
        for status in DisclosureStatus.allCases {
            let symbol = status == .notSurveyed ? " " : (status.isDelegated ? MatrixPainter.cellWord(status) : status.symbol)
            add(symbol, ["gk-legend-swatch", "gk-status-\(status.rawValue)"], status.label, tooltip: MatrixStatusText.keyHint(status))
        }
        add("◥", ["gk-legend-mark"], tr(context: "matrix", "note"))
        add("•", ["gk-legend-mark"], tr(context: "matrix", "evidence"))
        add("!", ["gk-legend-badge"], tr(context: "matrix", "error"))
        add("!", ["gk-legend-warning"], tr(context: "matrix", "warning"))
        add("○", ["gk-legend-quiet"], tr(context: "matrix", "disclosed, evidence still to add"),
            tooltip: tr("Switch these marks off with “○ Evidence marks” above the grid while entering"))
        // The report's quality marks on a cell (issue 13), in the cell's lower left corner.
        for quality in CellQualityKind.allCases {
            add(quality.mark, ["gk-legend-mark"], quality.label)
        }
        return flow
    }
}
