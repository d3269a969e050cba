import CGtk
import Model
import GtkKit
import Rendering

/// The virtualised list of enterprise samples: a `GtkColumnView` over a list model implemented in
/// Swift (`PointerListModel`) whose items are positions of the shown list.
///
/// One item object (`RowItem`) per enterprise is made when the enterprise appears and kept. Those
/// items in survey order feed a `GtkSortListModel` with the column view's sorter (so clicking
/// headers sorts as GTK sorts, several columns included); its order is read back into `order`
/// whenever it changes. A change of filter is then one pass in Swift over `order` and the match
/// flags (`EnterpriseTable.matches`) giving `shownRows`, the rows shown in order.
///
/// The view's model holds position items ("slots": slot p stands for whatever row is shown at
/// position p, made once), so a new filter or order keeps the items of the positions still shown:
/// the model announces only the change of length, and the cells already bound are re-read here.
///
/// GTK 4.8's list views keep row widgets for about two hundred positions around the top of the
/// view (`GTK_LIST_VIEW_MAX_LIST_ITEMS`, whatever fits on screen) and destroy the row of every
/// removed item; a row of seven cells costs about 0.3 ms to destroy and make again, so a keystroke
/// that took the list from 160 rows to 16 spent 20 ms, and one erasing back 40 ms, inside GTK.
/// So the view's model never gets shorter than `pooledRows` (while the survey has that many
/// enterprises): positions past the shown rows are blank slots whose row widgets are hidden (no
/// height, no focus, not in the accessibility tree), and a filter change only hides, shows and
/// re-reads rows. The selection never rests on a blank slot.
@MainActor
package final class EnterpriseListView {
    package typealias Column = EnterpriseTable.Column

    /// The scrolled window holding the column view.
    package let widget: UnsafeMutablePointer<GtkWidget>
    package let columnView: UnsafeMutablePointer<GtkWidget>
    /// Called when the selection changes: `byFilter` when a new filter, order or survey moved it
    /// (rather than a click, a key or `select`).
    package var onSelectionChanged: ((_ byFilter: Bool) -> Void)?

    /// One item per enterprise, index = row (owned: one reference each).
    private let items = OwnedObjectArray()
    /// The items in survey order (the sort model's input).
    private let allModel = PointerListModel(itemType: RowItem.type)
    /// The items sorted by the column view's sorter.
    private let sortModel: OwnedObject<OpaquePointer>
    /// The shown positions' items and the blank slots after them (`slots[0..<length]`): the
    /// selection's model.
    private let shownModel = PointerListModel(itemType: RowItem.type)
    /// Position items: slot p's number is p (owned; made as more positions are needed).
    private let slots = OwnedObjectArray()
    /// The least length of the view's model: more than the rows GTK 4.8 keeps widgets for
    /// (200 around the anchor and 2 above and below it).
    package static let pooledRows = 208
    /// The rows in sorted order (all of them), read from the sort model.
    private var order: [Int32] = []
    /// The rows shown, in order (the first positions of `shownModel`).
    private var shownRows: [Int32] = []
    private let selection: OpaquePointer
    /// The column view's sorter (the order of the shown rows).
    private let viewSorter: OwnedObject<UnsafeMutablePointer<GtkSorter>>
    /// True while the selection is moved by `updateShown` (no notifications then).
    private var quietSelection = false
    /// True while the items are spliced (the sort model's changes are read once it is done).
    private var splicing = false
    private var sorters: [Column: CustomSorter] = [:]
    private var viewColumns: [Column: OpaquePointer] = [:]
    package private(set) var table = EnterpriseTable()
    private var survey: Survey?
    private var rowOfID: [String: Int32] = [:]
    /// The cells bound, with the row each shows.
    private var bound: [Column: [ListItem: Int32]] = [:]
    private var names: [String: String] = [:]

    package init() {
        columnView = gtk_column_view_new(nil)
        gtk_column_view_set_show_row_separators(columnView.opaque, 0)
        gtk_column_view_set_show_column_separators(columnView.opaque, 0)
        gtk_column_view_set_reorderable(columnView.opaque, 0)
        Widgets.addClasses(columnView, ["gk-enterprise-list"])
        Events.setAccessibleLabel(columnView, tr("Enterprises"))
        // The rows are in the column view's own list, which is what a screen reader focuses; the
        // other child is the row of column headings (GTK 4.8 calls it "GtkListItemWidget").
        var child = gtk_widget_get_first_child(columnView)
        while let current = child {
            if current.isA(gtk_list_view_get_type()) {
                Events.setAccessibleLabel(current, tr("Enterprises"))
            } else {
                Events.setAccessibleLabel(current, tr("Column headings"))
            }
            child = gtk_widget_get_next_sibling(current)
        }

        // items → sort (the column view's sorter), read into `order`; shown items → single selection.
        viewSorter = OwnedObject(sinking: gtk_column_view_get_sorter(columnView.opaque)!)
        sortModel = OwnedObject(taking: gtk_sort_list_model_new(allModel.passRetained(), viewSorter.passRetained())!)
        selection = gtk_single_selection_new(shownModel.passRetained())!
        gtk_column_view_set_model(columnView.opaque, selection)
        unref(selection)  // the column view holds it

        widget = gtk_scrolled_window_new()
        gtk_scrolled_window_set_policy(widget.opaque, GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC)
        gtk_scrolled_window_set_child(widget.opaque, columnView)
        gtk_widget_set_hexpand(widget, 1)
        gtk_widget_set_vexpand(widget, 1)

        for column in Column.allCases { addColumn(column) }
        ListModelSignals.onItemsChanged(sortModel.pointer) { [weak self] position, removed, added in
            self?.sortChanged(position, removed, added)
        }
        // Single selection that never selects by itself (it would pick a blank slot when no row
        // is shown); `updateShown` sets it.
        gtk_single_selection_set_autoselect(selection, 0)
        Signals.connect(selection, "notify::selected-item", withArgument: { [weak self] _ in
            guard let self, !self.quietSelection else { return }
            if let p = self.selectedPosition, p >= self.shownRows.count {
                // The keyboard moved past the last row onto a blank slot (GTK gave its hidden row
                // the focus): the last row takes the selection and the focus back.
                if self.shownRows.isEmpty {
                    self.unselect()
                } else {
                    self.select(position: p)
                    if let row = self.selectedPosition.flatMap(self.rowWidget(atPosition:)) { gtk_widget_grab_focus(row) }
                }
                return
            }
            self.onSelectionChanged?(false)
        })
    }

    /// Frees the row items (one per enterprise) and the position items, and drops the models'
    /// references. The view's model and the sort model are emptied first, so whatever GTK still
    /// holds of them (a column view not yet finalized) never reads a freed item.
    isolated deinit {
        shownModel.replaceAll(with: [])
        allModel.replaceAll(with: [])
        items.removeAll()
        slots.removeAll()
    }

    // MARK: Columns

    private func addColumn(_ column: Column) {
        let factory = ListItemFactory(
            setup: { item in
                // A GtkInscription (GTK 4.8) sizes itself by a number of characters, not by its
                // text: a new text only redraws the cell, where a label would be measured again.
                let cell: UnsafeMutablePointer<GtkWidget> = gtk_inscription_new(nil)
                gtk_inscription_set_text_overflow(cell.opaque, GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END)
                // Names keep room for about eight Chinese characters when the pane is narrow.
                gtk_inscription_set_min_chars(cell.opaque, column == .name ? 16 : 2)
                gtk_inscription_set_xalign(cell.opaque, 0)
                if column == .year { Widgets.addClasses(cell, ["numeric"]) }
                item.child = cell
            },
            // GTK may bind, unbind and sort after the list is gone (the widgets outlive it): weak.
            bind: { [weak self] item in
                self?.bind(item, column)
            },
            unbind: { [weak self] item in self?.bound[column]?[item] = nil })
        let sorter = CustomSorter { [weak self] a, b in self?.compare(column, a, b) ?? 0 }
        sorters[column] = sorter
        let viewColumn = gtk_column_view_column_new(Self.title(column), factory.factory)!
        gtk_column_view_column_set_sorter(viewColumn, sorter.sorter)
        gtk_column_view_column_set_resizable(viewColumn, 1)
        if column == .name {
            gtk_column_view_column_set_expand(viewColumn, 1)
        } else {
            gtk_column_view_column_set_fixed_width(viewColumn, Self.width(column))
        }
        gtk_column_view_append_column(columnView.opaque, viewColumn)
        viewColumns[column] = viewColumn
        unref(viewColumn)  // the column view holds it
    }

    /// Sorts by a column, as clicking its header does.
    package func sort(by column: Column, ascending: Bool = true) {
        guard let viewColumn = viewColumns[column] else { return }
        gtk_column_view_sort_by_column(columnView.opaque, viewColumn, ascending ? GTK_SORT_ASCENDING : GTK_SORT_DESCENDING)
    }

    package static func title(_ column: Column) -> String {
        switch column {
        case .name: return tr("Enterprise")
        case .jurisdiction: return tr("Jurisdiction")
        case .city: return tr("City")
        case .year: return tr("Year")
        case .reasons: return tr("Reasons")
        case .completeness: return tr("Completeness")
        case .phone: return tr("Last phone outcome")
        }
    }

    private static func width(_ column: Column) -> Int32 {
        switch column {
        case .name: return 240
        case .jurisdiction: return 96
        case .city: return 84
        case .year: return 56
        case .reasons: return 76
        case .completeness: return 136
        case .phone: return 150
        }
    }

    private static let completenessClasses = Completeness.allCases.map { ($0, EnterpriseStyle.completenessClass($0)) }

    /// Shows the row at the cell's position in the cell (and remembers which row it shows).
    private func bind(_ item: ListItem, _ column: Column) {
        guard let row = shownRow(of: item.item), let survey, row < survey.enterprises.count else {
            bound[column, default: [:]][item] = -1
            if column == .name { Self.setRowShown(item, false) }
            return
        }
        bound[column, default: [:]][item] = Int32(row)
        let e = survey.enterprises[row]
        if column == .name {
            Self.setRowShown(item, true)
            if let rowWidget = Self.rowWidget(of: item) { Events.setAccessibleLabel(rowWidget, Self.accessibleText(e, names: names)) }
        }
        guard let label = item.child else { return }
        gtk_inscription_set_text(label.opaque, Self.text(e, column, names: names))
        if column == .completeness {
            // Only a class that changes is touched (each change restyles the label).
            for (c, name) in Self.completenessClasses where c != e.completeness {
                if gtk_widget_has_css_class(label, name) != 0 { gtk_widget_remove_css_class(label, name) }
            }
            if let name = Self.completenessClasses.first(where: { $0.0 == e.completeness })?.1,
               gtk_widget_has_css_class(label, name) == 0 { gtk_widget_add_css_class(label, name) }
        }
    }

    /// Shows or hides the row widget of a cell: a blank slot's row is hidden, so it takes no height.
    private static func setRowShown(_ item: ListItem, _ shown: Bool) {
        guard let row = rowWidget(of: item) else { return }
        if (gtk_widget_get_visible(row) != 0) != shown { gtk_widget_set_visible(row, shown ? 1 : 0) }
    }

    /// The row widget holding a cell (the cell's child → `GtkColumnViewCell` → row).
    private static func rowWidget(of item: ListItem) -> UnsafeMutablePointer<GtkWidget>? {
        item.child.flatMap(gtk_widget_get_parent).flatMap(gtk_widget_get_parent)
    }

    /// The row widget at a position of the view (nil when GTK keeps none there).
    private func rowWidget(atPosition position: Int) -> UnsafeMutablePointer<GtkWidget>? {
        (bound[.name] ?? [:]).keys.first { RowItem.row(of: $0.item) == position }.flatMap(Self.rowWidget(of:))
    }

    /// The text of one cell.
    /// What a screen reader says of a row as it gets the focus: GTK 4.8 calls a column view's row
    /// by its type ("GtkListItemWidget"), so the row is named with every column, titled:
    /// "name, Jurisdiction: Gansu, Year: 2021, …" (empty columns left out).
    package static func accessibleText(_ e: Enterprise, names: [String: String]) -> String {
        Column.allCases.filter { $0 != .name }.reduce(e.name) { said, column in
            let value = text(e, column, names: names)
            return value.isEmpty ? said : tr("%1, %2", said, tr("%1: %2", title(column), value))
        }
    }

    package static func text(_ e: Enterprise, _ column: Column, names: [String: String]) -> String {
        switch column {
        case .name: return e.name
        case .jurisdiction: return names[e.jurisdiction] ?? e.jurisdiction
        case .city: return e.city ?? ""
        case .year: return e.year.map(String.init) ?? "—"
        case .reasons: return e.reasons?.description ?? tr("Unknown")
        case .completeness: return e.completeness.label
        case .phone: return e.lastPhoneOutcome?.label ?? ""
        }
    }

    // MARK: Rows

    /// The enterprise's index in the survey shown.
    package func row(ofID id: String) -> Int? { rowOfID[id].map(Int.init) }

    /// The row shown by an item of the view's model (a slot: its number is its position).
    private func shownRow(of item: UnsafeMutableRawPointer?) -> Int? {
        guard let position = RowItem.row(of: item), shownRows.indices.contains(position) else { return nil }
        return Int(shownRows[position])
    }

    /// Compares two sort-model items by a column's rank (the items are always `RowItem`s).
    private func compare(_ column: Column, _ a: UnsafeRawPointer, _ b: UnsafeRawPointer) -> Int {
        guard let survey else { return 0 }
        let ra = RowItem.unchecked(a), rb = RowItem.unchecked(b)
        guard ra < table.count, rb < table.count else { return 0 }
        return Int(table.rank(column, of: ra, in: survey)) - Int(table.rank(column, of: rb, in: survey))
    }

    // MARK: Survey

    /// Shows the survey's enterprises: rows that changed in place are re-read and redrawn; added or
    /// removed rows are spliced into the item list (the selection stays on its enterprise).
    package func show(_ new: Survey) {
        let selected = selectedID
        let old = survey
        survey = new
        names = Dictionary(new.jurisdictions.map { ($0.id, $0.displayName) }, uniquingKeysWith: { a, _ in a })
        if let old, old.enterprises == new.enterprises {
            refreshBound(all: true)
            return
        }
        let newIDs = new.enterprises.map(\.id)
        if let old, newIDs == table.ids, old.jurisdictions == new.jurisdictions {
            let changed = new.enterprises.indices.filter { old.enterprises[$0] != new.enterprises[$0] }
            let before = table.matches
            let touched = table.update(rows: changed, from: new)
            // A sorter's change re-sorts the sort model, whose change updates the shown rows.
            for column in touched { sorters[column]?.changed() }
            if changed.contains(where: { before[$0] != table.matches[$0] }) { updateShown(keepingPosition: true, selected: selected) }
            refreshBound(all: true)
            return
        }
        let oldIDs = table.ids
        table.reload(new)
        rowOfID = [:]
        rowOfID.reserveCapacity(newIDs.count)
        for (i, id) in newIDs.enumerated() where rowOfID[id] == nil { rowOfID[id] = Int32(i) }
        var prefix = 0
        while prefix < oldIDs.count && prefix < newIDs.count && oldIDs[prefix] == newIDs[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < oldIDs.count - prefix && suffix < newIDs.count - prefix
                && oldIDs[oldIDs.count - 1 - suffix] == newIDs[newIDs.count - 1 - suffix] { suffix += 1 }
        let inserted = (prefix..<(newIDs.count - suffix)).map { RowItem.make(row: $0) }
        let removed = items.replaceSubrange(prefix..<(oldIDs.count - suffix), taking: inserted)
        // The rows after the splice moved.
        if inserted.count != removed.count {
            for row in (prefix + inserted.count)..<items.count { RowItem.set(items[row], row: row) }
        }
        // The sorters compare ranks that are recomputed on demand; the sort model re-sorts (its
        // changes are read once, after the splice).
        splicing = true
        allModel.splice(at: prefix, removing: removed.count, inserted)
        for sorter in sorters.values { sorter.changed() }
        splicing = false
        readOrder()
        updateShown(keepingPosition: true, selected: selected)
        // The sort model no longer holds the removed items.
        removed.removeAll()
        refreshBound(all: true)
    }

    /// Binds the cells again: all of them (the data changed), or those whose position now shows
    /// another row.
    private func refreshBound(all: Bool) {
        for (column, cells) in bound {
            for (item, row) in cells {
                if all || (shownRow(of: item.item).map(Int32.init) ?? -1) != row { bind(item, column) }
            }
        }
    }

    // MARK: Order

    /// The sort model changed (a header was clicked or a sorter's data changed): the order is read
    /// again and the shown rows follow it.
    private func sortChanged(_ position: Int, _ removed: Int, _ added: Int) {
        if splicing { return }
        if removed == added && order.count == ListModel.count(sortModel.pointer) {
            readOrder(position..<(position + added))
        } else {
            readOrder()
        }
        updateShown(keepingPosition: false, selected: selectedID)
    }

    /// Reads the rows in sorted order from the sort model (all, or a range of positions).
    private func readOrder(_ range: Range<Int>? = nil) {
        let n = ListModel.count(sortModel.pointer)
        if range == nil || order.count != n {
            order = [Int32](repeating: 0, count: n)
        }
        let positions = range ?? 0..<n
        order.withUnsafeMutableBufferPointer { order in
            for p in positions {
                if let row = ListModel.withItem(sortModel.pointer, at: p, { RowItem.unchecked($0) }) { order[p] = Int32(row) }
            }
        }
    }

    // MARK: Filter and selection

    /// Applies a filter: the match flags are computed in Swift (only the rows that can change when
    /// the filter became stricter or looser) and the shown rows follow.
    package func setFilter(_ new: EnterpriseFilter) {
        let selected = selectedID
        table.applyFilter(new)
        updateShown(keepingPosition: false, selected: selected)
    }

    /// Computes the shown rows (the matching rows, in sorted order), gives the view's model the
    /// new length (one `items-changed` at the end, if any) and re-binds the cells whose position
    /// now shows another row. The enterprise `selected` stays selected when it is still shown (else
    /// the row at its position when `keepingPosition`, else the first row).
    private func updateShown(keepingPosition: Bool, selected: String?) {
        let count = table.count
        var rows: [Int32] = []
        rows.reserveCapacity(table.matchCount)
        table.matches.withUnsafeBufferPointer { matches in
            for row in order where Int(row) < count && matches[Int(row)] { rows.append(row) }
        }
        // Blank slots after the rows keep the model at least `pooledRows` long (see the type's notes).
        let length = max(rows.count, min(Self.pooledRows, count))
        while slots.count < length { slots.append(taking: RowItem.make(row: slots.count)) }
        let oldPosition = selectedPosition
        quietSelection = true
        unselect()
        // GTK destroys the row widgets of removed positions, and after a removal it may anchor the
        // view on a hidden slot. So when the list gets shorter, the view first goes to the top
        // (GTK moves its row widgets there, whatever it was showing), and afterwards to the
        // selected row.
        let shorter = length < ListModel.count(shownModel.model)
        if shorter, length > 0 { ListScrolling.scroll(columnView, to: 0) }
        shownRows = rows
        shownModel.replaceAll(with: Array(slots[0..<length]))
        refreshBound(all: false)
        var position = selected.flatMap { rowOfID[$0] }.flatMap { shownPosition(ofRow: Int($0)) }
        if position == nil, keepingPosition, let oldPosition { position = min(oldPosition, rows.count - 1) }
        if !rows.isEmpty { gtk_single_selection_set_selected(selection, guint(position ?? 0)) }
        if shorter, length > 0 { ListScrolling.scroll(columnView, to: rows.isEmpty ? 0 : max(0, position ?? 0)) }
        quietSelection = false
        if selectedID != selected { onSelectionChanged?(true) }
    }

    /// Where a row is shown (a scan of the shown rows: a few microseconds for 100,000).
    private func shownPosition(ofRow row: Int) -> Int? {
        let target = Int32(row)
        return shownRows.withUnsafeBufferPointer { rows in rows.firstIndex(of: target) }
    }

    package var currentFilter: EnterpriseFilter { table.filter }

    /// Rows shown (after the filter) and rows in all.
    package var shownCount: Int { shownRows.count }
    package var totalCount: Int { items.count }

    package var selectedID: String? {
        guard let position = selectedPosition else { return nil }
        return id(atShownPosition: position)
    }

    /// The position of the selected row in the shown list.
    package var selectedPosition: Int? {
        let p = gtk_single_selection_get_selected(selection)
        return p == guint(GTK_INVALID_LIST_POSITION) ? nil : Int(p)
    }

    /// Selects the enterprise (if it is shown) and scrolls to it. Returns whether it is shown.
    @discardableResult
    package func select(id: String) -> Bool {
        guard let row = rowOfID[id].map(Int.init), row < table.count, table.matches[row],
              let position = shownPosition(ofRow: row) else { return false }
        select(position: position)
        return true
    }

    private func unselect() {
        gtk_single_selection_set_can_unselect(selection, 1)
        gtk_single_selection_set_selected(selection, guint(GTK_INVALID_LIST_POSITION))
        gtk_single_selection_set_can_unselect(selection, 0)
    }

    /// Selects the row at a position of the shown list (clamped) and scrolls to it.
    package func select(position: Int) {
        let n = shownCount
        guard n > 0 else { return }
        let p = max(0, min(position, n - 1))
        gtk_single_selection_set_selected(selection, guint(p))
        ListScrolling.scroll(columnView, to: p)
    }

    /// The texts of a column's cells that have widgets, by shown position (for tests; blank slots
    /// are left out).
    package func cellTexts(_ column: Column) -> [Int: String] {
        var texts: [Int: String] = [:]
        for item in (bound[column] ?? [:]).keys {
            guard let label = item.child, let position = RowItem.row(of: item.item), position < shownCount else { continue }
            texts[position] = String(borrowingGChars: gtk_inscription_get_text(label.opaque)) ?? ""
        }
        return texts
    }

    /// The id shown at a position of the filtered, sorted list.
    package func id(atShownPosition position: Int) -> String? {
        guard shownRows.indices.contains(position) else { return nil }
        let row = Int(shownRows[position])
        return row < table.count ? table.ids[row] : nil
    }
}
