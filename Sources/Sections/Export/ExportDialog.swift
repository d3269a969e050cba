import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// The Export dialog: which tables, which format, how matrix cells read (symbols, 是/否 or
/// words), where cell notes go, which language, and where (the desktop's file chooser). XLSX
/// writes one workbook, DOCX one document (with every chart when "Charts" is ticked); another
/// format writes one file, or a folder with one file per table when several are chosen
/// (existing files there are replaced only after asking). When the files are written the
/// dialog says where, with a button that opens the folder.
@MainActor
package final class ExportDialog {
    /// Dialogs on screen (tests find them here).
    package static var open: [ExportDialog] { OpenDialogs.all(ExportDialog.self) }

    package let window: UnsafeMutablePointer<GtkWidget>
    /// One check button per table, in `TableBuilder.tableIDs` order.
    package let tableBoxes: [(id: String, box: UnsafeMutablePointer<GtkWidget>)]
    package let format = ExportDialog.dropDown([tr("XLSX workbook (a sheet per table)"), tr("DOCX document (tables and charts)"),
                                        "CSV", "HTML", "Markdown", "JSON"])
    package let style = ExportDialog.dropDown([tr("Symbols (√ ×)"), tr("Yes / No"), tr("Words")])
    package let notes = ExportDialog.dropDown(NotePlacement.allCases.map(\.label))
    package let language = ExportDialog.dropDown(["中文", "English"])
    /// CSV: a first line giving the data source (off: data only, for scripts).
    package let csvSource: UnsafeMutablePointer<GtkWidget> = gtk_check_button_new_with_mnemonic(tr("CSV: first line gives the data _source"))
    /// DOCX: every chart after the tables.
    package let chartsBox: UnsafeMutablePointer<GtkWidget> = gtk_check_button_new_with_label(tr("Charts (DOCX)"))
    private let errorLabel: UnsafeMutablePointer<GtkWidget>
    /// Shown once the files are written: where they are, and a button that opens the folder.
    private let doneLabel: UnsafeMutablePointer<GtkWidget>
    package let openFolderButton: UnsafeMutablePointer<GtkWidget> = gtk_button_new_with_mnemonic(tr("_Open Folder"))
    private var cancelButton: UnsafeMutablePointer<GtkWidget>?
    /// The folder the last export wrote into (nil before).
    package private(set) var exportedFolder: URL?
    /// Opens a folder in the file manager; tests replace it.
    package var openFolder: @MainActor (URL) -> Void
    private let survey: Survey
    /// Called with the files written, after the dialog has closed.
    package var onExported: (@MainActor ([URL]) -> Void)?

    package static let formats: [ExportFormat] = [.xlsx, .docx, .csv, .html, .md, .json]
    package static let styles: [MatrixCellStyle] = [.symbols, .yesNo, .words]

    package init(parent: UnsafeMutablePointer<GtkWidget>?, survey: Survey) {
        self.survey = survey
        window = DialogShell.window(title: tr("Export Tables"), parent: parent)
        tableBoxes = TableBuilder.tableIDs.map { id in
            let box: UnsafeMutablePointer<GtkWidget> = gtk_check_button_new_with_label(TableBuilder.shortTitle(of: id))
            gtk_check_button_set_active(box.cast(), id == "matrix-long" ? 0 : 1)
            return (id, box)
        }
        errorLabel = Widgets.label("", classes: ["error"], wrap: true)
        doneLabel = Widgets.label("", wrap: true)
        openFolder = { _ in }
        gtk_drop_down_set_selected(language.opaque, Localizer.shared.language == .english ? 1 : 0)
        gtk_check_button_set_active(chartsBox.cast(), 1)
        build(parent: parent)
        openFolder = { [weak self] folder in
            guard let self else { return }
            gtk_show_uri(self.window.window, folder.absoluteString, guint32(GDK_CURRENT_TIME))
        }
    }

    private func build(parent: UnsafeMutablePointer<GtkWidget>?) {
        let content = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 8, classes: ["gk-dialog-content"])
        Widgets.setMargin(content, 18)
        let grid: UnsafeMutablePointer<GtkWidget> = gtk_grid_new()
        gtk_grid_set_column_spacing(grid.cast(), 18)
        gtk_grid_set_row_spacing(grid.cast(), 2)
        for (i, entry) in tableBoxes.enumerated() {
            gtk_grid_attach(grid.cast(), entry.box, Int32(i % 2), Int32(i / 2), 1, 1)
        }
        let all: UnsafeMutablePointer<GtkWidget> = gtk_button_new_with_mnemonic(tr("Select _all"))
        let none: UnsafeMutablePointer<GtkWidget> = gtk_button_new_with_mnemonic(tr("Select _none"))
        Signals.connect(all, "clicked") { [weak self] in self?.selectTables { _ in true } }
        Signals.connect(none, "clicked") { [weak self] in self?.selectTables { _ in false } }
        let selection = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 6)
        Widgets.append(selection, all, none)

        let options: UnsafeMutablePointer<GtkWidget> = gtk_grid_new()
        gtk_grid_set_column_spacing(options.cast(), 12)
        gtk_grid_set_row_spacing(options.cast(), 6)
        let fields = [(tr("Format"), format), (tr("Matrix cells"), style), (tr("Cell notes"), notes), (tr("Language"), language)]
        for (row, (label, field)) in fields.enumerated() {
            gtk_grid_attach(options.cast(), Widgets.label(label), 0, Int32(row), 1, 1)
            gtk_grid_attach(options.cast(), field, 1, Int32(row), 1, 1)
            Events.setAccessibleLabel(field, label)
        }
        gtk_grid_attach(options.cast(), chartsBox, 1, Int32(fields.count), 1, 1)
        gtk_widget_set_tooltip_text(chartsBox, tr("A DOCX document gets every chart after the tables, each with its caption"))
        gtk_grid_attach(options.cast(), csvSource, 1, Int32(fields.count + 1), 1, 1)
        Events.setAccessibleLabel(csvSource, tr("CSV: first line gives the data source"))
        gtk_widget_set_tooltip_text(csvSource, tr("Adds “# source: …” before the header row. Leave it off for scripts that read the CSV."))
        gtk_widget_set_margin_top(options, 8)
        gtk_widget_set_visible(errorLabel, 0)
        // Choosing a format picks what suits it: a report's tables for DOCX, notes in the cells
        // for the data formats.
        Signals.connect(format, "notify::selected", withArgument: { [weak self] _ in self?.formatChanged() })

        let done = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 12)
        gtk_widget_set_hexpand(doneLabel, 1)
        Widgets.append(done, doneLabel, openFolderButton)
        gtk_widget_set_visible(done, 0)
        gtk_widget_set_visible(openFolderButton, 0)
        Events.setAccessibleLabel(openFolderButton, tr("Open the folder of the exported files"))
        Signals.connect(openFolderButton, "clicked") { [weak self] in
            guard let self, let folder = self.exportedFolder else { return }
            self.openFolder(folder)
        }
        doneBox = done

        let buttons = DialogShell.cancelAndConfirm(in: window, confirm: tr("_Export…"), cancel: { [weak self] in self?.close() },
                                                   confirm: { [weak self] in self?.submit() })
        cancelButton = gtk_widget_get_first_child(buttons)  // becomes Close once the files are written

        Widgets.append(content, Widgets.label(tr("Export Tables"), classes: ["title-3"]), Widgets.label(tr("Tables")),
                       grid, selection, options, errorLabel, done, buttons)
        gtk_window_set_child(window.window, content)

        DialogShell.onClose(window) { [weak self] in self?.close() }
    }

    package func present() {
        OpenDialogs.keep(self)
        gtk_window_present(window.window)
    }

    private var doneBox: UnsafeMutablePointer<GtkWidget>?

    /// What the dialog says once the export is written, empty before.
    package var doneText: String { doneBox.map { gtk_widget_get_visible($0) != 0 } == true ? Widgets.text(ofLabel: doneLabel) : "" }

    private func formatChanged() {
        let format = Self.formats[min(Self.formats.count - 1, selected(self.format))]
        if format == .docx {
            let report = Set(TableBuilder.reportTableIDs)
            selectTables { report.contains($0) }
        }
        select(NotePlacement.allCases.firstIndex(of: format.defaultNotes) ?? 0, in: notes)
    }

    /// The message shown in the dialog, empty when none.
    package var errorText: String { gtk_widget_get_visible(errorLabel) != 0 ? Widgets.text(ofLabel: errorLabel) : "" }

    /// The tables ticked, in `TableBuilder.tableIDs` order.
    package var selectedTables: [String] { tableBoxes.filter { gtk_check_button_get_active($0.box.cast()) != 0 }.map(\.id) }

    /// Ticks the tables for which `isSelected` is true and unticks the others.
    package func selectTables(_ isSelected: (String) -> Bool) {
        for entry in tableBoxes { gtk_check_button_set_active(entry.box.cast(), isSelected(entry.id) ? 1 : 0) }
    }

    /// Picks an item of one of the drop-downs (`format`, `style`, `notes`, `language`).
    package func select(_ index: Int, in dropDown: UnsafeMutablePointer<GtkWidget>) {
        gtk_drop_down_set_selected(dropDown.opaque, guint(index))
    }

    private func selected(_ dropDown: UnsafeMutablePointer<GtkWidget>) -> Int {
        let value = gtk_drop_down_get_selected(dropDown.opaque)
        return value == guint(GTK_INVALID_LIST_POSITION) ? 0 : Int(value)
    }

    /// The export the fields describe.
    package var export: TableExport {
        TableExport(survey: survey, tableIDs: selectedTables,
                    format: Self.formats[min(Self.formats.count - 1, selected(format))],
                    style: Self.styles[min(Self.styles.count - 1, selected(style))],
                    notes: NotePlacement.allCases[min(NotePlacement.allCases.count - 1, selected(notes))],
                    language: selected(language) == 1 ? .english : .chinese,
                    sourceLine: gtk_check_button_get_active(csvSource.cast()) != 0,
                    charts: gtk_check_button_get_active(chartsBox.cast()) != 0)
    }

    /// Asks where to write, then writes.
    package func submit() {
        let export = self.export
        guard !export.tableIDs.isEmpty else { return show(tr("Choose at least one table.")) }
        let name = export.writesFolder ? tr("Tables") : export.format.isOneFile
            ? Self.fileName(survey.meta.title, export.format.rawValue) : export.fileName(of: export.tableIDs[0])
        let request = export.writesFolder
            ? FileChooserRequest(action: .folder, title: tr("Export Tables"), accept: tr("_Export"))
            : FileChooserRequest(action: .save, title: tr("Export Tables"), accept: tr("_Export"), suggestedName: name)
        FileChooserService.choose(request, parent: window) { [weak self] answer in
            guard let self, let url = answer?.url else { return }
            self.write(export, to: url, force: false)
        }
    }

    private func write(_ export: TableExport, to url: URL, force: Bool) {
        // The tables in the chosen language (passed to the export); the dialog keeps its own.
        do {
            let written = try export.write(to: url, force: force)
            showDone(written, folder: export.writesFolder ? url : url.deletingLastPathComponent())
            onExported?(written)
        } catch ExportError.exists(let message) {
            ChoiceDialog(parent: window, heading: tr("Replace the files?"), body: message,
                         choices: [ChoiceDialog.Choice(id: "cancel", label: tr("_Cancel")),
                                   ChoiceDialog.Choice(id: "replace", label: tr("_Replace"), style: .destructive)],
                         defaultChoice: "cancel", cancel: "cancel") { [weak self] choice in
                if choice == "replace" { self?.write(export, to: url, force: true) }
            }.present()
        } catch {
            show((error as? LocalizedError)?.errorDescription ?? "\(error)")
        }
    }

    /// Says what was written and where, and offers to open the folder; Cancel becomes Close.
    private func showDone(_ written: [URL], folder: URL) {
        gtk_widget_set_visible(errorLabel, 0)
        exportedFolder = folder
        let text = written.count == 1
            ? tr("Exported to %1.", written[0].path)
            : trn("Exported %1 file to %2.", "Exported %1 files to %2.", written.count, written.count, folder.path)
        Widgets.setText(doneLabel, text)
        if let doneBox { gtk_widget_set_visible(doneBox, 1) }
        gtk_widget_set_visible(openFolderButton, 1)
        if let cancelButton { gtk_button_set_label(cancelButton.cast(), tr("_Close")); gtk_button_set_use_underline(cancelButton.cast(), 1) }
    }

    private func show(_ message: String) {
        Widgets.setText(errorLabel, message)
        gtk_widget_set_visible(errorLabel, 1)
    }

    private var closed = false

    package func close() {
        guard !closed else { return }
        closed = true
        OpenDialogs.release(self)
        gtk_window_destroy(window.window)
    }

    /// A drop-down list of fixed labels.
    package static func dropDown(_ labels: [String]) -> UnsafeMutablePointer<GtkWidget> {
        let copies = labels.map { strdup($0) } + [nil]
        defer { copies.forEach { free($0) } }
        return copies.map { UnsafePointer($0) }.withUnsafeBufferPointer { gtk_drop_down_new_from_strings($0.baseAddress) }
    }

    /// A file name from a title: characters file systems refuse replaced.
    package static func fileName(_ title: String, _ ext: String) -> String {
        let cleaned = String(title.map { "/\\:*?\"<>|".contains($0) ? "_" : $0 }).trimmingCharacters(in: .whitespaces)
        return (cleaned.isEmpty ? "gongkai" : cleaned) + "." + ext
    }
}
