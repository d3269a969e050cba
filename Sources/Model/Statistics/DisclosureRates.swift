import Foundation

/// A jurisdiction's cells over the survey years, by outcome, and its disclosure rate.
///
/// **Rate definition.** `rate` is disclosed cells ÷ (disclosed + not disclosed cells): the share of
/// the cells where the jurisdiction itself was responsible for publishing and did. Delegated cells
/// (地市级负责 / 师市级负责) are counted in `delegated` and left out of that denominator, because the
/// survey did not judge the province's own publication there; a province that delegates everything
/// has no rate rather than a rate of zero. `rateIncludingDelegated` is the stricter alternative,
/// disclosed ÷ every surveyed cell, which treats delegation as not disclosing at provincial level.
/// Cells that were not surveyed never count.
public struct RateCounts: Codable, Equatable, Sendable {
    public internal(set) var disclosed = 0
    public internal(set) var notDisclosed = 0
    public internal(set) var delegated = 0
    public internal(set) var notSurveyed = 0

    public init(disclosed: Int = 0, notDisclosed: Int = 0, delegated: Int = 0, notSurveyed: Int = 0) {
        self.disclosed = disclosed
        self.notDisclosed = notDisclosed
        self.delegated = delegated
        self.notSurveyed = notSurveyed
    }

    /// Cells with a surveyed status (disclosed, not disclosed or delegated).
    public var surveyed: Int { disclosed + notDisclosed + delegated }
    /// The denominator of `rate`: cells the jurisdiction was itself responsible for.
    public var ownCells: Int { disclosed + notDisclosed }

    /// disclosed ÷ (disclosed + not disclosed); nil when that is 0 ÷ 0.
    public var rate: Double? { ownCells == 0 ? nil : Double(disclosed) / Double(ownCells) }
    /// disclosed ÷ surveyed cells, delegated ones included; nil when nothing was surveyed.
    public var rateIncludingDelegated: Double? { surveyed == 0 ? nil : Double(disclosed) / Double(surveyed) }

    mutating func add(_ status: DisclosureStatus) { count(status, by: 1) }

    /// Takes one cell's status out of the counts (the inverse of `add`).
    mutating func remove(_ status: DisclosureStatus) { count(status, by: -1) }

    private mutating func count(_ status: DisclosureStatus, by step: Int) {
        switch status {
        case .disclosed: disclosed += step
        case .notDisclosed: notDisclosed += step
        case .prefecture, .division: delegated += step
        case .notSurveyed: notSurveyed += step
        }
    }

    static func + (a: RateCounts, b: RateCounts) -> RateCounts {
        RateCounts(disclosed: a.disclosed + b.disclosed, notDisclosed: a.notDisclosed + b.notDisclosed,
                   delegated: a.delegated + b.delegated, notSurveyed: a.notSurveyed + b.notSurveyed)
    }

    /// Compares rates exactly (no floating point): true when `a`'s rate is higher than `b`'s.
    static func higherRate(_ a: RateCounts, _ b: RateCounts) -> Bool {
        a.disclosed * b.ownCells > b.disclosed * a.ownCells
    }

    /// True when both have a rate and the rates are equal.
    static func sameRate(_ a: RateCounts, _ b: RateCounts) -> Bool {
        a.disclosed * b.ownCells == b.disclosed * a.ownCells
    }

    enum CodingKeys: String, CodingKey {
        case disclosed, notDisclosed, delegated, notSurveyed, rate, rateIncludingDelegated
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        disclosed = try c.decode(Int.self, forKey: .disclosed)
        notDisclosed = try c.decode(Int.self, forKey: .notDisclosed)
        delegated = try c.decode(Int.self, forKey: .delegated)
        notSurveyed = try c.decode(Int.self, forKey: .notSurveyed)
    }

    /// Encodes the counts and, for readers of `stats --json`, the two rates.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(disclosed, forKey: .disclosed)
        try c.encode(notDisclosed, forKey: .notDisclosed)
        try c.encode(delegated, forKey: .delegated)
        try c.encode(notSurveyed, forKey: .notSurveyed)
        try c.encodeIfPresent(rate, forKey: .rate)
        try c.encodeIfPresent(rateIncludingDelegated, forKey: .rateIncludingDelegated)
    }
}

/// One jurisdiction's disclosure over all survey years.
public struct JurisdictionRate: Codable, Equatable, Sendable {
    public var jurisdiction: String
    public var auditList: RateCounts
    public var evaluation: RateCounts
    /// Both kinds together.
    public var combined: RateCounts
    /// Rank by `combined.rate` (1 = best; ties share a rank); nil when it has no rate.
    public var rank: Int?

    public init(jurisdiction: String, auditList: RateCounts, evaluation: RateCounts, rank: Int? = nil) {
        self.jurisdiction = jurisdiction
        self.auditList = auditList
        self.evaluation = evaluation
        self.combined = auditList + evaluation
        self.rank = rank
    }

    /// The counts for one kind, or for both when `kind` is nil.
    public func counts(_ kind: DisclosureKind?) -> RateCounts {
        switch kind {
        case nil: return combined
        case .auditList?: return auditList
        case .evaluation?: return evaluation
        }
    }
}

/// A place in a ranking.
public struct RankedJurisdiction: Codable, Equatable, Sendable {
    /// 1 = highest rate; jurisdictions with equal rates share a rank and the next rank skips
    /// (1, 2, 2, 4). Nil for jurisdictions without a rate, which come last.
    public var rank: Int?
    public var jurisdiction: String
    public var rate: Double?
}

extension JurisdictionRate {
    /// Ranks jurisdictions by their rate for one kind (nil: both kinds) under a rate definition
    /// (delegated cells excluded unless told otherwise), highest first; equal rates share a rank
    /// and keep the input (survey) order; jurisdictions without a rate come last, unranked, in
    /// input order. Rates are compared exactly (no floating point).
    public static func ranking(_ rates: [JurisdictionRate], kind: DisclosureKind? = nil,
                               definition: RateDefinition = .delegatedExcluded) -> [RankedJurisdiction] {
        let fractions = rates.map { $0.counts(kind).fraction(definition) }
        let rated = rates.indices.filter { fractions[$0].denominator > 0 }
        let unrated = rates.indices.filter { fractions[$0].denominator == 0 }
        func higher(_ a: (numerator: Int, denominator: Int), _ b: (numerator: Int, denominator: Int)) -> Bool {
            a.numerator * b.denominator > b.numerator * a.denominator
        }
        let ordered = rated.sorted { i, j in
            if higher(fractions[i], fractions[j]) { return true }
            if higher(fractions[j], fractions[i]) { return false }
            return i < j
        }
        var out: [RankedJurisdiction] = []
        out.reserveCapacity(rates.count)
        var previous: (numerator: Int, denominator: Int)?
        var rank = 0
        for (position, i) in ordered.enumerated() {
            let f = fractions[i]
            if let p = previous, p.numerator * f.denominator == f.numerator * p.denominator {
                // same rate: same rank
            } else {
                rank = position + 1
            }
            previous = f
            out.append(RankedJurisdiction(rank: rank, jurisdiction: rates[i].jurisdiction,
                                          rate: Double(f.numerator) / Double(f.denominator)))
        }
        for i in unrated {
            out.append(RankedJurisdiction(rank: nil, jurisdiction: rates[i].jurisdiction, rate: nil))
        }
        return out
    }
}
