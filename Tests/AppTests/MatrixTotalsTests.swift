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

/// The matrix's totals are the survey's statistics, and follow every edit (the controller updates
/// the statistics of a cell edit instead of counting again).
final class MatrixTotalsTests: WindowTestCase {
    @MainActor
    private static func checkTotals(_ section: MatrixSection, _ survey: Survey, file: StaticString = #filePath, line: UInt = #line) {
        let counted = Statistics(survey)  // from scratch
        let cells = section.cells
        for (c, column) in cells.columns.enumerated() {
            let status = counted.statusCounts(year: column.year, kind: column.kind)
            XCTAssertEqual(cells.columnDisclosed[c], status.disclosed, "\(column)", file: file, line: line)
            XCTAssertEqual(cells.columnSurveyed[c], status.surveyed, "\(column)", file: file, line: line)
        }
        XCTAssertEqual(cells.rowCounts, counted.jurisdictionRates.map(\.combined), file: file, line: line)
    }

    func testTheMatrixTotalsAreTheStatisticsAndFollowEdits() throws { try onMain {
        let controller = DocumentController(survey: Self.builtinSurvey, fileURL: nil)
        let section = MatrixSection(controller: controller)
        Self.checkTotals(section, controller.survey)
        XCTAssertEqual(section.cells.columnDisclosed.first, 19, "2018's audit lists, as the report's table counts them")

        // Every cell of 2018's audit lists disclosed: the column total follows at once.
        let changes = controller.survey.observations.filter { $0.year == 2018 && $0.kind == .auditList && $0.status != .disclosed }
            .map { o -> Observation in var d = o; d.status = .disclosed; return d }
        XCTAssertFalse(changes.isEmpty)
        XCTAssertTrue(controller.perform(.setObservations(changes), label: "test"))
        XCTAssertEqual(section.cells.columnDisclosed.first, 19 + changes.count)
        Self.checkTotals(section, controller.survey)
        controller.undo()
        XCTAssertEqual(section.cells.columnDisclosed.first, 19)
        Self.checkTotals(section, controller.survey)
        controller.redo()
        Self.checkTotals(section, controller.survey)
    } }
}
