import CGtk

/// List models for virtualised views (`GtkColumnView`, `GtkListView`, `GtkDropDown`): a
/// `GtkStringList` of labels, and sorters and item factories whose logic is Swift (see also
/// `PointerListModel`, a list model implemented in Swift).

/// Calls `body` with a NULL-terminated C array of the strings (`const char * const *`).
package func withCStringList<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    pointers.append(nil)
    defer { for p in pointers { free(p) } }
    return pointers.withUnsafeBufferPointer { buffer in
        buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buffer.count) { body($0) }
    }
}

/// A `GtkStringList`: a list model of `GtkStringObject`s, each holding one string (a drop-down's
/// label).
@MainActor
package struct StringList {
    /// The `GtkStringList *`, also its `GListModel *`.
    package let pointer: OpaquePointer

    /// A new list holding `strings` (the caller owns the reference).
    package init(_ strings: [String] = []) {
        pointer = gtk_string_list_new(nil)
        if !strings.isEmpty { splice(at: 0, removing: 0, strings) }
    }

    /// The list as a `GListModel *`.
    package var model: OpaquePointer { pointer }

    package var count: Int { Int(g_list_model_get_n_items(pointer)) }

    /// Removes `removing` strings at `position` and inserts `strings` there (one `items-changed`).
    package func splice(at position: Int, removing: Int, _ strings: [String]) {
        withCStringList(strings) { gtk_string_list_splice(pointer, guint(position), guint(removing), $0) }
    }

    /// Replaces every string.
    package func replaceAll(_ strings: [String]) {
        splice(at: 0, removing: count, strings)
    }
}

/// Reading any `GListModel`.
@MainActor
package enum ListModel {
    package static func count(_ model: some GPointer) -> Int { Int(g_list_model_get_n_items(model.opaque)) }

    /// Calls `body` with the item at `position` (nil past the end), holding the reference
    /// `g_list_model_get_item` returns only for the call.
    package static func withItem<R>(_ model: some GPointer, at position: Int, _ body: (UnsafeMutableRawPointer) -> R) -> R? {
        guard let item = g_list_model_get_item(model.opaque, guint(position)) else { return nil }
        defer { g_object_unref(item) }
        return body(item)
    }
}

/// A `GtkCustomSorter` whose comparison is a Swift closure returning a negative number, zero or a
/// positive number, like `strcmp`.
@MainActor
package final class CustomSorter {
    package typealias Compare = @MainActor (UnsafeRawPointer, UnsafeRawPointer) -> Int
    /// The `GtkCustomSorter *` (a `GtkSorter`).
    package let pointer: OpaquePointer

    package init(_ compare: @escaping Compare) {
        let thunk: GCompareDataFunc = { a, b, data in
            let box = CallbackBox<Compare>.from(data)
            guard let a, let b else { return 0 }
            let order = MainActor.assumeIsolated { box.handler(a, b) }
            return order < 0 ? -1 : (order > 0 ? 1 : 0)
        }
        pointer = gtk_custom_sorter_new(thunk, CallbackBox<Compare>(compare).retainedPointer(),
                                        { CallbackBox<Compare>.release($0) })
    }

    /// Drops the reference `gtk_custom_sorter_new` gave (the columns and sort models using the
    /// sorter hold their own).
    isolated deinit {
        unref(pointer)
    }

    /// As a `GtkSorter *` (for `gtk_column_view_column_set_sorter`).
    package var sorter: UnsafeMutablePointer<GtkSorter> { pointer.cast() }

    /// Tells the sort models that the order changed (the data the closure compares changed).
    package func changed() {
        gtk_sorter_changed(sorter, GTK_SORTER_CHANGE_DIFFERENT)
    }
}

/// A `GtkSignalListItemFactory` with Swift `setup`, `bind`, `unbind` and `teardown` handlers.
/// Each gets the `GtkListItem` as a `ListItem`.
@MainActor
package final class ListItemFactory {
    /// The `GtkSignalListItemFactory *` (a `GtkListItemFactory`).
    package let pointer: OpaquePointer

    package init(setup: @escaping @MainActor (ListItem) -> Void,
         bind: @escaping @MainActor (ListItem) -> Void,
         unbind: (@MainActor (ListItem) -> Void)? = nil,
         teardown: (@MainActor (ListItem) -> Void)? = nil) {
        pointer = gtk_signal_list_item_factory_new()
        Signals.connect(pointer, "setup", withArgument: { item in item.map { setup(ListItem(pointer: OpaquePointer($0))) } })
        Signals.connect(pointer, "bind", withArgument: { item in item.map { bind(ListItem(pointer: OpaquePointer($0))) } })
        if let unbind {
            Signals.connect(pointer, "unbind", withArgument: { item in item.map { unbind(ListItem(pointer: OpaquePointer($0))) } })
        }
        if let teardown {
            Signals.connect(pointer, "teardown", withArgument: { item in item.map { teardown(ListItem(pointer: OpaquePointer($0))) } })
        }
    }

    /// As a `GtkListItemFactory *`.
    package var factory: OpaquePointer { pointer }
}

/// A `GtkListItem`: one row (or cell) of a list or column view.
package struct ListItem: Hashable {
    package let pointer: OpaquePointer

    @MainActor package var child: UnsafeMutablePointer<GtkWidget>? {
        get { gtk_list_item_get_child(pointer) }
        nonmutating set { gtk_list_item_set_child(pointer, newValue) }
    }

    /// The model item shown.
    @MainActor package var item: UnsafeMutableRawPointer? { gtk_list_item_get_item(pointer) }

    @MainActor package var position: Int { Int(gtk_list_item_get_position(pointer)) }

    /// The `GtkListItem *` as a raw pointer (a key for the row's widgets).
    package var raw: UnsafeMutableRawPointer { UnsafeMutableRawPointer(pointer) }
}

/// Scrolling a list or column view to a row. GTK 4.8 has no `gtk_column_view_scroll_to` (4.12):
/// the column view's inner `GtkListView` has the action `list.scroll-to-item`.
@MainActor
package enum ListScrolling {
    package static func scroll(_ view: UnsafeMutablePointer<GtkWidget>, to position: Int) {
        guard let list = firstDescendant(of: view, type: gtk_list_view_get_type()) else { return }
        gtk_widget_activate_action_variant(list, "list.scroll-to-item", g_variant_new_uint32(guint32(position)))
    }

    /// The first widget of `type` under `widget` (itself included), depth first.
    package static func firstDescendant(of widget: UnsafeMutablePointer<GtkWidget>, type: GType) -> UnsafeMutablePointer<GtkWidget>? {
        if g_type_check_instance_is_a(widget.rawPointer.cast(to: GTypeInstance.self), type) != 0 { return widget }
        var child = gtk_widget_get_first_child(widget)
        while let current = child {
            if let found = firstDescendant(of: current, type: type) { return found }
            child = gtk_widget_get_next_sibling(current)
        }
        return nil
    }
}
