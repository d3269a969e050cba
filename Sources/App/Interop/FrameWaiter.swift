import CGtk

/// Waiting until a window has painted a frame (after which it can be snapshotted, or the next
/// piece of work can follow).
@MainActor
enum FrameWaiter {
    /// Calls `body` once, from an idle callback after `widget`'s window has painted its next
    /// `frames` frames.
    static func afterNextFrame(of widget: UnsafeMutablePointer<GtkWidget>, frames: Int = 1,
                               _ body: @escaping @MainActor () -> Void) {
        if frames > 1 {
            return afterNextFrame(of: widget) { afterNextFrame(of: widget, frames: frames - 1, body) }
        }
        let handler = HandlerID()
        guard let clock = gtk_widget_get_frame_clock(widget) else {
            // Not realized yet: try again once it maps.
            handler.id = Signals.connect(widget, "map") {
                Signals.disconnect(widget, handler.id)
                afterNextFrame(of: widget, body)
            }
            return
        }
        handler.id = Signals.connect(clock, "after-paint") {
            Signals.disconnect(clock, handler.id)
            MainLoop.once(body)
        }
        gtk_widget_queue_draw(widget)
    }
}

/// A signal handler id that a handler can read to disconnect itself.
@MainActor
private final class HandlerID {
    var id: gulong = 0
}
