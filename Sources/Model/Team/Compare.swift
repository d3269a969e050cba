import Foundation

/// Everything that differs between two surveys (A and B), the agreement per section, and for the
/// matrix statuses and the article 11 checklists Cohen's kappa and Krippendorff's alpha (nominal).
///
/// Differences are per field: a cell's status, coverage, labelling, department, evidence or note;
/// an enterprise's, regulation's, outreach record's or jurisdiction's fields; the survey's title,
/// years and the like. A record only one survey has is one difference (its path, its label on one
/// side). Enterprises are matched by id; one without a shared id is matched by normalised name,
/// jurisdiction and year, with a warning. The change logs are not compared (they are history).
public struct SurveyComparison: Sendable {
    public struct Difference: Equatable, Sendable {
        /// `observations`, `enterprises`, `regulations`, `outreach`, `jurisdictions`, `subUnits`, `survey`,
        /// and the report data: `qualities`, `tallies`, `verdicts`, `statedFigures`, `decisions`.
        public var section: String
        public var path: String
        public var a: String
        public var b: String
    }

    /// Records in a section found in either survey, how many are identical, and their share.
    public struct SectionAgreement: Equatable, Sendable {
        public var section: String
        public var records: Int
        public var identical: Int
        public var agreement: Double? { records == 0 ? nil : Double(identical) / Double(records) }
    }

    public var differences: [Difference] = []
    public var sections: [SectionAgreement] = []
    /// Matrix statuses; units are the cells where either survey records a status other than
    /// "not surveyed" (cells empty in both are not units).
    public var matrix = Reliability(units: 0, agreement: nil, kappa: nil, alpha: nil)
    /// Article 11 checklists: one unit per item of every enterprise both surveys hold (published or not).
    public var checklists = Reliability(units: 0, agreement: nil, kappa: nil, alpha: nil)
    /// Enterprises matched by name rather than id.
    public var warnings: [String] = []

    /// True when the surveys hold the same data.
    public var isSame: Bool { differences.isEmpty }

    public init(_ a: Survey, _ b: Survey) {
        self.init(a, b, skipping: [])
    }

    /// The comparison without the sections named (`observations`, `enterprises`: then without
    /// the reliability of the matrix or the checklists, and without matching enterprises by name).
    init(_ a: Survey, _ b: Survey, skipping: Set<String>) {
        var bEnterprises = b.enterprises
        if !skipping.contains("enterprises") {
            let matching = EnterpriseMatching.remap(&bEnterprises, onto: a.enterprises, excluding: [])
            warnings = matching.warnings
        }
        self.skipping = skipping
        add(Records.header, [SurveyHeader(a)], [SurveyHeader(b)])
        add(Records.jurisdictions, a.jurisdictions, b.jurisdictions)
        add(Records.cells, a.observations, b.observations)
        add(Records.subUnits, SubUnitRecord.all(a), SubUnitRecord.all(b))
        add(Records.outreach, a.outreach, b.outreach)
        add(Records.enterprises, a.enterprises, bEnterprises)
        add(Records.regulations, a.regulations, b.regulations)
        // What the surveys keep from a report (issue 13).
        let ra = a.reportedData, rb = b.reportedData
        add(Records.qualities, CellMarks.all(a), CellMarks.all(b))
        add(Records.tallies, ra.tallies, rb.tallies)
        add(Records.verdicts, ra.verdicts, RecordedVerdict.remapped(rb.verdicts, EnterpriseMatching.changedIDs(from: b.enterprises, to: bEnterprises)))
        add(Records.statedFigures, ra.statedFigures, rb.statedFigures)
        add(Records.decisions, ra.decisions, rb.decisions)
        if !skipping.contains("observations") { matrix = Self.matrixReliability(a, b) }
        if !skipping.contains("enterprises") { checklists = Self.checklistReliability(a.enterprises, bEnterprises) }
    }

    private var skipping: Set<String> = []

    private mutating func add<R>(_ kind: RecordKind<R>, _ a: [R], _ b: [R]) {
        guard !skipping.contains(kind.section) else { return }
        var records = 0
        var identical = 0
        for (path, i, j) in kind.pairs(a, b) {
            // The same record on both sides (most of them): compared in place, without copies.
            if let i, let j, a.withUnsafeBufferPointer({ a in b.withUnsafeBufferPointer { b in a[i] == b[j] } }) {
                // A cell counts when either survey fills it.
                if let empty = kind.empty?(path), a[i] == empty { continue }
                records += 1
                identical += 1
                continue
            }
            let ra = i.map { a[$0] }, rb = j.map { b[$0] }
            let changes = kind.changes(old: ra, new: rb, path: path)
            if let empty = kind.empty?(path), (ra ?? empty) == empty, (rb ?? empty) == empty { continue }
            records += 1
            if changes.isEmpty { identical += 1 }
            differences += changes.map { Difference(section: kind.section, path: $0.path, a: $0.old, b: $0.new) }
        }
        sections.append(SectionAgreement(section: kind.section, records: records, identical: identical))
    }

    static func matrixReliability(_ a: Survey, _ b: Survey) -> Reliability {
        let statuses = DisclosureStatus.allCases
        let index = Dictionary(uniqueKeysWithValues: statuses.enumerated().map { ($1, $0) })
        var table = Array(repeating: Array(repeating: 0, count: statuses.count), count: statuses.count)
        var bStatus: [CellKey: DisclosureStatus] = [:]
        for o in b.observations { bStatus[o.key] = o.status }
        var seen = Set<CellKey>()
        func count(_ key: CellKey, _ sa: DisclosureStatus, _ sb: DisclosureStatus) {
            guard seen.insert(key).inserted, sa != .notSurveyed || sb != .notSurveyed,
                  let i = index[sa], let j = index[sb] else { return }
            table[i][j] += 1
        }
        for o in a.observations { count(o.key, o.status, bStatus[o.key] ?? .notSurveyed) }
        for o in b.observations { count(o.key, .notSurveyed, o.status) }
        return Agreement.reliability(table)
    }

    static func checklistReliability(_ a: [Enterprise], _ b: [Enterprise]) -> Reliability {
        // The items each enterprise of B published, by id (the last of an id).
        var published: [String: ItemMask] = [:]
        published.reserveCapacity(b.count)
        for e in b { published[e.id] = ItemMask(e.disclosedItems) }
        // Per item of every enterprise both hold, counted with bit counts: in both, in A only, in B only.
        var enterprises = 0, both = 0, onlyA = 0, onlyB = 0
        for ea in a {
            guard let mb = published[ea.id]?.bits else { continue }
            let ma = ItemMask(ea.disclosedItems).bits
            enterprises += 1
            both += (ma & mb).nonzeroBitCount
            onlyA += (ma & ~mb).nonzeroBitCount
            onlyB += (~ma & mb).nonzeroBitCount
        }
        let neither = enterprises * DisclosureItem.allCases.count - both - onlyA - onlyB
        // Categories: 0 not published, 1 published (A's in rows, B's in columns).
        return Agreement.reliability([[neither, onlyB], [onlyA, both]])
    }
}

/// Matching enterprises that two researchers added separately, with different ids.
enum EnterpriseMatching {
    /// A name as two people would type it alike: compatibility forms (full-width letters and
    /// brackets), case, spaces and punctuation folded away.
    static func normalisedName(_ name: String) -> String {
        let folded = name.precomposedStringWithCompatibilityMapping.lowercased()
        return String(String.UnicodeScalarView(folded.unicodeScalars.filter {
            !$0.properties.isWhitespace && !CharacterSet.punctuationCharacters.contains($0) && !CharacterSet.symbols.contains($0)
        }))
    }

    static func key(_ e: Enterprise) -> String {
        "\(normalisedName(e.name))|\(e.jurisdiction)|\(e.year.map(String.init) ?? "")"
    }

    /// Gives an enterprise of `other` whose id neither `reference` nor `excluding` has the id of
    /// the `reference` enterprise with the same normalised name, jurisdiction and year (when that
    /// one's id is not in `other` nor in `excluding` either). Returns the warnings.
    static func remap(_ other: inout [Enterprise], onto reference: [Enterprise], excluding: Set<String>)
        -> (warnings: [String], remapped: Int)
    {
        let referenceIDs = Set(reference.map(\.id))
        let otherIDs = Set(other.map(\.id))
        var candidates: [String: String] = [:]
        for e in reference where !otherIDs.contains(e.id) && !excluding.contains(e.id) {
            candidates[key(e)] = candidates[key(e)] == nil ? e.id : ""
        }
        guard !candidates.isEmpty else { return ([], 0) }
        var warnings: [String] = []
        for i in other.indices where !referenceIDs.contains(other[i].id) && !excluding.contains(other[i].id) {
            guard let id = candidates[key(other[i])], !id.isEmpty else { continue }
            warnings.append(tr("Enterprise “%1” has id %2 in one survey and %3 in the other; matched by name, jurisdiction and year.",
                               other[i].name, id, other[i].id))
            candidates[key(other[i])] = ""
            other[i].id = id
        }
        return (warnings, warnings.count)
    }
}
