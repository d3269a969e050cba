import Foundation

/// Enterprises by `Enterprise.completeness`.
public struct CompletenessCounts: Codable, Equatable, Sendable {
    public var complete = 0
    public var incomplete = 0
    public var cannotJudge = 0
    public var nothingDisclosed = 0

    public init() {}

    public subscript(value: Completeness) -> Int {
        get {
            switch value {
            case .complete: return complete
            case .incomplete: return incomplete
            case .cannotJudge: return cannotJudge
            case .nothingDisclosed: return nothingDisclosed
            }
        }
        set {
            switch value {
            case .complete: complete = newValue
            case .incomplete: incomplete = newValue
            case .cannotJudge: cannotJudge = newValue
            case .nothingDisclosed: nothingDisclosed = newValue
            }
        }
    }

    /// Every enterprise counted (the sample).
    public var total: Int { complete + incomplete + cannotJudge + nothingDisclosed }
    /// Enterprises that disclosed something (completeness other than nothing disclosed).
    public var disclosed: Int { total - nothingDisclosed }
}

/// The sampled enterprises of one jurisdiction.
public struct JurisdictionEnterprises: Codable, Equatable, Sendable {
    public var jurisdiction: String
    public var sampled = 0
    /// Enterprises whose completeness is not `nothingDisclosed`.
    public var disclosed = 0
    public var completeness = CompletenessCounts()

    public init(jurisdiction: String) { self.jurisdiction = jurisdiction }

    mutating func add(_ c: Completeness) {
        sampled += 1
        if c != .nothingDisclosed { disclosed += 1 }
        completeness[c] += 1
    }
}

/// How often one article-11 item was published by the enterprises that must publish it.
///
/// Only enterprises whose reasons are known enter: for the others nothing is required.
public struct ItemRate: Codable, Equatable, Sendable {
    public var item: DisclosureItem
    /// Enterprises whose reasons require the item.
    public var required = 0
    /// Of those, the ones that published it.
    public var disclosed = 0
    /// `required`, counting only enterprises that disclosed something.
    public var requiredAmongDisclosing = 0
    /// Of those, the ones that published it.
    public var disclosedAmongDisclosing = 0

    public init(item: DisclosureItem) { self.item = item }

    /// disclosed ÷ required; nil when no enterprise must publish the item.
    public var rate: Double? { required == 0 ? nil : Double(disclosed) / Double(required) }
    /// disclosedAmongDisclosing ÷ requiredAmongDisclosing.
    public var rateAmongDisclosing: Double? {
        requiredAmongDisclosing == 0 ? nil : Double(disclosedAmongDisclosing) / Double(requiredAmongDisclosing)
    }

    enum CodingKeys: String, CodingKey {
        case item, required, disclosed, requiredAmongDisclosing, disclosedAmongDisclosing, rate, rateAmongDisclosing
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        item = try c.decode(DisclosureItem.self, forKey: .item)
        required = try c.decode(Int.self, forKey: .required)
        disclosed = try c.decode(Int.self, forKey: .disclosed)
        requiredAmongDisclosing = try c.decode(Int.self, forKey: .requiredAmongDisclosing)
        disclosedAmongDisclosing = try c.decode(Int.self, forKey: .disclosedAmongDisclosing)
    }

    /// Encodes the counts and the two rates.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(item, forKey: .item)
        try c.encode(required, forKey: .required)
        try c.encode(disclosed, forKey: .disclosed)
        try c.encode(requiredAmongDisclosing, forKey: .requiredAmongDisclosing)
        try c.encode(disclosedAmongDisclosing, forKey: .disclosedAmongDisclosing)
        try c.encodeIfPresent(rate, forKey: .rate)
        try c.encodeIfPresent(rateAmongDisclosing, forKey: .rateAmongDisclosing)
    }
}

/// Phone-survey figures for one outcome.
public struct PhoneOutcomeCount: Codable, Equatable, Sendable {
    public var outcome: PhoneOutcome
    /// Enterprises whose last call had this outcome.
    public var enterprises = 0
    /// Calls with this outcome.
    public var attempts = 0

    public init(outcome: PhoneOutcome) { self.outcome = outcome }
}

/// The phone survey of enterprises.
public struct PhoneStatistics: Codable, Equatable, Sendable {
    /// One entry per `PhoneOutcome`, in declaration order.
    public var outcomes: [PhoneOutcomeCount] = PhoneOutcome.allCases.map(PhoneOutcomeCount.init)
    /// Enterprises called at least once.
    public var enterprisesCalled = 0
    /// All calls.
    public var attempts = 0

    public init() {}

    public func count(_ outcome: PhoneOutcome) -> PhoneOutcomeCount {
        outcomes.first { $0.outcome == outcome } ?? PhoneOutcomeCount(outcome: outcome)
    }
}

/// Everything computed from the enterprise sample.
public struct EnterpriseStatistics: Codable, Equatable, Sendable {
    public var sampled = 0
    /// Enterprises whose completeness is not `nothingDisclosed`.
    public var disclosed = 0
    public var completeness = CompletenessCounts()
    /// One entry per survey jurisdiction in survey order, then any unknown jurisdiction ids met in
    /// the enterprises, in the order first met (so the rows always add up to the totals).
    public var byJurisdiction: [JurisdictionEnterprises] = []
    /// One entry per `DisclosureItem`, in catalogue order.
    public var items: [ItemRate] = DisclosureItem.allCases.map(ItemRate.init)
    public var phone = PhoneStatistics()

    public init() {}

    /// Computes the figures in one pass over the enterprises.
    init(_ survey: Survey) {
        var tally = EnterpriseTally(survey.jurisdictions)
        // Fields are read through a pointer: copying 100,000 enterprises out of the array (and
        // retaining every field of each) would cost more than all the counting.
        survey.enterprises.withUnsafeBufferPointer { enterprises in
            guard let base = enterprises.baseAddress else { return }
            for i in enterprises.indices { tally.add(base + i) }
        }

        completeness = tally.completeness
        sampled = completeness.total
        disclosed = completeness.disclosed
        byJurisdiction = tally.byJurisdiction
        for i in items.indices {
            let n = items[i].item.catalogueIndex
            for key in 1..<EnterpriseTally.reasonKeys where tally.requiredMasks[key].bits & (1 << UInt32(n)) != 0 {
                items[i].required += tally.withReasons[key]
                items[i].requiredAmongDisclosing += tally.disclosingWithReasons[key]
            }
            // Publishing an item means disclosing something, so both numerators are the same count.
            items[i].disclosed = tally.itemDisclosed[n]
            items[i].disclosedAmongDisclosing = tally.itemDisclosed[n]
        }
        phone.enterprisesCalled = tally.enterprisesCalled
        phone.attempts = tally.attempts
        for i in phone.outcomes.indices {
            let n = phone.outcomes[i].outcome.catalogueIndex
            phone.outcomes[i].enterprises = tally.lastOutcome[n]
            phone.outcomes[i].attempts = tally.attemptOutcome[n]
        }
    }
}
