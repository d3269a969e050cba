import CGtk

/// Small integers kept on a GObject under a key (`g_object_set_data` with the number in the
/// pointer itself): the one place a number becomes a data pointer and back.
extension GPointer {
    /// Keeps `value` (≥ 0) on the object under `key` (a static C string).
    package func setInteger(_ value: Int, forKey key: UnsafePointer<CChar>) {
        g_object_set_data(object, key, UnsafeMutableRawPointer(bitPattern: value + 1))
    }

    /// The number kept under `key`, or nil when none was set.
    package func integer(forKey key: UnsafePointer<CChar>) -> Int? {
        g_object_get_data(object, key).map { Int(bitPattern: $0) - 1 }
    }
}
