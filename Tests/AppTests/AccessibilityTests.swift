import CGtk
import Foundation
import Model
import XCTest

@testable import App

/// Issue 16, accessibility: with Orca, 28 of 28 text fields, 33 of 65 buttons and 23 of 54 check
/// boxes had no accessible name, icon-only buttons were read as "GtkImage push button" and the
/// gallery's check boxes as internal ids ("map-years"). The accessible tree of every section, the
/// header bar and the dialogs is walked; every interactive widget must have a name in words, and
/// in English the names are English.
final class AccessibilityTests: WindowTestCase {
    func testEveryControlOfEverySectionTheHeaderBarAndTheDialogsHasAName() throws { try onMain { context in
        Localizer.shared.language = .english
        let window = try context.makeWindow()
        defer { gtk_window_destroy(window.window.window) }
        var audit = AccessibleTree.Audit()
        for section in window.sections {
            window.showSection(id: section.id)
            Self.drainMainLoop()
            _ = MainLoop.iterate(until: { false }, timeout: 0.1)  // lists make their rows once shown
            AccessibleTree.audit(section.widget, into: &audit, context: section.id)
        }
        AccessibleTree.audit(window.header, into: &audit, context: "the header bar")
        AccessibleTree.audit(window.window, into: &audit, context: "the window")

        @MainActor func dialog(_ name: String, _ root: UnsafeMutablePointer<GtkWidget>) {
            Self.drainMainLoop()
            AccessibleTree.audit(root, into: &audit, context: name)
            gtk_window_destroy(root.window)
        }
        let details = SurveyDetailsDialog(parent: window.window, controller: window.controller)
        details.present()
        dialog("Survey Details", details.window)
        let export = ExportDialog(parent: window.window, survey: window.survey)
        export.present()
        dialog("Export", export.window)
        let new = NewSurveyDialog(parent: window.window, suggestedYears: "2023-2025") { _ in }
        new.present()
        dialog("New Survey", new.window)
        let list = Data("\u{FEFF}企业名称\t城市\n甲公司\t乙市\n".utf8)
        let importer = ImportDialog(controller: window.controller, data: list, fileName: "list.tsv", parent: window.window)
        importer.present()
        AccessibleTree.audit(importer.window, into: &audit, context: "Import")
        importer.close()
        for team in [PreferencesDialog(parent: window.window, controller: window.controller) as TeamDialog,
                     LogDialog(parent: window.window, controller: window.controller)] {
            team.present()
            Self.drainMainLoop()
            AccessibleTree.audit(team.window, into: &audit, context: "\(type(of: team))")
            team.close()
        }

        XCTAssertGreaterThan(audit.checked, 150, "the walk found too few controls")
        XCTAssertEqual(audit.unnamed.count, 0, "unnamed controls (\(audit.unnamed.count) of \(audit.checked)):\n"
                       + audit.unnamed.map(\.description).joined(separator: "\n"))
        // Names are English words: Chinese only where it is the survey's own data (a name, a note).
        let data = try String(contentsOf: try XCTUnwrap(BuiltinDataset.url), encoding: .utf8)
        for name in audit.names {
            for run in EnglishInterfaceTests.chineseRuns(in: name) where !data.contains(run) && !EnglishInterfaceTests.isToolkitText(name) {
                XCTFail("“\(name)” is not English: \(run)")
            }
        }
    } }

    func testAnIDIsNotAName() {
        XCTAssertTrue(AccessibleTree.looksLikeAnID("map-years"))
        XCTAssertTrue(AccessibleTree.looksLikeAnID("win.copy-table"))
        XCTAssertFalse(AccessibleTree.looksLikeAnID("Maps of every year"))
        XCTAssertFalse(AccessibleTree.looksLikeAnID("Save"))
    }
}
