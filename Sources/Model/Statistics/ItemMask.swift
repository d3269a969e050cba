import Foundation

/// A set of `DisclosureItem`s as a bit mask (bit n = the n-th item of `DisclosureItem.allCases`),
/// so that the statistics and the validator can judge 100,000 enterprises without allocating.
struct ItemMask: Equatable {
    var bits: UInt32

    init(bits: UInt32 = 0) { self.bits = bits }

    @inline(__always)
    init(_ items: [DisclosureItem]) {
        var bits: UInt32 = 0
        for item in items { bits |= 1 << UInt32(item.catalogueIndex) }
        self.bits = bits
    }

    /// The items article 11 requires for a set of reasons (the common items plus each reason's).
    init(requiredFor reasons: ReasonSet) {
        var bits = Self.common.bits
        for r in reasons.reasons { bits |= Self.byReason[r.rawValue - 1].bits }
        self.bits = bits
    }

    func contains(_ item: DisclosureItem) -> Bool { bits & (1 << UInt32(item.catalogueIndex)) != 0 }
    func isSuperset(of other: ItemMask) -> Bool { bits & other.bits == other.bits }
    func subtracting(_ other: ItemMask) -> ItemMask { ItemMask(bits: bits & ~other.bits) }
    var isEmpty: Bool { bits == 0 }

    /// The items in catalogue order.
    var items: [DisclosureItem] { DisclosureItem.allCases.filter(contains) }

    static let common = ItemMask(DisclosureItem.common)
    /// Items of reason 1, 2, 3 (index = raw value - 1).
    static let byReason: [ItemMask] = Reason.allCases.sorted().map { ItemMask(DisclosureItem.items(for: $0)) }
}

extension DisclosureItem {
    /// Position in `allCases` (catalogue order), without a search.
    var catalogueIndex: Int {
        switch self {
        case .companyName: return 0
        case .legalRepresentative: return 1
        case .address: return 2
        case .pollutantNames: return 3
        case .dischargeMethod: return 4
        case .concentrationAndTotal: return 5
        case .pollutionExceedance: return 6
        case .energyTypesAndConsumption: return 7
        case .energyPerOutputValue: return 8
        case .energyPerProduct: return 9
        case .energyQuotaExceedance: return 10
        case .toxicMaterials: return 11
        case .toxicDischarges: return 12
        case .hazardousWaste: return 13
        case .riskPrevention: return 14
        }
    }
}
