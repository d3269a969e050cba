import CGtk
import GtkKit
import Rendering

/// How a section that follows the survey while hidden (Checks, Reconciliation) refreshes after
/// edits: the first request refreshes at once; later ones in one idle callback, optionally only
/// after the window's next frame (the frame that shows the edit comes first), once for a burst of
/// edits, and never after the section's widgets are destroyed.
@MainActor
package final class DeferredRefresh {
    private let widget: UnsafeMutablePointer<GtkWidget>
    private let afterFrame: Bool
    private let body: @MainActor () -> Void
    private var idleSource: guint = 0
    private var waitingForFrame = false
    private var requestedOnce = false
    private var alive = true

    /// `body` does the refresh; it never runs once `widget` is destroyed.
    package init(of widget: UnsafeMutablePointer<GtkWidget>, afterFrame: Bool, _ body: @escaping @MainActor () -> Void) {
        self.widget = widget
        self.afterFrame = afterFrame
        self.body = body
        Signals.connect(widget, "destroy") { [weak self] in
            self?.alive = false
            self?.cancel()
        }
    }

    /// Whether a refresh is waiting (for the frame or the idle callback).
    package var isPending: Bool { idleSource != 0 || waitingForFrame }

    /// Asks for a refresh: at once the first time, deferred after that.
    package func request() {
        guard requestedOnce else {
            requestedOnce = true
            return run()
        }
        guard !isPending, alive else { return }
        guard afterFrame else { return scheduleIdle() }
        waitingForFrame = true
        FrameWaiter.afterWindowFrame(of: widget) { [weak self] in
            guard let self, self.waitingForFrame else { return }
            self.waitingForFrame = false
            if self.alive { self.scheduleIdle() }
        }
    }

    /// Refreshes now; a pending refresh is dropped.
    package func run() {
        cancel()
        if alive { body() }
    }

    private func scheduleIdle() {
        idleSource = MainLoop.idle { [weak self] in
            self?.idleSource = 0
            self?.run()
            return .remove
        }
    }

    private func cancel() {
        waitingForFrame = false
        if idleSource != 0 {
            g_source_remove(idleSource)
            idleSource = 0
        }
    }
}
