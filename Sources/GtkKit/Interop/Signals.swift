import CGtk

/// Carries a Swift closure through a C `user_data` pointer. Retained when handed to C
/// (`Unmanaged.passRetained`) and released by the destroy-notify GLib calls when the handler or
/// source goes away. Immutable; its handler is only called on the main thread, hence
/// `@unchecked Sendable`.
package final class CallbackBox<Handler>: @unchecked Sendable {
    package let handler: Handler
    package init(_ handler: Handler) { self.handler = handler }

    /// Retains the box for C and returns its address.
    package func retainedPointer() -> UnsafeMutableRawPointer { Unmanaged.passRetained(self).toOpaque() }

    /// The box behind a `user_data` pointer (not consuming the C side's reference).
    package static func from(_ pointer: UnsafeMutableRawPointer?) -> CallbackBox {
        Unmanaged<CallbackBox>.fromOpaque(pointer!).takeUnretainedValue()
    }

    /// Drops the C side's reference.
    package static func release(_ pointer: UnsafeMutableRawPointer?) {
        guard let pointer else { return }
        Unmanaged<CallbackBox>.fromOpaque(pointer).release()
    }
}

/// Connecting Swift closures to GObject signals (`g_signal_connect_data`).
///
/// A signal's C handler type depends on the signal, so there is one entry point per handler shape:
/// - `connect`: `void (*)(instance, user_data)`: `clicked`, `activate`, `destroy`, `map`, …
/// - `connect(…, withArgument:)`: `void (*)(instance, pointer, user_data)` for signals whose one
///   argument is a pointer: `notify::…` (a `GParamSpec *`), GtkSignalListItemFactory's `bind`
///   (a `GtkListItem *`). Not for signals passing an integer.
/// - `connectReturningBool`: `gboolean (*)(instance, user_data)`: `close-request`.
///
/// - `connect(…, thunk:handler:)`: any other shape (a key press, `items-changed`, a dialog's
///   `response`, …), with the caller's `@convention(c)` thunk. Every signal connection in the app
///   goes through it: `g_signal_connect_data` is called in this one place.
///
/// Handlers run on the main thread; they are `@MainActor` closures entered with
/// `MainActor.assumeIsolated`.
@MainActor
package enum Signals {
    package typealias Handler = @MainActor () -> Void
    package typealias ArgumentHandler = @MainActor (UnsafeMutableRawPointer?) -> Void
    package typealias BoolHandler = @MainActor () -> Bool

    /// Connects `handler` to a signal whose C handler takes only the instance.
    /// Returns the handler id (for `g_signal_handler_disconnect`).
    @discardableResult
    package static func connect(_ instance: some GPointer, _ signal: String, after: Bool = false,
                        _ handler: @escaping Handler) -> gulong {
        // A `notify::` handler gets the GParamSpec before the user data: taking it for the data crashes.
        assert(!signal.hasPrefix("notify"), "\(signal): notify handlers take the GParamSpec; connect them withArgument")
        let thunk: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?) -> Void = { _, data in
            let box = CallbackBox<Handler>.from(data)
            MainActor.assumeIsolated { box.handler() }
        }
        return connect(instance, signal, after: after, thunk: unsafeBitCast(thunk, to: GCallback.self), handler: handler)
    }

    /// Connects `handler` to a signal whose C handler takes the instance and one pointer argument.
    @discardableResult
    package static func connect(_ instance: some GPointer, _ signal: String, after: Bool = false,
                        withArgument handler: @escaping ArgumentHandler) -> gulong {
        let thunk: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, UnsafeMutableRawPointer?) -> Void = { _, argument, data in
            let box = CallbackBox<ArgumentHandler>.from(data)
            let argument = argument.map { UInt(bitPattern: $0) }
            MainActor.assumeIsolated { box.handler(argument.flatMap { UnsafeMutableRawPointer(bitPattern: $0) }) }
        }
        return connect(instance, signal, after: after, thunk: unsafeBitCast(thunk, to: GCallback.self), handler: handler)
    }

    /// Connects `handler` to a signal whose C handler returns a `gboolean` (true: handled/stop).
    @discardableResult
    package static func connectReturningBool(_ instance: some GPointer, _ signal: String, after: Bool = false,
                                     _ handler: @escaping BoolHandler) -> gulong {
        let thunk: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?) -> gboolean = { _, data in
            let box = CallbackBox<BoolHandler>.from(data)
            return MainActor.assumeIsolated { box.handler() ? 1 : 0 }
        }
        return connect(instance, signal, after: after, thunk: unsafeBitCast(thunk, to: GCallback.self), handler: handler)
    }

    package typealias IntHandler = @MainActor (Int32) -> Void

    /// Connects a signal whose C handler is `void (*)(instance, int, user_data)` (GtkInfoBar's `response`).
    @discardableResult
    package static func connect(_ instance: some GPointer, _ signal: String, after: Bool = false,
                        withInteger handler: @escaping IntHandler) -> gulong {
        let thunk: @convention(c) (UnsafeMutableRawPointer?, gint, UnsafeMutableRawPointer?) -> Void = { _, value, data in
            let box = CallbackBox<IntHandler>.from(data)
            MainActor.assumeIsolated { box.handler(value) }
        }
        return connect(instance, signal, after: after, thunk: unsafeBitCast(thunk, to: GCallback.self), handler: handler)
    }

    /// Disconnects a handler returned by `connect` (its closure is released).
    package static func disconnect(_ instance: some GPointer, _ handlerID: gulong) {
        g_signal_handler_disconnect(instance.rawPointer, handlerID)
    }

    /// Connects a handler of any shape. `thunk` is a `@convention(c)` function (cast to `GCallback`)
    /// whose parameters are the signal's, ending with the `user_data`: a `CallbackBox<H>` holding
    /// `handler` (`CallbackBox<H>.from(data)`), released when the handler is disconnected or the
    /// instance finalized.
    @discardableResult
    package static func connect<H>(_ instance: some GPointer, _ signal: String, after: Bool = false,
                           thunk: GCallback, handler: H) -> gulong {
        let id = g_signal_connect_data(instance.rawPointer, signal, thunk, CallbackBox<H>(handler).retainedPointer(),
                                       { data, _ in
            // Releasing does not depend on the handler type: any box is one Swift object.
            if let data { Unmanaged<AnyObject>.fromOpaque(data).release() }
        }, after ? G_CONNECT_AFTER : GConnectFlags(rawValue: 0))
        precondition(id != 0, "no signal \"\(signal)\" on this instance")
        return id
    }
}
