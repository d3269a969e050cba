import Foundation

/// Where the survey looked for (and found) an enterprise's information.
public enum Channel: String, Codable, CaseIterable, Sendable {
    case companyWebsite = "company_website"
    case provincialEnvironmentSite = "provincial_environment_site"
    case localEnvironmentSite = "local_environment_site"
    case searchEngine = "search_engine"
    case other
}

/// The outcome of one phone call to an enterprise.
public enum PhoneOutcome: String, Codable, CaseIterable, Sendable {
    /// 多次拨打未接通
    case notReached = "not_reached"
    /// 涉密企业，不对外披露
    case confidential
    /// 不会在网上公开
    case willNotPublish = "will_not_publish"
    /// 上报母公司，由母公司负责公开
    case reportedToParent = "reported_to_parent"
    /// 工作人员不了解
    case staffUnaware = "staff_unaware"
    /// 提供了信息
    case informationProvided = "information_provided"
}

public struct PhoneAttempt: Codable, Equatable, Sendable {
    public var date: PartialDate?
    /// Nil until the user chooses one (absent from the file): a new call has no outcome yet.
    public var outcome: PhoneOutcome?
    public var note: String?

    public init(date: PartialDate? = nil, outcome: PhoneOutcome?, note: String? = nil) {
        self.date = date
        self.outcome = outcome
        self.note = note
    }
}

/// How completely an enterprise disclosed what article 11 of 清洁生产审核办法 requires of it.
/// Always derived from its reasons and disclosed items (`Enterprise.completeness`), never stored.
public enum Completeness: String, Codable, CaseIterable, Sendable {
    case complete
    case incomplete
    /// The reason for its mandatory audit is unknown, so what it must publish cannot be judged.
    case cannotJudge = "cannot_judge"
    case nothingDisclosed = "nothing_disclosed"
}

/// A sampled enterprise under mandatory cleaner-production audit.
public struct Enterprise: Codable, Equatable, Identifiable, Sendable {
    public var id: String
    public var name: String
    /// Jurisdiction id; empty while not chosen (absent from the file).
    public var jurisdiction: String
    public var city: String?
    /// The survey year of the audit list it was sampled from; nil when the source does not say.
    public var year: Int?
    /// The legal reasons for its mandatory audit; nil when unknown.
    public var reasons: ReasonSet?
    public var industry: String?
    public var parentCompany: String?
    public var channelsSearched: [Channel]
    /// Channels where its information was found (empty: found nowhere).
    public var foundAt: [Channel]
    public var urls: [String]
    /// The items of article 11 it published (ids of `DisclosureItem`), in catalogue order.
    public var disclosedItems: [DisclosureItem]
    public var phoneAttempts: [PhoneAttempt]
    public var notes: String?

    public init(id: String, name: String, jurisdiction: String, city: String? = nil, year: Int? = nil,
                reasons: ReasonSet? = nil, industry: String? = nil, parentCompany: String? = nil,
                channelsSearched: [Channel] = [], foundAt: [Channel] = [], urls: [String] = [],
                disclosedItems: [DisclosureItem] = [], phoneAttempts: [PhoneAttempt] = [], notes: String? = nil) {
        self.id = id
        self.name = name
        self.jurisdiction = jurisdiction
        self.city = city
        self.year = year
        self.reasons = reasons
        self.industry = industry
        self.parentCompany = parentCompany
        self.channelsSearched = channelsSearched
        self.foundAt = foundAt
        self.urls = urls
        self.disclosedItems = disclosedItems
        self.phoneAttempts = phoneAttempts
        self.notes = notes
    }

    enum CodingKeys: String, CodingKey {
        case id, name, jurisdiction, city, year, reasons, industry, parentCompany, channelsSearched, foundAt, urls,
             disclosedItems, phoneAttempts, notes
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        jurisdiction = try c.decodeIfPresent(String.self, forKey: .jurisdiction) ?? ""
        city = try c.decodeIfPresent(String.self, forKey: .city)
        year = try c.decodeIfPresent(Int.self, forKey: .year)
        reasons = try c.decodeIfPresent(ReasonSet.self, forKey: .reasons)
        industry = try c.decodeIfPresent(String.self, forKey: .industry)
        parentCompany = try c.decodeIfPresent(String.self, forKey: .parentCompany)
        channelsSearched = try c.decodeIfPresent([Channel].self, forKey: .channelsSearched) ?? []
        foundAt = try c.decodeIfPresent([Channel].self, forKey: .foundAt) ?? []
        urls = try c.decodeIfPresent([String].self, forKey: .urls) ?? []
        disclosedItems = try c.decodeIfPresent([DisclosureItem].self, forKey: .disclosedItems) ?? []
        phoneAttempts = try c.decodeIfPresent([PhoneAttempt].self, forKey: .phoneAttempts) ?? []
        notes = try c.decodeIfPresent(String.self, forKey: .notes)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        if !jurisdiction.isEmpty { try c.encode(jurisdiction, forKey: .jurisdiction) }
        try c.encodeIfPresent(city, forKey: .city)
        try c.encodeIfPresent(year, forKey: .year)
        try c.encodeIfPresent(reasons, forKey: .reasons)
        try c.encodeIfPresent(industry, forKey: .industry)
        try c.encodeIfPresent(parentCompany, forKey: .parentCompany)
        if !channelsSearched.isEmpty { try c.encode(channelsSearched, forKey: .channelsSearched) }
        if !foundAt.isEmpty { try c.encode(foundAt, forKey: .foundAt) }
        if !urls.isEmpty { try c.encode(urls, forKey: .urls) }
        if !disclosedItems.isEmpty { try c.encode(disclosedItems, forKey: .disclosedItems) }
        if !phoneAttempts.isEmpty { try c.encode(phoneAttempts, forKey: .phoneAttempts) }
        try c.encodeIfPresent(notes, forKey: .notes)
    }

    /// The items article 11 requires of this enterprise; nil when its reasons are unknown.
    public var requiredItems: [DisclosureItem]? {
        guard let reasons, !reasons.isEmpty else { return nil }
        return DisclosureItem.required(for: reasons)
    }

    public var completeness: Completeness {
        if disclosedItems.isEmpty && foundAt.isEmpty { return .nothingDisclosed }
        guard let reasons, !reasons.isEmpty else { return .cannotJudge }
        return ItemMask(disclosedItems).isSuperset(of: ItemMask(requiredFor: reasons)) ? .complete : .incomplete
    }

    /// The outcome of the latest phone attempt, if any.
    public var lastPhoneOutcome: PhoneOutcome? { phoneAttempts.last?.outcome ?? nil }
}
