import CGtk
import Foundation
import Model

/// The Export dialog: which tables, which format, how matrix cells read (symbols, 是/否 or
/// words), which language, and where (the desktop's file chooser). XLSX writes one workbook;
/// another format writes one file, or a folder with one file per table when several are chosen
/// (existing files there are replaced only after asking).
@MainActor
final class ExportDialog {
    /// Dialogs on screen (tests find them here).
    static var open: [ExportDialog] { OpenDialogs.all(ExportDialog.self) }

    let window: UnsafeMutablePointer<GtkWidget>
    /// One check button per table, in `TableBuilder.tableIDs` order.
    let tableBoxes: [(id: String, box: UnsafeMutablePointer<GtkWidget>)]
    let format = ExportDialog.dropDown([tr("XLSX workbook (a sheet per table)"), "CSV", "HTML", "Markdown", "JSON"])
    let style = ExportDialog.dropDown([tr("Symbols (√ ×)"), tr("Yes / No"), tr("Words")])
    let language = ExportDialog.dropDown(["中文", "English"])
    private let errorLabel: UnsafeMutablePointer<GtkWidget>
    private let survey: Survey
    /// Called with the files written, after the dialog has closed.
    var onExported: (@MainActor ([URL]) -> Void)?

    static let formats: [ExportFormat] = [.xlsx, .csv, .html, .md, .json]
    static let styles: [MatrixCellStyle] = [.symbols, .yesNo, .words]

    init(parent: UnsafeMutablePointer<GtkWidget>?, survey: Survey) {
        self.survey = survey
        window = DialogShell.window(title: tr("Export Tables"), parent: parent)
        tableBoxes = TableBuilder.tableIDs.map { id in
            let box: UnsafeMutablePointer<GtkWidget> = gtk_check_button_new_with_label(TableBuilder.shortTitle(of: id))
            gtk_check_button_set_active(box.cast(), id == "matrix-long" ? 0 : 1)
            return (id, box)
        }
        errorLabel = Widgets.label("", classes: ["error"], wrap: true)
        gtk_drop_down_set_selected(language.opaque, Localizer.shared.language == .english ? 1 : 0)
        build(parent: parent)
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
        for (row, (label, field)) in [(tr("Format"), format), (tr("Matrix cells"), style), (tr("Language"), language)].enumerated() {
            gtk_grid_attach(options.cast(), Widgets.label(label), 0, Int32(row), 1, 1)
            gtk_grid_attach(options.cast(), field, 1, Int32(row), 1, 1)
        }
        gtk_widget_set_margin_top(options, 8)
        gtk_widget_set_visible(errorLabel, 0)

        let buttons = DialogShell.cancelAndConfirm(in: window, confirm: tr("_Export…"), cancel: { [weak self] in self?.close() },
                                                   confirm: { [weak self] in self?.submit() })

        Widgets.append(content, Widgets.label(tr("Export Tables"), classes: ["title-3"]), Widgets.label(tr("Tables")),
                       grid, selection, options, errorLabel, buttons)
        gtk_window_set_child(window.window, content)

        DialogShell.onClose(window) { [weak self] in self?.close() }
    }

    func present() {
        OpenDialogs.keep(self)
        gtk_window_present(window.window)
    }

    /// The message shown in the dialog, empty when none.
    var errorText: String { gtk_widget_get_visible(errorLabel) != 0 ? Widgets.text(ofLabel: errorLabel) : "" }

    /// The tables ticked, in `TableBuilder.tableIDs` order.
    var selectedTables: [String] { tableBoxes.filter { gtk_check_button_get_active($0.box.cast()) != 0 }.map(\.id) }

    /// Ticks the tables for which `isSelected` is true and unticks the others.
    func selectTables(_ isSelected: (String) -> Bool) {
        for entry in tableBoxes { gtk_check_button_set_active(entry.box.cast(), isSelected(entry.id) ? 1 : 0) }
    }

    /// Picks an item of one of the drop-downs (`format`, `style`, `language`).
    func select(_ index: Int, in dropDown: UnsafeMutablePointer<GtkWidget>) {
        gtk_drop_down_set_selected(dropDown.opaque, guint(index))
    }

    private func selected(_ dropDown: UnsafeMutablePointer<GtkWidget>) -> Int {
        let value = gtk_drop_down_get_selected(dropDown.opaque)
        return value == guint(GTK_INVALID_LIST_POSITION) ? 0 : Int(value)
    }

    /// The export the fields describe.
    var export: TableExport {
        TableExport(survey: survey, tableIDs: selectedTables,
                    format: Self.formats[min(Self.formats.count - 1, selected(format))],
                    style: Self.styles[min(Self.styles.count - 1, selected(style))])
    }

    /// Asks where to write, then writes.
    func submit() {
        let export = self.export
        guard !export.tableIDs.isEmpty else { return show(tr("Choose at least one table.")) }
        let name = export.writesFolder ? tr("Tables") : export.format == .xlsx
            ? Self.fileName(survey.meta.title, "xlsx") : export.fileName(of: export.tableIDs[0])
        let request = export.writesFolder
            ? FileChooserRequest(action: .folder, title: tr("Export Tables"), accept: tr("_Export"))
            : FileChooserRequest(action: .save, title: tr("Export Tables"), accept: tr("_Export"), suggestedName: name)
        FileChooserService.choose(request, parent: window) { [weak self] answer in
            guard let self, let url = answer?.url else { return }
            self.write(export, to: url, force: false)
        }
    }

    private func write(_ export: TableExport, to url: URL, force: Bool) {
        // The tables in the chosen language; the dialog and the rest of the interface keep theirs.
        let tablesLanguage: Language = selected(language) == 1 ? .english : .chinese
        do {
            let written = try Localizer.with(language: tablesLanguage) { try export.write(to: url, force: force) }
            close()
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

    private func show(_ message: String) {
        gtk_label_set_text(errorLabel.opaque, message)
        gtk_widget_set_visible(errorLabel, 1)
    }

    private var closed = false

    func close() {
        guard !closed else { return }
        closed = true
        OpenDialogs.release(self)
        gtk_window_destroy(window.window)
    }

    /// A drop-down list of fixed labels.
    static func dropDown(_ labels: [String]) -> UnsafeMutablePointer<GtkWidget> {
        let copies = labels.map { strdup($0) } + [nil]
        defer { copies.forEach { free($0) } }
        return copies.map { UnsafePointer($0) }.withUnsafeBufferPointer { gtk_drop_down_new_from_strings($0.baseAddress) }
    }

    /// A file name from a title: characters file systems refuse replaced.
    static func fileName(_ title: String, _ ext: String) -> String {
        let cleaned = String(title.map { "/\\:*?\"<>|".contains($0) ? "_" : $0 }).trimmingCharacters(in: .whitespaces)
        return (cleaned.isEmpty ? "gongkai" : cleaned) + "." + ext
    }
}
