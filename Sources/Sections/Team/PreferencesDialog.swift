import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// Preferences: the author name the change log records (empty: the account's real name).
@MainActor
package final class PreferencesDialog: TeamDialog {
    package let controller: DocumentController
    package let authorEntry: Widget
    private let message: Widget
    /// Where the preferences are (`XDG_CONFIG_HOME`, `GONGKAI_AUTHOR`); tests pass their own.
    private let environment: [String: String]

    package init(parent: Widget?, controller: DocumentController, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.controller = controller
        self.environment = environment
        authorEntry = TeamDialog.entry(accessibleName: tr("Author name"), placeholder: AuthorName.accountName())
        gtk_editable_set_text(authorEntry.opaque, Preferences.load(environment: environment).authorName ?? "")
        message = Widgets.label("", classes: ["error"], wrap: true)
        super.init(title: tr("Preferences"), parent: parent, width: 440, height: -1)
        let label = Widgets.label(tr("_Author name"))
        gtk_label_set_use_underline(label.opaque, 1)
        gtk_label_set_mnemonic_widget(label.opaque, authorEntry)
        let hint = Widgets.label(tr("Written in the change log with every edit. Leave it empty to use your account's name. GONGKAI_AUTHOR, when set, takes precedence."),
                                 classes: ["dim-label", "caption"], wrap: true)
        let buttons = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 8)
        gtk_widget_set_halign(buttons, GTK_ALIGN_END)
        let save = TeamDialog.button(tr("_Save"), classes: ["suggested-action"]) { [weak self] in self?.save() }
        Widgets.append(buttons, TeamDialog.button(tr("_Cancel")) { [weak self] in self?.close() }, save)
        Widgets.append(content, label, authorEntry, hint, message, buttons)
        gtk_widget_set_visible(message, 0)
        Signals.connect(authorEntry, "activate") { [weak self] in self?.save() }
    }

    /// Saves the name and uses it for this window's next edits.
    @discardableResult
    package func save() -> Bool {
        let name = TeamDialog.text(of: authorEntry).trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            try Preferences(authorName: name.isEmpty ? nil : name).save(environment: environment)
        } catch {
            Widgets.setText(message, tr("The preferences could not be saved: %1", error.localizedDescription))
            gtk_widget_set_visible(message, 1)
            return false
        }
        controller.document.author = AuthorName.current(environment: environment)
        close()
        return true
    }
}
