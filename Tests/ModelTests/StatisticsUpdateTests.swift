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

/// `Statistics.updated(for:after:)`: what a cell edit leaves alone is kept, not counted again; an
/// edit of what the combined figures count (outreach, enterprises) counts them again.
final class StatisticsEditUpdateTests: XCTestCase {
    /// A survey with calls, letters and a reported tally, so the combined figures are not empty.
    private func document() throws -> SurveyDocument {
        var survey = SyntheticSurvey.make(enterprises: 300, years: 2001...2006, seed: 11)
        let j = survey.jurisdictions[0].id
        var reported = survey.reportedData
        reported.tallies.append(ReportedTally(.enterprisesSampled, jurisdiction: j, value: 999, source: "p. 3"))
        survey.reportedData = reported
        let doc = SurveyDocument(survey: survey)
        XCTAssertFalse(Statistics(doc.survey).figures.byJurisdiction.isEmpty)
        return doc
    }

    func testACellEditKeepsTheCombinedFiguresAndRecountsTheMatrix() throws {
        let doc = try document()
        var before = Statistics(doc.survey)
        // A marker in the kept figures: a recount would replace it.
        let marker = CombinedFigure(measure: .lettersSent, value: -1, records: -1, tally: nil, source: .records)
        before.figures.survey.append(marker)
        var cell = doc.survey.observations[0]
        cell.status = cell.status == .disclosed ? .notDisclosed : .disclosed
        let edit = Edit.setCells([CellChange(cell)])
        XCTAssertTrue(edit.keepsCombinedFigures)
        try doc.perform(edit, label: "test")
        let updated = before.updated(for: doc.survey, after: edit)
        XCTAssertEqual(updated.figures.survey.last, marker, "the combined figures are kept, not counted again")
        var recounted = Statistics(doc.survey)
        recounted.figures.survey.append(marker)
        XCTAssertEqual(updated, recounted, "everything else is the edited survey's")
        XCTAssertNotEqual(updated.byYear, before.byYear)
    }

    func testEditsOfWhatTheCombinedFiguresCountRecountThem() throws {
        let doc = try document()
        let j = doc.survey.jurisdictions[1].id
        var outreach = doc.survey.outreach.first { $0.jurisdiction == j } ?? Outreach(jurisdiction: j)
        var letter = outreach.letter ?? SuggestionLetter(sent: false)
        letter.sent = !letter.sent
        outreach.letter = letter
        let edits: [Edit] = [.setOutreach(outreach), .batch([.setCells([]), .setOutreach(outreach)])]
        for edit in edits {
            XCTAssertTrue(edit.keepsEnterprisesAndJurisdictions)
            XCTAssertFalse(edit.keepsCombinedFigures, "\(edit)")
        }
        let before = Statistics(doc.survey)
        try doc.perform(.setOutreach(outreach), label: "test")
        let updated = before.updated(for: doc.survey, after: .setOutreach(outreach))
        XCTAssertEqual(updated, Statistics(doc.survey))
        XCTAssertNotEqual(updated.figures, before.figures, "the letters sent changed")
        var enterprise = doc.survey.enterprises[0]
        enterprise.phoneAttempts = []
        XCTAssertFalse(Edit.updateEnterprise(enterprise).keepsCombinedFigures)
        let beforeEnterprise = Statistics(doc.survey)
        try doc.perform(.updateEnterprise(enterprise), label: "test")
        XCTAssertEqual(beforeEnterprise.updated(for: doc.survey, after: .updateEnterprise(enterprise)), Statistics(doc.survey))

        // The report's tallies are counted in the combined figures: changing one recounts them.
        var reported = try XCTUnwrap(doc.survey.reported)
        XCTAssertFalse(reported.tallies.isEmpty)
        reported.tallies[0].value += 7
        XCTAssertFalse(Edit.setReportedData(reported).keepsCombinedFigures)
        let beforeTally = Statistics(doc.survey)
        try doc.perform(.setReportedData(reported), label: "test")
        let afterTally = beforeTally.updated(for: doc.survey, after: .setReportedData(reported))
        XCTAssertEqual(afterTally, Statistics(doc.survey))
        XCTAssertNotEqual(afterTally.figures, beforeTally.figures, "a tally changed")
    }
}
