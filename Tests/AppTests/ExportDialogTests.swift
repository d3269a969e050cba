import CGtk
import Foundation
import Model
import XCTest

@testable import GtkKit
@testable import Rendering
@testable import Commands
@testable import Sections
@testable import Bench
@testable import gongkai

/// The Export dialog and the clipboard copy, in a real window under Xvfb; the file chooser is
/// answered by the test.
final class ExportDialogTests: WindowTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        Localizer.shared.language = .chinese
    }

    /// Opens the dialog through `win.export` on a fresh window.
    @MainActor private static func openDialog(_ context: UITestContext) throws -> (MainWindow, ExportDialog) {
        let window = try context.makeWindow()
        ExportActions.install(on: window, controller: window.controller)
        window.actions.map.activate("export")
        let dialog = try XCTUnwrap(ExportDialog.open.last)
        return (window, dialog)
    }

    func testChosenTablesFormatStyleAndLanguageGoToTheChosenFolder() throws {
        try onMain { context in
            let (_, dialog) = try Self.openDialog(context)
            XCTAssertEqual(dialog.selectedTables, TableBuilder.tableIDs.filter { $0 != "matrix-long" }, "all but the long form by default")
            dialog.selectTables { ["matrix", "summary"].contains($0) }
            dialog.select(2, in: dialog.format)    // CSV
            dialog.select(1, in: dialog.style)     // 是/否 → Yes/No in English
            dialog.select(1, in: dialog.language)  // English
            let folder = context.folder.appendingPathComponent("tables")
            var requests: [FileChooserRequest] = []
            var written: [URL] = []
            dialog.onExported = { written = $0 }
            FileChooserService.scripted = { request in
                requests.append(request)
                return FileChooserAnswer(folder)
            }
            dialog.submit()
            XCTAssertEqual(requests.map(\.action), [.folder], "several tables in CSV go to a folder")
            XCTAssertEqual(written.map(\.lastPathComponent), ["matrix.csv", "summary.csv"])
            let matrix = String(decoding: try Data(contentsOf: folder.appendingPathComponent("matrix.csv")).dropFirst(3), as: UTF8.self)
            XCTAssertTrue(matrix.hasPrefix("Jurisdiction / year,Year 2018,"), matrix)
            XCTAssertTrue(matrix.contains(",Yes,") && matrix.contains(",No,"), matrix)
            XCTAssertEqual(dialog.doneText, "已导出 2 个文件到 \(folder.path)。", "the dialog says where the files are")
            var opened: [URL] = []
            dialog.openFolder = { opened.append($0) }
            Events.emit(dialog.openFolderButton, "clicked")
            XCTAssertEqual(opened, [folder], "the button opens the folder")
            dialog.close()
            XCTAssertEqual(Localizer.shared.language, .chinese, "the interface keeps its language")
        }
    }

    func testTheCSVSourceLineIsOffUnlessTicked() throws {
        try onMain { context in
            let (window, dialog) = try Self.openDialog(context)
            dialog.selectTables { $0 == "matrix-long" }
            dialog.select(try XCTUnwrap(ExportDialog.formats.firstIndex(of: .csv)), in: dialog.format)
            XCTAssertEqual(dialog.export.format, .csv)
            XCTAssertFalse(dialog.export.sourceLine, "CSV is data only unless asked")
            gtk_check_button_set_active(dialog.csvSource.cast(), 1)
            let url = context.folder.appendingPathComponent("long.csv")
            FileChooserService.scripted = { _ in FileChooserAnswer(url) }
            dialog.submit()
            let text = String(decoding: try Data(contentsOf: url).dropFirst(3), as: UTF8.self)
            XCTAssertTrue(text.hasPrefix("# source: \(window.survey.meta.dataSource)\r\n"), text)
            dialog.close()  // the dialog stays open after exporting
        }
    }

    func testOneWorkbookOfTheTicketTables() throws {
        try onMain { context in
            let (_, dialog) = try Self.openDialog(context)
            let url = context.folder.appendingPathComponent("report.xlsx")
            var request: FileChooserRequest?
            FileChooserService.scripted = { r in
                request = r
                return FileChooserAnswer(url)
            }
            dialog.submit()
            XCTAssertEqual(request?.action, .save)
            XCTAssertEqual(request?.suggestedName, "清洁生产审核与验收信息公开调研（2018-2022年度）.xlsx")
            let book = try XLSXReader(url)
            XCTAssertEqual(book.sheets.map(\.name), TableBuilder.tableIDs.filter { $0 != "matrix-long" }.map(TableBuilder.shortTitle(of:)))
            XCTAssertEqual(dialog.doneText, "已导出到 \(url.path)。")
            dialog.close()  // the dialog stays open after exporting; a modal dialog left open would take later tests' keys
        }
    }

    func testNothingTickedOrCancelledWritesNothing() throws {
        try onMain { context in
            let (_, dialog) = try Self.openDialog(context)
            var asked = 0
            FileChooserService.scripted = { _ in
                asked += 1
                return nil
            }
            dialog.selectTables { _ in false }
            dialog.submit()
            XCTAssertEqual(asked, 0)
            XCTAssertEqual(dialog.errorText, "请至少选择一个表格。")
            dialog.selectTables { $0 == "summary" }
            dialog.submit()
            XCTAssertEqual(asked, 1)
            XCTAssertFalse(ExportDialog.open.isEmpty, "cancelling the chooser keeps the dialog")
            dialog.close()
        }
    }

    func testExistingFilesAreReplacedOnlyAfterAsking() throws {
        try onMain { context in
            let (_, dialog) = try Self.openDialog(context)
            dialog.selectTables { ["matrix", "summary"].contains($0) }
            dialog.select(3, in: dialog.format)  // HTML
            let folder = context.folder
            try Data("old".utf8).write(to: folder.appendingPathComponent("summary.html"))
            FileChooserService.scripted = { _ in FileChooserAnswer(folder) }
            dialog.submit()
            let question = try XCTUnwrap(ChoiceDialog.open.last)
            XCTAssertTrue(question.body.contains("summary.html"), question.body)
            XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("summary.html")), Data("old".utf8))
            question.choose("replace")
            let html = try String(contentsOf: folder.appendingPathComponent("summary.html"), encoding: .utf8)
            XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
            XCTAssertTrue(html.contains("表2 "), "the summary keeps its number among the tables exported")
            XCTAssertFalse(dialog.doneText.isEmpty)
            dialog.close()
        }
    }

    func testTheDialogWillNotWriteOverASurveyOrSomethingThatIsNotAFile() throws {
        try onMain { context in
            let (_, dialog) = try Self.openDialog(context)
            let survey = context.folder.appendingPathComponent("s.gongkai")
            try SurveyFile.save(try SurveyFile.load(from: XCTUnwrap(BuiltinDataset.url)), to: survey)
            let bytes = try Data(contentsOf: survey)
            let fifo = context.folder.appendingPathComponent("pipe.xlsx")
            XCTAssertEqual(mkfifo(fifo.path, 0o644), 0)
            for target in [survey, fifo] {
                FileChooserService.scripted = { _ in FileChooserAnswer(target) }
                dialog.submit()
                XCTAssertTrue(dialog.errorText.hasPrefix("不会覆盖"), dialog.errorText)
                XCTAssertFalse(ExportDialog.open.isEmpty, "the dialog stays open to choose another name")
            }
            XCTAssertEqual(try Data(contentsOf: survey), bytes)
            dialog.close()
        }
    }

    func testCopyTableOffersHTMLAndText() throws {
        try onMain { context in
            let window = try context.makeWindow()
            ExportActions.install(on: window, controller: window.controller)
            window.actions.map.activate("copy-table", string: "summary")
            let clipboard = gtk_widget_get_clipboard(window.window)
            XCTAssertNotEqual(gdk_clipboard_is_local(clipboard), 0)
            let formats = gdk_clipboard_get_formats(clipboard)
            XCTAssertNotEqual(gdk_content_formats_contain_mime_type(formats, "text/html"), 0)
            XCTAssertNotEqual(gdk_content_formats_contain_mime_type(formats, "text/plain;charset=utf-8"), 0)
        }
    }

    func testEverySectionWithATableHasACopyTableButtonThatCopiesIt() throws {
        try onMain { context in
            let window = try context.makeWindow()
            var targets: [String: UnsafeMutablePointer<GtkWidget>] = [:]
            func walk(_ widget: UnsafeMutablePointer<GtkWidget>) {
                let instance = UnsafeMutableRawPointer(widget).assumingMemoryBound(to: GTypeInstance.self)
                if g_type_check_instance_is_a(instance, gtk_actionable_get_type()) != 0,
                   let name = gtk_actionable_get_action_name(OpaquePointer(widget)), String(cString: name) == "win.copy-table",
                   let target = gtk_actionable_get_action_target_value(OpaquePointer(widget)) {
                    targets[String(cString: g_variant_get_string(target, nil))] = widget
                }
                var child = gtk_widget_get_first_child(widget)
                while let c = child { walk(c); child = gtk_widget_get_next_sibling(c) }
            }
            for section in window.sections { walk(section.widget) }
            XCTAssertTrue(Set(["summary", "matrix", "enterprises", "regulations", "outreach", "sub-units"]).isSubset(of: Set(targets.keys)),
                          "\(targets.keys.sorted())")
            for (id, _) in targets { XCTAssertNotNil(TableBuilder(window.survey).table(named: id), id) }

            // A button copies its table as HTML and text.
            window.showSection(id: "regulations")
            let clipboard = gtk_widget_get_clipboard(window.window)
            gdk_clipboard_set_text(clipboard, "before")
            // (A button activated from the keyboard clicks once its pressed look has been shown.)
            XCTAssertNotEqual(gtk_widget_activate(try XCTUnwrap(targets["regulations"])), 0)
            try WindowTestCase.waitUntil("the table is on the clipboard") {
                gdk_content_formats_contain_mime_type(gdk_clipboard_get_formats(clipboard), "text/html") != 0
            }
            var text: String?
            Events.readText(from: try XCTUnwrap(clipboard)) { text = $0 }
            try WindowTestCase.waitUntil("the clipboard is read") { text != nil }
            XCTAssertEqual(text?.split(separator: "\n").count, 1 + window.survey.regulations.count)
        }
    }

    func testClipboardTextKeepsEveryCellInPlace() throws {
        let survey = WindowTestCase.builtinSurvey
        let table = TableBuilder(survey).matrix()
        let lines = TableClipboard.tabSeparated(table).split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, table.header.count + table.rowCount + 1)
        XCTAssertEqual(lines[0].split(separator: "\t", omittingEmptySubsequences: false).map(String.init), table.expandedHeader[0])
        for (r, row) in table.rows.enumerated() {
            XCTAssertEqual(lines[r + 2].split(separator: "\t", omittingEmptySubsequences: false).map(String.init),
                           row.map(\.value.plainText).map(TableClipboard.field))
        }
        XCTAssertEqual(TableClipboard.field("a\tb"), "\"a\tb\"")
        XCTAssertEqual(TableClipboard.field("say \"hi\"\nbye"), "\"say \"\"hi\"\"\nbye\"")
        let html = TableClipboard.html(table, info: ExportInfo(survey.meta))
        XCTAssertTrue(html.contains("<meta charset=\"utf-8\">"))
        XCTAssertTrue(html.contains("colspan=\"2\""))
        XCTAssertTrue(html.contains("background:\(Palette.tint(.disclosed).hex)"))

    }

    /// Renders the dialog to $GONGKAI_EXPORT_SHOTS/export-dialog.png when that variable is set
    /// (for looking at it; CI does not set it).
    func testDialogScreenshot() throws {
        guard let shots = ProcessInfo.processInfo.environment["GONGKAI_EXPORT_SHOTS"] else { return }
        try onMain { context in
            let (_, dialog) = try Self.openDialog(context)
            try WindowTestCase.waitUntil("the dialog is laid out") { gtk_widget_get_width(dialog.window) > 0 }
            WindowTestCase.drainMainLoop()
            try Screenshot.save(dialog.window, to: URL(fileURLWithPath: shots).appendingPathComponent("export-dialog.png"))
            dialog.close()
        }
    }
}
