import CGtk
import Model

/// The virtualised list of enterprise samples: a `GtkColumnView` over a `GtkStringList` of
/// enterprise ids (in survey order), sorted by the clicked column (`GtkSortListModel` with the
/// column view's sorter) and filtered (`GtkFilterListModel` with a `GtkCustomFilter` reading
/// `EnterpriseTable.matches`). Only visible rows have widgets; a change of filter calls
/// `gtk_filter_changed` and never rebuilds the model.
@MainActor
final class EnterpriseListView {
    typealias Column = EnterpriseTable.Column

    /// The scrolled window holding the column view.
    let widget: UnsafeMutablePointer<GtkWidget>
    let columnView: UnsafeMutablePointer<GtkWidget>
    /// Called with the selected enterprise's id (nil when nothing is selected).
    var onSelectionChanged: ((String?) -> Void)?

    private let ids = StringList()
    private let filterModel: OpaquePointer
    private let selection: OpaquePointer
    /// The column view's sorter (the order of the shown rows).
    private let viewSorter: UnsafeMutablePointer<GtkSorter>
    /// True while the selection is moved by `refilter` (no notifications then).
    private var quietSelection = false
    private var filter: CustomFilter!
    private var sorters: [Column: CustomSorter] = [:]
    private var viewColumns: [Column: OpaquePointer] = [:]
    private(set) var table = EnterpriseTable()
    private var survey: Survey?
    private var rowOfID: [String: Int32] = [:]
    /// False while rows are spliced: item tags are stale until every item is tagged again.
    private var tagged = false
    private var bound: [Column: Set<ListItem>] = [:]
    private var names: [String: String] = [:]

    init() {
        columnView = gtk_column_view_new(nil)
        gtk_column_view_set_show_row_separators(columnView.opaque, 0)
        gtk_column_view_set_show_column_separators(columnView.opaque, 0)
        gtk_column_view_set_reorderable(columnView.opaque, 0)
        Widgets.addClasses(columnView, ["gk-enterprise-list"])

        // ids → sort (the column view's sorter) → filter → single selection.
        viewSorter = gtk_column_view_get_sorter(columnView.opaque)!
        g_object_ref(viewSorter.rawPointer)  // kept
        g_object_ref(viewSorter.rawPointer)  // given to the sort model
        g_object_ref(ids.pointer.rawPointer)
        let sortModel = gtk_sort_list_model_new(ids.model, viewSorter)!
        filterModel = gtk_filter_list_model_new(sortModel.opaque, nil)!
        selection = gtk_single_selection_new(filterModel)!
        g_object_ref(filterModel.rawPointer)  // kept for counting and searching
        gtk_column_view_set_model(columnView.opaque, selection)
        unref(selection)  // the column view holds it

        widget = gtk_scrolled_window_new()
        gtk_scrolled_window_set_policy(widget.opaque, GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC)
        gtk_scrolled_window_set_child(widget.opaque, columnView)
        gtk_widget_set_hexpand(widget, 1)
        gtk_widget_set_vexpand(widget, 1)

        filter = CustomFilter { [unowned self] item in self.matches(item) }
        gtk_filter_list_model_set_filter(filterModel, filter.filter)
        for column in Column.allCases { addColumn(column) }
        Signals.connect(selection, "notify::selected-item", withArgument: { [weak self] _ in
            guard let self, !self.quietSelection else { return }
            self.onSelectionChanged?(self.selectedID)
        })
    }

    // MARK: Columns

    private func addColumn(_ column: Column) {
        let factory = ListItemFactory(
            setup: { item in
                let label = Widgets.label("")
                gtk_label_set_ellipsize(label.opaque, PANGO_ELLIPSIZE_END)
                if column == .year { Widgets.addClasses(label, ["numeric"]) }
                item.child = label
            },
            bind: { [unowned self] item in
                self.bound[column, default: []].insert(item)
                self.bind(item, column)
            },
            unbind: { [unowned self] item in self.bound[column]?.remove(item) })
        let sorter = CustomSorter { [unowned self] a, b in self.compare(column, a, b) }
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
    func sort(by column: Column, ascending: Bool = true) {
        guard let viewColumn = viewColumns[column] else { return }
        gtk_column_view_sort_by_column(columnView.opaque, viewColumn, ascending ? GTK_SORT_ASCENDING : GTK_SORT_DESCENDING)
    }

    static func title(_ column: Column) -> String {
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

    private func bind(_ item: ListItem, _ column: Column) {
        guard let label = item.child, let e = enterprise(of: item.item) else { return }
        gtk_label_set_text(label.opaque, Self.text(e, column, names: names))
        if column == .completeness {
            for c in Completeness.allCases { gtk_widget_remove_css_class(label, EnterpriseStyle.completenessClass(c)) }
            gtk_widget_add_css_class(label, EnterpriseStyle.completenessClass(e.completeness))
        }
    }

    /// The text of one cell.
    static func text(_ e: Enterprise, _ column: Column, names: [String: String]) -> String {
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
    func row(ofID id: String) -> Int? { rowOfID[id].map(Int.init) }

    /// The row of a list item: its tag (set on every item after each change of rows), else
    /// (while the list is being spliced) looked up by its id.
    private func row(of item: UnsafeMutableRawPointer?) -> Int? {
        guard let item else { return nil }
        if tagged, let row = ItemTag.get(item) { return row }
        guard let id = StringList.string(ofItem: item), let row = rowOfID[id] else { return nil }
        return Int(row)
    }

    private func enterprise(of item: UnsafeMutableRawPointer?) -> Enterprise? {
        guard let row = row(of: item), let survey, row < survey.enterprises.count else { return nil }
        return survey.enterprises[row]
    }

    private func matches(_ item: UnsafeMutableRawPointer) -> Bool {
        guard let row = row(of: item), row < table.count else { return false }
        return table.matches[row]
    }

    private func compare(_ column: Column, _ a: UnsafeRawPointer, _ b: UnsafeRawPointer) -> Int {
        guard let survey, let ra = row(of: UnsafeMutableRawPointer(mutating: a)),
              let rb = row(of: UnsafeMutableRawPointer(mutating: b)) else { return 0 }
        return Int(table.rank(column, of: ra, in: survey)) - Int(table.rank(column, of: rb, in: survey))
    }

    // MARK: Survey

    /// Shows the survey's enterprises: rows that changed in place are re-read and redrawn; added or
    /// removed rows are spliced into the id list (the selection stays on its enterprise).
    func show(_ new: Survey) {
        let old = survey
        survey = new
        names = Dictionary(new.jurisdictions.map { ($0.id, $0.displayName) }, uniquingKeysWith: { a, _ in a })
        if let old, old.enterprises == new.enterprises {
            refreshBound()
            return
        }
        let newIDs = new.enterprises.map(\.id)
        if let old, newIDs == table.ids, old.jurisdictions == new.jurisdictions {
            let changed = new.enterprises.indices.filter { old.enterprises[$0] != new.enterprises[$0] }
            let before = table.matches
            let touched = table.update(rows: changed, from: new)
            if changed.contains(where: { before[$0] != table.matches[$0] }) { refilter(.different) }
            for column in touched { sorters[column]?.changed() }
            refreshBound()
            return
        }
        let oldIDs = table.ids
        table.reload(new)
        rowOfID = [:]
        rowOfID.reserveCapacity(newIDs.count)
        for (i, id) in newIDs.enumerated() where rowOfID[id] == nil { rowOfID[id] = Int32(i) }
        tagged = false
        var prefix = 0
        while prefix < oldIDs.count && prefix < newIDs.count && oldIDs[prefix] == newIDs[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < oldIDs.count - prefix && suffix < newIDs.count - prefix
                && oldIDs[oldIDs.count - 1 - suffix] == newIDs[newIDs.count - 1 - suffix] { suffix += 1 }
        ids.splice(at: prefix, removing: oldIDs.count - prefix - suffix, Array(newIDs[prefix..<(newIDs.count - suffix)]))
        // Tag every item with its row, so that filtering and sorting never read ids as strings.
        for (row, item) in ids.itemPointers().enumerated() { ItemTag.set(item, row) }
        tagged = true
        filter.changed(.different)
        for sorter in sorters.values { sorter.changed() }
        refreshBound()
    }

    private func refreshBound() {
        for (column, items) in bound {
            for item in items { bind(item, column) }
        }
    }

    // MARK: Filter and selection

    /// Applies a filter; tells the filter model whether it became stricter or looser, so that
    /// only the rows that can change are checked again.
    func setFilter(_ new: EnterpriseFilter) {
        let change = new.change(from: table.filter)
        table.applyFilter(new)
        refilter(change)
    }

    /// Tells the filter model that the filter changed, keeping the selected enterprise selected
    /// when it still matches (else the first row).
    ///
    /// GtkSingleSelection (4.8), when its item falls in the changed range, looks for it among all
    /// the added rows, and each lookup in a filter model costs a scan of its bitset: with 100,000
    /// rows that is most of a keystroke. So the selection is taken away first and put back at the
    /// position a binary search with the view's own sorter finds.
    private func refilter(_ change: CustomFilter.FilterChange) {
        let selectedItem = gtk_single_selection_get_selected_item(selection)
        let selectedRow = selectedItem.flatMap { row(of: $0) }
        let before = selectedID
        quietSelection = true
        gtk_single_selection_set_autoselect(selection, 0)
        gtk_single_selection_set_can_unselect(selection, 1)
        gtk_single_selection_set_selected(selection, guint(GTK_INVALID_LIST_POSITION))
        filter.changed(change)
        var position: Int?
        if let selectedItem, let selectedRow, table.matches[selectedRow] {
            position = shownPosition(ofRow: selectedRow, item: selectedItem)
        }
        if shownCount > 0 { gtk_single_selection_set_selected(selection, guint(position ?? 0)) }
        gtk_single_selection_set_can_unselect(selection, 0)
        gtk_single_selection_set_autoselect(selection, 1)
        quietSelection = false
        if selectedID != before { onSelectionChanged?(selectedID) }
    }


    /// Where a row is shown: a binary search over the shown rows with the column view's sorter
    /// (ties keep survey order, as the stable sort model does), checked, else a linear search.
    private func shownPosition(ofRow row: Int, item: UnsafeMutableRawPointer) -> Int? {
        var low = 0
        var high = shownCount
        while low < high {
            let mid = (low + high) / 2
            guard let other = ListModel.item(filterModel, at: mid), let otherRow = self.row(of: other) else { break }
            var order = Int(gtk_sorter_compare(viewSorter, other, item).rawValue)
            if order == 0 { order = otherRow < row ? -1 : (otherRow > row ? 1 : 0) }
            if order == 0 { return mid }
            if order < 0 { low = mid + 1 } else { high = mid }
        }
        return ListModel.position(of: item, in: filterModel)
    }

    var currentFilter: EnterpriseFilter { table.filter }

    /// Rows shown (after the filter) and rows in all.
    var shownCount: Int { ListModel.count(filterModel) }
    var totalCount: Int { ids.count }

    var selectedID: String? {
        StringList.string(ofItem: gtk_single_selection_get_selected_item(selection))
    }

    /// The position of the selected row in the shown list.
    var selectedPosition: Int? {
        let p = gtk_single_selection_get_selected(selection)
        return p == guint(GTK_INVALID_LIST_POSITION) ? nil : Int(p)
    }

    /// Selects the enterprise (if it is shown) and scrolls to it. Returns whether it is shown.
    @discardableResult
    func select(id: String) -> Bool {
        guard let row = rowOfID[id].map(Int.init), row < table.count, table.matches[row],
              let item = ListModel.item(ids.model, at: row),
              let position = shownPosition(ofRow: row, item: item) else { return false }
        select(position: position)
        return true
    }

    /// Selects the row at a position of the shown list (clamped) and scrolls to it.
    func select(position: Int) {
        let n = shownCount
        guard n > 0 else { return }
        let p = max(0, min(position, n - 1))
        gtk_single_selection_set_selected(selection, guint(p))
        ListScrolling.scroll(columnView, to: p)
    }

    /// The id shown at a position of the filtered, sorted list.
    func id(atShownPosition position: Int) -> String? {
        StringList.string(ofItem: ListModel.item(filterModel, at: position))
    }
}
