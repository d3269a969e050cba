import Foundation

public enum RegulationLevel: String, Codable, CaseIterable, Sendable {
    /// 法律
    case law
    /// 行政法规
    case administrativeRegulation = "administrative_regulation"
    /// 部门规章
    case departmentalRule = "departmental_rule"
    /// 规范性文件（部委通知、指南）
    case normativeDocument = "normative_document"
    /// 政策文件（中央文件、规划、方案）
    case policy
    /// 地方性法规
    case provincialRegulation = "provincial_regulation"
    /// 地方政府规章
    case provincialRule = "provincial_rule"
    /// 地方规范性文件
    case provincialDocument = "provincial_document"

    public var isNational: Bool {
        switch self {
        case .law, .administrativeRegulation, .departmentalRule, .normativeDocument, .policy: return true
        default: return false
        }
    }
}

/// A regulation's status on a given date.
public enum RegulationStatus: String, Codable, CaseIterable, Sendable {
    case notYetEffective = "not_yet_effective"
    case inForce = "in_force"
    /// In force as amended.
    case amended
    case repealed
    /// The regulation's dates are not recorded.
    case unknown
}

public struct Article: Codable, Equatable, Sendable {
    /// e.g. 第二十七条
    public var number: String
    /// The text as quoted; nil where the source does not quote it.
    public var text: String?
    public var note: String?

    public init(number: String, text: String? = nil, note: String? = nil) {
        self.number = number
        self.text = text
        self.note = note
    }
}

public struct Regulation: Codable, Equatable, Identifiable, Sendable {
    /// The id of 清洁生产审核办法 (2016), which article 11's disclosure items point to.
    public static let auditMeasuresID = "audit-measures-2016"

    public var id: String
    public var title: String
    public var shortTitle: String?
    public var documentNumber: String?
    public var issuers: [String]
    public var level: RegulationLevel
    /// Jurisdiction id for a provincial document; nil for a national one.
    public var jurisdiction: String?
    public var adopted: PartialDate?
    public var promulgated: PartialDate?
    public var effective: PartialDate?
    public var amended: [PartialDate]
    public var repealed: PartialDate?
    public var url: String?
    /// Id of the regulation that replaced this one.
    public var supersededBy: String?
    public var articles: [Article]
    public var notes: String?

    public init(id: String, title: String, shortTitle: String? = nil, documentNumber: String? = nil, issuers: [String] = [],
                level: RegulationLevel, jurisdiction: String? = nil, adopted: PartialDate? = nil, promulgated: PartialDate? = nil,
                effective: PartialDate? = nil, amended: [PartialDate] = [], repealed: PartialDate? = nil, url: String? = nil,
                supersededBy: String? = nil, articles: [Article] = [], notes: String? = nil) {
        self.id = id
        self.title = title
        self.shortTitle = shortTitle
        self.documentNumber = documentNumber
        self.issuers = issuers
        self.level = level
        self.jurisdiction = jurisdiction
        self.adopted = adopted
        self.promulgated = promulgated
        self.effective = effective
        self.amended = amended
        self.repealed = repealed
        self.url = url
        self.supersededBy = supersededBy
        self.articles = articles
        self.notes = notes
    }

    enum CodingKeys: String, CodingKey {
        case id, title, shortTitle, documentNumber, issuers, level, jurisdiction, adopted, promulgated, effective, amended,
             repealed, url, supersededBy, articles, notes
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        shortTitle = try c.decodeIfPresent(String.self, forKey: .shortTitle)
        documentNumber = try c.decodeIfPresent(String.self, forKey: .documentNumber)
        issuers = try c.decodeIfPresent([String].self, forKey: .issuers) ?? []
        level = try c.decode(RegulationLevel.self, forKey: .level)
        jurisdiction = try c.decodeIfPresent(String.self, forKey: .jurisdiction)
        adopted = try c.decodeIfPresent(PartialDate.self, forKey: .adopted)
        promulgated = try c.decodeIfPresent(PartialDate.self, forKey: .promulgated)
        effective = try c.decodeIfPresent(PartialDate.self, forKey: .effective)
        amended = try c.decodeIfPresent([PartialDate].self, forKey: .amended) ?? []
        repealed = try c.decodeIfPresent(PartialDate.self, forKey: .repealed)
        url = try c.decodeIfPresent(String.self, forKey: .url)
        supersededBy = try c.decodeIfPresent(String.self, forKey: .supersededBy)
        articles = try c.decodeIfPresent([Article].self, forKey: .articles) ?? []
        notes = try c.decodeIfPresent(String.self, forKey: .notes)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encodeIfPresent(shortTitle, forKey: .shortTitle)
        try c.encodeIfPresent(documentNumber, forKey: .documentNumber)
        if !issuers.isEmpty { try c.encode(issuers, forKey: .issuers) }
        try c.encode(level, forKey: .level)
        try c.encodeIfPresent(jurisdiction, forKey: .jurisdiction)
        try c.encodeIfPresent(adopted, forKey: .adopted)
        try c.encodeIfPresent(promulgated, forKey: .promulgated)
        try c.encodeIfPresent(effective, forKey: .effective)
        if !amended.isEmpty { try c.encode(amended, forKey: .amended) }
        try c.encodeIfPresent(repealed, forKey: .repealed)
        try c.encodeIfPresent(url, forKey: .url)
        try c.encodeIfPresent(supersededBy, forKey: .supersededBy)
        if !articles.isEmpty { try c.encode(articles, forKey: .articles) }
        try c.encodeIfPresent(notes, forKey: .notes)
    }

    /// The date it took effect: `effective`, else `promulgated`, else `adopted`.
    public var startDate: PartialDate? { effective ?? promulgated ?? adopted }

    /// Its status on a date.
    public func status(on date: PartialDate) -> RegulationStatus {
        if let repealed, !repealed.isCertainlyAfter(date) { return .repealed }
        guard let start = startDate else { return .unknown }
        if start.isCertainlyAfter(date) { return .notYetEffective }
        if amended.contains(where: { !$0.isCertainlyAfter(date) }) { return .amended }
        return .inForce
    }

    /// Its status during a survey year: in force at any time of that year counts.
    public func status(inYear year: Int) -> RegulationStatus {
        if let repealed, repealed.upperBound < (year, 1, 1) || (repealed.year < year) { return .repealed }
        guard let start = startDate else { return .unknown }
        if start.year > year { return .notYetEffective }
        if amended.contains(where: { $0.year <= year }) { return .amended }
        return .inForce
    }
}
