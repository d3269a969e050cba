import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// C function pointers found by name and compared by address: the one place that turns a symbol's
/// address into a `@convention(c)` function type and back.
package enum CFunctions {
    /// The next definition of the C function `name` after the calling object's (`dlsym(RTLD_NEXT, …)`),
    /// as a function of type `F` (which must be the function's C type); nil when there is none.
    package static func next<F>(_ name: String, as type: F.Type) -> F? {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: -1), name) else { return nil }
        return unsafeBitCast(symbol, to: F.self)
    }

    /// The address of a `@convention(c)` function.
    package static func address<F>(of function: F) -> UnsafeRawPointer {
        unsafeBitCast(function, to: UnsafeRawPointer.self)
    }
}
