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

/// Entering by hand with real key events under Xvfb: X for ×, keys that do nothing say so, a
/// status fills the fields it implies, the details apply to the whole selection as one undo step,
/// progress and the "only empty cells" filter, and the quiet evidence mark.
final class MatrixEntryTests: XCTestCase {
    override func tearDown() {
        Localizer.shared.followEnvironment()
        super.tearDown()
    }

    @MainActor private static func focusWindow(_ h: MatrixHarness) throws {
        try h.waitForGridFrame()
        try XKeys.focus(h.window.window)
        h.grid.grabFocus()
        try XKeys.wait("the grid has the focus") { h.grid.hasFocus }
    }

    /// A survey of one empty year (2023) made from the built-in one.
    @MainActor static func emptyYear() throws -> Survey {
        try MatrixHarness.builtin().nextSurvey(years: [2023])
    }

    func testXSetsNotDisclosedAndAnUnusedKeySaysSo() throws { try onMainActor {
        Localizer.shared.language = .english
        let h = try MatrixHarness(survey: Self.emptyYear())
        defer { h.close() }
        try Self.focusWindow(h)
        h.place("anhui", year: 2023, kind: .auditList)

        try XKeys.type(["x"])
        try XKeys.wait("x sets ×") { h.status("anhui", 2023, .auditList) == .notDisclosed }
        try XKeys.type(["shift+x"])
        try XKeys.wait("X too") { h.status("beijing", 2023, .auditList) == .notDisclosed }
        XCTAssertEqual(h.cursorKey?.jurisdiction, "fujian", "and the cursor moves on as with N")
        XCTAssertEqual(h.section.statusLine.note, "")

        let undoSteps = h.controller.document.undoCount
        try XKeys.type(["q"])
        try XKeys.wait("q is said to do nothing") { h.section.statusLine.note.hasPrefix("Q does nothing here") }
        XCTAssertEqual(h.controller.document.undoCount, undoSteps, "and changes nothing")
        XCTAssertEqual(h.cursorKey?.jurisdiction, "fujian")
        XCTAssertTrue(h.grid.hasFocus)
        try XKeys.type(["y"])
        try XKeys.wait("the next key that works clears the note") { h.section.statusLine.note.isEmpty }
        XCTAssertEqual(h.status("fujian", 2023, .auditList), .disclosed)
    } }

    func testNotDisclosedFillsTheLabellingItImpliesInTheSameUndoStep() throws { try onMainActor {
        let h = try MatrixHarness(survey: Self.emptyYear())
        defer { h.close() }
        try Self.focusWindow(h)
        h.place("anhui", year: 2023, kind: .auditList)
        try XKeys.type(["n"])
        try XKeys.wait("n sets ×") { h.status("anhui", 2023, .auditList) == .notDisclosed }
        XCTAssertEqual(h.survey.observation("anhui", 2023, .auditList)?.reasonLabelling, .noList)
        XCTAssertEqual(h.controller.document.undoCount, 1, "one step")

        // On an evaluation cell × implies nothing.
        h.place("anhui", year: 2023, kind: .evaluation)
        try XKeys.type(["n"])
        try XKeys.wait("n sets ×") { h.status("anhui", 2023, .evaluation) == .notDisclosed }
        XCTAssertNil(h.survey.observation("anhui", 2023, .evaluation)?.reasonLabelling)

        // A labelling the user chose stays; √ drops the implied 未公开名单.
        h.place("anhui", year: 2023, kind: .auditList)
        try XKeys.type(["y"])
        try XKeys.wait("y sets √") { h.status("anhui", 2023, .auditList) == .disclosed }
        XCTAssertNil(h.survey.observation("anhui", 2023, .auditList)?.reasonLabelling)
        XCTAssertNotNil(h.controller.undo())
        XCTAssertEqual(h.survey.observation("anhui", 2023, .auditList)?.reasonLabelling, .noList)
    } }

    func testEveryDetailAppliesToTheWholeSelectionAsOneUndoStep() throws { try onMainActor {
        let h = try MatrixHarness(survey: Self.emptyYear())
        defer { h.close() }
        try Self.focusWindow(h)
        h.place("anhui", year: 2023, kind: .auditList)
        try XKeys.type(["shift+Down", "shift+Down", "shift+Right", "y"])
        let cells = ["anhui", "beijing", "fujian"].flatMap { id in DisclosureKind.allCases.map { CellKey(jurisdiction: id, year: 2023, kind: $0) } }
        try XKeys.wait("six cells are √") { cells.allSatisfy { h.survey.observation($0.jurisdiction, 2023, $0.kind)?.status == .disclosed } }
        let steps = h.controller.document.undoCount
        let before = h.survey

        // The note, typed once in the details pane.
        gtk_widget_grab_focus(h.section.details.noteField.entry)
        try XKeys.wait("the note field has the focus") {
            let entry = h.section.details.noteField.entry
            let focus = gtk_root_get_focus(h.window.opaque)
            return focus == entry || focus.map { gtk_widget_is_ancestor($0, entry) != 0 } == true
        }
        try XKeys.type(["a", "b", "c", "Return"])
        try XKeys.wait("the note is on every selected cell") {
            cells.allSatisfy { h.survey.observation($0.jurisdiction, 2023, $0.kind)?.note == "abc" }
        }
        XCTAssertEqual(h.controller.document.undoCount, steps + 1, "as one undo step")

        // Coverage, from its check button.
        let mandatory = try XCTUnwrap(h.section.details.coverageCheck(.mandatory))
        gtk_check_button_set_active(mandatory.cast(), 1)
        XCTAssertTrue(cells.allSatisfy { h.survey.observation($0.jurisdiction, 2023, $0.kind)?.coverage == [.mandatory] })
        XCTAssertEqual(h.controller.document.undoCount, steps + 2)

        // The labelling: audit lists only (evaluation results state no reasons).
        gtk_check_button_set_active(h.section.details.labellingChoice(2).cast(), 1)
        XCTAssertEqual(h.controller.document.undoCount, steps + 3)
        for key in cells {
            XCTAssertEqual(h.survey.observation(key.jurisdiction, 2023, key.kind)?.reasonLabelling,
                           key.kind == .auditList ? .notStated : nil, "\(key)")
        }

        for _ in 0..<3 { XCTAssertNotNil(h.controller.undo()) }
        XCTAssertEqual(h.survey, before, "three undos restore every cell")
    } }

    func testProgressFollowsTheEntryAndTheEmptyFilterKeepsItsRowsWhileTyping() throws { try onMainActor {
        Localizer.shared.language = .english
        let h = try MatrixHarness(survey: Self.emptyYear())
        defer { h.close() }
        try Self.focusWindow(h)
        let total = h.survey.jurisdictions.count * 2
        XCTAssertEqual(h.section.statusLine.progress, "Year 2023: 0 of \(total) entered")
        h.place("anhui", year: 2023, kind: .auditList)
        try XKeys.type(["y", "n", "1"])
        try XKeys.wait("three cells entered") { h.section.statusLine.progress == "Year 2023: 3 of \(total) entered" }

        // Fill Anhui's row; with the filter on, the row stays while its last cell is typed.
        h.place("anhui", year: 2023, kind: .evaluation)
        var filter = h.section.filter
        filter.onlyEmpty = true
        h.section.setFilter(filter)
        let shown = h.grid.rows.count
        XCTAssertTrue(h.grid.fadeEntered, "entered cells are faded so the empty ones stand out")
        XCTAssertEqual(shown, h.survey.jurisdictions.count, "every row still has an empty cell")
        try XKeys.type(["y"])
        try XKeys.wait("the cell is set") { h.status("anhui", 2023, .evaluation) == .disclosed }
        XCTAssertEqual(h.grid.rows.count, shown, "rows do not vanish under the cursor")
        h.section.setFilter(MatrixFilter())
        XCTAssertFalse(h.grid.fadeEntered)
        filter.onlyEmpty = true
        h.section.setFilter(filter)
        XCTAssertEqual(h.grid.rows.count, shown - 1, "switched on again, the full row is gone")
        let anhui = try XCTUnwrap(h.survey.jurisdictions.firstIndex { $0.id == "anhui" })
        XCTAssertNil(h.grid.rows.row(ofJurisdiction: anhui))
    } }

    func testDisclosedWithoutEvidenceIsAQuietMarkThatCanBeSwitchedOff() throws { try onMainActor {
        let h = try MatrixHarness(survey: Self.emptyYear())
        defer { h.close() }
        try Self.focusWindow(h)
        h.place("anhui", year: 2023, kind: .auditList)
        try XKeys.type(["y"])
        try XKeys.wait("√") { h.status("anhui", 2023, .auditList) == .disclosed }
        h.section.updateProblems()
        let column = try XCTUnwrap(h.grid.cells?.columns.firstIndex(of: MatrixColumn(year: 2023, kind: .auditList)))
        let anhui = try XCTUnwrap(h.survey.jurisdictions.firstIndex { $0.id == "anhui" })
        XCTAssertEqual(h.grid.cells?.problemMark(anhui, column), .quiet)
        XCTAssertNil(h.grid.cells?.rowBadges[anhui], "no red badge on the row")

        XCTAssertTrue(h.grid.quietMarks)
        gtk_toggle_button_set_active(h.section.toolbar.quietMarksToggle.cast(), 0)
        XCTAssertFalse(h.grid.quietMarks, "the toolbar switches the marks off")
        try h.waitForGridFrame()
        gtk_toggle_button_set_active(h.section.toolbar.quietMarksToggle.cast(), 1)
        XCTAssertTrue(h.grid.quietMarks)
    } }
}
