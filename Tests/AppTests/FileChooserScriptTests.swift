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

/// Every file chooser goes through `FileChooserService`, so a test scripts it: open, save as, the
/// tables' export, a chart's export and the import of a list, each through the window's own
/// actions, with the request each one makes.
final class FileChooserScriptTests: WindowTestCase {
    func testOpenSaveAsAndExportsAreScriptedThroughTheWindowActions() throws { try onMain { t in
        Localizer.shared.language = .english
        let chooser = ScriptedChooser()
        let window = try t.makeWindow(chooser)
        defer { window.destroyForTest() }

        // Open…
        let source = t.folder.appendingPathComponent("source.gongkai")
        try SurveyFile.save(Self.builtinSurvey, to: source)
        chooser.fileToOpen = source
        window.actions.map.activate("open")
        try WindowTestCase.waitForFiles()
        XCTAssertEqual(window.fileURL?.standardizedFileURL, source.standardizedFileURL, "the scripted file is opened")
        let open = try XCTUnwrap(chooser.requests.last)
        XCTAssertEqual(open.action, .open)
        XCTAssertEqual(open.filters.first?.patterns, ["*.gongkai"], "survey files are offered first")

        // Save As… (no extension typed: .gongkai is added)
        chooser.saveLocation = t.folder.appendingPathComponent("copy")
        window.actions.map.activate("save-as")
        try WindowTestCase.waitForFiles()
        let copy = t.folder.appendingPathComponent("copy.gongkai")
        XCTAssertEqual(chooser.requests.last?.action, .save)
        XCTAssertEqual(chooser.requests.last?.suggestedName, "source.gongkai")
        XCTAssertEqual(chooser.requests.last?.folder?.standardizedFileURL.path, t.folder.standardizedFileURL.path)
        XCTAssertEqual(try SurveyFile.load(from: copy).enterprises.count, Self.builtinSurvey.enterprises.count)
        XCTAssertEqual(window.fileURL?.lastPathComponent, "copy.gongkai")

        // Export Tables… (one table as CSV: a file)
        window.actions.map.activate("export")
        let dialog = try XCTUnwrap(ExportDialog.open.last)
        dialog.selectTables { $0 == "summary" }
        dialog.select(try XCTUnwrap(ExportDialog.formats.firstIndex(of: .csv)), in: dialog.format)
        chooser.saveLocation = t.folder.appendingPathComponent("summary.csv")
        dialog.submit()
        XCTAssertEqual(chooser.requests.last?.action, .save)
        XCTAssertEqual(chooser.requests.last?.suggestedName, "summary.csv")
        XCTAssertTrue(FileManager.default.fileExists(atPath: t.folder.appendingPathComponent("summary.csv").path))
        XCTAssertFalse(dialog.doneText.isEmpty, "the dialog says where the file went")
        dialog.close()
        XCTAssertTrue(ExportDialog.open.isEmpty)

        // Export Chart… (the format follows the extension typed)
        let charts = try XCTUnwrap(window.sections.compactMap { $0 as? ChartsSection }.first)
        window.showSection(id: charts.id)
        chooser.saveLocation = t.folder.appendingPathComponent("chart.svg")
        gtk_widget_activate_action_variant(charts.widget, "charts.export", nil)
        let chart = try XCTUnwrap(chooser.requests.last)
        XCTAssertEqual(chart.action, .save)
        XCTAssertEqual(chart.filters.map(\.patterns), [["*.png"], ["*.svg"], ["*.pdf"]])
        let svg = try String(contentsOf: t.folder.appendingPathComponent("chart.svg"), encoding: .utf8)
        XCTAssertTrue(svg.contains("<svg"), String(svg.prefix(200)))

        // Export All… (a folder and a format choice, the handout by default)
        chooser.folder = t.folder
        gtk_widget_activate_action_variant(charts.widget, "charts.export-all", nil)
        let all = try XCTUnwrap(chooser.requests.last)
        XCTAssertEqual(all.action, .folder)
        XCTAssertEqual(all.choices.first?.selected, "handout")
        XCTAssertTrue(FileManager.default.fileExists(atPath: t.folder.appendingPathComponent("charts.pdf").path))

        // Import list… (cancelled: nothing changes)
        let enterprises = try XCTUnwrap(window.sections.compactMap { $0 as? EnterprisesSection }.first)
        let before = window.survey.enterprises.count
        chooser.fileToOpen = nil
        enterprises.importList()
        XCTAssertEqual(chooser.requests.last?.action, .open)
        XCTAssertEqual(chooser.requests.last?.filters.first?.patterns.first, "*.csv")
        XCTAssertTrue(ImportDialog.open.isEmpty)
        XCTAssertEqual(window.survey.enterprises.count, before)
    } }
}
