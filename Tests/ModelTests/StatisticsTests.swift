import Foundation
import XCTest
@testable import Model

final class StatisticsTests: XCTestCase {
    private let stats = Statistics(TestFixtures.survey())

    func testStatusCountsPerYearAndKind() {
        XCTAssertEqual(stats.years, [2018, 2019, 2020])
        XCTAssertEqual(stats.jurisdictionCount, 4)
        let audit2018 = stats.statusCounts(year: 2018, kind: .auditList)
        XCTAssertEqual([audit2018.disclosed, audit2018.notDisclosed, audit2018.prefecture, audit2018.division, audit2018.notSurveyed],
                       [1, 2, 1, 0, 0])
        let audit2019 = stats.statusCounts(year: 2019, kind: .auditList)
        XCTAssertEqual([audit2019.disclosed, audit2019.notDisclosed, audit2019.prefecture, audit2019.division], [2, 1, 1, 0])
        let audit2020 = stats.statusCounts(year: 2020, kind: .auditList)
        XCTAssertEqual([audit2020.disclosed, audit2020.notDisclosed, audit2020.prefecture, audit2020.division], [1, 1, 1, 1])
        XCTAssertEqual(audit2020.delegated, 2)
        XCTAssertEqual(audit2020.total, 4)
        let evaluation2019 = stats.statusCounts(year: 2019, kind: .evaluation)
        XCTAssertEqual([evaluation2019.disclosed, evaluation2019.notDisclosed, evaluation2019.prefecture], [0, 3, 1])
        XCTAssertEqual(stats.statusCounts(year: 1999, kind: .auditList).total, 0)
    }

    func testMissingCellsCountAsNotSurveyed() {
        var survey = TestFixtures.survey()
        survey.observations.removeAll { $0.jurisdiction == "anhui" && $0.year == 2019 }
        let counts = Statistics(survey).statusCounts(year: 2019, kind: .auditList)
        XCTAssertEqual(counts.notSurveyed, 1)
        XCTAssertEqual(counts.disclosed, 1)
        XCTAssertEqual(counts.total, 4)
    }

    func testCoverageOfDisclosedCells() {
        let c2018 = stats.coverage(year: 2018, kind: .auditList)
        XCTAssertEqual(c2018.mandatoryAndVoluntary, 1)
        XCTAssertEqual(c2018.total, 1)
        let c2019 = stats.coverage(year: 2019, kind: .auditList)
        XCTAssertEqual([c2019.mandatoryAndVoluntary, c2019.mandatoryOnly, c2019.voluntaryOnly, c2019.unclassified, c2019.notRecorded],
                       [0, 1, 0, 1, 0])
        XCTAssertEqual(stats.coverage(year: 2020, kind: .auditList).notRecorded, 1)
        XCTAssertEqual(stats.coverage(year: 2018, kind: .evaluation).voluntaryOnly, 1)
        XCTAssertEqual(stats.coverage(year: 2020, kind: .evaluation).mandatoryOnly, 1)
        for year in stats.byYear {
            for kind in DisclosureKind.allCases {
                XCTAssertEqual(year[kind].coverage.total, year[kind].status.disclosed, "\(year.year) \(kind)")
            }
        }
    }

    func testCoverageIgnoresUnclassifiedBesideAClassifiedType() {
        var counts = CoverageCounts()
        counts.add([.mandatory, .unclassified])
        counts.add([.voluntary, .mandatory])
        counts.add([.unclassified])
        XCTAssertEqual([counts.mandatoryOnly, counts.mandatoryAndVoluntary, counts.unclassified], [1, 1, 1])
        XCTAssertEqual(counts.includingMandatory, 2)
    }

    func testReasonLabellingPerYear() {
        let l2018 = stats.labelling(year: 2018)
        XCTAssertEqual([l2018.noList, l2018.notStated, l2018.someMarked, l2018.allMarked, l2018.notRecorded], [2, 1, 0, 1, 0])
        let l2019 = stats.labelling(year: 2019)
        XCTAssertEqual([l2019.noList, l2019.notStated, l2019.someMarked, l2019.allMarked, l2019.notRecorded], [1, 1, 1, 0, 1])
        XCTAssertEqual([l2019.marksPollution, l2019.marksEnergy, l2019.marksToxic], [1, 0, 0])
        let l2020 = stats.labelling(year: 2020)
        XCTAssertEqual([l2020.noList, l2020.notStated, l2020.someMarked, l2020.allMarked, l2020.notRecorded], [2, 1, 0, 0, 1])
        XCTAssertEqual(l2020.total, 4)
    }

    func testDisclosureRatesExcludeDelegatedCells() throws {
        let anhui = try XCTUnwrap(stats.rate(of: "anhui"))
        XCTAssertEqual(anhui.auditList.disclosed, 1)
        XCTAssertEqual(anhui.auditList.notDisclosed, 2)
        XCTAssertEqual(anhui.combined.rate, 1.0 / 6.0)
        let beijing = try XCTUnwrap(stats.rate(of: "beijing"))
        XCTAssertEqual(beijing.auditList.rate, 1.0)
        XCTAssertEqual(beijing.evaluation.rate, 2.0 / 3.0)
        XCTAssertEqual(beijing.combined.rate, 5.0 / 6.0)
        let xpcc = try XCTUnwrap(stats.rate(of: "xpcc"))
        XCTAssertEqual(xpcc.combined.delegated, 2)
        XCTAssertEqual(xpcc.combined.rate, 0)
        XCTAssertEqual(xpcc.combined.rateIncludingDelegated, 0)
        let guangdong = try XCTUnwrap(stats.rate(of: "guangdong"))
        XCTAssertEqual(guangdong.combined.delegated, 6)
        XCTAssertNil(guangdong.combined.rate)
        XCTAssertEqual(guangdong.combined.rateIncludingDelegated, 0)
    }

    func testRankingOrdersByRateAndLeavesUnratedLast() {
        XCTAssertEqual(stats.ranking.map(\.jurisdiction), ["beijing", "anhui", "xpcc", "guangdong"])
        XCTAssertEqual(stats.ranking.map(\.rank), [1, 2, 3, nil])
        XCTAssertEqual(stats.rate(of: "beijing")?.rank, 1)
        XCTAssertNil(stats.rate(of: "guangdong")?.rank)
    }

    func testRankingTiesShareARankAndKeepSurveyOrder() {
        // j0 1/2, j1 2/2, j2 1/2 (same rate as j0, written differently: 2/4), j3 0/2
        let survey = TestFixtures.matrix(
            audit: [[.disclosed, .notDisclosed], [.disclosed, .disclosed], [.disclosed, .notDisclosed], [.notDisclosed, .notDisclosed]],
            evaluation: [[.prefecture, .prefecture], [.prefecture, .prefecture], [.disclosed, .notDisclosed], [.prefecture, .prefecture]])
        let ranking = Statistics(survey).ranking
        XCTAssertEqual(ranking.map(\.jurisdiction), ["j1", "j0", "j2", "j3"])
        XCTAssertEqual(ranking.map(\.rank), [1, 2, 2, 4])
        let byEvaluation = JurisdictionRate.ranking(Statistics(survey).jurisdictionRates, kind: .evaluation)
        XCTAssertEqual(byEvaluation.map(\.jurisdiction), ["j2", "j0", "j1", "j3"])
        XCTAssertEqual(byEvaluation.map(\.rank), [1, nil, nil, nil])
    }

    func testYearOverYearChanges() throws {
        XCTAssertEqual(stats.changes.count, 4)
        let audit1819 = try XCTUnwrap(stats.change(kind: .auditList, from: 2018))
        XCTAssertEqual(audit1819.toYear, 2019)
        XCTAssertEqual(audit1819.improved, ["anhui"])
        XCTAssertEqual(audit1819.regressed, [])
        let audit1920 = try XCTUnwrap(stats.change(kind: .auditList, from: 2019))
        XCTAssertEqual(audit1920.improved, [])
        XCTAssertEqual(audit1920.regressed, ["anhui"])  // 建设兵团 × → divisions is neither
        XCTAssertEqual(stats.change(kind: .evaluation, from: 2018)?.regressed, ["beijing"])
        XCTAssertEqual(stats.change(kind: .evaluation, from: 2019)?.improved, ["beijing"])
        XCTAssertEqual(stats.changes(kind: .evaluation).map(\.fromYear), [2018, 2019])
    }

    func testEnterpriseCompleteness() throws {
        let e = stats.enterprises
        XCTAssertEqual(e.sampled, 7)
        XCTAssertEqual(e.disclosed, 4)
        XCTAssertEqual([e.completeness.complete, e.completeness.incomplete, e.completeness.cannotJudge, e.completeness.nothingDisclosed],
                       [1, 2, 1, 3])
        let anhui = try XCTUnwrap(stats.enterprises(of: "anhui"))
        XCTAssertEqual([anhui.sampled, anhui.disclosed, anhui.completeness.complete, anhui.completeness.incomplete], [2, 2, 1, 1])
        let beijing = try XCTUnwrap(stats.enterprises(of: "beijing"))
        XCTAssertEqual([beijing.completeness.cannotJudge, beijing.completeness.nothingDisclosed], [1, 1])
        let xpcc = try XCTUnwrap(stats.enterprises(of: "xpcc"))
        XCTAssertEqual([xpcc.sampled, xpcc.disclosed, xpcc.completeness.incomplete], [2, 1, 1])
        XCTAssertEqual(e.byJurisdiction.map(\.jurisdiction), ["anhui", "beijing", "guangdong", "xpcc"])
    }

    func testEnterprisesOfUnknownJurisdictionsGetTheirOwnRow() {
        var survey = TestFixtures.survey()
        survey.enterprises.append(Enterprise(id: "x", name: "外地企业", jurisdiction: "atlantis"))
        let e = Statistics(survey).enterprises
        XCTAssertEqual(e.byJurisdiction.last?.jurisdiction, "atlantis")
        XCTAssertEqual(e.byJurisdiction.map(\.sampled).reduce(0, +), e.sampled)
    }

    func testItemRates() throws {
        let items = stats.enterprises.items
        XCTAssertEqual(items.map(\.item), DisclosureItem.allCases)
        let name = try XCTUnwrap(items.first { $0.item == .companyName })
        XCTAssertEqual([name.required, name.disclosed, name.requiredAmongDisclosing, name.disclosedAmongDisclosing], [5, 2, 3, 2])
        XCTAssertEqual(name.rate, 0.4)
        let pollutants = try XCTUnwrap(items.first { $0.item == .pollutantNames })
        XCTAssertEqual([pollutants.required, pollutants.disclosed], [2, 2])
        XCTAssertEqual(pollutants.rate, 1)
        let toxic = try XCTUnwrap(items.first { $0.item == .toxicMaterials })
        XCTAssertEqual([toxic.required, toxic.disclosed, toxic.requiredAmongDisclosing], [2, 0, 1])
        let energy = try XCTUnwrap(items.first { $0.item == .energyPerProduct })
        XCTAssertEqual([energy.required, energy.disclosed, energy.requiredAmongDisclosing], [2, 0, 1])
        XCTAssertEqual(energy.rateAmongDisclosing, 0)
    }

    func testPhoneOutcomes() {
        let phone = stats.enterprises.phone
        XCTAssertEqual(phone.enterprisesCalled, 3)
        XCTAssertEqual(phone.attempts, 5)
        XCTAssertEqual(phone.count(.notReached).enterprises, 1)
        XCTAssertEqual(phone.count(.notReached).attempts, 3)
        XCTAssertEqual(phone.count(.confidential).enterprises, 1)
        XCTAssertEqual(phone.count(.willNotPublish).enterprises, 1)
        XCTAssertEqual(phone.count(.staffUnaware).attempts, 0)
        XCTAssertEqual(phone.outcomes.map(\.outcome), PhoneOutcome.allCases)
    }

    func testSubUnitsFromObservationsAndTallies() throws {
        let gdAudit = try XCTUnwrap(stats.subUnits(of: "guangdong", kind: .auditList).first)
        XCTAssertEqual(gdAudit.basis, .observed)
        XCTAssertEqual([gdAudit.units, gdAudit.disclosed, gdAudit.notDisclosed, gdAudit.otherOnly, gdAudit.listedSubUnits], [3, 1, 1, 1, 3])
        let gdEvaluation = stats.subUnits(of: "guangdong", kind: .evaluation)
        XCTAssertEqual(gdEvaluation.count, 1)
        XCTAssertEqual(gdEvaluation.first?.basis, .reported)
        XCTAssertEqual(gdEvaluation.first?.year, 2019)
        XCTAssertEqual(gdEvaluation.first.map { [$0.units, $0.disclosed, $0.notDisclosed] }, [21, 19, 2])
        XCTAssertEqual(stats.subUnits(of: "xpcc", kind: .auditList).first?.disclosed, 1)
        XCTAssertEqual(stats.subUnits(of: "xpcc", kind: .evaluation).first?.basis, .notRecorded)
        XCTAssertTrue(stats.subUnits(of: "anhui", kind: .auditList).isEmpty)
    }

    func testNamedObservationsTakePrecedenceOverTallies() {
        var survey = TestFixtures.survey()
        survey.subUnitTallies.append(SubUnitTally(jurisdiction: "guangdong", kind: .auditList, year: 2019, units: 21,
                                                  disclosed: 10, source: "x"))
        let rows = Statistics(survey).subUnits(of: "guangdong", kind: .auditList)
        XCTAssertEqual(rows.map(\.basis), [.observed])
    }

    func testCellIndexFindsCellsAndDuplicates() throws {
        var survey = TestFixtures.survey()
        survey.observations.append(TestFixtures.cell("anhui", 2018, .auditList, .disclosed))
        let index = CellIndex(survey)
        XCTAssertEqual(index.count, 24)
        XCTAssertEqual(index.duplicates, [24])
        XCTAssertEqual(index.status("anhui", 2018, .auditList, in: survey), .notDisclosed)
        XCTAssertEqual(index.status("anhui", 2017, .auditList, in: survey), .notSurveyed)
        let i = try XCTUnwrap(index[CellKey(jurisdiction: "beijing", year: 2019, kind: .evaluation)])
        XCTAssertEqual(survey.observations[i].status, .notDisclosed)
    }

    func testCountsAgreeWithTheDomainDefinitionOfCompleteness() {
        var survey = SyntheticSurvey.make(enterprises: 3_000, years: 2018...2022, seed: 7)
        survey.enterprises += TestFixtures.enterprises()
        let figures = Statistics(survey).enterprises
        for c in Completeness.allCases {
            XCTAssertEqual(figures.completeness[c], survey.enterprises.filter { $0.completeness == c }.count, "\(c)")
        }
        for row in figures.byJurisdiction {
            let mine = survey.enterprises.filter { $0.jurisdiction == row.jurisdiction }
            XCTAssertEqual(row.sampled, mine.count)
            XCTAssertEqual(row.completeness.incomplete, mine.filter { $0.completeness == .incomplete }.count)
        }
        for rate in figures.items {
            let requiring = survey.enterprises.filter { $0.requiredItems?.contains(rate.item) ?? false }
            XCTAssertEqual(rate.required, requiring.count, "\(rate.item)")
            XCTAssertEqual(rate.disclosed, requiring.filter { $0.disclosedItems.contains(rate.item) }.count, "\(rate.item)")
        }
        XCTAssertEqual(DisclosureItem.allCases.map(\.catalogueIndex), Array(DisclosureItem.allCases.indices))
        XCTAssertEqual(PhoneOutcome.allCases.map(\.catalogueIndex), Array(PhoneOutcome.allCases.indices))
    }

    func testStatisticsEncodeWithRatesAndRoundTrip() throws {
        let data = try JSONEncoder().encode(stats)
        let text = try XCTUnwrap(String(data: data, encoding: .utf8))
        XCTAssertTrue(text.contains("\"rateIncludingDelegated\""))
        XCTAssertTrue(text.contains("\"rateAmongDisclosing\""))
        XCTAssertEqual(try JSONDecoder().decode(Statistics.self, from: data), stats)
    }

    func testSyntheticSurveyIsDeterministicAndVaried() {
        let a = SyntheticSurvey.make(enterprises: 640, years: 2018...2022, seed: 5)
        XCTAssertEqual(a, SyntheticSurvey.make(enterprises: 640, years: 2018...2022, seed: 5))
        XCTAssertNotEqual(a, SyntheticSurvey.make(enterprises: 640, years: 2018...2022, seed: 6))
        XCTAssertEqual(a.jurisdictions.count, 32)
        XCTAssertEqual(Set(a.jurisdictions.map(\.id)).count, 32)
        XCTAssertEqual(a.years, [2018, 2019, 2020, 2021, 2022])
        XCTAssertEqual(a.enterprises.count, 640)
        let figures = Statistics(a)
        XCTAssertTrue(figures.byYear.allSatisfy { $0.auditList.status.total == 32 && $0.evaluation.status.total == 32 })
        XCTAssertEqual(CellIndex(a).count, 32 * 5 * 2, "every cell is filled")
        XCTAssertEqual(Set(a.observations.map(\.status)), Set(DisclosureStatus.allCases))
        let completeness = figures.enterprises.completeness
        XCTAssertTrue(Completeness.allCases.allSatisfy { completeness[$0] > 0 }, "\(completeness)")
        XCTAssertGreaterThan(figures.enterprises.phone.enterprisesCalled, 0)
        XCTAssertTrue(figures.subUnits.contains { $0.basis == .observed } && figures.subUnits.contains { $0.basis == .reported })
    }

    /// A large survey is summarised in full (speed is measured by `gongkai bench`, not here).
    func testLargeSyntheticSurveyIsSummarised() {
        let survey = SyntheticSurvey.make(enterprises: 10_000, years: 2003...2022, seed: 1)
        let result = Statistics(survey)
        XCTAssertEqual(result.enterprises.sampled, 10_000)
        XCTAssertEqual(result.enterprises.completeness.total, 10_000)
        XCTAssertEqual(result.years.count, 20)
    }
}
