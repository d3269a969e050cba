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
/// Like C's `GTK_WINDOW()` macro the named casts (`widget`, `window`, `object`, …) check the
/// instance's type in debug builds (`g_type_check_instance_is_a`, an assertion naming the type);
/// release builds do not check. `cast()` and `opaque` name no type and cannot check: prefer a named
/// cast, and cast only to a type the instance really is (or inherits from).
package protocol GPointer {
    /// The instance's address.
    var rawPointer: UnsafeMutableRawPointer { get }
}

extension UnsafeMutablePointer: GPointer {
    package var rawPointer: UnsafeMutableRawPointer { UnsafeMutableRawPointer(self) }
}

extension OpaquePointer: GPointer {
    package var rawPointer: UnsafeMutableRawPointer { UnsafeMutableRawPointer(self) }
}

extension UnsafeMutableRawPointer: GPointer {
    package var rawPointer: UnsafeMutableRawPointer { self }
}

extension GPointer {
    /// The same instance as a typed pointer to `T`.
    package func cast<T>(to type: T.Type = T.self) -> UnsafeMutablePointer<T> {
        rawPointer.assumingMemoryBound(to: T.self)
    }

    /// The same instance as a typed pointer to `T`, checked in debug builds to be a `type`.
    @inline(__always)
    package func checkedCast<T>(_ type: @autoclosure () -> GType, _ name: StaticString) -> UnsafeMutablePointer<T> {
        #if DEBUG
        assert(GTypeCheck.isInstance(rawPointer, of: type()), "not a \(name): \(GTypeCheck.typeName(rawPointer))")
        #endif
        return cast()
    }

    /// An `OpaquePointer` to the same instance, checked in debug builds to be a `type`.
    @inline(__always)
    package func checkedOpaque(_ type: @autoclosure () -> GType, _ name: StaticString) -> OpaquePointer {
        #if DEBUG
        assert(GTypeCheck.isInstance(rawPointer, of: type()), "not a \(name): \(GTypeCheck.typeName(rawPointer))")
        #endif
        return opaque
    }

    /// Whether the instance is a `type` or inherits from it (`G_TYPE_CHECK_INSTANCE_TYPE`).
    package func isA(_ type: GType) -> Bool {
        g_type_check_instance_is_a(rawPointer.assumingMemoryBound(to: GTypeInstance.self), type) != 0
    }

    /// For C functions whose parameter type imported as `OpaquePointer` (`GtkStack *`, `GtkLabel *`, …).
    package var opaque: OpaquePointer { OpaquePointer(rawPointer) }
    /// `G_OBJECT()`
    package var object: UnsafeMutablePointer<GObject> { checkedCast(g_object_get_type(), "GObject") }
    /// `GTK_WIDGET()`
    package var widget: UnsafeMutablePointer<GtkWidget> { checkedCast(gtk_widget_get_type(), "GtkWidget") }
    /// `GTK_WINDOW()`
    package var window: UnsafeMutablePointer<GtkWindow> { checkedCast(gtk_window_get_type(), "GtkWindow") }
    /// `G_APPLICATION()`
    package var gApplication: UnsafeMutablePointer<GApplication> { checkedCast(g_application_get_type(), "GApplication") }
    /// `GTK_APPLICATION()`
    package var gtkApplication: UnsafeMutablePointer<GtkApplication> { checkedCast(gtk_application_get_type(), "GtkApplication") }
    /// `GDK_PAINTABLE()` (an interface: opaque)
    package var paintable: OpaquePointer { checkedOpaque(gdk_paintable_get_type(), "GdkPaintable") }
    /// `GDK_TEXTURE()`
    package var texture: OpaquePointer { checkedOpaque(gdk_texture_get_type(), "GdkTexture") }
}

/// Run-time type checks of GObject instances (`G_TYPE_CHECK_INSTANCE_TYPE`).
package enum GTypeCheck {
    /// Whether `instance` is a `type` (or inherits from it, or implements it when an interface).
    package static func isInstance(_ instance: UnsafeMutableRawPointer, of type: GType) -> Bool {
        g_type_check_instance_is_a(instance.assumingMemoryBound(to: GTypeInstance.self), type) != 0
    }

    /// The instance's type name (for messages).
    package static func typeName(_ instance: UnsafeMutableRawPointer) -> String {
        let type = instance.assumingMemoryBound(to: GTypeInstance.self).pointee.g_class?.pointee.g_type ?? 0
        return g_type_name(type).map { String(cString: $0) } ?? "?"
    }
}

/// `g_object_unref` for any GObject pointer.
package func unref(_ instance: some GPointer) {
    g_object_unref(instance.rawPointer)
}

/// Runs `body` while holding a reference of its own to `instance` (a widget moved from one place
/// in a tree to another would otherwise be freed when removed).
@MainActor
package func holdingReference<R>(to instance: some GPointer, _ body: () -> R) -> R {
    g_object_ref(instance.rawPointer)
    defer { g_object_unref(instance.rawPointer) }
    return body()
}
