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

/// The matrix section in a real window under Xvfb, on the built-in dataset, driven through the
/// grid's key handler (the function its key controller calls), its mouse handlers and its menu.
final class MatrixSectionTests: XCTestCase {
    override func tearDown() {
        Localizer.shared.followEnvironment()
        super.tearDown()
    }

    func testStatusKeysSetTheCellAdvanceDownAndUndoRestoresIt() throws { try onMainActor {
        let h = try MatrixHarness()
        defer { h.close() }
        let original = h.survey
        h.place("anhui", year: 2018, kind: .auditList)
        XCTAssertEqual(h.status("anhui", 2018, .auditList), .notDisclosed)

        XCTAssertTrue(h.press(GDK_KEY_y))
        XCTAssertEqual(h.status("anhui", 2018, .auditList), .disclosed)
        XCTAssertEqual(h.cursorKey, CellKey(jurisdiction: "beijing", year: 2018, kind: .auditList), "the cursor moves down")
        XCTAssertTrue(h.press(GDK_KEY_0))
        XCTAssertEqual(h.status("beijing", 2018, .auditList), .notDisclosed)
        XCTAssertTrue(h.press(GDK_KEY_P))  // Shift or Caps Lock held
        XCTAssertEqual(h.status("fujian", 2018, .auditList), .prefecture)
        XCTAssertTrue(h.press(GDK_KEY_d))
        XCTAssertEqual(h.status("gansu", 2018, .auditList), .division)
        XCTAssertTrue(h.press(GDK_KEY_Up))
        XCTAssertTrue(h.press(GDK_KEY_Delete))
        XCTAssertNil(h.survey.observation("gansu", 2018, .auditList), "Delete removes the observation")
        XCTAssertEqual(h.controller.document.undoCount, 5, "one undo step per key")

        for _ in 0..<5 { XCTAssertNotNil(h.controller.undo()) }
        XCTAssertEqual(h.survey, original)
        XCTAssertNotNil(h.controller.redo())
        XCTAssertEqual(h.status("anhui", 2018, .auditList), .disclosed)
        XCTAssertFalse(h.press(GDK_KEY_z, GDK_CONTROL_MASK), "Ctrl+Z is the window's")
    } }

    func testSettingAStatusKeepsTheCellsOtherFields() throws { try onMainActor {
        let h = try MatrixHarness()
        defer { h.close() }
        let before = try XCTUnwrap(h.survey.observation("beijing", 2018, .auditList))
        XCTAssertFalse(before.evidence.isEmpty)
        h.place("beijing", year: 2018, kind: .auditList)
        h.press(GDK_KEY_n)
        var expected = before
        expected.status = .notDisclosed
        XCTAssertEqual(h.survey.observation("beijing", 2018, .auditList), expected)
    } }

    func testMovementKeys() throws { try onMainActor {
        let h = try MatrixHarness()
        defer { h.close() }
        h.place("anhui", year: 2018, kind: .auditList)
        h.press(GDK_KEY_Tab)
        XCTAssertEqual(h.cursorKey, CellKey(jurisdiction: "anhui", year: 2018, kind: .evaluation))
        h.press(GDK_KEY_End)
        XCTAssertEqual(h.cursorKey, CellKey(jurisdiction: "anhui", year: 2022, kind: .evaluation))
        h.press(GDK_KEY_Tab)
        XCTAssertEqual(h.cursorKey, CellKey(jurisdiction: "beijing", year: 2018, kind: .auditList), "Tab wraps")
        h.press(GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK)
        XCTAssertEqual(h.cursorKey, CellKey(jurisdiction: "anhui", year: 2022, kind: .evaluation), "Shift+Tab wraps back")
        h.press(GDK_KEY_Home)
        XCTAssertEqual(h.cursorKey, CellKey(jurisdiction: "anhui", year: 2018, kind: .auditList))
        h.press(GDK_KEY_End, GDK_CONTROL_MASK)
        XCTAssertEqual(h.cursorKey, CellKey(jurisdiction: "chongqing", year: 2022, kind: .evaluation))
        h.press(GDK_KEY_Home, GDK_CONTROL_MASK)
        XCTAssertEqual(h.cursorKey, CellKey(jurisdiction: "anhui", year: 2018, kind: .auditList))
        h.press(GDK_KEY_Right)
        h.press(GDK_KEY_Down)
        XCTAssertEqual(h.cursorKey, CellKey(jurisdiction: "beijing", year: 2018, kind: .evaluation))
    } }

    func testARangeSetIsOneUndoStep() throws { try onMainActor {
        let h = try MatrixHarness()
        defer { h.close() }
        let original = h.survey
        h.place("anhui", year: 2018, kind: .auditList)
        h.press(GDK_KEY_Down, GDK_SHIFT_MASK)
        h.press(GDK_KEY_Down, GDK_SHIFT_MASK)
        h.press(GDK_KEY_Right, GDK_SHIFT_MASK)
        XCTAssertEqual(h.grid.selection.cellCount, 6)
        h.press(GDK_KEY_y)
        for id in ["anhui", "beijing", "fujian"] {
            for kind in DisclosureKind.allCases { XCTAssertEqual(h.status(id, 2018, kind), .disclosed, "\(id) \(kind)") }
        }
        XCTAssertEqual(h.controller.document.undoCount, 1)
        XCTAssertEqual(h.grid.selection.cellCount, 6, "a range set does not move the cursor")
        XCTAssertNotNil(h.controller.undo())
        XCTAssertEqual(h.survey, original)
    } }

    func testTotalsFollowEveryEditAtOnce() throws { try onMainActor {
        let h = try MatrixHarness()
        defer { h.close() }
        let column = try XCTUnwrap(h.section.cells.columns.firstIndex(of: MatrixColumn(year: 2018, kind: .auditList)))
        XCTAssertEqual(h.section.cells.columnDisclosed[column], 19)
        XCTAssertEqual(h.section.cells.rowCounts[0].disclosed, 1, "安徽 disclosed once")
        let frames = h.grid.framesDrawn
        h.place("anhui", year: 2018, kind: .auditList)
        h.press(GDK_KEY_y)
        // Synchronously, before the main loop runs again: the next frame shows the new totals.
        XCTAssertEqual(h.section.cells.columnDisclosed[column], 20)
        XCTAssertEqual(h.section.cells.rowCounts[0].disclosed, 2)
        XCTAssertEqual(h.section.cells.totalDisclosed, 166)
        XCTAssertEqual(h.grid.cells?.columnDisclosed[column], 20, "the grid draws the new totals")
        try h.waitForGridFrame()
        XCTAssertGreaterThan(h.grid.framesDrawn, frames)
        h.controller.undo()
        XCTAssertEqual(h.section.cells.columnDisclosed[column], 19)
    } }

    func testPasteIsOneUndoStepAndABadPasteChangesNothing() throws { try onMainActor {
        Localizer.shared.language = .english
        let h = try MatrixHarness()
        defer { h.close() }
        let original = h.survey
        h.place("anhui", year: 2018, kind: .auditList)
        XCTAssertTrue(h.section.paste("√\t是\t地市级负责\nN\t0\t\n"))
        XCTAssertEqual(h.status("anhui", 2018, .auditList), .disclosed)
        XCTAssertEqual(h.status("anhui", 2018, .evaluation), .disclosed)
        XCTAssertEqual(h.status("anhui", 2019, .auditList), .prefecture)
        XCTAssertEqual(h.status("beijing", 2018, .auditList), .notDisclosed)
        XCTAssertEqual(h.status("beijing", 2018, .evaluation), .notDisclosed)
        XCTAssertNil(h.survey.observation("beijing", 2019, .auditList), "an empty value clears")
        XCTAssertEqual(h.grid.selection.cellCount, 6, "the pasted block is selected")
        XCTAssertEqual(h.controller.document.undoCount, 1)
        XCTAssertNotNil(h.controller.undo())
        XCTAssertEqual(h.survey, original)

        let version = h.controller.version
        XCTAssertFalse(h.section.paste("√\t×\n√\tperhaps\n"))
        XCTAssertEqual(h.survey, original)
        XCTAssertEqual(h.controller.version, version, "nothing was performed")
        XCTAssertTrue(h.section.messages.isShown)
        let message = try XCTUnwrap(h.section.messages.message)
        XCTAssertTrue(message.contains("Row 2, column 2"), message)
        XCTAssertTrue(message.contains("“perhaps”"), message)
        XCTAssertTrue(message.contains("Beijing · Year 2018 · Evaluation results disclosed"), message)

        h.place("chongqing", year: 2022, kind: .auditList)
        XCTAssertFalse(h.section.paste("√\n√\n"))
        XCTAssertEqual(h.survey, original)
        XCTAssertTrue(h.section.messages.message?.contains("2 rows") == true, h.section.messages.message ?? "")
        XCTAssertTrue(h.section.paste("×\t√\n"), "a block that fits is taken and the message goes away")
        XCTAssertFalse(h.section.messages.isShown)
    } }

    func testCopyPutsTheSelectionOnTheClipboardAndCtrlVPastesIt() throws { try onMainActor {
        Localizer.shared.language = .chinese
        let h = try MatrixHarness()
        defer { h.close() }
        h.place("anhui", year: 2018, kind: .auditList)
        h.press(GDK_KEY_Right, GDK_SHIFT_MASK)
        h.press(GDK_KEY_c, GDK_CONTROL_MASK)
        var copied: String?
        Events.readText(from: gtk_widget_get_clipboard(h.grid.area)) { copied = $0 }
        XCTAssertTrue(MainLoop.iterate(until: { copied != nil }, timeout: 10))
        XCTAssertEqual(copied, "×\t×\n")
        // Also as HTML, a table coloured like the grid, for Word and WPS.
        let formats = gdk_clipboard_get_formats(gtk_widget_get_clipboard(h.grid.area))
        XCTAssertNotEqual(gdk_content_formats_contain_mime_type(formats, "text/html"), 0)
        let table = MatrixChanges.copyTable(h.grid.selection, at: try XCTUnwrap(h.section.addressing), survey: h.survey, index: CellIndex(h.survey))
        let html = TableClipboard.html(table, info: ExportInfo(title: ""))
        XCTAssertEqual(html.components(separatedBy: "<td").count - 1, 2)
        XCTAssertTrue(html.contains(Palette.tint(.notDisclosed).hex))

        gdk_clipboard_set_text(gtk_widget_get_clipboard(h.grid.area), "√\t√\n")
        h.press(GDK_KEY_v, GDK_CONTROL_MASK)
        XCTAssertTrue(MainLoop.iterate(until: { h.status("anhui", 2018, .evaluation) == .disclosed }, timeout: 10))
        XCTAssertEqual(h.status("anhui", 2018, .auditList), .disclosed)
        XCTAssertEqual(h.controller.document.undoCount, 1)
    } }

    func testMouseSelectsDragsAndOpensTheMenu() throws { try onMainActor {
        let h = try MatrixHarness()
        defer { h.close() }
        let layout = h.grid.layout
        let a = layout.cellRect(MatrixPoint(row: 2, column: 1))
        h.grid.press(x: a.x + 5, y: a.y + 5, count: 1, extend: false)
        XCTAssertEqual(h.cursorKey, CellKey(jurisdiction: "fujian", year: 2018, kind: .evaluation))
        XCTAssertTrue(h.grid.hasFocus)
        let b = layout.cellRect(MatrixPoint(row: 4, column: 3))
        h.grid.press(x: b.x + 5, y: b.y + 5, count: 1, extend: true)
        XCTAssertEqual(h.grid.selection.cellCount, 9, "Shift+click extends")

        h.grid.press(x: a.x + 5, y: a.y + 5, count: 1, extend: false)
        h.grid.beginDrag(x: a.x + 5, y: a.y + 5)
        h.grid.drag(dx: b.x - a.x, dy: b.y - a.y)
        XCTAssertEqual(h.grid.selection.cellCount, 9, "a drag selects a range")

        h.grid.secondaryPress(x: b.x + 5, y: b.y + 5)
        XCTAssertTrue(h.section.menu.isVisible)
        XCTAssertEqual(h.grid.selection.cellCount, 9, "a right click inside the selection keeps it")
        h.section.menu.activate(.setStatus(.prefecture))
        XCTAssertFalse(h.section.menu.isVisible)
        XCTAssertEqual(h.status("guangdong", 2019, .evaluation), .prefecture)
        XCTAssertEqual(h.status("fujian", 2018, .evaluation), .prefecture)
        XCTAssertEqual(h.controller.document.undoCount, 1)

        h.grid.press(x: a.x + 5, y: a.y + 5, count: 2, extend: false)
        XCTAssertFalse(h.grid.hasFocus, "a double click moves the focus to the details")
        let header = layout.rowTops[0] - 5
        h.grid.press(x: a.x + 5, y: header, count: 1, extend: false)
        XCTAssertEqual(h.grid.selection.cellCount, 32, "a column heading selects the column")
    } }

    func testSearchProblemFilterOrderAndReveal() throws { try onMainActor {
        let h = try MatrixHarness()
        defer { h.close() }
        h.section.setFilter(MatrixFilter(query: "Guang"))
        XCTAssertEqual(h.grid.rows.data.map { h.survey.jurisdictions[$0].id }, ["guangdong", "guangxi"])
        h.section.setFilter(MatrixFilter(query: "新疆"))
        XCTAssertEqual(h.grid.rows.data.map { h.survey.jurisdictions[$0].id }, ["xpcc", "xinjiang"])
        h.section.setFilter(MatrixFilter(onlyProblems: true))
        XCTAssertEqual(h.grid.rows.data.map { h.survey.jurisdictions[$0].id }, ["guangxi", "neimenggu", "qinghai"],
                       "广西 2019 (the report's tables disagree) and the two labelling decisions")
        XCTAssertTrue(h.grid.cells?.hasProblem(5, 2) == true, "广西 2019 audit list carries the warning mark")

        // Revealing a cell whose row the filter hides clears the filter.
        XCTAssertTrue(h.section.reveal(.cell(jurisdiction: "beijing", year: 2020, kind: .evaluation)))
        XCTAssertEqual(h.grid.rows.count, 32)
        XCTAssertEqual(h.cursorKey, CellKey(jurisdiction: "beijing", year: 2020, kind: .evaluation))
        XCTAssertFalse(h.section.toolbar.filter.onlyProblems)
        XCTAssertFalse(h.section.reveal(.cell(jurisdiction: "beijing", year: 1999, kind: .evaluation)))
        XCTAssertFalse(h.section.reveal(.enterprise(id: "report-001")))

        h.section.setOrder(.region)
        XCTAssertEqual(h.grid.rows.display.first, .heading(.east))
        XCTAssertEqual(h.cursorKey, CellKey(jurisdiction: "beijing", year: 2020, kind: .evaluation), "the cursor stays on its cell")
        h.section.setOrder(.rate)
        let first = h.grid.rows.data.first.map { h.survey.jurisdictions[$0].id }
        XCTAssertEqual(first, Statistics(h.survey).ranking.first?.jurisdiction)
    } }

    func testTheBenchMeasuresAnEditAndAFrame() throws { try onMainActor {
        try MatrixHarness.requireGtk()
        let result = try XCTUnwrap(MatrixBench.run(survey: try MatrixHarness.builtin(), runs: 3))
        XCTAssertGreaterThan(result.keyToModel, 0)
        XCTAssertGreaterThan(result.drawFrame, 0)
        XCTAssertEqual(result.keptFrames.count, 3, "a frame of kept tiles is painted for every key")
        XCTAssertEqual(result.lines.count, 5)
    } }

    func testACellIsDescribedForItsTooltipAndScreenReaders() throws { try onMainActor {
        Localizer.shared.language = .chinese
        let h = try MatrixHarness()
        defer { h.close() }
        h.place("guangxi", year: 2019, kind: .auditList)
        let text = try XCTUnwrap(h.section.describe(h.grid.selection.cursor))
        XCTAssertTrue(text.hasPrefix("广西 · 2019年度 · 审核企业名单公开\n√ 已公开"), text)
        XCTAssertTrue(text.contains("证据："), text)
        XCTAssertTrue(text.contains("⚠ 此单元格为已公开，但原因标注为未公开名单。"), text)
        XCTAssertNil(h.section.describe(MatrixPoint(row: 99, column: 0)))
    } }
}
