import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// Keeps the draft of one window's survey (see `DraftStore`): after each change, at most
/// `delayMilliseconds` later, the survey is written on a background queue; when the survey is
/// clean again (saved, undone back to the saved state, replaced by a clean one, or its changes
/// discarded) the draft is removed. The draft is the document's: its id follows the survey's file
/// (`DraftStore.id(for:)`), so opening or saving under another file moves it to that file's id. The
/// lock on the draft is held from its first write until the document changes file or the window goes.
///
/// Writes and removals go through one serial queue, so they happen in the order they were asked.
@MainActor
package final class DraftKeeper {
    /// The longest time between a change and its draft.
    package static let delayMilliseconds: UInt32 = 1500

    package let store: DraftStore
    /// The draft's name in the store: the document's (its file's, or the window's untitled id).
    package private(set) var id: String
    /// The id the window's survey has while it has no file.
    private var untitledID: String
    private let controller: DocumentController
    private let queue = DispatchQueue(label: "io.github.gongkai.drafts")
    /// The lock held, and the id it locks.
    private var lock: (id: String, lock: DraftLock)?
    private var timer: guint = 0
    private var observer: Int?
    /// Whether a draft has been written (or is being written) and not removed since.
    package private(set) var hasDraft = false
    /// Drafts written so far (for tests and diagnostics).
    package private(set) var writesRequested = 0
    private var reportedFailure = false

    package init(controller: DocumentController, store: DraftStore) {
        self.controller = controller
        self.store = store
        untitledID = DraftStore.id(for: nil)
        id = controller.fileURL.map(DraftStore.id(for:)) ?? untitledID
        observer = controller.observe { [weak self] change in self?.controllerChanged(change) }
        if controller.isDirty { writeNow() }
    }

    private func controllerChanged(_ change: DocumentController.Change) {
        switch change {
        case .edited:
            if controller.isDirty { schedule() } else { discard() }
        case .replaced:
            cancelTimer()
            followFile()
            if controller.isDirty { writeNow() } else { discard() }
        case .saved:
            followFile()
            if !controller.isDirty { discard() }
        }
    }

    /// The document now has another file (opened, saved as, recovered): the draft of the old one
    /// is removed and its lock released; later drafts go to the new file's id.
    private func followFile() {
        let current = controller.fileURL.map(DraftStore.id(for:)) ?? untitledID
        guard current != id else { return }
        discard()
        if let held = lock, held.id != current {
            held.lock.release()
            lock = nil
        }
        id = current
    }

    /// Takes over a draft being recovered into this window (before the controller shows it): its
    /// lock becomes the keeper's, and an untitled draft's id becomes the window's untitled id, so
    /// the recovered survey's drafts replace the recovered one in place.
    package func adopt(_ draft: RecoverableDraft) {
        if draft.info.originalFile == nil { untitledID = draft.id }
        if let held = lock, held.id != draft.id { held.lock.release() }
        lock = (draft.id, draft.lock)
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
    package func writeNow() {
        cancelTimer()
        guard controller.isDirty else { return }
        if lock?.id != id {
            lock?.lock.release()
            let draftID = id
            lock = (try? store.lock(draftID)).flatMap { $0 }.map { (draftID, $0) }
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
    package func discard() {
        cancelTimer()
        guard hasDraft else { return }
        hasDraft = false
        let store = self.store, id = self.id
        queue.async { store.remove(id) }
    }

    /// Waits until every write and removal asked so far is done.
    package func finishPendingWork() {
        queue.sync {}
    }

    /// The window is going away without its changes being saved or discarded (it was destroyed
    /// directly): writes what is pending, then lets go of the lock so that the next start offers
    /// the draft, as after a crash.
    package func detach() {
        if controller.isDirty {
            if timer != 0 { writeNow() }
        } else {
            discard()  // closed without changes: no draft stays
        }
        if let observer { controller.removeObserver(observer) }
        observer = nil
        finishPendingWork()
        lock?.lock.release()
        lock = nil
    }

    private func report(_ message: String) {
        guard !reportedFailure else { return }
        reportedFailure = true
        StandardStream.error.report("gongkai: \(message)")
    }
}
