import CGtk

/// Reading numeric GObject properties through a `GValue` (`g_object_get` is variadic).
@MainActor
package enum GPropertyReader {
    /// G_TYPE_INT (`G_TYPE_MAKE_FUNDAMENTAL(6)`).
    private static let intType = GType(6 << 2)

    package static func int(_ object: some GPointer, _ name: String) -> Int32 {
        var value = GValue()
        g_value_init(&value, intType)
        defer { g_value_unset(&value) }
        g_object_get_property(object.object, name, &value)
        return g_value_get_int(&value)
    }
}
