import CGtk

/// Setting GObject properties by name through a `GValue` (`g_object_set` is variadic and does not
/// import into Swift).
@MainActor
package enum GProperty {
    /// Fundamental GTypes (`G_TYPE_BOOLEAN` … are macros Swift cannot import):
    /// `G_TYPE_MAKE_FUNDAMENTAL(n)` is `n << G_TYPE_FUNDAMENTAL_SHIFT` (2).
    package enum Fundamental {
        package static let boolean = GType(5 << 2)
        package static let int = GType(6 << 2)
        package static let uint = GType(7 << 2)
        package static let double = GType(15 << 2)
        package static let string = GType(16 << 2)
    }

    package static func set(_ object: some GPointer, _ name: String, _ value: Bool) {
        set(object, name, type: Fundamental.boolean) { g_value_set_boolean($0, value ? 1 : 0) }
    }

    package static func set(_ object: some GPointer, _ name: String, _ value: Int32) {
        set(object, name, type: Fundamental.int) { g_value_set_int($0, value) }
    }

    package static func set(_ object: some GPointer, _ name: String, _ value: UInt32) {
        set(object, name, type: Fundamental.uint) { g_value_set_uint($0, value) }
    }

    package static func set(_ object: some GPointer, _ name: String, _ value: Double) {
        set(object, name, type: Fundamental.double) { g_value_set_double($0, value) }
    }

    package static func set(_ object: some GPointer, _ name: String, _ value: String?) {
        set(object, name, type: Fundamental.string) { g_value_set_string($0, value) }
    }

    /// Reads a string property (nil when unset).
    package static func string(_ object: some GPointer, _ name: String) -> String? {
        var value = GValue()
        g_value_init(&value, Fundamental.string)
        defer { g_value_unset(&value) }
        g_object_get_property(object.object, name, &value)
        return String(borrowingGChars: g_value_get_string(&value))
    }

    private static func set(_ object: some GPointer, _ name: String, type: GType,
                            fill: (UnsafeMutablePointer<GValue>) -> Void) {
        var value = GValue()
        g_value_init(&value, type)
        defer { g_value_unset(&value) }
        fill(&value)
        g_object_set_property(object.object, name, &value)
    }
}
