import CGtk

/// Times the frames of a window for the benchmarks: from the start of a frame (the frame clock's
/// `before-paint`) to the end of its drawing (`after-paint`), summed over the frames since the
/// last `reset()`. The handlers hold the watch weakly: the clock may outlive it.
@MainActor
package final class FrameWatch {
    /// Whether a frame has been painted since the last `reset()`.
    package private(set) var painted = false
    /// Milliseconds spent painting frames since the last `reset()`.
    package private(set) var frameMilliseconds = 0.0
    /// Of `frameMilliseconds`: the update phase (animations, tick callbacks), the layout phase
    /// (styles, measuring and allocating widgets), and the paint phase (snapshotting the widgets
    /// and rendering the frame).
    package private(set) var updateMilliseconds = 0.0
    package private(set) var layoutMilliseconds = 0.0
    package private(set) var paintMilliseconds = 0.0
    /// Frames painted since the last `reset()`.
    package private(set) var frames = 0
    private var frameStart: UInt64?
    private var updateEnd: UInt64?
    private var layoutEnd: UInt64?

    /// Watches the frame clock of `window`, which must be realized (nil otherwise).
    package init?(_ window: UnsafeMutablePointer<GtkWidget>) {
        guard let clock = gtk_widget_get_frame_clock(window) else { return nil }
        Signals.connect(clock, "before-paint") { [weak self] in self?.frameStart = Stopwatch.now() }
        // Connected after GTK's own handlers of these phases, so they run when the phase's work is done.
        Signals.connect(clock, "update", after: true) { [weak self] in self?.updateDone() }
        Signals.connect(clock, "layout", after: true) { [weak self] in self?.layoutDone() }
        Signals.connect(clock, "paint", after: true) { [weak self] in self?.paintDone() }
        Signals.connect(clock, "after-paint", after: true) { [weak self] in self?.framePainted() }
    }

    private func updateDone() {
        guard let start = frameStart else { return }
        updateMilliseconds += Stopwatch.milliseconds(since: start)
        updateEnd = Stopwatch.now()
    }

    private func layoutDone() {
        guard let start = updateEnd ?? frameStart else { return }
        updateEnd = nil
        layoutMilliseconds += Stopwatch.milliseconds(since: start)
        layoutEnd = Stopwatch.now()
    }

    private func paintDone() {
        guard let start = layoutEnd else { return }
        paintMilliseconds += Stopwatch.milliseconds(since: start)
        layoutEnd = nil
    }

    private func framePainted() {
        if let start = frameStart { frameMilliseconds += Stopwatch.milliseconds(since: start) }
        frameStart = nil
        frames += 1
        painted = true
    }

    package func reset() {
        painted = false
        frameMilliseconds = 0
        updateMilliseconds = 0
        layoutMilliseconds = 0
        paintMilliseconds = 0
        frames = 0
    }

    /// The renderer drawing a window ("CairoRenderer", "GLRenderer"; "?" before it is realized).
    package static func rendererName(_ window: UnsafeMutablePointer<GtkWidget>) -> String {
        guard let native = gtk_widget_get_native(window), let renderer = gtk_native_get_renderer(native) else { return "?" }
        let type = String(cString: g_type_name_from_instance(UnsafeMutableRawPointer(renderer).assumingMemoryBound(to: GTypeInstance.self)))
        return type.replacingOccurrences(of: "Gsk", with: "")
    }
}

/// Waiting on the main loop in the benchmarks (which run outside `g_application_run`).
@MainActor
extension MainLoop {
    /// Runs the main loop for `milliseconds` (events, frames and idle work go on meanwhile).
    package static func pause(milliseconds: UInt32) {
        var done = false
        timeout(milliseconds: milliseconds) { done = true; return .remove }
        runBlocking(until: { done })
    }

    /// Runs the main loop (blocking between events) until `condition` holds, for at most a second.
    package static func runBlocking(until condition: () -> Bool) {
        var expired = false
        let source = timeout(milliseconds: 1000) { expired = true; return .remove }
        while !condition() && !expired { g_main_context_iteration(nil, 1) }
        if !expired { g_source_remove(source) }
    }

    /// Runs the main context until nothing is pending.
    package static func settle() {
        while g_main_context_iteration(nil, 0) != 0 {}
    }
}
