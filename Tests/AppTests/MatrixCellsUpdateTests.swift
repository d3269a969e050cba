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

/// `MatrixCells.update(cells:of:index:statistics:)`, the path of a status key, compared with the
/// cells read again from scratch.
final class MatrixCellsUpdateTests: WindowTestCase {
    /// Performs an in-place cell edit on `survey`, updates `cells` for it and compares with new cells.
    private static func check(_ cells: inout MatrixCells, _ survey: inout Survey, _ changes: [Observation],
                              file: StaticString = #filePath, line: UInt = #line) throws {
        let index = CellIndex(survey)
        let edit = Edit.setCells(changes.map(CellChange.init))
        survey = try edit.applied(to: survey).survey
        let keys = try XCTUnwrap(index.cellsChangedInPlace(in: survey, by: edit), file: file, line: line)
        let statistics = Statistics(survey)
        let before = cells
        cells.update(cells: keys, of: survey, index: index, statistics: statistics)
        XCTAssertEqual(cells, MatrixCells(survey, index: CellIndex(survey), statistics: statistics), file: file, line: line)
        XCTAssertNotEqual(cells, before, "the edit changes the cells", file: file, line: line)
    }

    func testAnUpdateEqualsTheCellsReadAgain() throws {
        var survey = Self.builtinSurvey
        // A repeated jurisdiction shows the same cells in both rows.
        survey.jurisdictions.append(survey.jurisdictions[1])
        var cells = MatrixCells(survey)
        let first = survey.observations.first { $0.jurisdiction == survey.jurisdictions[1].id }!
        var a = first
        a.status = a.status == .disclosed ? .notDisclosed : .disclosed
        try Self.check(&cells, &survey, [a])
        var b = survey.observations[7], c = survey.observations[survey.observations.count - 1]
        b.note = (b.note ?? "") + "补充"
        c.status = c.status == .prefecture ? .division : .prefecture
        c.evidence = []
        try Self.check(&cells, &survey, [b, c])
    }

    /// After status keys, the matrix section's cells are the cells read from the survey again.
    func testStatusKeysLeaveTheSectionsCellsAsReadAgain() throws { try onMain {
        let h = try MatrixHarness()
        defer { h.close() }
        h.section.advance = .stay
        h.place("anhui", year: 2018, kind: .auditList)
        for (i, key) in [GDK_KEY_y, GDK_KEY_n, GDK_KEY_p, GDK_KEY_y, GDK_KEY_d, GDK_KEY_Down, GDK_KEY_n].enumerated() {
            let version = h.controller.version
            XCTAssertTrue(h.press(key))
            if i < 5 { XCTAssertEqual(h.controller.version, version + 1, "key \(key) changes the cell") }
            XCTAssertEqual(h.section.cells.withoutProblems, MatrixCells(h.survey).withoutProblems, "key \(key)")
            XCTAssertEqual(h.section.statusLine.progress, EntryProgress(h.survey).text)
            XCTAssertEqual(h.controller.cellIndex, CellIndex(h.survey))
            // The controller's statistics follow each key from the cell changed.
            XCTAssertEqual(h.controller.statistics, Statistics(h.survey), "key \(key)")
        }
        h.controller.undo()
        XCTAssertEqual(h.section.cells.withoutProblems, MatrixCells(h.survey).withoutProblems)
        XCTAssertEqual(h.controller.statistics, Statistics(h.survey))
        XCTAssertTrue(h.press(GDK_KEY_Delete))
        XCTAssertEqual(h.section.cells.withoutProblems, MatrixCells(h.survey).withoutProblems)
        XCTAssertEqual(h.controller.cellIndex, CellIndex(h.survey))
        XCTAssertEqual(h.controller.statistics, Statistics(h.survey))
        h.controller.undo()
        XCTAssertEqual(h.section.cells.withoutProblems, MatrixCells(h.survey).withoutProblems)
        XCTAssertEqual(h.controller.cellIndex, CellIndex(h.survey))
        XCTAssertEqual(h.controller.statistics, Statistics(h.survey))
        h.controller.redo()
        XCTAssertEqual(h.controller.statistics, Statistics(h.survey))
        h.section.updateProblems()
        var full = MatrixCells(h.survey)
        full.markProblems(h.controller.problems, jurisdictions: h.survey.jurisdictions)
        XCTAssertEqual(h.section.cells, full)
    } }
}

extension MatrixCells {
    /// The cells with no problem marked (problems follow validation, after the frame).
    var withoutProblems: MatrixCells {
        var copy = self
        copy.markProblems([], jurisdictions: [])
        return copy
    }
}
