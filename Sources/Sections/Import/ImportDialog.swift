import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// The "Import list…" dialog: a published audit list (CSV or TSV) for a chosen jurisdiction and
/// year, its detected encoding and first rows, a drop-down per field to map its columns, and what
/// the import will add, which rows duplicate a sample and which cannot be read. Nothing changes
/// until Import is pressed; the import is then one undo step.
@MainActor
package final class ImportDialog {
    package let window: UnsafeMutablePointer<GtkWidget>
    private let controller: DocumentController
    package private(set) var session: ImportSession
    /// Called with the ids of the imported enterprises after a confirmed import.
    package var onImported: (([String]) -> Void)?

    package let jurisdiction = DropDown([], searchable: true)
    package let year = DropDown([])
    package private(set) var fieldDropDowns: [ImportField: DropDown] = [:]
    package let preview = ImportPreview()
    private let fileLabel: UnsafeMutablePointer<GtkWidget>
    private let encodingLabel: UnsafeMutablePointer<GtkWidget>
    private let importButton: UnsafeMutablePointer<GtkWidget>
    private var jurisdictionIDs: [String] = []
    private var years: [Int] = []

    /// Dialogs on screen (each keeps itself alive until its window closes).
    package static var open: [ImportDialog] { OpenDialogs.all(ImportDialog.self) }

    /// Asks for a file, reads it and shows the dialog for it.
    package static func chooseAndOpen(controller: DocumentController, parent: UnsafeMutablePointer<GtkWidget>,
                              defaultJurisdiction: String? = nil, onImported: @escaping ([String]) -> Void) {
        let filters = [FileChooserRequest.Filter(name: tr("Lists (CSV, TSV, text)"), patterns: ["*.csv", "*.CSV", "*.tsv", "*.TSV", "*.txt", "*.TXT"]),
                       FileChooserRequest.Filter(name: tr("All files"), patterns: ["*"])]
        let request = FileChooserRequest(action: .open, title: tr("Import a published audit list"), accept: tr("Open"), filters: filters)
        FileChooserService.choose(request, parent: parent) { answer in
            guard let url = answer?.url else { return }
            let data: Data
            do {
                data = try ListFile.read(url.path)  // refuses a FIFO, a device or a folder, naming it
            } catch {
                controller.onError?((error as? LocalizedError)?.errorDescription ?? "\(error)")
                return
            }
            let dialog = ImportDialog(controller: controller, data: data, fileName: url.lastPathComponent, parent: parent,
                                      defaultJurisdiction: defaultJurisdiction)
            dialog.onImported = onImported
            dialog.present()
        }
    }

    package init(controller: DocumentController, data: Data, fileName: String, parent: UnsafeMutablePointer<GtkWidget>?,
         defaultJurisdiction: String? = nil) {
        self.controller = controller
        session = ImportSession(data: data, fileName: fileName, survey: controller.survey, defaultJurisdiction: defaultJurisdiction)
        Stylesheet.install()

        window = gtk_window_new()
        gtk_window_set_title(window.window, tr("Import enterprise list"))
        gtk_window_set_default_size(window.window, 920, 820)
        gtk_window_set_modal(window.window, 1)
        if let parent, let root = gtk_widget_get_root(parent) {
            gtk_window_set_transient_for(window.window, root.window)
        }
        importButton = gtk_button_new_with_label(tr("Import"))
        Widgets.addClasses(importButton, ["suggested-action"])
        fileLabel = Widgets.label(fileName, classes: ["title-4"], wrap: true)
        encodingLabel = Widgets.label("", classes: ["gk-hint"])
        Signals.connect(importButton, "clicked") { [weak self] in self?.confirm() }
        let header: UnsafeMutablePointer<GtkWidget> = gtk_header_bar_new()
        gtk_header_bar_set_show_title_buttons(header.opaque, 0)
        let cancel = FormParts.button(tr("Cancel")) { [weak self] in self?.close() }
        gtk_header_bar_pack_start(header.opaque, cancel)
        gtk_header_bar_pack_end(header.opaque, importButton)
        gtk_window_set_titlebar(window.window, header)

        let page = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 8, classes: ["gk-form"])
        let target = FormGrid()
        target.add(tr("Jurisdiction"), jurisdiction.widget)
        target.add(tr("Year"), year.widget)
        gtk_widget_set_halign(jurisdiction.widget, GTK_ALIGN_START)
        gtk_widget_set_halign(year.widget, GTK_ALIGN_START)
        Widgets.append(page, fileLabel, encodingLabel, preview.summaryWidget, target.widget,
                       FormParts.heading(tr("Columns")), mappingGrid(),
                       FormParts.heading(tr("First rows")), preview.previewWidget,
                       FormParts.heading(tr("Duplicates and bad rows")), preview.outcomeWidget)
        gtk_window_set_child(window.window, Widgets.verticalScroller(page))

        jurisdictionIDs = controller.survey.jurisdictions.map(\.id)
        jurisdiction.setLabels(controller.survey.jurisdictions.map(\.displayName),
                               selected: jurisdictionIDs.firstIndex(of: session.jurisdictionID) ?? 0)
        years = controller.survey.years
        year.setLabels(years.map(String.init), selected: years.firstIndex(of: session.year) ?? max(0, years.count - 1))
        jurisdiction.onSelect = { [weak self] i in
            guard let self, self.jurisdictionIDs.indices.contains(i) else { return }
            self.session.setJurisdiction(self.jurisdictionIDs[i], survey: self.controller.survey)
            self.refresh()
        }
        year.onSelect = { [weak self] i in
            guard let self, self.years.indices.contains(i) else { return }
            self.session.setYear(self.years[i], survey: self.controller.survey)
            self.refresh()
        }
        Signals.connect(window, "destroy") { [weak self] in
            if let self { OpenDialogs.release(self) }
        }
        refresh()
    }

    /// A drop-down per field: "not imported" or one of the file's columns.
    private func mappingGrid() -> UnsafeMutablePointer<GtkWidget> {
        let grid: UnsafeMutablePointer<GtkWidget> = gtk_grid_new()
        gtk_grid_set_row_spacing(grid.cast(), 6)
        gtk_grid_set_column_spacing(grid.cast(), 12)
        let columnLabels = [tr("(not imported)")]
            + session.header.enumerated().map { ImportPreview.columnName($0.offset) + "  " + $0.element }
        for (i, field) in ImportField.allCases.enumerated() {
            let dropDown = DropDown(columnLabels)
            gtk_widget_set_size_request(dropDown.widget, 200, -1)
            dropDown.onSelect = { [weak self] choice in
                guard let self else { return }
                self.session.setColumn(choice > 0 ? choice - 1 : nil, for: field, survey: self.controller.survey)
                self.refresh()
            }
            fieldDropDowns[field] = dropDown
            let label = Widgets.label(field.label + (field == .name ? " *" : ""), classes: ["gk-field-label"], xalign: 1)
            let row = Int32(i / 2)
            let column = Int32(i % 2) * 2
            gtk_grid_attach(grid.cast(), label, column, row, 1, 1)
            gtk_grid_attach(grid.cast(), dropDown.widget, column + 1, row, 1, 1)
            Events.setAccessibleLabel(dropDown.widget, field.label)
        }
        return grid
    }

    /// Shows the session: encoding, mapping, preview and outcome; Import only with rows to add.
    private func refresh() {
        if let encoding = session.encoding {
            Widgets.setText(encodingLabel, trn("Encoding: %1 · %2 row after the header", "Encoding: %1 · %2 rows after the header",
                                                                session.records.count, encoding.rawValue, session.records.count))
        } else {
            Widgets.setText(encodingLabel, tr("The file cannot be read as text."))
        }
        let mapping = session.effectiveMapping
        for (field, dropDown) in fieldDropDowns {
            dropDown.selected = mapping.columns[field].map { $0 + 1 } ?? 0
        }
        preview.showPreview(session)
        preview.showOutcome(session)
        let adding = session.plan?.added.count ?? 0
        gtk_button_set_label(importButton.cast(), adding > 0 ? tr("Import %1", adding) : tr("Import"))
        gtk_widget_set_sensitive(importButton, adding > 0 ? 1 : 0)
    }

    package func present() {
        OpenDialogs.keep(self)
        gtk_window_present(window.window)
    }

    /// Whether Import can be pressed.
    package var canImport: Bool { gtk_widget_get_sensitive(importButton) != 0 }

    /// Performs the import as one undo step and closes the dialog. Returns false (and keeps the
    /// dialog open) when there is nothing to import or the survey changed under the plan.
    @discardableResult
    package func confirm() -> Bool {
        session.run(against: controller.survey)  // the survey may have changed while the dialog was open
        guard let plan = session.plan, !plan.added.isEmpty else {
            refresh()
            return false
        }
        guard controller.perform(plan.edit, label: tr("Import enterprises"), action: .import) else {
            refresh()
            return false
        }
        close()
        onImported?(plan.added.map(\.id))
        return true
    }

    package func close() {
        gtk_window_destroy(window.window)
    }
}
