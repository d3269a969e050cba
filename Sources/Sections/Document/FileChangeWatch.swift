import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// Notices when the window's file changes on disk (`FileMonitor`) and says so in a bar across the
/// window: another program (or another Gongkai) saved it, or it was deleted or moved away. The bar
/// offers Reload (read the file again) and Keep Mine (the window keeps its survey; a later save to
/// that file asks before replacing the other version, see `DocumentFlows`).
///
/// What counts as a change is the file's fingerprint (size, modification time, content hash)
/// against the one the window holds — of what it loaded or last saved — so the window's own saves
/// never raise the bar.
@MainActor
package final class FileChangeWatch {
    package let bar: UnsafeMutablePointer<GtkWidget>
    private let label: UnsafeMutablePointer<GtkWidget>
    private let controller: DocumentController
    private var monitor: FileMonitor?
    private var watchedPath: String?
    private var timer: guint = 0
    /// The version on disk the user chose to keep their survey against (not announced again).
    private var kept: FileFingerprint?? = nil
    /// Reload was chosen.
    package var onReload: (@MainActor () -> Void)?

    /// How long events are gathered before the file is looked at (a save is several events).
    package static let settleMilliseconds: UInt32 = 150

    package init(controller: DocumentController) {
        self.controller = controller
        bar = gtk_info_bar_new()
        label = Widgets.label("", wrap: true, selectable: true)
        gtk_widget_set_hexpand(label, 1)
        gtk_info_bar_add_child(bar.opaque, label)
        gtk_info_bar_set_message_type(bar.opaque, GTK_MESSAGE_WARNING)
        _ = gtk_info_bar_add_button(bar.opaque, tr("_Reload"), 1)
        _ = gtk_info_bar_add_button(bar.opaque, tr("_Keep Mine"), 2)
        gtk_widget_set_visible(bar, 0)
        Events.setAccessibleLabel(bar, tr("The survey’s file changed on disk"))
        Events.nameCloseButtons(under: bar)
        Signals.connect(bar, "response", withInteger: { [weak self] response in self?.respond(Int(response)) })
        controller.observe { [weak self] change in self?.controllerChanged(change) }
        follow()
    }

    /// The message shown, nil when the bar is hidden.
    package private(set) var message: String?

    private func controllerChanged(_ change: DocumentController.Change) {
        guard change != .edited else { return }
        kept = nil
        follow()
        check()  // saved or replaced: the window has the file's version again
    }

    /// Watches the controller's file (another one after Open or Save As).
    private func follow() {
        let path = controller.fileURL?.path
        guard path != watchedPath else { return }
        monitor?.cancel()
        monitor = path.flatMap { FileMonitor(URL(fileURLWithPath: $0)) { [weak self] in self?.scheduleCheck() } }
        watchedPath = path
    }

    private func scheduleCheck() {
        guard timer == 0 else { return }
        timer = MainLoop.timeout(milliseconds: Self.settleMilliseconds) { [weak self] in
            self?.timer = 0
            self?.check()
            return .remove
        }
    }

    /// Compares the file on disk with the version the window holds, and shows or hides the bar.
    package func check() {
        // The window's own save is being written: its `.saved` checks again once it is done.
        guard !controller.isSaving else { return }
        guard let url = controller.fileURL, let known = controller.fingerprint else { return hide() }
        let now = (try? FileFingerprint.current(ofPath: url.path)) ?? nil
        if now == known { return hide() }
        if let kept, kept == now { return }
        let text = now == nil
            ? tr("“%1” was deleted or moved away on disk. Your survey is still here; saving writes it again.", url.lastPathComponent)
            : tr("“%1” was changed on disk by another program. Reload it to see that version, or keep yours (saving will ask before replacing the other version).", url.lastPathComponent)
        message = text
        Widgets.setText(label, text)
        gtk_widget_set_visible(bar, 1)
    }

    private func respond(_ response: Int) {
        switch response {
        case 1:
            onReload?()
        case 2:
            kept = .some((try? FileFingerprint.current(ofPath: controller.fileURL?.path ?? "")) ?? nil)
            hide()
        default:
            break
        }
    }

    private func hide() {
        message = nil
        gtk_widget_set_visible(bar, 0)
    }

    /// Chooses a button of the bar as a click would (tests).
    package func choose(reload: Bool) { respond(reload ? 1 : 2) }

    package func stop() {
        monitor?.cancel()
        monitor = nil
        if timer != 0 { g_source_remove(timer); timer = 0 }
    }
}
