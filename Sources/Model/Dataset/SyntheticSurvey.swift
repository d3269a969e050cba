import Foundation

/// A small, fast, seeded pseudo-random generator (SplitMix64). Unlike
/// `SystemRandomNumberGenerator` it gives the same sequence for the same seed on every machine,
/// and its helpers do not depend on the standard library's sampling algorithms.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0 ..< n (n > 0).
    public mutating func below(_ n: Int) -> Int {
        Int(next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// A number in the range.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool {
        Double(next() >> 11) * 0x1p-53 < p
    }

    /// A uniformly chosen element of a non-empty array.
    public mutating func pick<T>(_ elements: [T]) -> T { elements[below(elements.count)] }

    /// An element chosen with the given weights (same length as `elements`, positive total).
    public mutating func pick<T>(_ elements: [T], weights: [Int]) -> T {
        var r = below(weights.reduce(0, +))
        for (e, w) in zip(elements, weights) {
            if r < w { return e }
            r -= w
        }
        return elements[elements.count - 1]
    }
}

/// Makes large, realistic-looking surveys for tests, benchmarks and demos. Deterministic: the same
/// arguments always give the same survey. The result is in canonical order and validates without
/// errors or warnings.
///
/// - 32 jurisdictions (see `jurisdictions()`), every cell of every year and kind filled: mostly
///   disclosed / not disclosed by a per-jurisdiction propensity, delegated to prefectures in 广东,
///   广西, 江苏, 山东 and 山西 (evaluations) and to divisions in the Corps from the fourth year, a
///   few cells explicitly not surveyed; coverage, reason labelling and evidence where they belong.
/// - Named sub-unit observations for 广东 and the Corps, tallies for 江苏 and 山东.
/// - National and provincial regulations, outreach to every jurisdiction but 北京.
/// - `enterprises` sampled enterprises spread evenly over the jurisdictions (see
///   `SyntheticSurvey.enterprises`).
public enum SyntheticSurvey {
    public static func make(enterprises count: Int, years: ClosedRange<Int>, seed: UInt64) -> Survey {
        var rng = SeededGenerator(seed: seed)
        let jurisdictions = jurisdictions()
        let yearList = Array(years)
        var survey = Survey(
            meta: SurveyMeta(title: "合成清洁生产审核公开调研（\(years.lowerBound)–\(years.upperBound)）",
                             organisation: "Gongkai synthetic data", authors: ["SyntheticSurvey"],
                             notes: "Generated with seed \(seed); not real data.",
                             dataSource: "数据来源：合成数据 \(years.lowerBound)-\(years.upperBound)"),
            years: yearList, jurisdictions: jurisdictions)
        survey.observations = observations(jurisdictions, years: yearList, rng: &rng)
        survey.subUnitObservations = subUnitObservations(jurisdictions, years: yearList, rng: &rng)
        survey.subUnitTallies = tallies(jurisdictions, years: yearList, rng: &rng)
        survey.outreach = outreach(jurisdictions, lastYear: years.upperBound, rng: &rng)
        survey.regulations = regulations()
        survey.enterprises = enterprises(count, jurisdictions: jurisdictions, years: yearList, rng: &rng)
        survey.canonicalize()
        return survey
    }

    /// Which lower level, if any, a jurisdiction delegates a kind to in the `offset`-th survey year.
    private static func delegation(_ j: Jurisdiction, _ kind: DisclosureKind, offset: Int) -> DisclosureStatus? {
        switch j.id {
        case "guangdong": return .prefecture
        case "guangxi", "jiangsu", "shandong", "shanxi": return kind == .evaluation ? .prefecture : nil
        case "xpcc": return offset >= 3 ? .division : nil
        default: return nil
        }
    }

    private static func observations(_ jurisdictions: [Jurisdiction], years: [Int], rng: inout SeededGenerator) -> [Observation] {
        var out: [Observation] = []
        out.reserveCapacity(jurisdictions.count * years.count * 2)
        for j in jurisdictions {
            let propensity = 0.15 + Double(rng.below(80)) / 100
            for (offset, year) in years.enumerated() {
                for kind in DisclosureKind.allCases {
                    let status: DisclosureStatus
                    if let delegated = delegation(j, kind, offset: offset) {
                        status = delegated
                    } else if rng.chance(0.02) {
                        status = .notSurveyed
                    } else {
                        let p = kind == .auditList ? propensity : propensity * 0.6
                        status = rng.chance(p) ? .disclosed : .notDisclosed
                    }
                    out.append(cell(j, year: year, kind: kind, status: status, rng: &rng))
                }
            }
        }
        return out
    }

    private static func cell(_ j: Jurisdiction, year: Int, kind: DisclosureKind, status: DisclosureStatus,
                             rng: inout SeededGenerator) -> Observation {
        var o = Observation(jurisdiction: j.id, year: year, kind: kind, status: status)
        let checked = PartialDate(year: year + 1, month: rng.int(in: 1...12))
        switch status {
        case .disclosed:
            o.coverage = rng.pick([[.mandatory], [.mandatory, .voluntary], [.voluntary], [.unclassified], []],
                                  weights: [70, 12, 4, 4, 10])
            o.department = j.mandatoryDepartments.first
            o.evidence = [Evidence(url: "https://sthj.example.gov.cn/\(j.id)/\(year)/\(kind.rawValue).html",
                                   dateChecked: checked, method: rng.chance(0.9) ? .onlineSearch : .phone)]
            if kind == .auditList {
                o.reasonLabelling = rng.pick([.notStated, .marked(.all), .marked(ReasonSet([.pollution])), nil],
                                             weights: [65, 20, 5, 10])
            }
        case .notDisclosed:
            if kind == .auditList { o.reasonLabelling = .noList }
            if rng.chance(0.2) {
                o.evidence = [Evidence(dateChecked: checked, method: .phone, note: "电话调研：未公开")]
            }
        case .prefecture, .division:
            if kind == .auditList { o.reasonLabelling = rng.chance(0.5) ? .notStated : .noList }
            if rng.chance(0.2) { o.note = status == .division ? "师市级负责" : "自愿性地市级负责" }
        case .notSurveyed:
            break
        }
        return o
    }

    private static func subUnitObservations(_ jurisdictions: [Jurisdiction], years: [Int],
                                            rng: inout SeededGenerator) -> [SubUnitObservation] {
        var out: [SubUnitObservation] = []
        for j in jurisdictions where j.id == "guangdong" || j.id == "xpcc" {
            let firstYear = j.id == "xpcc" ? 3 : 0
            for unit in j.subUnits {
                let propensity = rng.chance(0.15) ? 0.0 : 0.3 + Double(rng.below(70)) / 100
                for year in years.dropFirst(firstYear) {
                    for kind in DisclosureKind.allCases {
                        let status: DisclosureStatus = rng.chance(propensity) ? .disclosed : .notDisclosed
                        out.append(SubUnitObservation(jurisdiction: j.id, subUnit: unit.name, year: year, kind: kind, status: status))
                    }
                }
            }
        }
        return out
    }

    private static func tallies(_ jurisdictions: [Jurisdiction], years: [Int], rng: inout SeededGenerator) -> [SubUnitTally] {
        var out: [SubUnitTally] = []
        for j in jurisdictions where j.id == "jiangsu" || j.id == "shandong" {
            for year in years {
                let units = j.subUnits.count
                let disclosed = rng.int(in: units / 3...units)
                out.append(SubUnitTally(jurisdiction: j.id, kind: .evaluation, year: year, units: units, disclosed: disclosed,
                                        source: "\(j.shortName)\(units)个市区中\(disclosed)个市区对\(year)年度清洁生产评估与验收情况进行了公开"))
            }
        }
        return out
    }

    private static func outreach(_ jurisdictions: [Jurisdiction], lastYear: Int, rng: inout SeededGenerator) -> [Outreach] {
        jurisdictions.map { j in
            let called = PartialDate(year: lastYear + 1, month: rng.int(in: 1...6), day: rng.int(in: 1...28))
            let contact = PhoneContact(date: called, department: j.mandatoryDepartments.first,
                                       outcome: rng.chance(0.8) ? "reached" : "no answer",
                                       summary: "询问\(j.shortName)清洁生产审核名单及评估与验收结果的公开情况")
            var letter: SuggestionLetter?
            if j.id != "beijing" {
                let replied = rng.chance(0.85)
                letter = SuggestionLetter(sent: true, sentDate: PartialDate(year: lastYear + 1, month: 7),
                                          replied: replied, replyDate: replied ? PartialDate(year: lastYear + 1, month: 9) : nil,
                                          replySummary: replied ? "已收到建议信，将加强公开" : nil,
                                          improvedAfterwards: replied ? rng.chance(0.1) : nil)
            }
            return Outreach(jurisdiction: j.id, phoneContacts: [contact], letter: letter)
        }
    }

    /// The national rules the report cites and two provincial delegation documents.
    public static func regulations() -> [Regulation] {
        func date(_ text: String) -> PartialDate { PartialDate(parsing: text)! }
        return [
            Regulation(id: "cleaner-production-law", title: "中华人民共和国清洁生产促进法", shortTitle: "清洁生产促进法",
                       issuers: ["全国人民代表大会常务委员会"], level: .law, adopted: date("2002-06-29"),
                       effective: date("2003-01-01"), amended: [date("2012-02-29")],
                       url: "https://www.mee.gov.cn/ywgz/fgbz/fl/201904/t20190428_701287.shtml",
                       articles: [Article(number: "第二十七条"), Article(number: "第二十八条")]),
            Regulation(id: "audit-interim-measures-2004", title: "清洁生产审核暂行办法", issuers: ["国家发展和改革委员会", "国家环境保护总局"],
                       level: .departmentalRule, promulgated: date("2004-08-16"), effective: date("2004-10-01"),
                       repealed: date("2016-07-01"),
                       url: "https://www.mee.gov.cn/ywgz/fgbz/gz/200408/t20040816_70832.shtml",
                       supersededBy: Regulation.auditMeasuresID),
            Regulation(id: Regulation.auditMeasuresID, title: "清洁生产审核办法", issuers: ["国家发展和改革委员会", "环境保护部"],
                       level: .departmentalRule, promulgated: date("2016-05-16"), effective: date("2016-07-01"),
                       articles: ["第八条", "第十条", "第十一条", "第十八条"].map { Article(number: $0) }),
            Regulation(id: "evaluation-guide-2018", title: "清洁生产审核评估与验收指南", issuers: ["生态环境部", "国家发展和改革委员会"],
                       level: .normativeDocument, promulgated: date("2018-04"),
                       url: "http://www.gov.cn/zhengce/zhengceku/2019-10/10/content_5438184.htm"),
            Regulation(id: "key-industries-notice-2020", title: "关于深入推进重点行业清洁生产审核工作的通知",
                       issuers: ["生态环境部", "国家发展和改革委员会"], level: .normativeDocument, promulgated: date("2020-10"),
                       url: "https://www.mee.gov.cn/xxgk2018/xxgk/xxgk05/202010/t20201020_803925.html"),
            Regulation(id: "promotion-plan-2021", title: "“十四五”全国清洁生产推行方案", issuers: ["国家发展和改革委员会"],
                       level: .policy, promulgated: date("2021-10"),
                       url: "https://www.ndrc.gov.cn/xxgk/zcfb/tz/202111/t20211109_1303467_ext.html"),
            Regulation(id: "guangdong-approval-reform-2012", title: "广东省人民政府2012年行政审批制度改革事项目录（第一批）",
                       documentNumber: "粤府令第169号", issuers: ["广东省人民政府"], level: .provincialRule, jurisdiction: "guangdong",
                       promulgated: date("2012"), url: "http://sft.gd.gov.cn/sfw/zwgk/gdsrmzfgz/content/post_3574106.html"),
            Regulation(id: "shandong-cleaner-production-regulation", title: "山东省清洁生产促进条例",
                       issuers: ["山东省人民代表大会常务委员会"], level: .provincialRegulation, jurisdiction: "shandong",
                       adopted: date("2012"), url: "http://xxgk.sdein.gov.cn/xxgkml/hjbhgfxwj/201409/t20140925_1185034.html"),
        ]
    }
}
