import CGtk

/// A pointer to a GObject instance, however Swift imported its C type.
///
/// GTK types whose struct is public import as typed pointers (`UnsafeMutablePointer<GtkWidget>`,
/// `…<GtkWindow>`, `…<GtkApplication>`); types whose struct is private import as `OpaquePointer`
/// (`GtkStack *`, `GtkLabel *`, `GtkBox *`, interfaces such as `GtkNative *`), and callbacks hand
/// out `gpointer` (raw). The casts below are the only place where one becomes another, so views
/// write `gtk_window_set_child(window.window, box.widget)`, `gtk_stack_add_titled(stack.opaque, …)`
/// and, where the typed parameter is clear from the call, `gtk_box_append(box.cast(), child)`.
///
/// Like C's `GTK_WINDOW()` macro these casts do not check the instance's type: cast only to a
/// type the instance really is (or inherits from).
protocol GPointer {
    /// The instance's address.
    var rawPointer: UnsafeMutableRawPointer { get }
}

extension UnsafeMutablePointer: GPointer {
    var rawPointer: UnsafeMutableRawPointer { UnsafeMutableRawPointer(self) }
}

extension OpaquePointer: GPointer {
    var rawPointer: UnsafeMutableRawPointer { UnsafeMutableRawPointer(self) }
}

extension UnsafeMutableRawPointer: GPointer {
    var rawPointer: UnsafeMutableRawPointer { self }
}

extension GPointer {
    /// The same instance as a typed pointer to `T`.
    func cast<T>(to type: T.Type = T.self) -> UnsafeMutablePointer<T> {
        rawPointer.assumingMemoryBound(to: T.self)
    }

    /// For C functions whose parameter type imported as `OpaquePointer` (`GtkStack *`, `GtkLabel *`, …).
    var opaque: OpaquePointer { OpaquePointer(rawPointer) }
    /// `G_OBJECT()`
    var object: UnsafeMutablePointer<GObject> { cast() }
    /// `GTK_WIDGET()`
    var widget: UnsafeMutablePointer<GtkWidget> { cast() }
    /// `GTK_WINDOW()`
    var window: UnsafeMutablePointer<GtkWindow> { cast() }
    /// `G_APPLICATION()`
    var gApplication: UnsafeMutablePointer<GApplication> { cast() }
    /// `GTK_APPLICATION()`
    var gtkApplication: UnsafeMutablePointer<GtkApplication> { cast() }
    /// `GDK_PAINTABLE()` (an interface: opaque)
    var paintable: OpaquePointer { opaque }
    /// `GDK_TEXTURE()`
    var texture: OpaquePointer { opaque }
}

/// `g_object_unref` for any GObject pointer.
func unref(_ instance: some GPointer) {
    g_object_unref(instance.rawPointer)
}
