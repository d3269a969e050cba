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

/// A whole year entered by keyboard in a new survey, as a researcher does it: "New survey from
/// this one" for 2023, Alt+2, one status key per cell down each column, Ctrl+S; then the saved
/// file is read back. The keystrokes are counted (the README reports the figure).
final class MatrixYearEntryTests: WindowTestCase {
    /// The status keys typed, by position in the column: every way of typing a status is used.
    private static let pattern = ["y", "n", "x", "1", "0", "shift+y", "p", "n"]

    private static func status(ofKey key: String) -> DisclosureStatus {
        switch key {
        case "y", "1", "shift+y": return .disclosed
        case "p": return .prefecture
        default: return .notDisclosed
        }
    }

    func testAFullYearEnteredByKeyboardInANewSurveyIsSavedToItsFile() throws { try onMain { t in
        Localizer.shared.language = .english
        let chooser = ScriptedChooser()
        let target = t.folder.appendingPathComponent("survey-2023.gongkai")
        chooser.saveLocation = target
        let app = t.makeApplication(t.makeServices(chooser: chooser))
        try app.startWithoutMainLoop()
        defer { app.shutdown() }
        let window = try XCTUnwrap(app.mainWindow)
        try Self.waitForFirstFrame(window)
        let source = window.survey

        window.actions.map.activate("new-from-this")
        let dialog = try XCTUnwrap(NewSurveyDialog.open.last)
        gtk_editable_set_text(dialog.yearsEntry.opaque, "2023")
        dialog.submit()
        XCTAssertEqual(window.survey.years, [2023])
        XCTAssertTrue(window.survey.observations.isEmpty)
        XCTAssertEqual(window.survey.jurisdictions, source.jurisdictions.map { j in var j = j; j.notes = nil; return j })
        let matrix = try XCTUnwrap(window.sections.compactMap { $0 as? MatrixSection }.first)
        let overview = try XCTUnwrap(window.sections.compactMap { $0 as? OverviewSection }.first)
        let rows = matrix.grid.rows.data
        XCTAssertEqual(rows.count, 32)

        // The keys: Alt+2, each column top to bottom (the cursor moves down after each status),
        // Ctrl+Home and Right to the second column's top, and Ctrl+S.
        var keys = ["alt+2"]
        var expected: [CellKey: DisclosureStatus] = [:]
        for (k, kind) in [DisclosureKind.auditList, .evaluation].enumerated() {
            if k > 0 { keys += ["ctrl+Home", "Right"] }
            for (r, j) in rows.enumerated() {
                let key = Self.pattern[(r + 3 * k) % Self.pattern.count]
                keys.append(key)
                expected[CellKey(jurisdiction: window.survey.jurisdictions[j].id, year: 2023, kind: kind)] = Self.status(ofKey: key)
            }
        }
        keys.append("ctrl+s")
        print("Keystrokes to enter a year of \(rows.count) jurisdictions × 2 kinds and save it: \(keys.count)")
        XCTAssertLessThanOrEqual(keys.count, 71, "no more keys than the issue's 64–71")

        try XKeys.focus(window.window.window)
        try XKeys.type(keys)
        try XKeys.wait("the survey is saved to its new file") { window.fileURL == target && !window.controller.isDirty }

        XCTAssertEqual(matrix.statusLine.progress, "Year 2023: 64 of 64 entered")
        // The overview, hidden while the year was entered, is up to date when it is shown.
        window.showSection(id: overview.id)
        XCTAssertEqual(overview.enteredTexts, ["64 of 64"])
        let saved = try SurveyFile.load(from: target)
        XCTAssertEqual(saved.years, [2023])
        XCTAssertEqual(saved.observations.count, 64)
        XCTAssertTrue(saved.enterprises.isEmpty)
        XCTAssertEqual(saved.regulations, source.regulations)
        for o in saved.observations {
            XCTAssertEqual(o.status, expected[o.key], "\(o.key)")
            // × on an audit list says there was no list, as the statistics need.
            XCTAssertEqual(o.reasonLabelling, o.kind == .auditList && o.status == .notDisclosed ? .noList : nil, "\(o.key)")
        }
        let stats = Statistics(saved)
        let noList = saved.observations.filter { $0.kind == .auditList && $0.status == .notDisclosed }.count
        XCTAssertEqual(stats.byYear.first?[.auditList].status.notDisclosed, noList)
    } }
}
