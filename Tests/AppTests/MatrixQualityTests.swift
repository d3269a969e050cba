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

/// Cell qualities in the matrix (issue 13): the mark a cell draws, and the details pane's
/// check boxes setting them as one undoable edit each.
final class MatrixQualityTests: XCTestCase {
    override func tearDown() {
        Localizer.shared.followEnvironment()
        super.tearDown()
    }

    func testTheBuiltInMarksAreShownAndThePaneSetsThemAsOneStep() throws { try onMainActor {
        let h = try MatrixHarness()
        defer { h.close() }
        let original = h.survey
        // 甘肃's audit lists are 较为全面 (fairly comprehensive) in the report.
        h.place("gansu", year: 2019, kind: .auditList)
        let pane = h.section.details
        XCTAssertEqual(pane.details?.qualities.map(\.quality), [.fairlyComprehensive])
        let fairly = try XCTUnwrap(pane.qualities.checks.first { $0.0 == .fairlyComprehensive }?.1)
        let partial = try XCTUnwrap(pane.qualities.checks.first { $0.0 == .partial }?.1)
        XCTAssertTrue(fairly.isActive)
        XCTAssertFalse(partial.isActive)

        partial.click()
        XCTAssertEqual(Set(h.survey.qualities("gansu", 2019, .auditList).map(\.quality)), [.partial, .fairlyComprehensive])
        XCTAssertTrue(h.survey.qualities("gansu", 2019, .auditList).contains { $0.source.contains("较为全面") }, "the report's source stays")
        fairly.click()
        XCTAssertEqual(h.survey.qualities("gansu", 2019, .auditList).map(\.quality), [.partial])
        XCTAssertEqual(h.controller.document.undoCount, 2)
        h.controller.undo()
        h.controller.undo()
        XCTAssertEqual(h.survey, original)
        XCTAssertTrue(fairly.isActive, "the pane shows the undone state")

        // The grid draws the marks of the cells that have them.
        let cells = MatrixCells(h.survey)
        let gansu = try XCTUnwrap(h.survey.jurisdictions.firstIndex { $0.id == "gansu" })
        let column = try XCTUnwrap(cells.columns.firstIndex { $0.year == 2019 && $0.kind == .auditList })
        XCTAssertEqual(cells.qualityMark(gansu, column), CellQualityKind.fairlyComprehensive.mark)
        XCTAssertNil(cells.qualityMark(0, column), "安徽 has no mark")
    } }

    /// The legend under the grid explains the quality marks the cells draw.
    func testTheLegendExplainsTheQualityMarks() throws { try onMainActor {
        try WindowTestCase.requireGtk()
        Localizer.shared.language = .english
        let legend = MatrixToolbar.legend()
        _ = g_object_ref_sink(legend)
        defer { g_object_unref(legend) }
        let texts = EnglishInterfaceTests.texts(under: legend)
        for quality in CellQualityKind.allCases {
            XCTAssertTrue(texts.contains(quality.mark) && texts.contains(quality.label), "\(quality): \(texts)")
        }
    } }
}
