import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// Asks for the years (and optionally the title) of a new survey: "2023-2025", "2021, 2023".
/// Create stays in the dialog with an explanation until the years can be read.
@MainActor
package final class NewSurveyDialog {
    /// What the user asked for.
    package struct Answer: Equatable {
        package var years: [Int]
        /// nil: the default title ("… survey 2023-2025").
        package var title: String?
        package init(years: [Int], title: String? = nil) {
            self.years = years
            self.title = title
        }
    }

    package static var open: [NewSurveyDialog] { OpenDialogs.all(NewSurveyDialog.self) }

    package let window: UnsafeMutablePointer<GtkWidget>
    package let yearsEntry: UnsafeMutablePointer<GtkWidget>
    package let titleEntry: UnsafeMutablePointer<GtkWidget>
    private let errorLabel: UnsafeMutablePointer<GtkWidget>
    private var handler: (@MainActor (Answer?) -> Void)?

    /// `handler` gets the answer, or nil when the user cancels.
    package init(parent: UnsafeMutablePointer<GtkWidget>?, suggestedYears: String, explanation text: String? = nil,
         handler: @escaping @MainActor (Answer?) -> Void) {
        self.handler = handler
        window = DialogShell.window(title: tr("New Survey"), parent: parent)

        let content = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 8, classes: ["gk-dialog-content"])
        let heading = Widgets.label(tr("New Survey"), classes: ["title-3"])
        let explanation = Widgets.label(
            text ?? tr("The new survey lists the same jurisdictions and regulations as the built-in survey, with no observations yet."),
            classes: ["dim-label"], wrap: true)
        gtk_label_set_max_width_chars(explanation.opaque, 50)

        yearsEntry = gtk_entry_new()
        gtk_editable_set_text(yearsEntry.opaque, suggestedYears)
        GProperty.set(yearsEntry, "placeholder-text", "2023-2025")
        gtk_entry_set_activates_default(yearsEntry.cast(), 1)
        titleEntry = gtk_entry_new()
        GProperty.set(titleEntry, "placeholder-text", tr("Optional"))
        gtk_entry_set_activates_default(titleEntry.cast(), 1)
        errorLabel = Widgets.label("", classes: ["error"], wrap: true)
        gtk_widget_set_visible(errorLabel, 0)

        let yearsLabel = Widgets.label(tr("Survey _years"))
        gtk_label_set_use_underline(yearsLabel.opaque, 1)
        gtk_label_set_mnemonic_widget(yearsLabel.opaque, yearsEntry)
        let titleLabel = Widgets.label(tr("_Title"))
        gtk_label_set_use_underline(titleLabel.opaque, 1)
        gtk_label_set_mnemonic_widget(titleLabel.opaque, titleEntry)
        Events.setAccessibleLabel(yearsEntry, tr("Survey years"))
        Events.setAccessibleLabel(titleEntry, tr("Title"))
        let hint = Widgets.label(tr("A range such as 2023-2025, or years separated by commas."),
                                 classes: ["dim-label", "caption"], wrap: true)

        let buttons = DialogShell.cancelAndConfirm(in: window, confirm: tr("C_reate"), cancel: { [weak self] in self?.finish(nil) },
                                                   confirm: { [weak self] in self?.submit() })

        Widgets.append(content, heading, explanation, yearsLabel, yearsEntry, hint, titleLabel, titleEntry, errorLabel, buttons)
        gtk_widget_set_margin_top(titleLabel, 8)
        gtk_window_set_child(window.window, content)

        DialogShell.onClose(window) { [weak self] in self?.finish(nil) }
    }

    package func present() {
        OpenDialogs.keep(self)
        gtk_window_present(window.window)
        gtk_widget_grab_focus(yearsEntry)
    }

    /// The message under the fields, empty when none is shown.
    package var errorText: String { gtk_widget_get_visible(errorLabel) != 0 ? Widgets.text(ofLabel: errorLabel) : "" }

    /// Reads the fields and finishes, or explains what is wrong with the years.
    package func submit() {
        let text = String(borrowingGChars: gtk_editable_get_text(yearsEntry.opaque)) ?? ""
        guard let years = SurveyYears.parse(text) else {
            Widgets.setText(errorLabel, tr("“%1” is not a list of years. Type years between 1990 and 2100, such as 2023-2025 or 2021, 2023.", text))
            gtk_widget_set_visible(errorLabel, 1)
            gtk_widget_grab_focus(yearsEntry)
            return
        }
        let title = (String(borrowingGChars: gtk_editable_get_text(titleEntry.opaque)) ?? "")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        finish(Answer(years: years, title: title.isEmpty ? nil : title))
    }

    private func finish(_ answer: Answer?) {
        guard let handler else { return }
        self.handler = nil
        OpenDialogs.release(self)
        gtk_window_destroy(window.window)
        handler(answer)
    }
}
