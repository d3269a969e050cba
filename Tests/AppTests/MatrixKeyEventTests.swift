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

/// Real X key events (`XKeys`) typed into the matrix go through GTK's event delivery and the
/// grid's key controller, as a user's keys do.
final class MatrixKeyEventTests: XCTestCase {
    override func tearDown() {
        Localizer.shared.followEnvironment()
        super.tearDown()
    }

    func testTypedKeysSetCellsSelectRangesMoveAndPaste() throws { try onMainActor {
        let h = try MatrixHarness()
        defer { h.close() }
        try Self.focusWindow(h)
        let original = h.survey
        h.place("anhui", year: 2018, kind: .auditList)

        try Self.type(["y"])
        try Self.wait("y sets the cell") { h.status("anhui", 2018, .auditList) == .disclosed }
        XCTAssertEqual(h.cursorKey?.jurisdiction, "beijing", "and the cursor moves down")

        try Self.type(["shift+Down", "shift+Right"])
        try Self.wait("Shift+arrows select a range") { h.grid.selection.cellCount == 4 }
        try Self.type(["n"])
        try Self.wait("n sets the whole range") {
            ["beijing", "fujian"].allSatisfy { id in DisclosureKind.allCases.allSatisfy { h.status(id, 2018, $0) == .notDisclosed } }
        }
        XCTAssertEqual(h.controller.document.undoCount, 2, "one step for the key, one for the range")

        try Self.type(["Escape", "Tab"])
        try Self.wait("Tab moves to the next cell, not to another widget") {
            h.cursorKey == CellKey(jurisdiction: "fujian", year: 2019, kind: .auditList)
        }
        XCTAssertTrue(h.grid.hasFocus)

        gdk_clipboard_set_text(gtk_widget_get_clipboard(h.grid.area), "地市\t师市\n")
        try Self.type(["ctrl+v"])
        try Self.wait("Ctrl+V pastes") { h.status("fujian", 2019, .evaluation) == .division }
        XCTAssertEqual(h.status("fujian", 2019, .auditList), .prefecture)
        XCTAssertEqual(h.controller.document.undoCount, 3)

        try Self.type(["Escape", "Delete"])
        try Self.wait("Delete clears") { h.survey.observation("fujian", 2019, .auditList) == nil }

        try Self.type(["Return"])
        try Self.wait("Enter moves the focus to the details") { !h.grid.hasFocus }
        try Self.type(["Escape"])
        try Self.wait("Escape in the details returns to the grid") { h.grid.hasFocus }

        while h.controller.undo() != nil {}
        XCTAssertEqual(h.survey, original)
    } }

    // MARK: Helpers

    /// Gives the window the X input focus and the grid the keyboard focus.
    @MainActor private static func focusWindow(_ h: MatrixHarness) throws {
        try h.waitForGridFrame()
        try XKeys.focus(h.window.window)
        h.grid.grabFocus()
        try wait("the grid has the focus") { h.grid.hasFocus }
    }

    @MainActor private static func type(_ keys: [String]) throws { try XKeys.type(keys) }

    @MainActor private static func wait(_ what: String, _ condition: @MainActor () -> Bool) throws {
        try XKeys.wait(what, condition)
    }
}
