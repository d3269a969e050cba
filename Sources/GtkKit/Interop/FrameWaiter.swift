import CGtk

/// Waiting until a window has painted a frame (after which it can be snapshotted, or the next
/// piece of work can follow).
@MainActor
package enum FrameWaiter {
    /// Calls `body` once, from an idle callback after `widget`'s window has painted its next
    /// `frames` frames.
    package static func afterNextFrame(of widget: UnsafeMutablePointer<GtkWidget>, frames: Int = 1,
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

extension FrameWaiter {
    /// Calls `body` once, from an idle callback after the next frame the window holding `widget`
    /// paints anyway (nothing more is queued for drawing), so that work which can wait (validation,
    /// a hidden list) does not delay the frame that shows a change. When that window is not on
    /// screen, or paints no frame within `fallbackMilliseconds`, `body` runs then.
    package static func afterWindowFrame(of widget: UnsafeMutablePointer<GtkWidget>, fallbackMilliseconds: UInt32 = 100,
                                 _ body: @escaping @MainActor () -> Void) {
        guard let root = gtk_widget_get_root(widget), gtk_widget_get_mapped(root.widget) != 0,
              let clock = gtk_widget_get_frame_clock(root.widget) else {
            MainLoop.once(body)
            return
        }
        let once = OnceBody(body)
        let handler = HandlerID()
        handler.id = Signals.connect(clock, "after-paint") {
            Signals.disconnect(clock, handler.id)
            MainLoop.once { once.run() }
        }
        MainLoop.timeout(milliseconds: fallbackMilliseconds) {
            once.run()
            return .remove
        }
    }
}

/// A body that runs at most once, whichever of its callers comes first.
@MainActor
private final class OnceBody {
    private var body: (@MainActor () -> Void)?
    init(_ body: @escaping @MainActor () -> Void) { self.body = body }

    func run() {
        guard let body else { return }
        self.body = nil
        body()
    }
}

/// A signal handler id that a handler can read to disconnect itself.
@MainActor
private final class HandlerID {
    var id: gulong = 0
}
