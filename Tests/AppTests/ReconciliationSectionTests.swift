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

/// The Reconciliation section: every stated figure of the built-in dataset, recomputed, counted
/// in the sidebar, following edits, filtering to the differences, and a row going to its cell.
final class ReconciliationSectionTests: WindowTestCase {
    @MainActor private static func section(_ window: MainWindow) throws -> ReconciliationSection {
        try XCTUnwrap(window.sections.compactMap { $0 as? ReconciliationSection }.first)
    }

    func testEveryStatedFigureIsListedWithTheDifferencesCounted() throws { try onMain { t in
        Localizer.shared.language = .chinese
        let window = try t.makeWindow()
        defer { window.destroyForTest() }
        let section = try Self.section(window)
        let expected = Reconciler(window.controller.survey).reconcile()
        let differing = expected.filter { !$0.agrees }.count
        XCTAssertEqual(section.rowCount, expected.count)
        XCTAssertEqual(section.figures, expected)
        XCTAssertEqual(window.sidebarTitle(of: "reconciliation"), "核对报告数字 (\(differing))")
        XCTAssertEqual(section.summaryText, "报告数字 \(expected.count) 个：\(expected.count - differing) 个一致，\(differing) 个不一致")
        XCTAssertTrue(section.decisionsText.contains("qinghai-labelling") && section.decisionsText.contains("neimenggu-labelling"))

        gtk_check_button_set_active(section.onlyDiffering.cast(), 1)
        XCTAssertEqual(section.rowCount, differing)
        XCTAssertTrue(section.figures.allSatisfy { !$0.agrees })
    } }

    func testAnEditThatMakesAFigureAgreeIsFollowed() throws { try onMain { t in
        Localizer.shared.language = .english
        let window = try t.makeWindow()
        defer { window.destroyForTest() }
        let section = try Self.section(window)
        let before = section.figures.filter { !$0.agrees }.count
        // The prose counts 10 evaluation results in 2018, the table 9: disclose 安徽's and they agree.
        var cell = try XCTUnwrap(window.controller.survey.observation("anhui", 2018, .evaluation))
        cell.status = .disclosed
        XCTAssertTrue(window.controller.perform(.setCells([CellChange(cell)]), label: "cell"))
        try Self.waitUntil("the figures are recomputed") { !section.isRefreshPending }
        XCTAssertEqual(section.figures.first { $0.id == "evaluations-2018" }?.agrees, true)
        XCTAssertEqual(section.figures.filter { !$0.agrees }.count, before - 1)
        XCTAssertEqual(window.sidebarTitle(of: "reconciliation"), "Reconciliation (\(before - 1))")
    } }

    /// A cell edit that changes no stated figure (a note) keeps the rows; one that does lists them again.
    func testAnEditThatChangesNoFigureKeepsTheRows() throws { try onMain { t in
        Localizer.shared.language = .english
        let window = try t.makeWindow()
        defer { window.destroyForTest() }
        let section = try Self.section(window)
        let listings = section.listings
        let rows = section.rowCount
        var cell = try XCTUnwrap(window.controller.survey.observation("anhui", 2018, .evaluation))
        cell.note = "checked again"
        XCTAssertTrue(window.controller.perform(.setCells([CellChange(cell)]), label: "note"))
        try Self.waitUntil("the figures are recomputed") { !section.isRefreshPending }
        XCTAssertEqual(section.figures, Reconciler(window.controller.survey).reconcile())
        XCTAssertEqual(section.listings, listings, "no figure changed: the rows are kept")
        XCTAssertEqual(section.rowCount, rows)
        cell.status = .disclosed
        XCTAssertTrue(window.controller.perform(.setCells([CellChange(cell)]), label: "cell"))
        try Self.waitUntil("the figures are recomputed") { !section.isRefreshPending }
        XCTAssertEqual(section.figures, Reconciler(window.controller.survey).reconcile())
        XCTAssertEqual(section.listings, listings + 1, "a figure changed: the rows are listed again")
        XCTAssertEqual(section.rowCount, section.figures.count)
    } }

    func testActivatingADifferenceGoesToItsCell() throws { try onMain { t in
        let window = try t.makeWindow()
        defer { window.destroyForTest() }
        let section = try Self.section(window)
        let row = try XCTUnwrap(section.figures.firstIndex { $0.id == "labelling-all-2022" })
        XCTAssertTrue(section.activate(row: row))
        XCTAssertEqual(window.visibleSectionID, "matrix")
        let matrix = try XCTUnwrap(window.sections.first { $0.id == "matrix" } as? MatrixSection)
        XCTAssertEqual(matrix.addressing.map { $0.key(matrix.grid.selection.cursor) },
                       CellKey(jurisdiction: "neimenggu", year: 2022, kind: .auditList))
        let agreeing = try XCTUnwrap(section.figures.firstIndex { $0.agrees })
        XCTAssertFalse(section.activate(row: agreeing), "nothing to go to")
    } }
}
