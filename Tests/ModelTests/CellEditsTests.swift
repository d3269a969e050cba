import Foundation
import XCTest
import Model

/// The model's share of hand entry: a status fills the fields it implies, fields change across
/// many cells as one step, progress per year, and a survey for the next years from this one.
final class CellEditsTests: XCTestCase {
    private var builtin: Survey {
        get throws { try SurveyFile.load(from: XCTUnwrap(BuiltinDataset.url)) }
    }

    func testNotDisclosedImpliesNoListUnlessTheLabellingIsSet() {
        var o = Observation(jurisdiction: "anhui", year: 2023, kind: .auditList, status: .disclosed)
        o.setStatus(.notDisclosed)
        XCTAssertEqual(o.reasonLabelling, .noList)
        o.setStatus(.disclosed)
        XCTAssertNil(o.reasonLabelling, "√ drops the implied 未公开名单")

        var chosen = Observation(jurisdiction: "anhui", year: 2023, kind: .auditList, status: .disclosed, reasonLabelling: .notStated)
        chosen.setStatus(.notDisclosed)
        XCTAssertEqual(chosen.reasonLabelling, .notStated, "the user's labelling stays")

        var evaluation = Observation(jurisdiction: "anhui", year: 2023, kind: .evaluation, status: .disclosed)
        evaluation.setStatus(.notDisclosed)
        XCTAssertNil(evaluation.reasonLabelling, "evaluation results have no labelling")
    }

    func testSettingAndUpdatingManyCellsIsOneStepThatUndoes() throws {
        var survey = try builtin.nextSurvey(years: [2023])
        let keys = ["anhui", "beijing"].map { CellKey(jurisdiction: $0, year: 2023, kind: .auditList) }
        let document = SurveyDocument(survey: survey)
        try document.perform(.setCells(CellEdits.setting(.notDisclosed, on: keys, in: survey, index: CellIndex(survey))), label: "×")
        survey = document.survey
        XCTAssertEqual(keys.map { survey.observation($0.jurisdiction, 2023, .auditList)?.reasonLabelling }, [.noList, .noList])

        let unrecorded = CellKey(jurisdiction: "fujian", year: 2023, kind: .auditList)
        let changes = CellEdits.updating(keys + [unrecorded, keys[0]], in: survey, index: CellIndex(survey)) { $0.note = "补" }
        XCTAssertEqual(changes.count, 2, "recorded cells only, each once")
        try document.perform(.setCells(changes), label: "note")
        XCTAssertEqual(keys.map { document.survey.observation($0.jurisdiction, 2023, .auditList)?.note }, ["补", "补"])
        XCTAssertEqual(document.undoCount, 2)
        _ = try document.undo()
        XCTAssertEqual(document.survey, survey)
    }

    func testProgressCountsTheEnteredCellsOfEachYear() throws {
        var survey = try builtin
        let progress = EntryProgress(survey)
        XCTAssertEqual(progress.years.map(\.year), survey.years)
        XCTAssertEqual(progress.years.first?.total, survey.jurisdictions.count * 2)
        let entered2018 = survey.observations.filter { $0.year == 2018 && $0.status != .notSurveyed }.count
        XCTAssertEqual(progress.years.first?.entered, entered2018)
        survey.observations.removeAll { $0.year == 2018 && $0.jurisdiction == "anhui" }
        XCTAssertEqual(EntryProgress(survey).years.first?.entered, entered2018 - 2)
    }

    func testTheNextSurveyKeepsTheFrameworkAndNoFindings() throws {
        var survey = try builtin
        survey.outreach.append(Outreach(jurisdiction: "zz-none", letter: SuggestionLetter(sent: true)))
        let next = survey.nextSurvey(years: [2023, 2024])
        XCTAssertEqual(next.years, [2023, 2024])
        XCTAssertEqual(next.jurisdictions.map(\.id), survey.jurisdictions.map(\.id))
        XCTAssertEqual(next.jurisdictions.map(\.subUnits), survey.jurisdictions.map(\.subUnits))
        XCTAssertEqual(next.jurisdictions.map(\.mandatoryDepartments), survey.jurisdictions.map(\.mandatoryDepartments))
        XCTAssertEqual(next.regulations, survey.regulations)
        XCTAssertTrue(next.observations.isEmpty && next.enterprises.isEmpty && next.subUnitObservations.isEmpty)
        let contacts = survey.outreach.filter { !$0.phoneContacts.isEmpty }
        XCTAssertFalse(contacts.isEmpty, "the built-in survey has phone contacts")
        XCTAssertEqual(next.outreach.map(\.jurisdiction), contacts.map(\.jurisdiction), "whom to call, by jurisdiction")
        for (new, old) in zip(next.outreach, contacts) {
            var departments: [String?] = []
            for d in old.phoneContacts.map(\.department) where !departments.contains(d) { departments.append(d) }
            XCTAssertEqual(new.phoneContacts.map(\.department), departments, "each department called, once")
            XCTAssertTrue(new.phoneContacts.allSatisfy { $0.date == nil && $0.outcome == nil && $0.summary.isEmpty },
                          "no outcome or summary of last survey's calls (findings)")
        }
        XCTAssertTrue(next.outreach.allSatisfy { $0.letter == nil && $0.notes == nil }, "no letters")
        XCTAssertEqual(survey.followingYears, [2023, 2024, 2025])
        XCTAssertTrue(Validator.validate(next).filter(\.isError).isEmpty)
    }

    func testNotChosenIsAbsentFromTheFileAndReadsBackAsNotChosen() throws {
        var survey = try builtin.nextSurvey(years: [2023])
        survey.enterprises = [Enterprise(id: "new-1", name: "测试化工", jurisdiction: "", year: 2023,
                                         phoneAttempts: [PhoneAttempt(date: PartialDate(year: 2023), outcome: nil),
                                                         PhoneAttempt(outcome: .confidential)])]
        let data = try SurveyFile.encode(survey)
        let text = try XCTUnwrap(String(data: data, encoding: .utf8))
        let enterprise = try XCTUnwrap(text.range(of: "\"new-1\"").map { String(text[$0.lowerBound...].prefix(400)) })
        XCTAssertFalse(enterprise.contains("\"jurisdiction\""), enterprise)
        XCTAssertEqual(text.components(separatedBy: "\"outcome\"").count - 1, 1, "only the chosen outcome is written")
        let read = try SurveyFile.decode(data, source: "test")
        XCTAssertEqual(read.enterprises, survey.enterprises)
        XCTAssertEqual(read.enterprises.first?.jurisdiction, "")
        XCTAssertNil(read.enterprises.first?.phoneAttempts.first?.outcome ?? nil)
        let codes = Validator.validate(read).map(\.code)
        XCTAssertTrue(codes.contains(.jurisdictionNotChosen) && codes.contains(.phoneOutcomeNotChosen))
        XCTAssertFalse(codes.contains(.unknownJurisdiction), "not chosen is not an unknown jurisdiction")
    }
}
