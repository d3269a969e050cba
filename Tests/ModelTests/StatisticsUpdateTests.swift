import Foundation
import XCTest
@testable import Model

/// `Statistics.updated(for:)`: after an edit that keeps the enterprises and jurisdictions, the
/// updated figures are the ones counted again from scratch.
final class StatisticsUpdateTests: XCTestCase {
    private func document() -> SurveyDocument {
        SurveyDocument(survey: SyntheticSurvey.make(enterprises: 300, years: 2001...2006, seed: 7))
    }

    /// Applies `edit`, checks it keeps the enterprise figures, and compares the updated figures
    /// with figures counted again.
    private func checkUpdate(_ doc: SurveyDocument, _ edit: Edit, file: StaticString = #filePath, line: UInt = #line) throws {
        let before = Statistics(doc.survey)
        try doc.perform(edit, label: "test")
        XCTAssertEqual(doc.lastApplied, edit, file: file, line: line)
        XCTAssertTrue(edit.keepsEnterprisesAndJurisdictions, file: file, line: line)
        let updated = before.updated(for: doc.survey)
        XCTAssertEqual(updated, Statistics(doc.survey), file: file, line: line)
        XCTAssertNotEqual(updated, before, "the edit changes the figures", file: file, line: line)
    }

    func testCellEditsUpdateTheMatrixFigures() throws {
        let doc = document()
        let survey = doc.survey
        // A disclosed cell becomes not disclosed; a not-disclosed one becomes disclosed with coverage.
        var first = survey.observations[0]
        first.status = first.status == .disclosed ? .notDisclosed : .disclosed
        try checkUpdate(doc, .setCells([CellChange(first)]))
        var second = survey.observations[survey.observations.count / 2]
        second.status = .disclosed
        second.coverage = [.mandatory, .voluntary]
        var third = survey.observations[survey.observations.count - 1]
        third.status = .prefecture
        try checkUpdate(doc, .setCells([CellChange(second), CellChange(third)]))
        // A cleared cell counts as not surveyed.
        try checkUpdate(doc, .clearCells([survey.observations[3].key]))
        // Undo and redo apply inverses that are cell edits too.
        let before = Statistics(doc.survey)
        try doc.undo()
        XCTAssertEqual(doc.lastApplied?.keepsEnterprisesAndJurisdictions, true)
        XCTAssertEqual(before.updated(for: doc.survey), Statistics(doc.survey))
        try doc.redo()
        XCTAssertEqual(Statistics(doc.survey), before)
    }

    func testYearEditsUpdateTheMatrixFigures() throws {
        let doc = document()
        try checkUpdate(doc, .setYears(Array(doc.survey.years.dropLast())))
    }

    func testEnterpriseAndJurisdictionEditsDoNotKeepTheEnterpriseFigures() throws {
        let doc = document()
        var enterprise = doc.survey.enterprises[0]
        enterprise.name += "（更名）"
        XCTAssertFalse(Edit.updateEnterprise(enterprise).keepsEnterprisesAndJurisdictions)
        XCTAssertFalse(Edit.removeEnterprises(ids: [enterprise.id]).keepsEnterprisesAndJurisdictions)
        XCTAssertFalse(Edit.batch([.setCells([]), .removeEnterprises(ids: [enterprise.id])]).keepsEnterprisesAndJurisdictions)
        XCTAssertFalse(Edit.setJurisdiction(doc.survey.jurisdictions[0]).keepsEnterprisesAndJurisdictions)
        XCTAssertTrue(Edit.batch([.setCells([]), .setMeta(doc.survey.meta)]).keepsEnterprisesAndJurisdictions)
        try doc.perform(.removeEnterprises(ids: [enterprise.id]), label: "test")
        XCTAssertEqual(doc.lastApplied, .removeEnterprises(ids: [enterprise.id]))
        doc.replace(with: doc.survey)
        XCTAssertNil(doc.lastApplied)
    }
}
