import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// Survey › Details (primary menu): the survey's title, organisation, authors, years (its period),
/// data-source line (printed under every chart and exported table) and the definition of the
/// disclosure rate. Apply makes one undoable edit (`Edit.surveyDetails`); removing a year takes
/// its cells with it, and undo brings them back.
@MainActor
package final class SurveyDetailsDialog {
    package static var open: [SurveyDetailsDialog] { OpenDialogs.all(SurveyDetailsDialog.self) }

    package let window: UnsafeMutablePointer<GtkWidget>
    package let titleEntry: UnsafeMutablePointer<GtkWidget>
    package let organisationEntry: UnsafeMutablePointer<GtkWidget>
    package let authorsEntry: UnsafeMutablePointer<GtkWidget>
    package let yearsEntry: UnsafeMutablePointer<GtkWidget>
    package let sourceEntry: UnsafeMutablePointer<GtkWidget>
    package let englishSourceEntry: UnsafeMutablePointer<GtkWidget>
    package let rateChoice: DropDown
    private let errorLabel: UnsafeMutablePointer<GtkWidget>
    private let controller: DocumentController

    package init(parent: UnsafeMutablePointer<GtkWidget>?, controller: DocumentController) {
        self.controller = controller
        let survey = controller.survey
        window = DialogShell.window(title: tr("Survey Details"), parent: parent)

        func entry(_ text: String, _ name: String) -> UnsafeMutablePointer<GtkWidget> {
            let e: UnsafeMutablePointer<GtkWidget> = gtk_entry_new()
            gtk_editable_set_text(e.opaque, text)
            gtk_entry_set_activates_default(e.cast(), 1)
            gtk_editable_set_width_chars(e.opaque, 48)
            Events.setAccessibleLabel(e, name)
            return e
        }
        titleEntry = entry(survey.meta.title, tr("Title"))
        organisationEntry = entry(survey.meta.organisation, tr("Organisation"))
        authorsEntry = entry(survey.meta.authors.joined(separator: "、"), tr("Authors"))
        yearsEntry = entry(Self.yearsText(survey.years), tr("Survey years"))
        sourceEntry = entry(survey.meta.dataSource, tr("Data source"))
        englishSourceEntry = entry(survey.meta.dataSourceEnglish ?? "", tr("English data-source line"))
        rateChoice = DropDown(RateDefinition.allCases.map(\.label))
        rateChoice.selected = RateDefinition.allCases.firstIndex(of: RateDefinition.of(survey)) ?? 0
        Events.setAccessibleLabel(rateChoice.widget, tr("Disclosure rate"))
        errorLabel = Widgets.label("", classes: ["error"], wrap: true)
        gtk_widget_set_visible(errorLabel, 0)

        let grid: UnsafeMutablePointer<GtkWidget> = gtk_grid_new()
        gtk_grid_set_row_spacing(grid.cast(), 8)
        gtk_grid_set_column_spacing(grid.cast(), 12)
        let rows: [(String, UnsafeMutablePointer<GtkWidget>)] = [
            (tr("_Title"), titleEntry), (tr("_Organisation"), organisationEntry), (tr("A_uthors"), authorsEntry),
            (tr("Survey _years"), yearsEntry), (tr("_Data source"), sourceEntry),
            (tr("_English data-source line"), englishSourceEntry), (tr("Disclosure _rate"), rateChoice.widget),
        ]
        for (i, (text, field)) in rows.enumerated() {
            let label = Widgets.label(text)
            gtk_label_set_use_underline(label.opaque, 1)
            gtk_label_set_mnemonic_widget(label.opaque, field)
            gtk_grid_attach(grid.cast(), label, 0, Int32(i), 1, 1)
            gtk_grid_attach(grid.cast(), field, 1, Int32(i), 1, 1)
        }
        let hint = Widgets.label(tr("Authors are separated by 、 or commas. Removing a year removes its cells; Undo brings them back. The data source is printed under every chart and exported table."),
                                 classes: ["dim-label", "caption"], wrap: true)
        gtk_label_set_max_width_chars(hint.opaque, 60)

        let buttons = DialogShell.cancelAndConfirm(in: window, confirm: tr("_Apply"), cancel: { [weak self] in self?.close() },
                                                   confirm: { [weak self] in self?.submit() })

        let content = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 8, classes: ["gk-dialog-content"])
        Widgets.append(content, Widgets.label(tr("Survey Details"), classes: ["title-3"]), grid, hint, errorLabel, buttons)
        gtk_window_set_child(window.window, content)

        DialogShell.onClose(window) { [weak self] in self?.close() }
    }

    /// "2018-2022" for consecutive years, "2018, 2020" otherwise.
    package static func yearsText(_ years: [Int]) -> String {
        guard let first = years.first, let last = years.last else { return "" }
        if years.count > 1 && years == Array(first...last) { return "\(first)-\(last)" }
        return years.map(String.init).joined(separator: ", ")
    }

    package func present() {
        OpenDialogs.keep(self)
        gtk_window_present(window.window)
        gtk_widget_grab_focus(titleEntry)
    }

    /// The message under the fields, empty when none is shown.
    package var errorText: String { gtk_widget_get_visible(errorLabel) != 0 ? Widgets.text(ofLabel: errorLabel) : "" }

    private func text(_ entry: UnsafeMutablePointer<GtkWidget>) -> String {
        (String(borrowingGChars: gtk_editable_get_text(entry.opaque)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Reads the fields and applies them as one edit, or explains what is wrong.
    @discardableResult
    package func submit() -> Bool {
        let yearsText = text(yearsEntry)
        guard let years = SurveyYears.parse(yearsText) else {
            return explain(tr("“%1” is not a list of years. Type years between 1990 and 2100, such as 2023-2025 or 2021, 2023.", yearsText),
                           focus: yearsEntry)
        }
        let title = text(titleEntry)
        guard !title.isEmpty else { return explain(tr("A survey needs a title."), focus: titleEntry) }
        var meta = controller.survey.meta
        meta.title = title
        meta.organisation = text(organisationEntry)
        meta.authors = text(authorsEntry).split(whereSeparator: { "、,，;；".contains($0) })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        meta.dataSource = text(sourceEntry)
        let english = text(englishSourceEntry)
        // Absent unless given, so older files stay as they were.
        meta.dataSourceEnglish = english.isEmpty ? nil : english
        let rate = RateDefinition.allCases.indices.contains(rateChoice.selected) ? RateDefinition.allCases[rateChoice.selected] : .delegatedExcluded
        // The default definition is stored as absent, so older files stay as they were.
        meta.rateDefinition = rate == .delegatedExcluded && controller.survey.meta.rateDefinition == nil ? nil : rate
        if let edit = Edit.surveyDetails(meta, years: years, of: controller.survey) {
            guard controller.perform(edit, label: tr("Survey Details")) else { return false }
        }
        close()
        return true
    }

    private func explain(_ message: String, focus: UnsafeMutablePointer<GtkWidget>) -> Bool {
        Widgets.setText(errorLabel, message)
        gtk_widget_set_visible(errorLabel, 1)
        gtk_widget_grab_focus(focus)
        return false
    }

    private func close() {
        guard OpenDialogs.release(self) else { return }
        gtk_window_destroy(window.window)
    }
}

/// `win.survey-details`: opens the Survey Details dialog.
@MainActor
package enum SurveyDetailsActions {
    package static func install(on window: MainWindow, controller: DocumentController) {
        window.actions.map.add("survey-details") { [weak window, weak controller] in
            guard let window, let controller else { return }
            SurveyDetailsDialog(parent: window.window, controller: controller).present()
        }
    }
}
