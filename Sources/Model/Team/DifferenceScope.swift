import Foundation

/// The differences of a comparison with the jurisdiction each one is about, for listing them
/// filtered by section and by jurisdiction (the window's compare view).
///
/// A cell, an outreach record, a jurisdiction, its sub-units and a tally name their
/// jurisdiction in the path; an enterprise and its recorded verdict are about the enterprise's
/// jurisdiction (in A, else in B); a regulation is about its jurisdiction (none for national
/// ones); the survey's own fields, stated figures and decisions are about none.
public struct DifferenceScope: Sendable {
    public let differences: [SurveyComparison.Difference]
    /// The jurisdiction id of each difference (nil: none).
    public let jurisdictions: [String?]

    public init(_ differences: [SurveyComparison.Difference], a: Survey, b: Survey) {
        self.differences = differences
        var enterprises: [String: String] = [:]
        var regulations: [String: String] = [:]
        if differences.contains(where: { $0.section == "enterprises" || $0.section == "verdicts" }) {
            enterprises.reserveCapacity(a.enterprises.count)
            for e in b.enterprises { enterprises[e.id] = e.jurisdiction }
            for e in a.enterprises { enterprises[e.id] = e.jurisdiction }
        }
        if differences.contains(where: { $0.section == "regulations" }) {
            for r in b.regulations + a.regulations { regulations[r.id] = r.jurisdiction }
        }
        jurisdictions = differences.map { d in
            let parts = d.path.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count >= 2 else { return nil }
            let second = String(parts[1])
            switch parts[0] {
            case "observations", "outreach", "jurisdictions", "subUnits": return second
            case "enterprises", "verdicts": return enterprises[second]
            case "regulations": return regulations[second].flatMap { $0.isEmpty ? nil : $0 }
            case "tallies": return parts.count >= 3 && parts[2] != "-" ? String(parts[2]) : nil
            default: return nil
            }
        }
    }

    /// The sections that have differences, in the order they first appear.
    public var sections: [String] {
        var seen = Set<String>()
        return differences.map(\.section).filter { seen.insert($0).inserted }
    }

    /// The jurisdiction ids that have differences, in the survey's order (unknown ones last).
    public func jurisdictionIDs(order: [String: Int]) -> [String] {
        Array(Set(jurisdictions.compactMap { $0 })).sorted { (order[$0] ?? Int.max, $0) < (order[$1] ?? Int.max, $1) }
    }

    /// The positions of the differences in `section` (nil: any) about `jurisdiction` (nil: any).
    public func positions(section: String?, jurisdiction: String?) -> [Int] {
        differences.indices.filter { i in
            (section == nil || differences[i].section == section) && (jurisdiction == nil || jurisdictions[i] == jurisdiction)
        }
    }
}
