import CGtk
import Foundation

/// What a repeating main-loop callback wants next.
package enum SourceControl {
    /// Call me again (`G_SOURCE_CONTINUE`).
    case keep
    /// Remove the source (`G_SOURCE_REMOVE`).
    case remove
}

/// Scheduling work on GLib's main loop, which owns the main thread while GTK runs (Swift's
/// `Task { @MainActor in }` and `DispatchQueue.main.async` do not run then).
@MainActor
package enum MainLoop {
    package typealias Callback = @MainActor () -> SourceControl

    /// Calls `body` whenever the loop is idle until it returns `.remove` (`g_idle_add_full`).
    /// Returns the source id (for `g_source_remove`).
    @discardableResult
    package static func idle(priority: Int32 = Int32(G_PRIORITY_DEFAULT_IDLE), _ body: @escaping Callback) -> guint {
        g_idle_add_full(priority, sourceThunk, CallbackBox<Callback>(body).retainedPointer(),
                        { CallbackBox<Callback>.release($0) })
    }

    /// Calls `body` every `milliseconds` until it returns `.remove` (`g_timeout_add_full`).
    @discardableResult
    package static func timeout(milliseconds: UInt32, priority: Int32 = Int32(G_PRIORITY_DEFAULT), _ body: @escaping Callback) -> guint {
        g_timeout_add_full(priority, milliseconds, sourceThunk, CallbackBox<Callback>(body).retainedPointer(),
                           { CallbackBox<Callback>.release($0) })
    }

    /// Calls `body` once, the next time the loop is idle.
    @discardableResult
    package static func once(_ body: @escaping @MainActor () -> Void) -> guint {
        idle { body(); return .remove }
    }

    /// Runs the default main context until `condition` holds or `seconds` pass; returns whether
    /// the condition held. For tests and for code that must wait for a frame outside `g_application_run`.
    package static func iterate(until condition: () -> Bool, timeout seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !condition() {
            if Date() >= deadline { return false }
            // Non-blocking, so the deadline is honoured even when nothing is pending.
            if g_main_context_iteration(nil, 0) == 0 { usleep(2_000) }
        }
        return true
    }

    private static let sourceThunk: GSourceFunc = { data in
        let box = CallbackBox<Callback>.from(data)
        return MainActor.assumeIsolated { box.handler() == .keep ? 1 : 0 }
    }
}
