import Foundation
import Model
import XCTest

/// Reported tallies, recorded verdicts, cell qualities and their checks (issue 13), on the
/// hand-made fixture (7 enterprises: 安徽 e1 complete and e2 incomplete in 2019; 北京 e3 cannot
/// judge in 2018 and e4 nothing disclosed in 2020; 广东 e5, 兵团 e6 nothing disclosed; 兵团 e7
/// incomplete) and on the built-in dataset.
final class ReportFiguresTests: XCTestCase {
    private func figure(_ s: Survey, _ m: TallyMeasure, _ j: String? = nil, outcome: PhoneOutcome? = nil) throws -> CombinedFigure {
        let figures = Statistics(s).figures
        let f = j.map { figures.figure(m, jurisdiction: $0, outcome: outcome) } ?? figures.figure(m, outcome: outcome)
        return try XCTUnwrap(f, "\(m) \(j ?? "survey")")
    }

    private func withReported(_ build: (inout ReportedData) -> Void) -> Survey {
        var s = TestFixtures.survey()
        var data = ReportedData()
        build(&data)
        s.reportedData = data
        return s
    }

    func testWithoutTalliesEveryFigureComesFromRecords() throws {
        let s = TestFixtures.survey()
        XCTAssertEqual(try figure(s, .enterprisesSampled).value, 7)
        XCTAssertEqual(try figure(s, .enterprisesSampled).source, .records)
        XCTAssertEqual(try figure(s, .enterprisesDisclosed).value, 4)
        XCTAssertEqual(try figure(s, .phoneCalls).value, 3, "e4, e5, e6")
        XCTAssertEqual(try figure(s, .phoneOutcome, outcome: .confidential).value, 1)
        XCTAssertEqual(try figure(s, .lettersSent).value, 1)
        XCTAssertEqual(try figure(s, .lettersReplied).value, 1)
        XCTAssertNil(Statistics(s).figures.figure(.enterprisesSampled, jurisdiction: "guangdong").flatMap(\.tally))
    }

    /// A tally is the total of its scope with its records included: the records are not added again.
    func testATallyReplacesTheRecordsOfItsScopeWithoutCountingThemTwice() throws {
        let s = withReported { d in
            d.tallies = [ReportedTally(.enterprisesSampled, jurisdiction: "anhui", value: 20, source: "p. 1")]
        }
        let anhui = try figure(s, .enterprisesSampled, "anhui")
        XCTAssertEqual(anhui.value, 20)
        XCTAssertEqual(anhui.records, 2)
        XCTAssertEqual(anhui.source, .both)
        let beijing = try figure(s, .enterprisesSampled, "beijing")
        XCTAssertEqual(beijing.value, 2)
        XCTAssertEqual(beijing.source, .records)
        // 20 (安徽's tally, its 2 records inside) + 2 + 1 + 2 records elsewhere.
        let total = try figure(s, .enterprisesSampled)
        XCTAssertEqual(total.value, 25)
        XCTAssertEqual(total.records, 7)
        XCTAssertEqual(total.source, .both)
        // A tally for the whole survey wins over the sum of its parts.
        var whole = s
        whole.reportedData.tallies.append(ReportedTally(.enterprisesSampled, value: 40, source: "p. 2"))
        XCTAssertEqual(try figure(whole, .enterprisesSampled).value, 40)
        XCTAssertEqual(try figure(whole, .enterprisesSampled).tally, 40)
    }

    func testAYearTallyCoversOnlyItsYear() throws {
        // 兵团 has e6 and e7 in 2020; a 2019 tally of 5 adds to them.
        let s = withReported { d in
            d.tallies = [ReportedTally(.enterprisesSampled, jurisdiction: "xpcc", year: 2019, value: 5, source: "p. 3")]
        }
        XCTAssertEqual(try figure(s, .enterprisesSampled, "xpcc").value, 7)
        // A 2020 tally of 3 replaces the two 2020 records.
        let t = withReported { d in
            d.tallies = [ReportedTally(.enterprisesSampled, jurisdiction: "xpcc", year: 2020, value: 3, source: "p. 3")]
        }
        XCTAssertEqual(try figure(t, .enterprisesSampled, "xpcc").value, 3)
        XCTAssertEqual(try figure(t, .enterprisesSampled).value, 8)
    }

    func testPhoneOutcomeAndLetterTallies() throws {
        let s = withReported { d in
            d.tallies = [ReportedTally(.phoneOutcome, outcome: .notReached, value: 45, source: "45家"),
                         ReportedTally(.lettersReplied, value: 28, source: "28个")]
        }
        XCTAssertEqual(try figure(s, .phoneOutcome, outcome: .notReached).value, 45)
        XCTAssertEqual(try figure(s, .phoneOutcome, outcome: .notReached).records, 1, "e4's last call was unanswered")
        XCTAssertEqual(try figure(s, .phoneOutcome, outcome: .notReached).source, .both)
        XCTAssertEqual(try figure(s, .phoneOutcome, outcome: .willNotPublish).source, .records)
        XCTAssertEqual(try figure(s, .phoneOutcome, outcome: .confidential).value, 1)
        XCTAssertEqual(try figure(s, .lettersReplied).value, 28)
        XCTAssertEqual(try figure(s, .lettersReplied).source, .both)
    }

    /// The derived verdict wins where it can be derived; the recorded one fills in where it cannot.
    func testRecordedVerdictsFillInWhereNoVerdictCanBeDerived() throws {
        let s = withReported { d in
            d.verdicts = [RecordedVerdict(enterprise: "e3", verdict: .complete, source: "named as complete"),
                          RecordedVerdict(enterprise: "e2", verdict: .complete, source: "named as complete")]
        }
        let e = Statistics(s).enterprises
        XCTAssertEqual(e.completeness.complete, 2, "e1 derived, e3 recorded")
        XCTAssertEqual(e.completeness.incomplete, 2, "e2 stays incomplete (derived), e7")
        XCTAssertEqual(e.completeness.cannotJudge, 0)
        XCTAssertEqual(Statistics(s).enterprises(of: "beijing")?.completeness.complete, 1)
        let problems = Validator.validate(s).filter { $0.code == .verdictDisagrees }
        XCTAssertEqual(problems.map(\.location), [.enterprise(id: "e2")])
    }

    func testChecksCompareTalliesWithTheRecordsOfTheirScope() {
        let s = withReported { d in
            d.tallies = [ReportedTally(.enterprisesSampled, jurisdiction: "beijing", value: 1, source: "p. 1"),
                         ReportedTally(.enterprisesSampled, value: 3, source: "p. 2"),
                         ReportedTally(.lettersSent, value: 1, source: "p. 3"),
                         ReportedTally(.lettersSent, value: 2, source: "p. 3 again"),
                         RecordedVerdictLessTally.negative]
            d.verdicts = [RecordedVerdict(enterprise: "nobody", verdict: .complete, source: "?")]
        }
        let codes = Validator.validate(s).map(\.code)
        // 北京 has 2 records but a tally of 1; the survey has 7 records but a tally of 3.
        XCTAssertEqual(codes.filter { $0 == .recordsExceedTally }.count, 2)
        XCTAssertTrue(codes.contains(.tallyPartsExceedTotal))
        XCTAssertEqual(codes.filter { $0 == .tallyInvalid }.count, 2, "a repeated scope and a negative value")
        XCTAssertTrue(codes.contains(.verdictUnknownEnterprise))
        XCTAssertFalse(Validator.validate(TestFixtures.survey()).contains { $0.code == .recordsExceedTally })
    }

    private enum RecordedVerdictLessTally {
        static let negative = ReportedTally(.phoneCalls, jurisdiction: "anhui", value: -1, source: "typo")
    }

    func testQualitiesAreCountedAndCheckedAgainstTheirCell() throws {
        var s = TestFixtures.survey()
        let disclosed = try XCTUnwrap(s.observations.first { $0.status == .disclosed })
        let closed = try XCTUnwrap(s.observations.first { $0.status == .notDisclosed })
        s.reportedData.cellQualities = [
            CellQuality(jurisdiction: disclosed.jurisdiction, year: disclosed.year, kind: disclosed.kind, quality: .fairlyComprehensive, source: "较为全面"),
            CellQuality(jurisdiction: closed.jurisdiction, year: closed.year, kind: closed.kind, quality: .partial, source: "部分公开"),
        ]
        XCTAssertEqual(s.qualities(disclosed.jurisdiction, disclosed.year, disclosed.kind).map(\.quality), [.fairlyComprehensive])
        let problems = Validator.validate(s).filter { $0.code == .qualityOnUndisclosedCell }
        XCTAssertEqual(problems.map(\.location), [.cell(jurisdiction: closed.jurisdiction, year: closed.year, kind: closed.kind)])
        let counted = Reconciler(s).compute(FigureQuery(.jurisdictionsWithQuality, quality: .fairlyComprehensive))
        XCTAssertEqual(counted.value, 1)
    }

    func testReportedDataAndRateDefinitionSurviveSavingAndAreLeftOutWhenEmpty() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let plain = dir.appendingPathComponent("plain.gongkai")
        try SurveyFile.save(TestFixtures.survey(), to: plain)
        let text = try String(contentsOf: plain, encoding: .utf8)
        XCTAssertFalse(text.contains("\"reported\""))
        XCTAssertFalse(text.contains("rateDefinition"))
        XCTAssertEqual(try SurveyFile.load(from: plain), TestFixtures.survey())

        var s = withReported { d in
            d.tallies = [ReportedTally(.phoneOutcome, outcome: .notReached, value: 45, source: "45家")]
            d.verdicts = [RecordedVerdict(enterprise: "e3", verdict: .incomplete, source: "x")]
            d.cellQualities = [CellQuality(jurisdiction: "anhui", year: 2018, kind: .auditList, quality: .partial, source: "y")]
            d.statedFigures = [StatedFigure(id: "f", statement: "s", stated: 3, query: FigureQuery(.jurisdictionsDisclosed, kind: .auditList, year: 2018),
                                            names: ["anhui"], approximate: true)]
            d.decisions = [LabellingDecision(id: "d", cells: [CellKey(jurisdiction: "anhui", year: 2018, kind: .auditList)],
                                             decision: "kept", conflictingPassage: "other")]
        }
        s.meta.rateDefinition = .delegatedAsNotDisclosed
        let full = dir.appendingPathComponent("full.gongkai")
        try SurveyFile.save(s, to: full)
        XCTAssertEqual(try SurveyFile.load(from: full), s)
    }

    /// The report's figures of the enterprise sample, phone survey and letters, from the built-in data.
    func testBuiltinDatasetGivesTheReportsFigures() throws {
        let url = try XCTUnwrap(BuiltinDataset.url)
        let s = try SurveyFile.load(from: url)
        let expected: [(TallyMeasure, PhoneOutcome?, Int)] = [
            (.enterprisesSampled, nil, 620), (.enterprisesDisclosed, nil, 83), (.enterprisesComplete, nil, 10),
            (.enterprisesIncomplete, nil, 14), (.enterprisesCannotJudge, nil, 59), (.phoneCalls, nil, 62),
            (.phoneOutcome, .notReached, 45), (.lettersSent, nil, 31), (.lettersReplied, nil, 28),
        ]
        for (m, o, value) in expected {
            XCTAssertEqual(try figure(s, m, outcome: o).value, value, "\(m) \(o?.rawValue ?? "")")
        }
        // The 24 named firms carry the report's verdicts: 10 complete and 14 incomplete as records.
        XCTAssertEqual(Statistics(s).enterprises.completeness.complete, 10)
        XCTAssertEqual(Statistics(s).enterprises.completeness.incomplete, 14)
        XCTAssertEqual(try figure(s, .enterprisesComplete).source, .both)
        XCTAssertEqual(try figure(s, .enterprisesDisclosed, "chongqing").value, 11)
        XCTAssertEqual(try figure(s, .enterprisesSampled, "xizang").value, 0)
        XCTAssertFalse(Validator.validate(s).contains { $0.isError })
        let decisions = Validator.validate(s).filter { $0.code == .labellingDecision }.map(\.location)
        XCTAssertEqual(Set(decisions), [.cell(jurisdiction: "qinghai", year: 2018, kind: .auditList),
                                        .cell(jurisdiction: "neimenggu", year: 2020, kind: .auditList)])
    }
}
