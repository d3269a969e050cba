import XCTest
@testable import Model

/// The report tables added for export: coverage, enterprises per jurisdiction, item rates and
/// sub-units. Every figure is checked against `Statistics` or worked out by hand from the fixture.
final class ExportTablesTests: ChineseTestCase {
    func testCoverageTableEqualsTheStatistics() {
        let survey = SyntheticSurvey.make(enterprises: 50, years: 2018...2022, seed: 11)
        let stats = Statistics(survey)
        let table = TableBuilder(survey).coverage()
        XCTAssertEqual(table.header[0].map(\.span), [1, 6, 6])
        XCTAssertEqual(table.columnCount, 13)
        for (i, year) in survey.years.enumerated() {
            let row = table.row(i)
            XCTAssertEqual(row[0].value, .integer(year))
            for kind in DisclosureKind.allCases {
                let c = stats.coverage(year: year, kind: kind)
                let base = 1 + kind.sortIndex * 6
                let expected = [c.mandatoryAndVoluntary, c.mandatoryOnly, c.voluntaryOnly, c.unclassified, c.notRecorded,
                                stats.statusCounts(year: year, kind: kind).disclosed]
                XCTAssertEqual(row[base..<base + 6].map(\.value), expected.map { .integer($0) }, "\(year) \(kind)")
            }
        }
    }

    func testEnterpriseSummaryByJurisdictionWithATotal() {
        let survey = TestFixtures.survey()
        let table = TableBuilder(survey).enterpriseSummary()
        XCTAssertEqual(table.expandedHeader[0], ["省份", "抽样企业数", "已公开", "公开比例", "公开完全", "公开不完全", "无法判断", "未公开任何信息"])
        XCTAssertEqual(table.row(0)[3].value, .percent(1), "安徽: 2 of 2 disclosed")
        XCTAssertEqual(table.row(4)[3].value, .percent(4.0 / 7), "the total's share")
        XCTAssertEqual(table.rowCount, survey.jurisdictions.count + 1)
        func ints(_ row: [TableCell]) -> [Int] { row.dropFirst().enumerated().filter { $0.offset != 2 }.map(\.element).map { if case .integer(let n) = $0.value { return n } else { return -1 } } }
        // e1 complete, e2 incomplete (安徽); e3 cannot judge, e4 nothing (北京); e5 nothing (广东); e6 nothing, e7 incomplete (兵团)
        XCTAssertEqual(table.row(0)[0].value.plainText, "安徽")
        XCTAssertEqual(ints(table.row(0)), [2, 2, 1, 1, 0, 0])
        XCTAssertEqual(ints(table.row(1)), [2, 1, 0, 0, 1, 1])
        XCTAssertEqual(ints(table.row(2)), [1, 0, 0, 0, 0, 1])
        XCTAssertEqual(ints(table.row(3)), [2, 1, 0, 1, 0, 1])
        XCTAssertEqual(table.row(4)[0].value.plainText, "合计")
        XCTAssertEqual(ints(table.row(4)), [7, 4, 1, 2, 1, 3])
    }

    func testItemRatesAreNumbersAndPercents() {
        let survey = SyntheticSurvey.make(enterprises: 400, years: 2018...2022, seed: 3)
        let items = Statistics(survey).enterprises.items
        let table = TableBuilder(survey).itemRates()
        XCTAssertEqual(table.rowCount, DisclosureItem.allCases.count)
        for (i, r) in items.enumerated() {
            let row = table.row(i)
            XCTAssertEqual(row[0].value.plainText, r.item.label)
            XCTAssertEqual(row[2].value, .integer(r.required))
            XCTAssertEqual(row[3].value, .integer(r.disclosed))
            XCTAssertEqual(row[4].value, r.rate.map { .percent($0) } ?? .empty)
            XCTAssertEqual(row[5].value, .integer(r.requiredAmongDisclosing))
            XCTAssertEqual(row[6].value, r.rateAmongDisclosing.map { .percent($0) } ?? .empty)
        }
        XCTAssertEqual(table.row(0)[1].value.plainText, "各类原因均须公开")
        XCTAssertEqual(table.row(3)[1].value.plainText, "原因1")
        XCTAssertTrue(items.contains { $0.rate != nil }, "the synthetic sample has enterprises with known reasons")
    }

    func testSubUnitsShowObservedReportedAndNotRecorded() {
        var survey = TestFixtures.survey()
        // 兵团 evaluation is delegated in 2020 but has no sub-unit data: a "not recorded" row.
        survey.subUnitObservations.removeAll { $0.jurisdiction == "xpcc" && $0.kind == .evaluation }
        let table = TableBuilder(survey).subUnits()
        let rows = table.rows.map { $0.map(\.value.plainText) }
        // 广东 audit: 广州 disclosed, 深圳 not, 江门 other only — observed over all years.
        XCTAssertEqual(rows[0], ["广东", "审核企业名单公开", "调研期内", "按点名的下级单位计数", "3", "1", "1", "1", "3", ""])
        XCTAssertEqual(rows[1], ["广东", "评估与验收结果公开", "2019", "报告给出的数字", "21", "19", "2", "", "3",
                                 "除江门市和揭阳市外，其他地市级均进行了公开"])
        XCTAssertEqual(rows[2], ["建设兵团", "审核企业名单公开", "调研期内", "按点名的下级单位计数", "1", "1", "0", "0", "2", ""])
        XCTAssertEqual(rows[3], ["建设兵团", "评估与验收结果公开", "", "报告未给出", "", "", "", "", "2", ""])
        XCTAssertEqual(table.rowCount, 4)
        XCTAssertEqual(table.row(1)[1 + 4].value, .integer(19), "counts are numbers")
        XCTAssertEqual(table.row(1)[5].status, .disclosed)
    }

    func testEveryTableHasAShortTitleThatFitsASheetName() {
        for language in [Language.chinese, .english] {
            Localizer.shared.language = language
            let titles = TableBuilder.tableIDs.map(TableBuilder.shortTitle(of:))
            XCTAssertEqual(Set(titles).count, titles.count, "short titles are distinct")
            for (id, title) in zip(TableBuilder.tableIDs, titles) {
                XCTAssertNotEqual(title, id, "\(id) has a translated short title")
                XCTAssertLessThanOrEqual(title.count, 31, title)
                XCTAssertNil(title.rangeOfCharacter(from: CharacterSet(charactersIn: "[]:*?/\\")), title)
            }
        }
    }
}
