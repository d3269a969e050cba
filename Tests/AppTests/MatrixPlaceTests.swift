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

/// The grid keeps the user's place, with real keys and clicks under Xvfb: Alt+number goes to a
/// section and focuses its main widget, coming back to the matrix shows the cursor where it was,
/// a click leaves the clicked cell under the pointer, and a jump from Checks lands on the cell, on
/// screen, with the keyboard in the grid.
final class MatrixPlaceTests: WindowTestCase {
    @MainActor private static func matrix(_ window: MainWindow) throws -> MatrixSection {
        try XCTUnwrap(window.section(MatrixSection.self))
    }

    @MainActor private static func checks(_ window: MainWindow) throws -> ChecksSection {
        try XCTUnwrap(window.sections.compactMap { $0 as? ChecksSection }.first)
    }

    /// An application window (its accelerators are the application's) with the X input focus.
    @MainActor private static func waitForGridFrame(_ matrix: MatrixSection) throws {
        let before = matrix.grid.framesDrawn
        matrix.grid.redraw()
        try XKeys.wait("the grid draws") { matrix.grid.framesDrawn > before }
    }

    func testAltNumbersGoToEachSectionAndTheMatrixComesBackWhereItsCursorIs() throws { try onMain { t in
        let (app, window) = try Self.focusedApplicationWindow(t)
        defer { app.shutdown() }
        let matrix = try Self.matrix(window)
        XCTAssertEqual(window.sections.map(\.id), ["overview", "matrix", "checks", "reconciliation", "enterprises", "regulations", "outreach", "charts"])
        XCTAssertEqual(ShortcutTable.sectionTitles.count, window.sections.count)

        try XKeys.type(["alt+2"])
        try XKeys.wait("Alt+2 shows the matrix with the keyboard in the grid") {
            window.visibleSectionID == "matrix" && matrix.grid.hasFocus
        }
        try XKeys.type(["ctrl+End"])
        try XKeys.wait("Ctrl+End goes to the last cell") { matrix.grid.selection.cursor.row == matrix.grid.rows.count - 1 }
        try Self.waitForGridFrame(matrix)
        let place = matrix.grid.viewport
        XCTAssertGreaterThan(place.y, 0, "the grid scrolled down to its last row")
        XCTAssertTrue(matrix.grid.cursorIsOnScreen)

        for (number, id) in [(1, "overview"), (3, "checks"), (4, "reconciliation"), (5, "enterprises"), (6, "regulations"), (7, "outreach"), (8, "charts")] {
            try XKeys.type(["alt+\(number)"])
            try XKeys.wait("Alt+\(number) shows \(id)") { window.visibleSectionID == id }
            try Self.waitForFirstFrame(window)
            let section = try XCTUnwrap(window.sections.first { $0.id == id })
            let focus = gtk_root_get_focus(window.window.opaque)
            XCTAssertTrue(focus != nil && gtk_widget_is_ancestor(focus, section.widget) != 0, "Alt+\(number) focuses a widget of \(id)")
        }
        try XKeys.type(["alt+2"])
        try XKeys.wait("back in the grid") { window.visibleSectionID == "matrix" && matrix.grid.hasFocus }
        try Self.waitForGridFrame(matrix)
        XCTAssertEqual(matrix.grid.viewport.y, place.y, "the grid shows the part it showed")
        XCTAssertTrue(matrix.grid.cursorIsOnScreen)
        try XKeys.type(["Up"])
        try XKeys.wait("and the keys work at once") { matrix.grid.selection.cursor.row == matrix.grid.rows.count - 2 }
        try Self.waitForGridFrame(matrix)
        let moved = matrix.grid.viewport

        // Back through the sidebar with the keyboard: the place is kept too.
        try XKeys.type(["alt+5"])
        try XKeys.wait("the enterprises") { window.visibleSectionID == "enterprises" }
        let sidebar = window.sidebar
        XCTAssertTrue(gtk_widget_child_focus(sidebar, GTK_DIR_TAB_FORWARD) != 0)
        try XKeys.type(["Up", "Up", "Up"])
        try XKeys.wait("the sidebar shows the matrix") { window.visibleSectionID == "matrix" }
        try Self.waitForGridFrame(matrix)
        XCTAssertEqual(matrix.grid.viewport.y, moved.y, "the grid shows the part it showed")
        XCTAssertTrue(matrix.grid.cursorIsOnScreen)
    } }

    func testArrowingThroughTheSidebarLeavesTheKeyboardInTheSidebar() throws { try onMain { t in
        let (app, window) = try Self.focusedApplicationWindow(t)
        defer { app.shutdown() }
        let matrix = try Self.matrix(window)
        try XKeys.type(["alt+1"])
        let overview = try XCTUnwrap(window.section(id: "overview"))
        // Alt+1 hands the keyboard to the overview once it is shown (in an idle callback): wait for
        // that, so it cannot take the keyboard back from the sidebar below.
        try XKeys.wait("the overview, with the keyboard in it") {
            guard window.visibleSectionID == "overview", let focus = gtk_root_get_focus(window.window.opaque) else { return false }
            return gtk_widget_is_ancestor(focus, overview.widget) != 0
        }
        Self.drainMainLoop()  // nothing queued may take the keyboard back after the sidebar has it
        // The sidebar's first row takes the keyboard, then Down shows the matrix.
        let sidebar = window.sidebar
        XCTAssertTrue(gtk_widget_child_focus(sidebar, GTK_DIR_TAB_FORWARD) != 0)
        try XKeys.type(["Down"])
        try XKeys.wait("Down in the sidebar shows the matrix") { window.visibleSectionID == "matrix" }
        try Self.waitForGridFrame(matrix)
        XCTAssertFalse(matrix.grid.hasFocus, "the keyboard stays in the sidebar")
        try XKeys.type(["Down"])
        try XKeys.wait("so Down goes on to the next section") { window.visibleSectionID == "checks" }
    } }

    /// Sections are built the first time they are shown: one built while the user arrows through
    /// the sidebar must not take the keyboard from it either.
    func testArrowingThroughEverySectionBuildsItAndLeavesTheKeyboardInTheSidebar() throws { try onMain { t in
        let (app, window) = try Self.focusedApplicationWindow(t)
        defer { app.shutdown() }
        let order = window.sectionIDs
        XCTAssertEqual(order.first, window.visibleSectionID)
        XCTAssertTrue(gtk_widget_child_focus(window.sidebar, GTK_DIR_TAB_FORWARD) != 0)
        for id in order.dropFirst() {
            XCTAssertFalse(window.builtSectionIDs.contains(id), "\(id) is not built before it is shown")
            let frames = window.framesDrawn
            try XKeys.type(["Down"])
            try XKeys.wait("Down in the sidebar shows \(id)") { window.visibleSectionID == id }
            try XKeys.wait("\(id) is drawn") { window.framesDrawn > frames }
            Self.drainMainLoop()  // what a new section does once shown (idle callbacks)
            XCTAssertTrue(window.builtSectionIDs.contains(id), id)
            let focus = try XCTUnwrap(gtk_root_get_focus(window.window.opaque), id)
            XCTAssertTrue(gtk_widget_is_ancestor(focus, window.sidebar) != 0, "\(id): the keyboard stays in the sidebar")
        }
    } }

    func testAClickedCellStaysUnderThePointer() throws { try onMainActor {
        let h = try MatrixHarness(height: 700)
        defer { h.close() }
        try XKeys.focus(h.window.window)
        // Scrolled halfway down, with the keyboard elsewhere (the search field).
        h.place("shanghai", year: 2020, kind: .auditList)
        try h.waitForGridFrame()
        gtk_widget_grab_focus(h.section.toolbar.search)
        try XKeys.wait("the grid has lost the focus") { !h.grid.hasFocus }
        let before = h.grid.viewport
        let body = h.grid.visibleBody
        let x = body.x + body.width / 2, y = body.y + body.height * 0.7
        guard case .cell(let target) = h.grid.layout.hit(x: x, y: y, viewport: before) else { return XCTFail("no cell there") }
        XCTAssertNotEqual(target, h.grid.selection.cursor)

        try XPointer.click(h.grid.area, x: x, y: y, in: h.window)
        try XKeys.wait("the click selects the cell and focuses the grid") { h.grid.selection.cursor == target && h.grid.hasFocus }
        try h.waitForGridFrame()
        XCTAssertEqual(h.grid.viewport.y, before.y, "the grid did not scroll")
        XCTAssertEqual(h.grid.layout.hit(x: x, y: y, viewport: h.grid.viewport), .cell(target), "the clicked cell is under the pointer")
    } }

    func testEnterOnAProblemInChecksBringsTheCellOnScreenWithTheKeyboard() throws { try onMain { t in
        let (app, window) = try Self.focusedApplicationWindow(t)
        defer { app.shutdown() }
        // An error in the last row, far below the first screenful.
        var survey = Self.builtinSurvey
        let matrix = try Self.matrix(window)
        let checks = try Self.checks(window)
        let lastRow = try XCTUnwrap(matrix.grid.rows.data.last)
        let last = survey.jurisdictions[lastRow].id
        let key = CellKey(jurisdiction: last, year: 2022, kind: .evaluation)
        survey.observations.removeAll { $0.key == key }
        survey.observations.append(Observation(jurisdiction: last, year: 2022, kind: .evaluation, status: .notDisclosed,
                                               reasonLabelling: .notStated))
        survey.canonicalize()
        window.display(survey, fileURL: nil)
        try Self.waitUntil("the checks list the new survey") { !checks.isRefreshPending }
        XCTAssertEqual(checks.problems.first?.location, .cell(jurisdiction: last, year: 2022, kind: .evaluation))

        try XKeys.type(["alt+3"])
        try XKeys.wait("Alt+3 puts the keyboard in the checks list") {
            window.visibleSectionID == "checks" && gtk_root_get_focus(window.window.opaque).map { gtk_widget_is_ancestor($0, checks.widget) != 0 } == true
        }
        try XKeys.type(["Return"])
        try XKeys.wait("Enter goes to the cell, with the keyboard in the grid") {
            window.visibleSectionID == "matrix" && matrix.grid.hasFocus
        }
        XCTAssertEqual(matrix.addressing.map { $0.key(matrix.grid.selection.cursor) }, key)
        try Self.waitForGridFrame(matrix)
        XCTAssertTrue(matrix.grid.cursorIsOnScreen, "the cell is on screen")

        try XKeys.type(["ctrl+Home"])
        try XKeys.wait("Ctrl+Home works at once") { matrix.grid.selection.cursor == MatrixPoint(row: 0, column: 0) }
        try XKeys.type(["F2"])
        try XKeys.wait("and F2 opens the details") { !matrix.grid.hasFocus }
    } }
}
