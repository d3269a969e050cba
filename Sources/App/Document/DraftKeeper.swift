import CGtk
import Foundation
import Model

/// Keeps the draft of one window's survey (see `DraftStore`): after each change, at most
/// `delayMilliseconds` later, the survey is written on a background queue; when the survey is
/// clean again (saved, undone back to the saved state, replaced by a clean one, or its changes
/// discarded) the draft is removed. The window's lock on the draft is held while the window lives.
///
/// Writes and removals go through one serial queue, so they happen in the order they were asked.
@MainActor
final class DraftKeeper {
    /// The longest time between a change and its draft.
    static let delayMilliseconds: UInt32 = 1500

    let store: DraftStore
    /// The draft's name in the store: one per window.
    let id: String
    private let controller: DocumentController
    private let queue = DispatchQueue(label: "io.github.gongkai.drafts")
    private var lock: DraftLock?
    private var timer: guint = 0
    private var observer: Int?
    /// Whether a draft has been written (or is being written) and not removed since.
    private(set) var hasDraft = false
    /// Drafts written so far (for tests and diagnostics).
    private(set) var writesRequested = 0
    private var reportedFailure = false

    init(controller: DocumentController, store: DraftStore, id: String = UUID().uuidString) {
        self.controller = controller
        self.store = store
        self.id = id
        observer = controller.observe { [weak self] change in self?.controllerChanged(change) }
        if controller.isDirty { writeNow() }
    }

    private func controllerChanged(_ change: DocumentController.Change) {
        switch change {
        case .edited:
            if controller.isDirty { schedule() } else { discard() }
        case .replaced:
            cancelTimer()
            if controller.isDirty { writeNow() } else { discard() }
        case .saved:
            if !controller.isDirty { discard() }
        }
    }

    /// Writes the draft within `delayMilliseconds`; changes in between join the same write.
    private func schedule() {
        guard timer == 0 else { return }
        timer = MainLoop.timeout(milliseconds: Self.delayMilliseconds) { [weak self] in
            self?.timer = 0
            self?.writeNow()
            return .remove
        }
    }

    private func cancelTimer() {
        if timer != 0 {
            g_source_remove(timer)
            timer = 0
        }
    }

    /// Writes the draft now (on the queue) if the survey has unsaved changes.
    func writeNow() {
        cancelTimer()
        guard controller.isDirty else { return }
        if lock == nil {
            lock = try? store.lock(id)
            guard lock != nil else {
                report("cannot lock the draft \(store.lockURL(id).path)")
                return
            }
        }
        let survey = controller.survey, file = controller.fileURL, store = self.store, id = self.id
        hasDraft = true
        writesRequested += 1
        queue.async { [weak self] in
            do {
                try store.write(survey, id: id, originalFile: file)
            } catch {
                let message = "cannot write the draft \(store.surveyURL(id).path): \(error)"
                MainThreadHop.post { self?.report(message) }
            }
        }
    }

    /// Removes the draft (the survey's changes were saved or discarded).
    func discard() {
        cancelTimer()
        guard hasDraft else { return }
        hasDraft = false
        let store = self.store, id = self.id
        queue.async { store.remove(id) }
    }

    /// Waits until every write and removal asked so far is done.
    func finishPendingWork() {
        queue.sync {}
    }

    /// The window is going away without its changes being saved or discarded (it was destroyed
    /// directly): writes what is pending, then lets go of the lock so that the next start offers
    /// the draft, as after a crash.
    func detach() {
        if timer != 0 { writeNow() }
        if let observer { controller.removeObserver(observer) }
        observer = nil
        finishPendingWork()
        lock?.release()
        lock = nil
    }

    private func report(_ message: String) {
        guard !reportedFailure else { return }
        reportedFailure = true
        StandardStream.error.report("gongkai: \(message)")
    }
}
