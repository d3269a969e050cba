import CGtk

/// An owning reference to a GObject: takes a reference when made (sinking a floating one, such as
/// a widget not yet in a tree) and drops it when freed.
///
/// A Swift object that keeps pointers into a widget tree and may use them after the tree's window
/// is gone (an idle update, a field committing as the window closes, a late signal) holds its
/// tree's top widget through one: the whole tree then lives exactly as long as the Swift object,
/// and no pointer it keeps ever dangles.
@MainActor
package final class OwnedObject<Pointer: GPointer> {
    package let pointer: Pointer

    package init(sinking pointer: Pointer) {
        self.pointer = pointer
        g_object_ref_sink(pointer.rawPointer)
    }

    /// Adopts a reference the caller already owns (a `_new` function's result, "transfer full").
    package init(taking pointer: Pointer) {
        self.pointer = pointer
    }

    /// A new reference for a C function that takes one ("transfer full": `gtk_sort_list_model_new`,
    /// `gtk_single_selection_new`, …), while this object keeps its own.
    package func passRetained() -> Pointer {
        g_object_ref(pointer.rawPointer)
        return pointer
    }

    isolated deinit {
        g_object_unref(pointer.rawPointer)
    }
}

/// Owned references to many GObjects (a list model's items: one reference an element), as one
/// array: an element's reference is dropped when it is removed with `remove…`, or when the array
/// is freed. Cheaper than an `OwnedObject` each for a hundred thousand items.
@MainActor
package final class OwnedObjectArray {
    package private(set) var pointers: [UnsafeMutableRawPointer] = []

    package init() {}

    package var count: Int { pointers.count }
    package subscript(index: Int) -> UnsafeMutableRawPointer { pointers[index] }
    package subscript(range: Range<Int>) -> ArraySlice<UnsafeMutableRawPointer> { pointers[range] }

    /// Appends a reference the caller owns (a `_new` function's result).
    package func append(taking pointer: UnsafeMutableRawPointer) {
        pointers.append(pointer)
    }

    /// Replaces `range` with references the caller owns; the replaced ones come back as an array
    /// of their own, which keeps them until it is emptied or freed (so a model still showing them
    /// can be told first).
    package func replaceSubrange(_ range: Range<Int>, taking new: [UnsafeMutableRawPointer]) -> OwnedObjectArray {
        let removed = OwnedObjectArray()
        removed.pointers = Array(pointers[range])
        pointers.replaceSubrange(range, with: new)
        return removed
    }

    /// Drops every reference.
    package func removeAll() {
        let old = pointers
        pointers = []
        for pointer in old { g_object_unref(pointer) }
    }

    isolated deinit { removeAll() }
}
