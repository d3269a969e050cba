import XCTest
@testable import Model

/// The built-in dataset against the report's tables: a sample of cells as printed, and the
/// per-year counts computed from the cells against counts taken by hand from the report's
/// 《省份/年度》 table (not its prose, which differs in places; see the dataset's notes).
final class BuiltinDatasetTests: XCTestCase {
    private func builtin() throws -> Survey {
        let url = try XCTUnwrap(BuiltinDataset.url, "the built-in dataset is not in the bundle")
        return try SurveyFile.load(from: url)
    }

    private func id(_ survey: Survey, _ shortName: String) throws -> String {
        try XCTUnwrap(survey.jurisdictions.first { $0.shortName == shortName }?.id, "no jurisdiction \(shortName)")
    }

    func testShapeOfTheSurvey() throws {
        let s = try builtin()
        XCTAssertEqual(s.years, [2018, 2019, 2020, 2021, 2022])
        XCTAssertEqual(s.jurisdictions.count, 32)
        XCTAssertEqual(s.jurisdictions.first?.shortName, "安徽")
        XCTAssertEqual(s.jurisdictions.last?.shortName, "重庆")
        XCTAssertEqual(Set(s.jurisdictions.map(\.id)).count, 32)
        XCTAssertEqual(Set(s.jurisdictions.map(\.tile)).count, 32, "each jurisdiction has its own map tile")
        XCTAssertEqual(s.observations.count, 32 * 5 * 2, "every cell of the report's table is transcribed")
        let kinds = Dictionary(grouping: s.jurisdictions, by: \.kind).mapValues(\.count)
        XCTAssertEqual(kinds[.province], 22)
        XCTAssertEqual(kinds[.autonomousRegion], 5)
        XCTAssertEqual(kinds[.municipality], 4)
        XCTAssertEqual(kinds[.corps], 1)
    }

    func testSampleOfCellsAsPrinted() throws {
        let s = try builtin()
        func cell(_ name: String, _ year: Int, _ kind: DisclosureKind) throws -> Observation {
            try XCTUnwrap(s.observation(try id(s, name), year, kind), "\(name) \(year) \(kind)")
        }
        XCTAssertEqual(try cell("安徽", 2018, .auditList).status, .notDisclosed)
        XCTAssertEqual(try cell("安徽", 2021, .auditList).status, .disclosed)
        XCTAssertEqual(try cell("北京", 2022, .evaluation).status, .disclosed)
        XCTAssertEqual(try cell("广东", 2020, .auditList).status, .prefecture)
        XCTAssertEqual(try cell("广西", 2019, .auditList).status, .disclosed)
        XCTAssertEqual(try cell("广西", 2022, .evaluation).status, .prefecture)
        XCTAssertEqual(try cell("湖南", 2018, .evaluation).status, .disclosed)
        XCTAssertEqual(try cell("江苏", 2022, .evaluation).status, .prefecture)
        XCTAssertEqual(try cell("内蒙古", 2022, .auditList).status, .notDisclosed)
        XCTAssertEqual(try cell("海南", 2021, .evaluation).status, .disclosed)
        XCTAssertEqual(try cell("建设兵团", 2021, .evaluation).status, .division)
        XCTAssertEqual(try cell("建设兵团", 2020, .evaluation).status, .notDisclosed)
        XCTAssertEqual(try cell("新疆", 2020, .auditList).status, .disclosed)
        XCTAssertEqual(try cell("重庆", 2022, .evaluation).status, .notDisclosed)
        // 陕西's evaluation cells carry the report's note.
        let shaanxi2018 = try cell("陕西", 2018, .evaluation)
        XCTAssertEqual(shaanxi2018.status, .notDisclosed)
        XCTAssertEqual(shaanxi2018.note, "自愿性地市级负责")
        XCTAssertEqual(try cell("陕西", 2021, .evaluation).status, .disclosed)
        XCTAssertEqual(try cell("陕西", 2021, .evaluation).note, "自愿性地市级负责")
        // The reason-labelling table.
        XCTAssertEqual(try cell("甘肃", 2019, .auditList).reasonLabelling, .marked(.all))
        XCTAssertEqual(try cell("辽宁", 2019, .auditList).reasonLabelling, .marked(ReasonSet([.pollution])))
        XCTAssertEqual(try cell("安徽", 2022, .auditList).reasonLabelling, .noList)
        XCTAssertEqual(try cell("北京", 2018, .auditList).reasonLabelling, .notStated)
        // 青海's row in that table has three entries for five years; the prose says every list not
        // named as labelled states no reasons, so all five are 未说明类型 (decision qinghai-labelling).
        for year in 2018...2022 { XCTAssertEqual(try cell("青海", year, .auditList).reasonLabelling, .notStated) }
        XCTAssertNotNil(try cell("青海", 2018, .auditList).note)
    }

    /// Counted by hand from the report's table: √ per column, 地市级负责, 师市级负责.
    func testPerYearCountsComeFromTheCells() throws {
        let stats = Statistics(try builtin())
        func column(_ kind: DisclosureKind, _ status: DisclosureStatus) -> [Int] {
            stats.years.map { stats.statusCounts(year: $0, kind: kind)[status] }
        }
        XCTAssertEqual(column(.auditList, .disclosed), [19, 23, 22, 26, 21])
        XCTAssertEqual(column(.auditList, .notDisclosed), [12, 8, 9, 5, 10])
        XCTAssertEqual(column(.auditList, .prefecture), [1, 1, 1, 1, 1])
        XCTAssertEqual(column(.auditList, .division), [0, 0, 0, 0, 0])
        XCTAssertEqual(column(.evaluation, .disclosed), [9, 14, 13, 12, 6])
        XCTAssertEqual(column(.evaluation, .prefecture), [4, 5, 5, 5, 5])
        XCTAssertEqual(column(.evaluation, .division), [0, 0, 0, 1, 1])
        XCTAssertEqual(column(.evaluation, .notDisclosed), [19, 13, 14, 14, 20])
        for kind in DisclosureKind.allCases {
            XCTAssertEqual(column(kind, .notSurveyed), [0, 0, 0, 0, 0])
        }
    }

    func testReasonLabellingCounts() throws {
        let stats = Statistics(try builtin())
        // 1+2+3 per year in the report's table: 山东 上海 (2018); 甘肃 江西 山东 陕西 上海 (2019);
        // 甘肃 江西 内蒙古 上海 (2020); 广西 河北 湖北 江西 内蒙古 四川 天津 (2021);
        // 甘肃 河北 四川 天津 (2022). 辽宁 2019 marks reason 1 only.
        XCTAssertEqual(stats.years.map { stats.labelling(year: $0).allMarked }, [2, 5, 4, 7, 4])
        XCTAssertEqual(stats.years.map { stats.labelling(year: $0).someMarked }, [0, 1, 0, 0, 0])
        XCTAssertEqual(stats.years.map { stats.labelling(year: $0).notRecorded }, [0, 0, 0, 0, 0], "青海 decided: not stated")
    }

    func testNamedEnterprisesAndRegulations() throws {
        let s = try builtin()
        XCTAssertEqual(s.enterprises.count, 34, "10 complete, 14 incomplete and 10 phoned enterprises are named")
        XCTAssertEqual(Set(s.enterprises.map(\.name)).count, s.enterprises.count)
        let phoned = s.enterprises.filter { !$0.phoneAttempts.isEmpty }
        XCTAssertEqual(phoned.count, 10)
        XCTAssertEqual(phoned.filter { $0.lastPhoneOutcome == .confidential }.count, 2)
        XCTAssertEqual(phoned.filter { $0.lastPhoneOutcome == .willNotPublish }.count, 5)
        XCTAssertEqual(phoned.filter { $0.lastPhoneOutcome == .reportedToParent }.count, 3)
        XCTAssertTrue(phoned.allSatisfy { $0.completeness == .nothingDisclosed })
        let measures = try XCTUnwrap(s.regulations.first { $0.id == Regulation.auditMeasuresID })
        XCTAssertEqual(Set(measures.articles.map(\.number)), ["第八条", "第十条", "第十一条", "第十八条"])
        XCTAssertEqual(measures.status(inYear: 2018), .inForce)
        let interim = try XCTUnwrap(s.regulations.first { $0.id == "audit-interim-measures-2004" })
        XCTAssertEqual(interim.status(inYear: 2018), .repealed)
        XCTAssertEqual(interim.supersededBy, Regulation.auditMeasuresID)
        let letters = s.outreach.compactMap(\.letter)
        XCTAssertEqual(letters.filter(\.sent).count, 31, "sent to every jurisdiction but Beijing")
        XCTAssertEqual(letters.filter { $0.improvedAfterwards == true }.count, 2, "四川 and 河南")
    }

    func testBuiltinFileIsInCanonicalForm() throws {
        let url = try XCTUnwrap(BuiltinDataset.url)
        let bytes = try Data(contentsOf: url)
        let survey = try SurveyFile.decode(bytes, source: url.lastPathComponent)
        XCTAssertEqual(try SurveyFile.encode(survey), bytes, "the resource is saved as Gongkai saves it, so edits diff cleanly")
    }
}
