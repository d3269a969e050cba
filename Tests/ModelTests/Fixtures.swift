import Foundation
import Model
import XCTest

/// Small hand-made surveys whose every figure is known, for the statistics, validation and
/// edit tests.
///
/// `survey()` has 4 jurisdictions (安徽, 北京, 广东 delegating to prefectures, 建设兵团 delegating
/// to divisions from 2020) over 2018–2020, every cell filled, 7 enterprises, 2 regulations and 2
/// outreach records. It validates without any problem. The expected figures are worked out in
/// the comments next to the data.
enum TestFixtures {
    static let years = [2018, 2019, 2020]

    static func jurisdictions() -> [Jurisdiction] {
        [
            Jurisdiction(id: "anhui", name: "安徽省", shortName: "安徽", englishName: "Anhui", kind: .province,
                         region: .central, tile: TilePosition(column: 6, row: 5)),
            Jurisdiction(id: "beijing", name: "北京市", shortName: "北京", englishName: "Beijing", kind: .municipality,
                         region: .east, tile: TilePosition(column: 7, row: 2)),
            Jurisdiction(id: "guangdong", name: "广东省", shortName: "广东", englishName: "Guangdong", kind: .province,
                         region: .east, tile: TilePosition(column: 5, row: 7),
                         subUnits: [SubUnit(id: "gz", name: "广州市", kind: .prefecture),
                                    SubUnit(id: "sz", name: "深圳市", kind: .prefecture),
                                    SubUnit(id: "jm", name: "江门市", kind: .prefecture)]),
            Jurisdiction(id: "xpcc", name: "新疆生产建设兵团", shortName: "建设兵团", englishName: "XPCC", kind: .corps,
                         region: .west, tile: TilePosition(column: 0, row: 1),
                         subUnits: [SubUnit(id: "d12", name: "第十二师", kind: .division),
                                    SubUnit(id: "d13", name: "第十三师", kind: .division)]),
        ]
    }

    static func evidence(_ j: String, _ year: Int) -> [Evidence] {
        [Evidence(url: "https://sthjt.example.gov.cn/\(j)/\(year).html", dateChecked: PartialDate(year: 2023, month: 3),
                  method: .onlineSearch)]
    }

    /// A cell; disclosed cells get evidence.
    static func cell(_ j: String, _ year: Int, _ kind: DisclosureKind, _ status: DisclosureStatus,
                     coverage: [AuditType] = [], labelling: ReasonLabelling? = nil) -> Observation {
        Observation(jurisdiction: j, year: year, kind: kind, status: status, coverage: coverage, reasonLabelling: labelling,
                    evidence: status == .disclosed ? evidence(j, year) : [])
    }

    static func observations() -> [Observation] {
        [
            // 安徽 audit: × √ ×   (improved 2018→2019, regressed 2019→2020); evaluation × × ×
            cell("anhui", 2018, .auditList, .notDisclosed, labelling: .noList),
            cell("anhui", 2018, .evaluation, .notDisclosed),
            cell("anhui", 2019, .auditList, .disclosed, coverage: [.unclassified], labelling: .notStated),
            cell("anhui", 2019, .evaluation, .notDisclosed),
            cell("anhui", 2020, .auditList, .notDisclosed, labelling: .noList),
            cell("anhui", 2020, .evaluation, .notDisclosed),
            // 北京 audit: √ √ √; evaluation √ × √ (regressed 2018→2019, improved 2019→2020)
            cell("beijing", 2018, .auditList, .disclosed, coverage: [.mandatory, .voluntary], labelling: .marked(.all)),
            cell("beijing", 2018, .evaluation, .disclosed, coverage: [.voluntary]),
            cell("beijing", 2019, .auditList, .disclosed, coverage: [.mandatory], labelling: .marked(ReasonSet([.pollution]))),
            cell("beijing", 2019, .evaluation, .notDisclosed),
            cell("beijing", 2020, .auditList, .disclosed),
            cell("beijing", 2020, .evaluation, .disclosed, coverage: [.mandatory]),
            // 广东: everything delegated to prefectures
            cell("guangdong", 2018, .auditList, .prefecture, labelling: .notStated),
            cell("guangdong", 2018, .evaluation, .prefecture),
            cell("guangdong", 2019, .auditList, .prefecture),
            cell("guangdong", 2019, .evaluation, .prefecture),
            cell("guangdong", 2020, .auditList, .prefecture, labelling: .noList),
            cell("guangdong", 2020, .evaluation, .prefecture),
            // 建设兵团: × × then divisions in 2020
            cell("xpcc", 2018, .auditList, .notDisclosed, labelling: .noList),
            cell("xpcc", 2018, .evaluation, .notDisclosed),
            cell("xpcc", 2019, .auditList, .notDisclosed, labelling: .noList),
            cell("xpcc", 2019, .evaluation, .notDisclosed),
            cell("xpcc", 2020, .auditList, .division, labelling: .notStated),
            cell("xpcc", 2020, .evaluation, .division),
        ]
    }

    static func enterprises() -> [Enterprise] {
        let pollution = DisclosureItem.required(for: ReasonSet([.pollution]))
        return [
            // complete: reason 1, every reason-1 item
            Enterprise(id: "e1", name: "合肥甲化工有限公司", jurisdiction: "anhui", year: 2019, reasons: ReasonSet([.pollution]),
                       foundAt: [.companyWebsite], urls: ["https://www.jia.example.cn/qjsc"], disclosedItems: pollution),
            // incomplete: reasons 1+3, only the reason-1 items
            Enterprise(id: "e2", name: "芜湖乙制药有限公司", jurisdiction: "anhui", year: 2019, reasons: ReasonSet([.pollution, .toxic]),
                       foundAt: [.companyWebsite], disclosedItems: pollution),
            // cannot judge: reasons unknown, something published
            Enterprise(id: "e3", name: "北京丙电力有限公司", jurisdiction: "beijing", year: 2018,
                       foundAt: [.searchEngine], disclosedItems: [.companyName]),
            // nothing disclosed, phoned twice without answer
            Enterprise(id: "e4", name: "北京丁水泥有限公司", jurisdiction: "beijing", year: 2020, reasons: ReasonSet([.energy]),
                       phoneAttempts: [PhoneAttempt(outcome: .notReached), PhoneAttempt(outcome: .notReached)]),
            // nothing disclosed; last call: confidential
            Enterprise(id: "e5", name: "广州戊电镀有限公司", jurisdiction: "guangdong", year: 2020, reasons: ReasonSet([.toxic]),
                       phoneAttempts: [PhoneAttempt(outcome: .notReached), PhoneAttempt(outcome: .confidential)]),
            // nothing disclosed; will not publish
            Enterprise(id: "e6", name: "兵团己糖业有限公司", jurisdiction: "xpcc", year: 2020,
                       phoneAttempts: [PhoneAttempt(outcome: .willNotPublish)]),
            // incomplete: found, but no itemised content
            Enterprise(id: "e7", name: "兵团庚钢铁有限公司", jurisdiction: "xpcc", year: 2020, reasons: ReasonSet([.energy]),
                       foundAt: [.companyWebsite]),
        ]
    }

    static func regulations() -> [Regulation] {
        [
            Regulation(id: "interim-2004", title: "清洁生产审核暂行办法", level: .departmentalRule,
                       promulgated: PartialDate(year: 2004, month: 8, day: 16), effective: PartialDate(year: 2004, month: 10, day: 1),
                       repealed: PartialDate(year: 2016, month: 7, day: 1), supersededBy: Regulation.auditMeasuresID),
            Regulation(id: Regulation.auditMeasuresID, title: "清洁生产审核办法", level: .departmentalRule,
                       promulgated: PartialDate(year: 2016, month: 5, day: 16), effective: PartialDate(year: 2016, month: 7, day: 1),
                       url: "https://www.ndrc.gov.cn/example.html"),
        ]
    }

    static func survey() -> Survey {
        Survey(
            meta: SurveyMeta(title: "测试调研"),
            years: years,
            jurisdictions: jurisdictions(),
            observations: observations(),
            subUnitObservations: [
                // 广东 audit lists: 广州 disclosed once, 深圳 never, 江门 only not surveyed
                SubUnitObservation(jurisdiction: "guangdong", subUnit: "广州市", year: 2018, kind: .auditList, status: .disclosed),
                SubUnitObservation(jurisdiction: "guangdong", subUnit: "广州市", year: 2019, kind: .auditList, status: .notDisclosed),
                SubUnitObservation(jurisdiction: "guangdong", subUnit: "江门市", year: 2019, kind: .auditList, status: .notSurveyed),
                SubUnitObservation(jurisdiction: "guangdong", subUnit: "深圳市", year: 2018, kind: .auditList, status: .notDisclosed),
                SubUnitObservation(jurisdiction: "guangdong", subUnit: "深圳市", year: 2019, kind: .auditList, status: .notDisclosed),
                // 建设兵团 audit lists: 第十二师 disclosed
                SubUnitObservation(jurisdiction: "xpcc", subUnit: "第十二师", year: 2020, kind: .auditList, status: .disclosed),
            ],
            subUnitTallies: [
                SubUnitTally(jurisdiction: "guangdong", kind: .evaluation, year: 2019, units: 21, disclosed: 19,
                             source: "除江门市和揭阳市外，其他地市级均进行了公开"),
            ],
            outreach: [
                Outreach(jurisdiction: "anhui", letter: SuggestionLetter(sent: true, replied: true)),
                Outreach(jurisdiction: "beijing", phoneContacts: [PhoneContact(summary: "已公开")]),
            ],
            enterprises: enterprises(),
            regulations: regulations()
        )
    }

    /// A survey of jurisdictions "j0", "j1", … with one row of statuses per jurisdiction for each
    /// kind (same number of years, starting 2018); no enterprises.
    static func matrix(audit: [[DisclosureStatus]], evaluation: [[DisclosureStatus]]) -> Survey {
        let yearCount = audit.first?.count ?? 0
        let years = (0..<yearCount).map { 2018 + $0 }
        var jurisdictions: [Jurisdiction] = []
        var observations: [Observation] = []
        for (j, row) in audit.enumerated() {
            let id = "j\(j)"
            jurisdictions.append(Jurisdiction(id: id, name: "地区\(j)", shortName: "地区\(j)", englishName: "Region \(j)",
                                              kind: .province, region: .east, tile: TilePosition(column: j, row: 0)))
            for (y, year) in years.enumerated() {
                observations.append(cell(id, year, .auditList, row[y]))
                observations.append(cell(id, year, .evaluation, evaluation[j][y]))
            }
        }
        return Survey(meta: SurveyMeta(title: "matrix"), years: years, jurisdictions: jurisdictions, observations: observations)
    }
}

/// Tests that read Chinese labels and messages: the interface language is Chinese during each
/// test and follows the environment again afterwards.
class ChineseTestCase: XCTestCase {
    override func setUp() {
        super.setUp()
        Localizer.shared.language = .chinese
    }

    override func tearDown() {
        Localizer.shared.followEnvironment()
        super.tearDown()
    }
}

/// Tests that read English labels and messages: the interface language is English during each
/// test and follows the environment again afterwards.
class EnglishTestCase: XCTestCase {
    override func setUp() {
        super.setUp()
        Localizer.shared.language = .english
    }

    override func tearDown() {
        Localizer.shared.followEnvironment()
        super.tearDown()
    }
}
