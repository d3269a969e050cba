import CGtk
import Foundation
import Model
import XCTest

@testable import App

/// Real X key events, typed with `xdotool` into the window under Xvfb, go through GTK's event
/// delivery and the grid's key controller, as a user's keys do. (`make deps` installs xdotool.)
/// Waits are bounded only to fail instead of hanging; nothing about time is asserted.
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

    /// Gives the window the X input focus (there is no window manager under Xvfb).
    @MainActor private static func focusWindow(_ h: MatrixHarness) throws {
        let title = "gongkai-matrix-test-\(UUID().uuidString)"
        gtk_window_set_title(h.window.window, title)
        try h.waitForGridFrame()
        try xdotool(["search", "--sync", "--name", title, "windowfocus", "--sync"])
        h.grid.grabFocus()
        try wait("the grid has the focus") { gtk_window_is_active(h.window.window) != 0 && h.grid.hasFocus }
    }

    /// Types keys (xdotool's names: "y", "shift+Down", "ctrl+v").
    @MainActor private static func type(_ keys: [String]) throws {
        try xdotool(["key", "--delay", "20"] + keys)
    }

    @MainActor private static func xdotool(_ arguments: [String]) throws {
        guard let path = ["/usr/bin/xdotool", "/usr/local/bin/xdotool"].first(where: FileManager.default.isExecutableFile) else {
            throw MatrixTestError("xdotool is not installed: run `make deps` (it is in DEB_PACKAGES).")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        try process.run()
        // xdotool talks to the X server, not to us; keep GTK's loop turning while it runs.
        _ = MainLoop.iterate(until: { !process.isRunning }, timeout: 30)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "xdotool \(arguments.joined(separator: " "))")
    }

    /// Turns the main loop until `condition` holds; fails (without asserting any duration) if it never does.
    @MainActor private static func wait(_ what: String, _ condition: @MainActor () -> Bool) throws {
        let held = MainLoop.iterate(until: condition, timeout: 20)
        if !held { throw MatrixTestError("never happened: \(what)") }
    }
}
