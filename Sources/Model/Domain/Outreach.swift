import Foundation

/// One phone call to a jurisdiction's department.
public struct PhoneContact: Codable, Equatable, Sendable {
    public var date: PartialDate?
    public var department: String?
    /// Short outcome, e.g. "reached", "no answer".
    public var outcome: String?
    public var summary: String

    public init(date: PartialDate? = nil, department: String? = nil, outcome: String? = nil, summary: String) {
        self.date = date
        self.department = department
        self.outcome = outcome
        self.summary = summary
    }
}

/// The suggestion letter 《关于清洁生产审核与验收方面的建议信》. Optional booleans are nil when the
/// source does not say.
public struct SuggestionLetter: Codable, Equatable, Sendable {
    public var sent: Bool
    public var sentDate: PartialDate?
    public var replied: Bool?
    public var replyDate: PartialDate?
    public var replySummary: String?
    public var improvedAfterwards: Bool?

    public init(sent: Bool, sentDate: PartialDate? = nil, replied: Bool? = nil, replyDate: PartialDate? = nil,
                replySummary: String? = nil, improvedAfterwards: Bool? = nil) {
        self.sent = sent
        self.sentDate = sentDate
        self.replied = replied
        self.replyDate = replyDate
        self.replySummary = replySummary
        self.improvedAfterwards = improvedAfterwards
    }
}

/// Outreach to one jurisdiction: phone survey and suggestion letter.
public struct Outreach: Codable, Equatable, Sendable {
    public var jurisdiction: String
    public var phoneContacts: [PhoneContact]
    public var letter: SuggestionLetter?
    public var notes: String?

    public init(jurisdiction: String, phoneContacts: [PhoneContact] = [], letter: SuggestionLetter? = nil, notes: String? = nil) {
        self.jurisdiction = jurisdiction
        self.phoneContacts = phoneContacts
        self.letter = letter
        self.notes = notes
    }

    enum CodingKeys: String, CodingKey { case jurisdiction, phoneContacts, letter, notes }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        jurisdiction = try c.decode(String.self, forKey: .jurisdiction)
        phoneContacts = try c.decodeIfPresent([PhoneContact].self, forKey: .phoneContacts) ?? []
        letter = try c.decodeIfPresent(SuggestionLetter.self, forKey: .letter)
        notes = try c.decodeIfPresent(String.self, forKey: .notes)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(jurisdiction, forKey: .jurisdiction)
        if !phoneContacts.isEmpty { try c.encode(phoneContacts, forKey: .phoneContacts) }
        try c.encodeIfPresent(letter, forKey: .letter)
        try c.encodeIfPresent(notes, forKey: .notes)
    }
}
