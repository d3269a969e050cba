import CGtk

/// An owning reference to a GObject: takes a reference when made (sinking a floating one, such as
/// a widget not yet in a tree) and drops it when freed.
///
/// A Swift object that keeps pointers into a widget tree and may use them after the tree's window
/// is gone (an idle update, a field committing as the window closes, a late signal) holds its
/// tree's top widget through one: the whole tree then lives exactly as long as the Swift object,
/// and no pointer it keeps ever dangles.
@MainActor
final class OwnedObject<Pointer: GPointer> {
    let pointer: Pointer

    init(sinking pointer: Pointer) {
        self.pointer = pointer
        g_object_ref_sink(pointer.rawPointer)
    }

    isolated deinit {
        g_object_unref(pointer.rawPointer)
    }
}
