import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// The window of the team dialogs (compare, conflicts, change log, preferences): a titled window
/// over its parent that Escape closes, with a vertical content box, kept alive while open.
@MainActor
package class TeamDialog {
    package typealias Widget = UnsafeMutablePointer<GtkWidget>

    package static var open: [TeamDialog] { OpenDialogs.all(TeamDialog.self) }

    package let window: Widget
    package let content: Widget
    private var observer: Int?
    private weak var observed: DocumentController?

    package init(title: String, parent: Widget?, width: Int32, height: Int32) {
        window = DialogShell.window(title: title, parent: parent, modal: false, resizable: true)
        gtk_window_set_default_size(window.window, width, height)
        content = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 8, classes: ["gk-dialog-content"])
        Widgets.setMargin(content, 12)
        gtk_window_set_child(window.window, content)
        DialogShell.onClose(window) { [weak self] in self?.close() }
    }

    package func present() {
        OpenDialogs.keep(self)
        gtk_window_present(window.window)
    }

    package func close() {
        if let observer { observed?.removeObserver(observer) }
        observer = nil
        guard OpenDialogs.release(self) else { return }
        gtk_window_destroy(window.window)
    }

    /// Calls `body` after every change of the document while the dialog is open.
    package func follow(_ controller: DocumentController, _ body: @escaping @MainActor () -> Void) {
        observed = controller
        observer = controller.observe { _ in body() }
    }

    /// A button with a mnemonic label, which is also its accessible name.
    package static func button(_ label: String, classes: [String] = [], _ action: @escaping @MainActor () -> Void) -> Widget {
        let button: Widget = gtk_button_new_with_mnemonic(label)
        Widgets.addClasses(button, classes)
        Signals.connect(button, "clicked") { action() }
        return button
    }

    /// An entry with an accessible name and a placeholder.
    package static func entry(accessibleName: String, placeholder: String = "") -> Widget {
        let entry: Widget = gtk_entry_new()
        GProperty.set(entry, "placeholder-text", placeholder)
        Events.setAccessibleLabel(entry, accessibleName)
        return entry
    }

    package static func text(of entry: Widget) -> String { String(borrowingGChars: gtk_editable_get_text(entry.opaque)) ?? "" }

    /// A list box in a scroller that fills the dialog, named for screen readers.
    package static func list(name: String) -> (list: Widget, scroller: Widget) {
        let list: Widget = gtk_list_box_new()
        Events.setAccessibleLabel(list, name)
        gtk_list_box_set_selection_mode(list.opaque, GTK_SELECTION_NONE)
        Widgets.addClasses(list, ["boxed-list"])
        return (list, Widgets.verticalScroller(list))
    }

    package static func removeAll(_ list: Widget) {
        while let row = gtk_widget_get_first_child(list) { gtk_list_box_remove(list.opaque, row) }
    }
}
