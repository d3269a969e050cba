import CGtk

/// List models for virtualised views (`GtkColumnView`, `GtkListView`, `GtkDropDown`): a
/// `GtkStringList` of record ids, and filters, sorters and item factories whose logic is Swift.
///
/// The filter and sorter callbacks get the list's item objects (`GtkStringObject *`) as raw
/// pointers; `StringList.string(ofItem:)` reads the id, and a view may key its own tables by the
/// item pointer, which stays the same for as long as the item is in its list.

/// Calls `body` with a NULL-terminated C array of the strings (`const char * const *`).
func withCStringList<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    pointers.append(nil)
    defer { for p in pointers { free(p) } }
    return pointers.withUnsafeBufferPointer { buffer in
        buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buffer.count) { body($0) }
    }
}

/// A `GtkStringList`: a list model of `GtkStringObject`s, each holding one string (a record id or
/// a drop-down's label).
@MainActor
struct StringList {
    /// The `GtkStringList *`, also its `GListModel *`.
    let pointer: OpaquePointer

    /// A new list holding `strings` (the caller owns the reference).
    init(_ strings: [String] = []) {
        pointer = gtk_string_list_new(nil)
        if !strings.isEmpty { splice(at: 0, removing: 0, strings) }
    }

    /// The list as a `GListModel *`.
    var model: OpaquePointer { pointer }

    var count: Int { Int(g_list_model_get_n_items(pointer)) }

    /// Removes `removing` strings at `position` and inserts `strings` there (one `items-changed`).
    func splice(at position: Int, removing: Int, _ strings: [String]) {
        withCStringList(strings) { gtk_string_list_splice(pointer, guint(position), guint(removing), $0) }
    }

    /// Replaces every string.
    func replaceAll(_ strings: [String]) {
        splice(at: 0, removing: count, strings)
    }

    func string(at position: Int) -> String? {
        String(borrowingGChars: gtk_string_list_get_string(pointer, guint(position)))
    }

    /// The item objects in list order, for a view keying its tables by item pointer. The list
    /// keeps the objects alive; the pointers are valid while the items stay in the list.
    func itemPointers() -> [UnsafeMutableRawPointer] {
        var out: [UnsafeMutableRawPointer] = []
        let n = count
        out.reserveCapacity(n)
        for i in 0..<n {
            guard let item = g_list_model_get_item(pointer, guint(i)) else { continue }
            out.append(item)
            g_object_unref(item)  // the list holds its own reference
        }
        return out
    }

    /// The string of an item of a string list (a `GtkStringObject *`).
    static func string(ofItem item: UnsafeMutableRawPointer?) -> String? {
        guard let item else { return nil }
        return String(borrowingGChars: gtk_string_object_get_string(OpaquePointer(item)))
    }
}

/// Reading any `GListModel`.
@MainActor
enum ListModel {
    static func count(_ model: some GPointer) -> Int { Int(g_list_model_get_n_items(model.opaque)) }

    /// The item at a position, unretained (the model must keep it alive, as string lists,
    /// filter and sort models do for their items).
    static func item(_ model: some GPointer, at position: Int) -> UnsafeMutableRawPointer? {
        guard let item = g_list_model_get_item(model.opaque, guint(position)) else { return nil }
        g_object_unref(item)
        return item
    }

    /// The position of an item object in a model, searching from the start.
    static func position(of item: UnsafeMutableRawPointer, in model: some GPointer) -> Int? {
        let n = count(model)
        for i in 0..<n where self.item(model, at: i) == item { return i }
        return nil
    }
}

/// A `GtkCustomFilter` whose match function is a Swift closure. Call `changed` whenever what the
/// closure answers changes (`gtk_filter_changed`): the filter list model then refilters.
@MainActor
final class CustomFilter {
    typealias Match = @MainActor (UnsafeMutableRawPointer) -> Bool
    /// The `GtkCustomFilter *` (a `GtkFilter`); the filter list model takes its own reference.
    let pointer: OpaquePointer

    init(_ match: @escaping Match) {
        let thunk: GtkCustomFilterFunc = { item, data in
            let box = CallbackBox<Match>.from(data)
            guard let item else { return 0 }
            return MainActor.assumeIsolated { box.handler(item) } ? 1 : 0
        }
        pointer = gtk_custom_filter_new(thunk, CallbackBox<Match>(match).retainedPointer(),
                                        { CallbackBox<Match>.release($0) })
    }

    /// As a `GtkFilter *` (for `gtk_filter_list_model_new`).
    var filter: UnsafeMutablePointer<GtkFilter> { pointer.cast() }

    /// Tells the models using the filter that its answers changed: `.moreStrict` (fewer items
    /// match: only matching items are checked again), `.lessStrict` (more match) or `.different`.
    func changed(_ change: FilterChange) {
        let value: GtkFilterChange
        switch change {
        case .different: value = GTK_FILTER_CHANGE_DIFFERENT
        case .moreStrict: value = GTK_FILTER_CHANGE_MORE_STRICT
        case .lessStrict: value = GTK_FILTER_CHANGE_LESS_STRICT
        }
        gtk_filter_changed(filter, value)
    }

    enum FilterChange { case different, moreStrict, lessStrict }
}

/// A `GtkCustomSorter` whose comparison is a Swift closure returning a negative number, zero or a
/// positive number, like `strcmp`.
@MainActor
final class CustomSorter {
    typealias Compare = @MainActor (UnsafeRawPointer, UnsafeRawPointer) -> Int
    /// The `GtkCustomSorter *` (a `GtkSorter`).
    let pointer: OpaquePointer

    init(_ compare: @escaping Compare) {
        let thunk: GCompareDataFunc = { a, b, data in
            let box = CallbackBox<Compare>.from(data)
            guard let a, let b else { return 0 }
            let order = MainActor.assumeIsolated { box.handler(a, b) }
            return order < 0 ? -1 : (order > 0 ? 1 : 0)
        }
        pointer = gtk_custom_sorter_new(thunk, CallbackBox<Compare>(compare).retainedPointer(),
                                        { CallbackBox<Compare>.release($0) })
    }

    /// As a `GtkSorter *` (for `gtk_column_view_column_set_sorter`).
    var sorter: UnsafeMutablePointer<GtkSorter> { pointer.cast() }

    /// Tells the sort models that the order changed (the data the closure compares changed).
    func changed() {
        gtk_sorter_changed(sorter, GTK_SORTER_CHANGE_DIFFERENT)
    }
}

/// A `GtkSignalListItemFactory` with Swift `setup`, `bind` and `unbind` handlers. Each gets the
/// `GtkListItem` as a `ListItem`.
@MainActor
final class ListItemFactory {
    /// The `GtkSignalListItemFactory *` (a `GtkListItemFactory`).
    let pointer: OpaquePointer

    init(setup: @escaping @MainActor (ListItem) -> Void,
         bind: @escaping @MainActor (ListItem) -> Void,
         unbind: (@MainActor (ListItem) -> Void)? = nil) {
        pointer = gtk_signal_list_item_factory_new()
        Signals.connect(pointer, "setup", withArgument: { item in item.map { setup(ListItem(pointer: OpaquePointer($0))) } })
        Signals.connect(pointer, "bind", withArgument: { item in item.map { bind(ListItem(pointer: OpaquePointer($0))) } })
        if let unbind {
            Signals.connect(pointer, "unbind", withArgument: { item in item.map { unbind(ListItem(pointer: OpaquePointer($0))) } })
        }
    }

    /// As a `GtkListItemFactory *`.
    var factory: OpaquePointer { pointer }
}

/// A `GtkListItem`: one row (or cell) of a list or column view.
struct ListItem: Hashable {
    let pointer: OpaquePointer

    @MainActor var child: UnsafeMutablePointer<GtkWidget>? {
        get { gtk_list_item_get_child(pointer) }
        nonmutating set { gtk_list_item_set_child(pointer, newValue) }
    }

    /// The model item shown (a `GtkStringObject *` for a string list).
    @MainActor var item: UnsafeMutableRawPointer? { gtk_list_item_get_item(pointer) }

    /// The string of a string-list item (its record id).
    @MainActor var string: String? { StringList.string(ofItem: item) }

    @MainActor var position: Int { Int(gtk_list_item_get_position(pointer)) }
}

/// Scrolling a list or column view to a row. GTK 4.8 has no `gtk_column_view_scroll_to` (4.12):
/// the column view's inner `GtkListView` has the action `list.scroll-to-item`.
@MainActor
enum ListScrolling {
    static func scroll(_ view: UnsafeMutablePointer<GtkWidget>, to position: Int) {
        guard let list = firstDescendant(of: view, type: gtk_list_view_get_type()) else { return }
        gtk_widget_activate_action_variant(list, "list.scroll-to-item", g_variant_new_uint32(guint32(position)))
    }

    /// The first widget of `type` under `widget` (itself included), depth first.
    static func firstDescendant(of widget: UnsafeMutablePointer<GtkWidget>, type: GType) -> UnsafeMutablePointer<GtkWidget>? {
        if g_type_check_instance_is_a(widget.rawPointer.cast(to: GTypeInstance.self), type) != 0 { return widget }
        var child = gtk_widget_get_first_child(widget)
        while let current = child {
            if let found = firstDescendant(of: current, type: type) { return found }
            child = gtk_widget_get_next_sibling(current)
        }
        return nil
    }
}
