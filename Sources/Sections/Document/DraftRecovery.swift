import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// When a window shows a file (at start, or after File › Open), offers the draft that a window
/// left behind for that very file (the app was killed or crashed) with Recover / Discard; an
/// untitled window is offered the untitled drafts, newest first. Recovering puts the draft in the
/// window as an unsaved survey bound to the same file and writes nothing to the file until the
/// user saves; Discard deletes it and offers the next one. Escape keeps the draft for later.
/// Stale drafts are pruned first (`DraftStore.prune`).
@MainActor
package enum DraftRecovery {
    package static func offer(in window: MainWindow) {
        let store = window.flows.drafts.store
        store.prune()
        offerNext(in: window)
    }

    private static func offerNext(in window: MainWindow) {
        let store = window.flows.drafts.store
        let file = window.controller.fileURL
        var drafts = store.recoverable(for: file)
        guard !drafts.isEmpty else { return }
        let draft = drafts.removeFirst()
        drafts.forEach { $0.lock.release() }  // offered later, one at a time

        let name = draft.info.originalFile?.lastPathComponent ?? tr("an untitled survey")
        let title = draft.info.title.isEmpty ? name : draft.info.title
        let dialog = ChoiceDialog(
            parent: window.window, heading: tr("Recover unsaved changes?"),
            body: tr("Gongkai was closed without saving the changes to %1 (“%2”). The changes were kept as a draft at %3.",
                     name, title, Self.format(draft.info.savedAt)),
            choices: [.init(id: "discard", label: tr("_Discard"), style: .destructive),
                      .init(id: "recover", label: tr("_Recover"), style: .suggested)],
            defaultChoice: "recover", cancel: "later") { [weak window] choice in
                guard let window, window.controller.fileURL == file else { return draft.lock.release() }
                switch choice {
                case "recover":
                    recover(draft, into: window)
                case "discard":
                    store.remove(draft.id)
                    draft.lock.release()
                    offerNext(in: window)
                default:
                    draft.lock.release()
                }
            }
        dialog.present()
    }

    /// Replaces the window's survey with the draft's (unsaved, bound to the draft's file, which is
    /// not written); the window's draft keeper takes the draft over. A draft that cannot be read
    /// is explained and kept.
    package static func recover(_ draft: RecoverableDraft, into window: MainWindow) {
        let store = window.flows.drafts.store
        let survey: Survey
        do {
            survey = try store.load(draft.id)
        } catch {
            draft.lock.release()
            window.flows.showError(heading: tr("The draft could not be read"),
                                   message: DocumentFlows.describe(error) + "\n\n" + tr("It is kept in %1.", store.directory.path))
            return
        }
        window.flows.drafts.adopt(draft)
        window.controller.replace(with: survey, fileURL: window.controller.fileURL, unsaved: true,
                                  fingerprint: window.controller.fingerprint)
        // The draft's own log holds its edits; the recovery itself is logged too.
        window.controller.document.log([FieldChange(path: "survey", old: window.controller.fileURL?.path ?? "", new: "draft " + draft.id)],
                                       action: .recovery)
    }

    /// "2025-03-04 15:20"
    package static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
