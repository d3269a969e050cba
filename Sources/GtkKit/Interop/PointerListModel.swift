import CGtk

/// A `GListModel` implemented in Swift (a GObject type registered here with the `GListModel`
/// interface): its items are a Swift array of GObject pointers, and a change is one
/// `items-changed` for exactly the range that differs. A view that filters or reorders in Swift
/// (flat arrays) hands the result over in one step, instead of a `GtkFilterListModel` calling a
/// Swift callback per item.
///
/// The model does not own its items: whoever fills it keeps every item alive for as long as it is
/// in the model (`get_item` returns a new reference, as the interface requires).
@MainActor
package final class PointerListModel {
    /// The `GkPointerListModel *`, also its `GListModel *`. The Swift object holds one reference.
    package let pointer: OpaquePointer
    private let storage: PointerListStorage

    /// An empty model whose items are of `itemType` (a GObject type).
    package init(itemType: GType) {
        storage = PointerListStorage(itemType: itemType)
        let object = g_object_new_with_properties(PointerListType.type, 0, nil, nil)!
        pointer = OpaquePointer(object)
        PointerListType.setStorage(object, storage)
    }

    /// As a `GListModel *`.
    package var model: OpaquePointer { pointer }

    /// A new reference for a C function that takes one ("transfer full": `gtk_sort_list_model_new`,
    /// `gtk_single_selection_new`, …), while this object keeps its own.
    package func passRetained() -> OpaquePointer {
        g_object_ref(pointer.rawPointer)
        return pointer
    }

    /// Drops the Swift object's reference (views and models given the model hold their own).
    isolated deinit {
        unref(pointer)
    }

    /// Replaces every item, announcing only the range that differs (items equal at the start and
    /// at the end are kept): one `items-changed`, none when nothing differs.
    package func replaceAll(with new: [UnsafeMutableRawPointer]) {
        let old = storage.items
        let (prefix, suffix) = old.withUnsafeBufferPointer { a in
            new.withUnsafeBufferPointer { b in Self.commonEnds(a, b) }
        }
        storage.items = new
        let removed = old.count - prefix - suffix
        let added = new.count - prefix - suffix
        if removed == 0 && added == 0 { return }
        g_list_model_items_changed(pointer, guint(prefix), guint(removed), guint(added))
    }

    /// Removes `removing` items at `position` and inserts `inserted` there (one `items-changed`).
    package func splice(at position: Int, removing: Int, _ inserted: [UnsafeMutableRawPointer]) {
        storage.items.replaceSubrange(position..<(position + removing), with: inserted)
        if removing == 0 && inserted.isEmpty { return }
        g_list_model_items_changed(pointer, guint(position), guint(removing), guint(inserted.count))
    }

    /// The lengths of the equal run at the start and at the end of two arrays (not overlapping).
    private static func commonEnds(_ a: UnsafeBufferPointer<UnsafeMutableRawPointer>,
                                   _ b: UnsafeBufferPointer<UnsafeMutableRawPointer>) -> (Int, Int) {
        let limit = min(a.count, b.count)
        var prefix = 0
        while prefix < limit && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < limit - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        return (prefix, suffix)
    }
}

/// The Swift side of one `GkPointerListModel` instance: owned by the instance (released in its
/// finalize), read by the interface functions on the main thread.
package final class PointerListStorage: @unchecked Sendable {
    package let itemType: GType
    package var items: [UnsafeMutableRawPointer] = []
    package init(itemType: GType) { self.itemType = itemType }
}

/// The GObject type `GkPointerListModel`: a `GObject` followed by a pointer to its
/// `PointerListStorage`, implementing `GListModel`.
package enum PointerListType {
    private static let storageOffset = MemoryLayout<GObject>.stride
    nonisolated(unsafe) private static var parentClass: UnsafeMutablePointer<GObjectClass>?

    package static let type: GType = {
        let classInit: GClassInitFunc = { klass, _ in
            PointerListType.parentClass = g_type_class_peek_parent(klass)?.assumingMemoryBound(to: GObjectClass.self)
            klass!.assumingMemoryBound(to: GObjectClass.self).pointee.finalize = { object in
                PointerListType.finalize(object)
            }
        }
        let type = g_type_register_static_simple(g_object_get_type(), "GkPointerListModel",
                                                 guint(MemoryLayout<GObjectClass>.stride), classInit,
                                                 guint(storageOffset + MemoryLayout<UnsafeMutableRawPointer>.stride),
                                                 nil, GTypeFlags(rawValue: 0))
        var info = GInterfaceInfo(
            interface_init: { iface, _ in
                let list = iface!.assumingMemoryBound(to: GListModelInterface.self)
                list.pointee.get_item_type = { model in PointerListType.storage(model)?.itemType ?? g_object_get_type() }
                list.pointee.get_n_items = { model in guint(PointerListType.storage(model)?.items.count ?? 0) }
                list.pointee.get_item = { model, position in
                    guard let items = PointerListType.storage(model)?.items, Int(position) < items.count else { return nil }
                    return g_object_ref(items[Int(position)])
                }
            },
            interface_finalize: nil, interface_data: nil)
        g_type_add_interface_static(type, g_list_model_get_type(), &info)
        return type
    }()

    private static func slot(_ object: UnsafeMutableRawPointer) -> UnsafeMutablePointer<UnsafeMutableRawPointer?> {
        (object + storageOffset).assumingMemoryBound(to: UnsafeMutableRawPointer?.self)
    }

    package static func setStorage(_ object: UnsafeMutableRawPointer, _ storage: PointerListStorage) {
        slot(object).pointee = Unmanaged.passRetained(storage).toOpaque()
    }

    @inline(__always)
    package static func storage(_ model: OpaquePointer?) -> PointerListStorage? {
        guard let model, let data = slot(UnsafeMutableRawPointer(model)).pointee else { return nil }
        return Unmanaged<PointerListStorage>.fromOpaque(data).takeUnretainedValue()
    }

    private static func finalize(_ object: UnsafeMutablePointer<GObject>?) {
        guard let object else { return }
        let s = slot(UnsafeMutableRawPointer(object))
        if let data = s.pointee { Unmanaged<PointerListStorage>.fromOpaque(data).release() }
        s.pointee = nil
        parentClass?.pointee.finalize?(object)
    }
}

/// List items standing for rows of a Swift table: the GObject type `GkRowItem`, a `GObject`
/// followed by the row number, read and written in place (no qdata, no hashing).
package enum RowItem {
    private static let rowOffset = MemoryLayout<GObject>.stride

    package static let type: GType = g_type_register_static_simple(
        g_object_get_type(), "GkRowItem", guint(MemoryLayout<GObjectClass>.stride), nil,
        guint(MemoryLayout<GObject>.stride + MemoryLayout<Int>.stride), nil, GTypeFlags(rawValue: 0))

    /// A new item for a row (the caller owns the reference).
    package static func make(row: Int) -> UnsafeMutableRawPointer {
        let object = UnsafeMutableRawPointer(g_object_new_with_properties(type, 0, nil, nil)!)
        set(object, row: row)
        return object
    }

    /// The row of an item made by `make` (nil for any other object).
    package static func row(of item: UnsafeMutableRawPointer?) -> Int? {
        guard let item, g_type_check_instance_is_a(item.assumingMemoryBound(to: GTypeInstance.self), type) != 0 else { return nil }
        return unchecked(item)
    }

    /// The row of an item known to be a `GkRowItem`.
    @inline(__always)
    package static func unchecked(_ item: UnsafeRawPointer) -> Int {
        (item + rowOffset).load(as: Int.self)
    }

    package static func set(_ item: UnsafeMutableRawPointer, row: Int) {
        (item + rowOffset).storeBytes(of: row, as: Int.self)
    }
}

/// `items-changed` of a `GListModel`: position, removed, added.
@MainActor
package enum ListModelSignals {
    package typealias Handler = @MainActor (Int, Int, Int) -> Void

    @discardableResult
    package static func onItemsChanged(_ model: some GPointer, _ handler: @escaping Handler) -> gulong {
        let thunk: @convention(c) (UnsafeMutableRawPointer?, guint, guint, guint, UnsafeMutableRawPointer?) -> Void = { _, p, r, a, data in
            let box = CallbackBox<Handler>.from(data)
            MainActor.assumeIsolated { box.handler(Int(p), Int(r), Int(a)) }
        }
        return Signals.connect(model, "items-changed", thunk: unsafeBitCast(thunk, to: GCallback.self), handler: handler)
    }
}
