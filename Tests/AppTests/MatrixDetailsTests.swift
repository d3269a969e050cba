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

/// The details pane beside the grid: every edit is one undoable step and the pane follows undo.
final class MatrixDetailsTests: XCTestCase {
    override func tearDown() {
        Localizer.shared.followEnvironment()
        super.tearDown()
    }

    func testStatusCoverageAndLabellingEditsAreUndoable() throws { try onMainActor {
        let h = try MatrixHarness()
        defer { h.close() }
        let original = h.survey
        h.place("beijing", year: 2018, kind: .auditList)
        let pane = h.section.details
        XCTAssertEqual(pane.details?.key, CellKey(jurisdiction: "beijing", year: 2018, kind: .auditList))

        gtk_toggle_button_set_active(try XCTUnwrap(pane.statusButton(.prefecture)).cast(), 1)
        XCTAssertEqual(h.status("beijing", 2018, .auditList), .prefecture)
        XCTAssertEqual(h.cursorKey?.jurisdiction, "beijing", "the pane's status does not move the cursor")

        let coverage = try XCTUnwrap(h.survey.observation("beijing", 2018, .auditList)?.coverage)
        let added = try XCTUnwrap(AuditType.allCases.first { !coverage.contains($0) })
        let check = try XCTUnwrap(pane.coverageCheck(added))
        XCTAssertEqual(gtk_check_button_get_active(check.cast()), 0)
        gtk_check_button_set_active(check.cast(), 1)
        XCTAssertEqual(h.survey.observation("beijing", 2018, .auditList)?.coverage, AuditType.allCases.filter { coverage.contains($0) || $0 == added })
        XCTAssertEqual(h.controller.document.undoCount, 2)

        h.controller.undo()
        XCTAssertEqual(h.survey.observation("beijing", 2018, .auditList)?.coverage, coverage)
        XCTAssertEqual(gtk_check_button_get_active(check.cast()), 0, "the pane shows the undone state")
        h.controller.undo()
        XCTAssertEqual(gtk_toggle_button_get_active(try XCTUnwrap(pane.statusButton(.disclosed)).cast()), 1)
        XCTAssertEqual(h.survey, original)

        // Reason labelling: "reasons marked" stores nothing until a reason is ticked.
        let steps = h.controller.document.undoCount
        gtk_check_button_set_active(pane.labellingChoice(3).cast(), 1)
        XCTAssertEqual(h.controller.document.undoCount, steps)
        gtk_check_button_set_active(try XCTUnwrap(pane.reasonCheck(.pollution)).cast(), 1)
        gtk_check_button_set_active(try XCTUnwrap(pane.reasonCheck(.toxic)).cast(), 1)
        XCTAssertEqual(h.survey.observation("beijing", 2018, .auditList)?.reasonLabelling, .marked(ReasonSet([.pollution, .toxic])))
        gtk_check_button_set_active(pane.labellingChoice(1).cast(), 1)
        XCTAssertEqual(h.survey.observation("beijing", 2018, .auditList)?.reasonLabelling, .noList)
        XCTAssertEqual(gtk_check_button_get_active(try XCTUnwrap(pane.reasonCheck(.toxic)).cast()), 0)
        XCTAssertEqual(h.controller.document.undoCount, steps + 3)
        h.controller.undo()
        XCTAssertEqual(h.survey.observation("beijing", 2018, .auditList)?.reasonLabelling, .marked(ReasonSet([.pollution, .toxic])))
        XCTAssertNotEqual(gtk_check_button_get_active(pane.labellingChoice(3).cast()), 0)
    } }

    func testTextFieldsCommitOnEnterOrLeavingAndNeverLoseTyping() throws { try onMainActor {
        let h = try MatrixHarness()
        defer { h.close() }
        h.place("beijing", year: 2018, kind: .auditList)
        let pane = h.section.details
        let department = pane.departmentField

        gtk_editable_set_text(department.entry.opaque, "北京市生态环境局")
        XCTAssertNil(h.survey.observation("beijing", 2018, .auditList)?.department, "not per keystroke")
        pressEnter(in: department.entry)
        XCTAssertEqual(h.survey.observation("beijing", 2018, .auditList)?.department, "北京市生态环境局")

        // Typing left in a field is stored when the cursor moves to another cell.
        gtk_editable_set_text(pane.noteField.entry.opaque, "据电话核实")
        h.press(GDK_KEY_Down)
        XCTAssertEqual(h.survey.observation("beijing", 2018, .auditList)?.note, "据电话核实")
        XCTAssertEqual(h.cursorKey?.jurisdiction, "fujian")
        XCTAssertEqual(pane.noteField.text, h.survey.observation("fujian", 2018, .auditList)?.note ?? "")
        XCTAssertEqual(h.controller.document.undoCount, 2)

        h.controller.undo()
        h.controller.undo()
        h.place("beijing", year: 2018, kind: .auditList)
        XCTAssertEqual(department.text, "", "the pane shows the undone department")
    } }

    func testEvidenceIsAddedEditedValidatedAndRemoved() throws { try onMainActor {
        Localizer.shared.language = .english
        let h = try MatrixHarness()
        defer { h.close() }
        h.place("anhui", year: 2018, kind: .auditList)
        let evidence = h.section.details.evidence
        let before = h.survey.observation("anhui", 2018, .auditList)?.evidence.count ?? 0
        evidence.add()
        XCTAssertEqual(h.survey.observation("anhui", 2018, .auditList)?.evidence.count, before + 1)
        let row = try XCTUnwrap(evidence.fields.last)

        gtk_editable_set_text(row.url.entry.opaque, "https://sthjt.ah.gov.cn/list.html")
        row.url.commit()
        gtk_editable_set_text(row.date.entry.opaque, "2023-02-30")
        row.date.commit()
        XCTAssertNil(h.survey.observation("anhui", 2018, .auditList)?.evidence.last?.dateChecked, "an impossible date is refused")
        XCTAssertEqual(row.date.text, "2023-02-30", "and kept in the field")
        XCTAssertTrue(h.section.messages.message?.contains("2023-02-30") == true)
        gtk_editable_set_text(row.date.entry.opaque, "2023-02")
        row.date.commit()
        let stored = try XCTUnwrap(h.survey.observation("anhui", 2018, .auditList)?.evidence.last)
        XCTAssertEqual(stored.url, "https://sthjt.ah.gov.cn/list.html")
        XCTAssertEqual(stored.dateChecked, PartialDate(year: 2023, month: 2))
        XCTAssertEqual(stored.method, .onlineSearch)

        h.section.open("ftp://example.org/list")
        XCTAssertTrue(h.section.messages.message?.contains("Only http and https") == true)
        h.section.open("javascript:alert(1)")
        XCTAssertTrue(h.section.messages.message?.contains("javascript") == true)

        let steps = h.controller.document.undoCount
        evidence.remove(before)
        XCTAssertEqual(h.survey.observation("anhui", 2018, .auditList)?.evidence.count, before)
        XCTAssertEqual(h.controller.document.undoCount, steps + 1)
        h.controller.undo()
        XCTAssertEqual(h.survey.observation("anhui", 2018, .auditList)?.evidence.last, stored)
    } }

    func testAnInvalidDateSurvivesMovingAwayAndBack() throws { try onMainActor {
        let h = try MatrixHarness()
        defer { h.close() }
        h.place("beijing", year: 2018, kind: .auditList)
        let evidence = h.section.details.evidence
        let row = try XCTUnwrap(evidence.fields.first)
        gtk_editable_set_text(row.date.entry.opaque, "2023-13")
        h.press(GDK_KEY_Down)
        h.press(GDK_KEY_Up)
        XCTAssertEqual(evidence.fields.first?.date.text, "2023-13", "the draft is back, marked as an error")
    } }

    func testEnterMovesTheFocusToTheDetails() throws { try onMainActor {
        let h = try MatrixHarness()
        defer { h.close() }
        h.place("anhui", year: 2018, kind: .auditList)
        h.press(GDK_KEY_Return)
        let button = try XCTUnwrap(h.section.details.statusButton(.notDisclosed))
        XCTAssertNotEqual(gtk_widget_has_focus(button), 0, "the button of the cell's status has the focus")
        XCTAssertFalse(h.grid.hasFocus)
    } }
}

/// Emits an entry's `activate`, as pressing Enter in it does.
@MainActor
private func pressEnter(in entry: UnsafeMutablePointer<GtkWidget>) {
    Events.emit(entry, "activate")
}
