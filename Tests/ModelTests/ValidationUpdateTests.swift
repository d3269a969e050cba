import Foundation
import XCTest
@testable import Model

/// `Validation.updated(for:after:)`: after a cell edit only the checks that read the cells run
/// again; the problems are always those a full validation finds, in the same order.
final class ValidationUpdateTests: XCTestCase {
    /// A survey with problems from every kind of check, several at the same cell from different
    /// checks (a merge conflict, a labelling decision, a quality mark and the cell's own problems),
    /// so that the merge of kept and re-checked problems has ties to order.
    private func document() throws -> SurveyDocument {
        var survey = SyntheticSurvey.make(enterprises: 300, years: 2001...2006, seed: 5)
        let first = survey.observations[0]
        let key = first.key
        survey.conflicts = [MergeConflict(path: "observations/\(key.jurisdiction)/\(key.year)/\(key.kind.rawValue)/status",
                                          base: "\"disclosed\"", ours: "\"disclosed\"", theirs: "\"not_disclosed\"")]
        var reported = survey.reportedData
        reported.decisions.append(LabellingDecision(id: "d1", cells: [key], decision: "read as 未公开名单", conflictingPassage: "p. 9"))
        reported.cellQualities.append(CellQuality(jurisdiction: key.jurisdiction, year: key.year, kind: key.kind,
                                                  quality: .partial, source: "p. 4"))
        reported.tallies.append(ReportedTally(.enterprisesSampled, jurisdiction: key.jurisdiction, value: 1, source: "p. 3"))
        survey.reportedData = reported
        survey.enterprises[1].name = " "
        survey.enterprises[2].urls = ["ftp://example.org"]
        // Some cells left empty, so the count of cells not entered is a problem to update.
        survey.observations.removeLast(3)
        let doc = SurveyDocument(survey: survey)
        let full = Validator.validate(doc.survey)
        let codes = Set(full.map(\.code))
        for code in [ProblemCode.mergeConflict, .labellingDecision, .cellsNotEntered, .emptyEnterpriseName, .invalidURL, .recordsExceedTally] {
            XCTAssertTrue(codes.contains(code), "the test survey has a \(code) problem")
        }
        return doc
    }

    /// Applies `edit` (or undo/redo through `step`), updates the previous validation and compares
    /// it with a full validation of the new survey.
    @discardableResult
    private func check(_ doc: SurveyDocument, _ before: Validation, incremental: Bool = true,
                       file: StaticString = #filePath, line: UInt = #line, _ step: () throws -> Void) rethrows -> Validation {
        try step()
        guard let edit = doc.lastApplied else {
            XCTFail("no edit applied", file: file, line: line)
            return before
        }
        XCTAssertEqual(edit.changesOnlyCells, incremental, file: file, line: line)
        let updated = before.updated(for: doc.survey, after: edit)
        let full = Validator.validate(doc.survey)
        XCTAssertEqual(updated.problems, full, file: file, line: line)
        XCTAssertNotEqual(updated.problems, before.problems, "the edit changes the problems", file: file, line: line)
        return updated
    }

    func testCellEditsGiveTheProblemsOfAFullValidation() throws {
        let doc = try document()
        var validation = Validator.validation(doc.survey)
        XCTAssertFalse(validation.kept.isEmpty)
        let survey = doc.survey
        let key = survey.observations[0].key

        // A cell disclosed without evidence and with a labelling that says no list: problems at the
        // cell that also has a conflict, a decision and a quality mark.
        var o = survey.observations[0]
        o.status = .disclosed
        o.evidence = []
        o.reasonLabelling = key.kind == .auditList ? .noList : .notStated
        validation = try check(doc, validation) { try doc.perform(.setCells([CellChange(o)]), label: "status") }

        // Not disclosed with coverage, on a cell elsewhere.
        var far = survey.observations[survey.observations.count / 2]
        far.status = .notDisclosed
        far.coverage = [.mandatory]
        validation = try check(doc, validation) { try doc.perform(.setCells([CellChange(far)]), label: "coverage") }

        // A cleared cell: one more cell not entered.
        validation = try check(doc, validation) { try doc.perform(.clearCells([survey.observations[5].key]), label: "clear") }

        // Filling an empty cell: one fewer.
        let empty = CellKey(jurisdiction: survey.observations.last!.jurisdiction, year: 2006, kind: .evaluation)
        XCTAssertNil(doc.survey.observations.first { $0.key == empty })
        let filled = Observation(jurisdiction: empty.jurisdiction, year: empty.year, kind: empty.kind, status: .division)
        validation = try check(doc, validation) { try doc.perform(.setCells([CellChange(filled)]), label: "fill") }

        // A quality mark on a cell not disclosed.
        let mark = CellQuality(jurisdiction: far.jurisdiction, year: far.year, kind: far.kind, quality: .fairlyComprehensive, source: "p. 7")
        validation = try check(doc, validation) { try doc.perform(.setCellQualities(far.key, [mark]), label: "quality") }

        // Several cells and a quality mark as one step.
        var a = survey.observations[10], b = survey.observations[11]
        a.status = .prefecture
        b.status = .disclosed
        b.evidence = []
        validation = try check(doc, validation) {
            try doc.perform(.batch([.setCells([CellChange(a), CellChange(b)]), .setCellQualities(key, [])]), label: "batch")
        }

        // Undo and redo apply the inverse cell edits.
        validation = try check(doc, validation) { try doc.undo() }
        validation = try check(doc, validation) { try doc.undo() }
        validation = try check(doc, validation) { try doc.redo() }

        // An edit of an enterprise is not a cell edit: everything is validated again.
        var e = doc.survey.enterprises[3]
        e.name = " "
        validation = try check(doc, validation, incremental: false) { try doc.perform(.updateEnterprise(e), label: "rename") }

        // And the cell edits after it start from that validation.
        var c = doc.survey.observations[20]
        c.status = c.status == .disclosed ? .notSurveyed : .disclosed
        c.evidence = []
        try check(doc, validation) { try doc.perform(.setCells([CellChange(c)]), label: "again") }
    }

    /// Kept problems are not reused in another interface language.
    func testAChangeOfLanguageValidatesEverything() throws {
        let doc = try document()
        let language = Localizer.shared.language
        defer { Localizer.shared.language = language }
        Localizer.shared.language = .chinese
        let chinese = Validator.validation(doc.survey)
        Localizer.shared.language = .english
        var o = doc.survey.observations[0]
        o.status = o.status == .notDisclosed ? .disclosed : .notDisclosed
        try doc.perform(.setCells([CellChange(o)]), label: "status")
        let updated = chinese.updated(for: doc.survey, after: doc.lastApplied!)
        XCTAssertEqual(updated.problems, Validator.validate(doc.survey))
    }
}
