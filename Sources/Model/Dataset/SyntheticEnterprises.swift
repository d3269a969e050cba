import Foundation

extension SyntheticSurvey {
    /// Makes `count` sampled enterprises spread round-robin over the jurisdictions, each named
    /// uniquely within its jurisdiction (e.g. 安徽华达化工有限公司). About 10% have unknown reasons;
    /// about 14% disclosed something (complete, partial, or found without itemised content); about
    /// 12% of the others were phoned one to three times. Disclosed items are always among those the
    /// enterprise's reasons require, so the result raises no validation warnings.
    public static func enterprises(_ count: Int, jurisdictions: [Jurisdiction], years: [Int],
                                   rng: inout SeededGenerator) -> [Enterprise] {
        guard count > 0, !jurisdictions.isEmpty, !years.isEmpty else { return [] }
        var out: [Enterprise] = []
        out.reserveCapacity(count)
        for i in 0..<count {
            let j = jurisdictions[i % jurisdictions.count]
            let local = i / jurisdictions.count
            var e = Enterprise(id: "E" + padded(i + 1), name: name(j, local), jurisdiction: j.id,
                               year: rng.pick(years), industry: industries[local % industries.count],
                               channelsSearched: [.companyWebsite, .provincialEnvironmentSite, .localEnvironmentSite, .searchEngine])
            if !j.subUnits.isEmpty { e.city = rng.pick(j.subUnits).name }
            e.reasons = rng.chance(0.1) ? nil : rng.pick(reasonSets, weights: reasonWeights)
            if rng.chance(0.14) {
                disclose(&e, rng: &rng)
            } else if rng.chance(0.12) {
                let calls = rng.int(in: 1...3)
                let year = (e.year ?? years[years.count - 1]) + 1
                e.phoneAttempts = (0..<calls).map { _ in
                    PhoneAttempt(date: PartialDate(year: year, month: rng.int(in: 1...12)),
                                 outcome: rng.pick(PhoneOutcome.allCases, weights: outcomeWeights))
                }
            }
            out.append(e)
        }
        return out
    }

    /// Fills what a disclosing enterprise published.
    private static func disclose(_ e: inout Enterprise, rng: inout SeededGenerator) {
        e.foundAt = rng.chance(0.7) ? [.companyWebsite] : [.localEnvironmentSite, .searchEngine]
        e.urls = ["https://www.example.cn/\(e.id.lowercased())/qingjieshengchan.html"]
        guard let required = e.requiredItems else {
            // Reasons unknown: whatever it published cannot be judged.
            e.disclosedItems = DisclosureItem.allCases.filter { $0.reason == nil || rng.chance(0.3) }
            return
        }
        switch rng.below(10) {
        case 0..<4:
            e.disclosedItems = required
        case 4..<9:
            var items = required.filter { $0.reason == nil ? rng.chance(0.95) : rng.chance(0.5) }
            if items.count == required.count { items.removeLast() }
            if items.isEmpty { items = [required[0]] }
            e.disclosedItems = items
        default:
            e.disclosedItems = []  // found, but without the itemised content
        }
    }

    /// A name unique within the jurisdiction for each `local` number.
    private static func name(_ j: Jurisdiction, _ local: Int) -> String {
        let combos = industries.count * first.count * second.count
        let n = local % combos
        let a = first[(n / industries.count) % first.count]
        let b = second[(n / (industries.count * first.count)) % second.count]
        let suffix = local >= combos ? "第\(local / combos + 1)分公司" : ""
        return "\(j.shortName)\(a)\(b)\(industries[n % industries.count])有限公司\(suffix)"
    }

    private static func padded(_ n: Int) -> String {
        let digits = String(n)
        return digits.count >= 6 ? digits : String(repeating: "0", count: 6 - digits.count) + digits
    }

    private static let first = ["华", "鑫", "恒", "泰", "宏", "盛", "永", "金", "瑞", "新", "天", "富", "安", "中", "长", "兴", "东", "海", "德", "源"]
    private static let second = ["达", "丰", "昌", "隆", "诚", "信", "通", "利", "发", "正", "和", "嘉", "祥", "成", "康", "宇", "晟", "润", "远", "峰"]
    private static let industries = ["化工", "水泥", "钢铁", "制药", "电力", "铝业", "印染", "造纸", "电镀", "涂料", "矿业", "玻璃",
                                     "纺织", "食品", "皮革", "铸造"]
    private static let reasonSets: [ReasonSet] = [
        ReasonSet([.pollution]), ReasonSet([.toxic]), ReasonSet([.energy]), ReasonSet([.pollution, .toxic]),
        ReasonSet([.pollution, .energy]), ReasonSet([.energy, .toxic]), .all,
    ]
    private static let reasonWeights = [30, 25, 15, 15, 5, 5, 5]
    /// notReached, confidential, willNotPublish, reportedToParent, staffUnaware, informationProvided
    private static let outcomeWeights = [60, 4, 7, 5, 20, 4]
}
