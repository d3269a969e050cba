import Foundation
import XCTest
import Model

final class ValidationTests: EnglishTestCase {
    /// One way to break the clean fixture, the code it must raise and where.
    private struct Case {
        let code: ProblemCode
        let location: ProblemLocation
        let mutate: (inout Survey) -> Void
        init(_ code: ProblemCode, _ location: ProblemLocation, _ mutate: @escaping (inout Survey) -> Void) {
            self.code = code
            self.location = location
            self.mutate = mutate
        }
    }

    private static func index(_ s: Survey, _ j: String, _ year: Int, _ kind: DisclosureKind) -> Int {
        s.observations.firstIndex { $0.jurisdiction == j && $0.year == year && $0.kind == kind }!
    }

    private static func cell(_ j: String, _ year: Int, _ kind: DisclosureKind) -> ProblemLocation {
        .cell(jurisdiction: j, year: year, kind: kind)
    }

    private static func modifyCell(_ j: String, _ year: Int, _ kind: DisclosureKind,
                                   _ change: @escaping (inout Observation) -> Void) -> (inout Survey) -> Void {
        { s in change(&s.observations[index(s, j, year, kind)]) }
    }

    private let cases: [Case] = [
        Case(.labellingWithoutList, cell("anhui", 2018, .auditList),
             modifyCell("anhui", 2018, .auditList) { $0.reasonLabelling = .notStated }),
        Case(.noListButDisclosed, cell("beijing", 2018, .auditList),
             modifyCell("beijing", 2018, .auditList) { $0.reasonLabelling = .noList }),
        Case(.labellingOnEvaluation, cell("beijing", 2018, .evaluation),
             modifyCell("beijing", 2018, .evaluation) { $0.reasonLabelling = .marked(.all) }),
        Case(.disclosedWithoutEvidence, cell("beijing", 2019, .auditList),
             modifyCell("beijing", 2019, .auditList) { $0.evidence = [] }),
        Case(.coverageWithoutDisclosure, cell("guangdong", 2019, .evaluation),
             modifyCell("guangdong", 2019, .evaluation) { $0.coverage = [.mandatory] }),
        Case(.observationYearOutsideSurvey, cell("anhui", 2017, .auditList)) {
            $0.observations.append(TestFixtures.cell("anhui", 2017, .auditList, .notDisclosed))
        },
        Case(.duplicateCell, cell("xpcc", 2019, .evaluation)) {
            $0.observations.append(TestFixtures.cell("xpcc", 2019, .evaluation, .disclosed))
        },
        Case(.prefectureOnCorps, cell("xpcc", 2020, .auditList), modifyCell("xpcc", 2020, .auditList) { $0.status = .prefecture }),
        Case(.divisionOutsideCorps, cell("guangdong", 2018, .auditList),
             modifyCell("guangdong", 2018, .auditList) { $0.status = .division }),
        Case(.unknownJurisdiction, cell("atlantis", 2018, .auditList)) {
            $0.observations.append(TestFixtures.cell("atlantis", 2018, .auditList, .notDisclosed))
        },
        Case(.unknownJurisdiction, .enterprise(id: "e1")) { $0.enterprises[0].jurisdiction = "atlantis" },
        Case(.unknownJurisdiction, .outreach(jurisdiction: "atlantis")) {
            $0.outreach.append(Outreach(jurisdiction: "atlantis"))
        },
        Case(.unknownJurisdiction, .subUnit(jurisdiction: "atlantis", subUnit: "A")) {
            $0.subUnitObservations.append(SubUnitObservation(jurisdiction: "atlantis", subUnit: "A", year: 2018, kind: .auditList,
                                                             status: .disclosed))
        },
        Case(.unknownJurisdiction, .subUnitTally(jurisdiction: "atlantis", kind: .evaluation, year: nil)) {
            $0.subUnitTallies.append(SubUnitTally(jurisdiction: "atlantis", kind: .evaluation, year: nil, units: 3, disclosed: 1, source: ""))
        },
        Case(.unknownJurisdiction, .regulation(id: "interim-2004")) { $0.regulations[0].jurisdiction = "atlantis" },
        Case(.invalidURL, cell("beijing", 2020, .auditList),
             modifyCell("beijing", 2020, .auditList) { $0.evidence[0].url = "ftp://files.example.cn/list.xls" }),
        Case(.invalidURL, .enterprise(id: "e1")) { $0.enterprises[0].urls = ["www.jia.example.cn"] },
        Case(.invalidURL, .regulation(id: Regulation.auditMeasuresID)) { $0.regulations[1].url = "见附件" },
        Case(.unknownSubUnit, .subUnit(jurisdiction: "guangdong", subUnit: "揭阳市")) {
            $0.subUnitObservations.append(SubUnitObservation(jurisdiction: "guangdong", subUnit: "揭阳市", year: 2019,
                                                             kind: .auditList, status: .notDisclosed))
        },
        Case(.subUnitYearOutsideSurvey, .subUnit(jurisdiction: "xpcc", subUnit: "第十二师")) { $0.subUnitObservations[5].year = 2025 },
        Case(.duplicateSubUnitObservation, .subUnit(jurisdiction: "xpcc", subUnit: "第十二师")) {
            $0.subUnitObservations.append($0.subUnitObservations[5])
        },
        Case(.cellsNotEntered, .survey) { $0.observations.removeLast() },
        Case(.tallyExceedsUnits, .subUnitTally(jurisdiction: "guangdong", kind: .evaluation, year: 2019)) {
            $0.subUnitTallies[0].disclosed = 22
        },
        Case(.tallyCountInvalid, .subUnitTally(jurisdiction: "guangdong", kind: .evaluation, year: 2019)) {
            $0.subUnitTallies[0].units = 0
        },
        Case(.enterpriseYearOutsideSurvey, .enterprise(id: "e3")) { $0.enterprises[2].year = 2030 },
        Case(.duplicateEnterprise, .enterprise(id: "e1b")) {
            var copy = $0.enterprises[0]
            copy.id = "e1b"
            $0.enterprises.append(copy)
        },
        Case(.duplicateEnterpriseID, .enterprise(id: "e2")) {
            $0.enterprises.append(Enterprise(id: "e2", name: "另一家公司", jurisdiction: "anhui", year: 2018))
        },
        Case(.emptyEnterpriseName, .enterprise(id: "e4")) { $0.enterprises[3].name = " \u{3000}" },
        Case(.itemNotRequired, .enterprise(id: "e1")) { $0.enterprises[0].disclosedItems.append(.energyPerProduct) },
        Case(.jurisdictionNotChosen, .enterprise(id: "e2")) { $0.enterprises[1].jurisdiction = "" },
        Case(.phoneOutcomeNotChosen, .enterprise(id: "e3")) {
            $0.enterprises[2].phoneAttempts = [PhoneAttempt(outcome: nil), PhoneAttempt(outcome: .confidential), PhoneAttempt(outcome: nil)]
        },
        Case(.regulationDateOrder, .regulation(id: "interim-2004")) { $0.regulations[0].repealed = PartialDate(year: 2003) },
        Case(.regulationDateOrder, .regulation(id: Regulation.auditMeasuresID)) {
            $0.regulations[1].adopted = PartialDate(year: 2016, month: 9)
        },
        Case(.supersededByUnknown, .regulation(id: "interim-2004")) { $0.regulations[0].supersededBy = "nowhere" },
        Case(.supersededByItself, .regulation(id: "interim-2004")) { $0.regulations[0].supersededBy = "interim-2004" },
        Case(.duplicateRegulationID, .regulation(id: "interim-2004")) { $0.regulations[1].id = "interim-2004" },
        Case(.yearsNotAscending, .survey) { $0.years = [2019, 2018, 2020] },
        Case(.yearsNotAscending, .survey) { $0.years = [2018, 2019, 2019, 2020] },
        Case(.duplicateJurisdictionID, .jurisdiction(id: "anhui")) { $0.jurisdictions[1].id = "anhui" },
        Case(.duplicateOutreach, .outreach(jurisdiction: "anhui")) { $0.outreach.append(Outreach(jurisdiction: "anhui")) },
        Case(.mergeConflict, .cell(jurisdiction: "anhui", year: 2018, kind: .auditList)) {
            $0.conflicts = [MergeConflict(path: "observations/anhui/2018/audit_list/status", base: "\"not_disclosed\"",
                                          ours: "\"disclosed\"", theirs: "\"prefecture\"")]
        },
        // Report figures (issue 13)
        Case(.recordsExceedTally, .jurisdiction(id: "beijing")) {
            $0.reportedData.tallies = [ReportedTally(.enterprisesSampled, jurisdiction: "beijing", value: 1, source: "p. 1")]
        },
        Case(.tallyPartsExceedTotal, .survey) {
            $0.reportedData.tallies = [ReportedTally(.enterprisesSampled, jurisdiction: "anhui", value: 20, source: "p. 1"),
                                       ReportedTally(.enterprisesSampled, value: 10, source: "p. 2")]
        },
        Case(.tallyInvalid, .jurisdiction(id: "anhui")) {
            $0.reportedData.tallies = [ReportedTally(.phoneCalls, jurisdiction: "anhui", value: -1, source: "p. 3")]
        },
        Case(.verdictDisagrees, .enterprise(id: "e1")) {
            $0.reportedData.verdicts = [RecordedVerdict(enterprise: "e1", verdict: .incomplete, source: "p. 4")]
        },
        Case(.verdictUnknownEnterprise, .survey) {
            $0.reportedData.verdicts = [RecordedVerdict(enterprise: "nobody", verdict: .complete, source: "p. 5")]
        },
        Case(.qualityOnUndisclosedCell, .cell(jurisdiction: "anhui", year: 2018, kind: .auditList)) {
            $0.reportedData.cellQualities = [CellQuality(jurisdiction: "anhui", year: 2018, kind: .auditList, quality: .partial, source: "p. 6")]
            if let i = $0.observations.firstIndex(where: { $0.key == CellKey(jurisdiction: "anhui", year: 2018, kind: .auditList) }) {
                $0.observations[i] = Observation(jurisdiction: "anhui", year: 2018, kind: .auditList, status: .notDisclosed)
            }
        },
        Case(.labellingDecision, .cell(jurisdiction: "beijing", year: 2019, kind: .evaluation)) {
            $0.reportedData.decisions = [LabellingDecision(id: "d1", cells: [CellKey(jurisdiction: "beijing", year: 2019, kind: .evaluation)],
                                                           decision: "Kept as in the table.", conflictingPassage: "The prose says otherwise.")]
        },
    ]

    func testCleanFixtureHasNoProblems() {
        XCTAssertEqual(Validator.validate(TestFixtures.survey()), [])
    }

    func testEachCheckFiresAtItsLocation() {
        for c in cases {
            var survey = TestFixtures.survey()
            c.mutate(&survey)
            let problems = Validator.validate(survey)
            let matching = problems.filter { $0.code == c.code }
            XCTAssertFalse(matching.isEmpty, "\(c.code.rawValue) not raised; got \(problems)")
            XCTAssertTrue(matching.contains { $0.location == c.location },
                          "\(c.code.rawValue) at \(matching.map(\.location)), expected \(c.location)")
            XCTAssertTrue(matching.allSatisfy { $0.severity == c.code.severity })
            XCTAssertTrue(matching.allSatisfy { $0.message.hasSuffix(".") && $0.message.first?.isUppercase == true },
                          matching.map(\.message).joined(separator: " | "))
        }
    }

    func testEveryCodeHasACase() {
        XCTAssertEqual(Set(cases.map(\.code)), Set(ProblemCode.allCases))
    }

    func testMessagesNameTheJurisdictionEnterpriseRegulationAndYear() {
        var survey = TestFixtures.survey()
        survey.observations[Self.index(survey, "anhui", 2018, .auditList)].reasonLabelling = .notStated
        survey.enterprises[2].year = 2030
        survey.regulations[0].supersededBy = "nowhere"
        let messages = Validator.validate(survey).map(\.message)
        XCTAssertTrue(messages.contains { $0.contains("Anhui") && $0.contains("2018") && $0.contains("audit-list") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("北京丙电力有限公司") && $0.contains("2030") && $0.contains("Beijing") })
        XCTAssertTrue(messages.contains { $0.contains("清洁生产审核暂行办法") && $0.contains("nowhere") })
    }

    func testDelegatedCellsMayCarryAnyLabelling() {
        var survey = TestFixtures.survey()
        survey.observations[Self.index(survey, "guangdong", 2019, .auditList)].reasonLabelling = .marked(.all)
        XCTAssertEqual(Validator.validate(survey), [])
    }

    func testUnknownReasonsNeverRaiseItemNotRequired() {
        var survey = TestFixtures.survey()
        survey.enterprises[2].disclosedItems = DisclosureItem.allCases  // e3: reasons unknown
        XCTAssertEqual(Validator.validate(survey), [])
    }

    func testErrorsFirstThenWarningsInLocationOrder() {
        var survey = TestFixtures.survey()
        survey.enterprises[6].urls = ["not a url"]  // warning, enterprise e7
        survey.observations[Self.index(survey, "xpcc", 2019, .auditList)].coverage = [.mandatory]  // warning, cell
        survey.observations[Self.index(survey, "anhui", 2020, .auditList)].reasonLabelling = .notStated  // warning, earlier cell
        survey.enterprises[0].name = ""  // error, enterprise e1
        survey.years = [2020, 2019, 2018]  // error, survey
        survey.enterprises[3].disclosedItems = [.toxicMaterials]  // warning, enterprise e4 (before e7)
        let problems = Validator.validate(survey)
        XCTAssertEqual(problems.map(\.code), [
            .yearsNotAscending, .emptyEnterpriseName,
            .labellingWithoutList, .coverageWithoutDisclosure, .itemNotRequired, .invalidURL,
        ])
        XCTAssertEqual(problems.map(\.severity), [.error, .error, .warning, .warning, .warning, .warning])
        XCTAssertEqual(problems[2].location, .cell(jurisdiction: "anhui", year: 2020, kind: .auditList))
    }

    func testDuplicatesAreReportedOncePerExtraCopy() {
        var survey = TestFixtures.survey()
        survey.enterprises += [survey.enterprises[0], survey.enterprises[0]]
        let problems = Validator.validate(survey)
        XCTAssertEqual(problems.filter { $0.code == .duplicateEnterpriseID }.count, 2)
        XCTAssertEqual(problems.filter { $0.code == .duplicateEnterprise }.count, 2)
        survey.observations.append(survey.observations[0])
        survey.observations.append(survey.observations[0])
        let cells = Validator.validate(survey).filter { $0.code == .duplicateCell }
        XCTAssertEqual(cells.count, 1)
        XCTAssertTrue(cells[0].message.contains("3 times"))
    }

    func testWebURLs() {
        for good in ["https://www.mee.gov.cn/a/b.shtml", "http://gov.cn", "HTTPS://Example.com?q=1#x"] {
            XCTAssertTrue(Validator.isWebURL(good), good)
        }
        for bad in ["", "www.mee.gov.cn", "ftp://x.cn", "https://", "https:///path", "http://a b.cn", "mailto:x@y.cn", "javascript:alert(1)"] {
            XCTAssertFalse(Validator.isWebURL(bad), bad)
        }
    }

    func testSyntheticSurveyValidatesClean() {
        let survey = SyntheticSurvey.make(enterprises: 5_000, years: 2016...2022, seed: 2024)
        XCTAssertEqual(Validator.validate(survey), [])
    }

    /// A duplicate is found among many enterprises (speed is measured by `gongkai bench`, not here).
    func testADuplicateIsFoundAmongManyEnterprises() {
        var survey = SyntheticSurvey.make(enterprises: 10_000, years: 2003...2022, seed: 3)
        survey.enterprises.append(survey.enterprises[0])
        XCTAssertEqual(Validator.validate(survey).map(\.code), [.duplicateEnterpriseID, .duplicateEnterprise])
    }
}
