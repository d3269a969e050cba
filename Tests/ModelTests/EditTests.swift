import Foundation
import XCTest
import Model

final class EditTests: XCTestCase {
    private var base: Survey {
        var s = TestFixtures.survey()
        s.canonicalize()
        return s
    }

    private func key(_ j: String, _ year: Int, _ kind: DisclosureKind) -> CellKey {
        CellKey(jurisdiction: j, year: year, kind: kind)
    }

    /// Applies an edit, then its inverse, then the inverse's inverse, checking each state.
    private func assertRoundTrip(_ edit: Edit, on survey: Survey? = nil, file: StaticString = #filePath, line: UInt = #line) throws {
        let before = survey ?? base
        var s = before
        let inverse = try edit.apply(to: &s)
        let after = s
        XCTAssertNotEqual(after, before, "the edit changed nothing", file: file, line: line)
        let redo = try inverse.apply(to: &s)
        XCTAssertEqual(s, before, "the inverse did not restore the survey", file: file, line: line)
        try redo.apply(to: &s)
        XCTAssertEqual(s, after, "redo did not repeat the edit", file: file, line: line)
    }

    func testFixtureIsCanonical() {
        XCTAssertEqual(TestFixtures.survey(), base)
    }

    func testEveryEditKindIsUndoneExactly() throws {
        let s = base
        var opened = TestFixtures.cell("anhui", 2018, .auditList, .disclosed, coverage: [.mandatory], labelling: .notStated)
        opened.note = "补充"
        var e2 = s.enterprises[1]
        e2.disclosedItems = DisclosureItem.allCases
        var regulation = s.regulations[1]
        regulation.notes = "2016年7月1日起施行"
        var beijing = s.jurisdictions[1]
        beijing.mandatoryDepartments = ["北京市生态环境局"]
        let newJurisdiction = Jurisdiction(id: "hainan", name: "海南省", shortName: "海南", englishName: "Hainan", kind: .province,
                                           region: .east, tile: TilePosition(column: 5, row: 8))
        let newEnterprise = Enterprise(id: "e8", name: "海口辛化工有限公司", jurisdiction: "anhui", year: 2018)
        let newRegulation = Regulation(id: "guide-2018", title: "清洁生产审核评估与验收指南", level: .normativeDocument)

        let edits: [Edit] = [
            .setCells([CellChange(opened), .clear(key("beijing", 2019, .evaluation)),
                       CellChange(TestFixtures.cell("xpcc", 2021, .auditList, .notDisclosed))]),
            .setObservations([TestFixtures.cell("guangdong", 2019, .auditList, .disclosed)]),
            .clearCells([key("anhui", 2018, .auditList), key("xpcc", 2020, .evaluation)]),
            .setMeta(SurveyMeta(title: "新标题", organisation: "上海青悦")),
            .setYears([2018, 2019, 2020, 2021]),
            .insertEnterprises([newEnterprise], at: 1),
            .insertEnterprises([newEnterprise], at: nil),
            .removeEnterprises(ids: ["e2", "e5", "e6"]),
            .updateEnterprise(e2),
            .setRegulation(regulation),
            .setRegulation(newRegulation),
            .insertRegulation(newRegulation, at: 0),
            .removeRegulation(id: "interim-2004"),
            .setOutreach(Outreach(jurisdiction: "beijing", notes: "已回复")),
            .setOutreach(Outreach(jurisdiction: "guangdong", notes: "新增")),
            .insertOutreach(Outreach(jurisdiction: "xpcc"), at: 2),
            .removeOutreach(jurisdiction: "anhui"),
            .setJurisdiction(beijing),
            .setJurisdiction(newJurisdiction),
            .insertJurisdiction(newJurisdiction, at: 1),
            .setSubUnitObservations(jurisdiction: "guangdong", [
                SubUnitObservation(jurisdiction: "guangdong", subUnit: "深圳市", year: 2020, kind: .evaluation, status: .disclosed),
                SubUnitObservation(jurisdiction: "guangdong", subUnit: "广州市", year: 2020, kind: .evaluation, status: .disclosed),
            ]),
            .setSubUnitObservations(jurisdiction: "xpcc", []),
            .setSubUnitTallies(jurisdiction: "guangdong", [
                SubUnitTally(jurisdiction: "guangdong", kind: .auditList, year: 2020, units: 21, disclosed: 20, source: "s"),
            ]),
            .batch([.setMeta(SurveyMeta(title: "批量")), .removeEnterprises(ids: ["e1"]), .setYears([2019, 2020])]),
        ]
        for edit in edits { try assertRoundTrip(edit) }
    }

    func testRemovingAnUnusedJurisdictionIsUndoneExactly() throws {
        var s = base
        try Edit.insertJurisdiction(Jurisdiction(id: "hainan", name: "海南省", shortName: "海南", englishName: "Hainan",
                                                 kind: .province, region: .east, tile: TilePosition(column: 5, row: 8)), at: 2)
            .apply(to: &s)
        try assertRoundTrip(.removeJurisdiction(id: "hainan"), on: s)
        XCTAssertThrowsError(try Edit.removeJurisdiction(id: "anhui").apply(to: &s)) { error in
            XCTAssertEqual(error as? EditError, .jurisdictionInUse("anhui"))
        }
    }

    func testCellsStayInCanonicalOrder() throws {
        var s = base
        try Edit.clearCells([key("anhui", 2019, .auditList), key("beijing", 2018, .evaluation)]).apply(to: &s)
        try Edit.setYears([2018, 2019, 2020, 2021]).apply(to: &s)
        try Edit.setObservations([
            TestFixtures.cell("xpcc", 2021, .evaluation, .division),
            TestFixtures.cell("anhui", 2021, .auditList, .notDisclosed),
            TestFixtures.cell("beijing", 2018, .evaluation, .notDisclosed),
            TestFixtures.cell("anhui", 2019, .auditList, .notDisclosed),
        ]).apply(to: &s)
        var sorted = s
        sorted.canonicalize()
        XCTAssertEqual(s.observations.map(\.key), sorted.observations.map(\.key))
        XCTAssertEqual(s.observations.count, 26)
        XCTAssertEqual(s.status("anhui", 2019, .auditList), .notDisclosed)
    }

    func testLaterChangeOfTheSameCellWinsAndUndoesInOrder() throws {
        var s = base
        let k = key("anhui", 2018, .auditList)
        let inverse = try Edit.setCells([
            CellChange(TestFixtures.cell("anhui", 2018, .auditList, .disclosed)),
            .clear(k),
            CellChange(TestFixtures.cell("anhui", 2018, .auditList, .prefecture)),
        ]).apply(to: &s)
        XCTAssertEqual(s.status("anhui", 2018, .auditList), .prefecture)
        try inverse.apply(to: &s)
        XCTAssertEqual(s, base)
    }

    func testInvalidEditsThrowAndChangeNothing() {
        let failing: [(Edit, EditError)] = [
            (.setCells([CellChange(key: key("anhui", 2018, .evaluation), observation: TestFixtures.cell("anhui", 2018, .auditList, .disclosed))]),
             .cellKeyMismatch(key("anhui", 2018, .evaluation))),
            (.insertEnterprises([Enterprise(id: "e1", name: "重复", jurisdiction: "anhui")], at: nil), .duplicateEnterpriseID("e1")),
            (.insertEnterprises([Enterprise(id: "n", name: "新", jurisdiction: "anhui")], at: 99), .positionOutOfRange(99)),
            (.removeEnterprises(ids: ["e1", "missing"]), .unknownEnterprise("missing")),
            (.updateEnterprise(Enterprise(id: "missing", name: "无", jurisdiction: "anhui")), .unknownEnterprise("missing")),
            (.removeRegulation(id: "missing"), .unknownRegulation("missing")),
            (.insertRegulation(TestFixtures.regulations()[0], at: 2), .duplicateRegulationID("interim-2004")),
            (.removeOutreach(jurisdiction: "xpcc"), .unknownOutreach("xpcc")),
            (.insertJurisdiction(TestFixtures.jurisdictions()[0], at: nil), .duplicateJurisdictionID("anhui")),
            (.removeJurisdiction(id: "beijing"), .jurisdictionInUse("beijing")),
            (.setSubUnitObservations(jurisdiction: "xpcc", [SubUnitObservation(jurisdiction: "guangdong", subUnit: "广州市", year: nil,
                                                                              kind: .auditList, status: .disclosed)]),
             .recordOfOtherJurisdiction(expected: "xpcc", found: "guangdong")),
            (.batch([.setMeta(SurveyMeta(title: "先改")), .removeEnterprises(ids: ["e1"]), .removeRegulation(id: "missing")]),
             .unknownRegulation("missing")),
        ]
        for (edit, expected) in failing {
            var s = base
            XCTAssertThrowsError(try edit.apply(to: &s), "\(edit)") { error in
                XCTAssertEqual(error as? EditError, expected)
                XCTAssertNotNil((error as? LocalizedError)?.errorDescription)
            }
            XCTAssertEqual(s, base, "a failed \(edit) changed the survey")
        }
    }

    func testRangeEditIsOneUndoStep() throws {
        let doc = SurveyDocument(survey: base)
        let keys = TestFixtures.years.map { key("anhui", $0, .evaluation) } + TestFixtures.years.map { key("beijing", $0, .evaluation) }
        let changes = keys.map { CellChange(TestFixtures.cell($0.jurisdiction, $0.year, $0.kind, .disclosed)) }
        try doc.perform(.setCells(changes), label: "Set 6 cells")
        XCTAssertEqual(doc.undoCount, 1)
        XCTAssertEqual(doc.undoLabel, "Set 6 cells")
        XCTAssertTrue(keys.allSatisfy { doc.survey.status($0.jurisdiction, $0.year, $0.kind) == .disclosed })
        XCTAssertEqual(try doc.undo(), "Set 6 cells")
        XCTAssertEqual(doc.survey, base)
        XCTAssertFalse(doc.canUndo)
        XCTAssertTrue(doc.canRedo)
        XCTAssertEqual(doc.redoLabel, "Set 6 cells")
    }

    func testUndoRedoAndVersion() throws {
        let doc = SurveyDocument(survey: base)
        XCTAssertEqual(doc.version, 0)
        try doc.perform(.setMeta(SurveyMeta(title: "一")), label: "Rename")
        try doc.perform(.removeEnterprises(ids: ["e3"]), label: "Delete enterprise")
        let afterBoth = doc.survey
        XCTAssertEqual(doc.version, 2)
        try doc.undo()
        try doc.undo()
        XCTAssertEqual(doc.survey, base)
        XCTAssertNil(try doc.undo())
        try doc.redo()
        XCTAssertEqual(doc.survey.meta.title, "一")
        try doc.redo()
        XCTAssertEqual(doc.survey, afterBoth)
        XCTAssertNil(try doc.redo())
        XCTAssertEqual(doc.version, 6)
        try doc.undo()
        try doc.perform(.setYears([2018, 2019]), label: "Years")
        XCTAssertFalse(doc.canRedo, "a new edit clears the redo stack")
        XCTAssertEqual(doc.undoCount, 2)
    }

    func testUndoAfterRemovalRestoresOriginalOrder() throws {
        let doc = SurveyDocument(survey: base)
        try doc.perform(.removeEnterprises(ids: ["e6", "e2", "e3", "e7"]), label: "Delete")
        XCTAssertEqual(doc.survey.enterprises.map(\.id), ["e1", "e4", "e5"])
        try doc.undo()
        XCTAssertEqual(doc.survey.enterprises.map(\.id), ["e1", "e2", "e3", "e4", "e5", "e6", "e7"])
        XCTAssertEqual(doc.survey, base)
        try doc.redo()
        XCTAssertEqual(doc.survey.enterprises.map(\.id), ["e1", "e4", "e5"])
    }

    func testDirtyFlagFollowsTheSavedState() throws {
        let doc = SurveyDocument(survey: base)
        XCTAssertFalse(doc.isDirty)
        try doc.perform(.setMeta(SurveyMeta(title: "一")), label: "a")
        XCTAssertTrue(doc.isDirty)
        doc.markSaved()
        XCTAssertFalse(doc.isDirty)
        try doc.undo()
        XCTAssertTrue(doc.isDirty)
        try doc.redo()
        XCTAssertFalse(doc.isDirty, "redo returns to the saved state")
        try doc.undo()
        try doc.perform(.setMeta(SurveyMeta(title: "二")), label: "b")
        XCTAssertTrue(doc.isDirty, "a different branch is not the saved state")
        doc.replace(with: base)
        XCTAssertFalse(doc.isDirty)
        XCTAssertFalse(doc.canUndo)
    }

    func testFailedAndEmptyEditsLeaveTheDocumentAlone() throws {
        let doc = SurveyDocument(survey: base)
        XCTAssertThrowsError(try doc.perform(.removeEnterprises(ids: ["missing"]), label: "x"))
        try doc.perform(.setCells([]), label: "nothing")
        try doc.perform(.batch([]), label: "nothing")
        XCTAssertEqual(doc.version, 0)
        XCTAssertFalse(doc.canUndo)
        XCTAssertFalse(doc.isDirty)
        XCTAssertEqual(doc.survey, base)
    }

    func testDocumentCanonicalizesAndLimitsHistory() throws {
        var shuffled = base
        shuffled.observations.reverse()
        let doc = SurveyDocument(survey: shuffled, undoLimit: 2)
        XCTAssertEqual(doc.survey, base)
        for title in ["一", "二", "三"] { try doc.perform(.setMeta(SurveyMeta(title: title)), label: title) }
        XCTAssertEqual(doc.undoCount, 2)
        try doc.undo()
        try doc.undo()
        XCTAssertEqual(doc.survey.meta.title, "一")
        XCTAssertTrue(doc.isDirty)
    }

    func testLargeRemovalIsUndoneExactly() throws {
        let survey = SyntheticSurvey.make(enterprises: 2_000, years: 2018...2022, seed: 11)
        let doc = SurveyDocument(survey: survey)
        let ids = survey.enterprises.enumerated().filter { $0.offset % 3 == 1 }.map(\.element.id)
        try doc.perform(.removeEnterprises(ids: ids), label: "Delete")
        XCTAssertEqual(doc.survey.enterprises.count, survey.enterprises.count - ids.count)
        try doc.undo()
        XCTAssertEqual(doc.survey, survey)
    }
}
