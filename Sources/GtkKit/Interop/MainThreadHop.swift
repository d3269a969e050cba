import CGtk

/// Getting back to the main thread from a background queue: `g_idle_add_full` may be called from
/// any thread, and its callback runs on the thread of the default main context (GTK's).
package enum MainThreadHop {
    package typealias Body = @Sendable @MainActor () -> Void

    /// Runs `body` on the main thread the next time GLib's main loop is idle.
    package static func post(_ body: @escaping Body) {
        let thunk: GSourceFunc = { data in
            let box = CallbackBox<Body>.from(data)
            MainActor.assumeIsolated { box.handler() }
            return 0
        }
        g_idle_add_full(Int32(G_PRIORITY_DEFAULT_IDLE), thunk, CallbackBox<Body>(body).retainedPointer(),
                        { CallbackBox<Body>.release($0) })
    }
}
