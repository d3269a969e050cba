import Foundation

/// The counters of one pass over the enterprises. Per-item counts are kept per reason set (eight
/// combinations) and spread over the items at the end, so that an enterprise that published
/// nothing costs no per-item work.
struct EnterpriseTally {
    /// Reason sets as 3-bit keys (bit 0 = reason 1 …); key 0 = unknown or empty.
    static let reasonKeys = 8

    var lookup: JurisdictionLookup
    var byJurisdiction: [JurisdictionEnterprises]
    var completeness = CompletenessCounts()
    /// Items required for each reason key.
    let requiredMasks: [ItemMask]
    var withReasons = [Int](repeating: 0, count: reasonKeys)
    var disclosingWithReasons = [Int](repeating: 0, count: reasonKeys)
    /// Per item: enterprises that must publish it and did.
    var itemDisclosed = [Int](repeating: 0, count: DisclosureItem.allCases.count)
    var lastOutcome = [Int](repeating: 0, count: PhoneOutcome.allCases.count)
    var attemptOutcome = [Int](repeating: 0, count: PhoneOutcome.allCases.count)
    var enterprisesCalled = 0
    var attempts = 0

    init(_ jurisdictions: [Jurisdiction]) {
        lookup = JurisdictionLookup(jurisdictions)
        byJurisdiction = jurisdictions.map { JurisdictionEnterprises(jurisdiction: $0.id) }
        requiredMasks = (0..<Self.reasonKeys).map { key in
            let reasons = Reason.allCases.filter { key & (1 << ($0.rawValue - 1)) != 0 }
            return reasons.isEmpty ? ItemMask() : ItemMask(requiredFor: ReasonSet(reasons))
        }
    }

    /// Counts one enterprise, read in place.
    mutating func add(_ e: UnsafePointer<Enterprise>) {
        let mask = ItemMask(e.pointee.disclosedItems)
        var key = 0
        if let reasons = e.pointee.reasons {
            for r in reasons.reasons { key |= 1 << (r.rawValue - 1) }
        }
        let c: Completeness
        if mask.isEmpty && e.pointee.foundAt.isEmpty {
            c = .nothingDisclosed
        } else if key == 0 {
            c = .cannotJudge
        } else {
            c = mask.isSuperset(of: requiredMasks[key]) ? .complete : .incomplete
        }
        completeness[c] += 1

        let row: Int
        if let known = lookup.position(of: e.pointee.jurisdiction) {
            row = known
        } else {
            row = byJurisdiction.count
            lookup.add(e.pointee.jurisdiction, at: row)
            byJurisdiction.append(JurisdictionEnterprises(jurisdiction: e.pointee.jurisdiction))
        }
        byJurisdiction[row].add(c)

        if key != 0 {
            withReasons[key] += 1
            if c != .nothingDisclosed { disclosingWithReasons[key] += 1 }
            var hit = mask.bits & requiredMasks[key].bits
            while hit != 0 {
                itemDisclosed[hit.trailingZeroBitCount] += 1
                hit &= hit - 1
            }
        }

        if let last = e.pointee.phoneAttempts.last {
            enterprisesCalled += 1
            attempts += e.pointee.phoneAttempts.count
            if let outcome = last.outcome { lastOutcome[outcome.catalogueIndex] += 1 }
            for a in e.pointee.phoneAttempts { if let outcome = a.outcome { attemptOutcome[outcome.catalogueIndex] += 1 } }
        }
    }
}

extension PhoneOutcome {
    /// Position in `allCases`, without a search.
    var catalogueIndex: Int {
        switch self {
        case .notReached: return 0
        case .confidential: return 1
        case .willNotPublish: return 2
        case .reportedToParent: return 3
        case .staffUnaware: return 4
        case .informationProvided: return 5
        }
    }
}
