import Model
import GtkKit
import Rendering

/// The enterprise samples prepared for the list: per row (the enterprise's index in
/// `Survey.enterprises`) the values the filter and the column sorters compare, so that filtering
/// 100,000 rows per keystroke touches flat arrays and never allocates.
package struct EnterpriseTable {
    /// The sortable columns of the list.
    package enum Column: Int, CaseIterable {
        case name, jurisdiction, city, year, reasons, completeness, phone
    }

    package private(set) var ids: [String] = []
    package private(set) var names = FoldedNames()
    package private(set) var jurisdictionRank: [Int32] = []
    /// 0 when the year is not recorded.
    package private(set) var years: [Int32] = []
    /// Bit r-1 for reason r; 0 when the reasons are unknown.
    package private(set) var reasonBits: [UInt8] = []
    package private(set) var completeness: [Completeness] = []
    /// Whether each row passes the filter of the last `applyFilter`.
    package private(set) var matches: [Bool] = []
    package private(set) var matchCount = 0
    package private(set) var filter = EnterpriseFilter()
    /// Sort ranks per column, computed on first use and dropped when the data change.
    private var ranks: [Column: [Int32]] = [:]
    private var jurisdictionOrder: [String: Int] = [:]

    package var count: Int { ids.count }

    package init() {}

    package init(_ survey: Survey) {
        reload(survey)
    }

    /// Reads every row again.
    package mutating func reload(_ survey: Survey) {
        jurisdictionOrder = survey.jurisdictionOrder
        let n = survey.enterprises.count
        ids = []
        names = FoldedNames()
        jurisdictionRank = []
        years = []
        reasonBits = []
        completeness = []
        ids.reserveCapacity(n)
        jurisdictionRank.reserveCapacity(n)
        years.reserveCapacity(n)
        reasonBits.reserveCapacity(n)
        completeness.reserveCapacity(n)
        for e in survey.enterprises {
            ids.append(e.id)
            names.append(e.name)
            jurisdictionRank.append(Int32(jurisdictionOrder[e.jurisdiction] ?? Int(Int32.max)))
            years.append(Int32(e.year ?? 0))
            reasonBits.append(Self.bits(e.reasons))
            completeness.append(e.completeness)
        }
        ranks = [:]
        matches = [Bool](repeating: true, count: n)
        applyFilter(filter)
    }

    /// Reads the rows whose enterprise changed (same ids, same order). Returns the columns whose
    /// sort order may have changed.
    @discardableResult
    package mutating func update(rows: [Int], from survey: Survey) -> Set<Column> {
        var touched = Set<Column>()
        for row in rows {
            let e = survey.enterprises[row]
            if FoldedNames.fold(e.name)[...] != names.bytes(of: row) {
                names.replace(row, with: e.name)
                touched.insert(.name)
            }
            let rank = Int32(jurisdictionOrder[e.jurisdiction] ?? Int(Int32.max))
            if rank != jurisdictionRank[row] { jurisdictionRank[row] = rank; touched.insert(.jurisdiction) }
            let year = Int32(e.year ?? 0)
            if year != years[row] { years[row] = year; touched.insert(.year) }
            let bits = Self.bits(e.reasons)
            if bits != reasonBits[row] { reasonBits[row] = bits; touched.insert(.reasons) }
            let c = e.completeness
            if c != completeness[row] { completeness[row] = c; touched.insert(.completeness) }
            // City and phone outcome are compared from the survey; their ranks are rebuilt.
            touched.insert(.city)
            touched.insert(.phone)
            let matched = passes(row, filter, filter.foldedText)
            if matched != matches[row] { matchCount += matched ? 1 : -1; matches[row] = matched }
        }
        for column in touched { ranks[column] = nil }
        return touched
    }

    /// Applies a filter; returns the number of matching rows. When the filter only became
    /// stricter (or looser), only the rows that matched (or did not) are checked again.
    @discardableResult
    package mutating func applyFilter(_ filter: EnterpriseFilter) -> Int {
        let change = filter.change(from: self.filter)
        self.filter = filter
        let text = filter.foldedText
        let jurisdiction = filter.jurisdiction.map { Int32(jurisdictionOrder[$0] ?? -1) }
        var n = 0
        let count = ids.count
        var flags: [Bool] = []
        swap(&flags, &matches)  // owned uniquely while written
        let names = self.names
        names.withMatcher(text) { nameMatches in
            flags.withUnsafeMutableBufferPointer { flags in
                for row in 0..<count {
                    let was = flags[row]
                    if (change == .moreStrict && !was) || (change == .lessStrict && was) {
                        if was { n += 1 }
                        continue
                    }
                    let m = passesOthers(row, filter, jurisdiction) && nameMatches(row)
                    flags[row] = m
                    if m { n += 1 }
                }
            }
        }
        swap(&flags, &matches)
        matchCount = n
        return n
    }

    /// The drop-down conditions (everything but the name).
    @inline(__always)
    private func passesOthers(_ row: Int, _ filter: EnterpriseFilter, _ jurisdiction: Int32?) -> Bool {
        if let j = jurisdiction, jurisdictionRank[row] != j { return false }
        switch filter.year {
        case .any: break
        case .year(let y): if years[row] != Int32(y) { return false }
        case .notStated: if years[row] != 0 { return false }
        }
        switch filter.reason {
        case .any: break
        case .reason(let r): if reasonBits[row] & (1 << UInt8(r.rawValue - 1)) == 0 { return false }
        case .unknown: if reasonBits[row] != 0 { return false }
        }
        if let c = filter.completeness, completeness[row] != c { return false }
        return true
    }

    private func passes(_ row: Int, _ filter: EnterpriseFilter, _ text: [UInt8]) -> Bool {
        passesOthers(row, filter, filter.jurisdiction.map { Int32(jurisdictionOrder[$0] ?? -1) }) && names.contains(row, text)
    }

    /// The sort rank of a row in a column (computed for all rows on first use after a change).
    package mutating func rank(_ column: Column, of row: Int, in survey: Survey) -> Int32 {
        if let r = ranks[column] { return r[row] }
        let r = computeRanks(column, survey)
        ranks[column] = r
        return r[row]
    }

    private func computeRanks(_ column: Column, _ survey: Survey) -> [Int32] {
        let rows = Array(0..<ids.count)
        let order: [Int]
        switch column {
        case .name:
            let names = survey.enterprises.map(\.name)
            order = rows.sorted { names[$0] < names[$1] }
        case .jurisdiction: order = rows.sorted { jurisdictionRank[$0] < jurisdictionRank[$1] }
        case .city:
            let cities = survey.enterprises.map { $0.city ?? "\u{10FFFF}" }
            order = rows.sorted { cities[$0] < cities[$1] }
        case .year: order = rows.sorted { (years[$0] == 0 ? Int32.max : years[$0]) < (years[$1] == 0 ? Int32.max : years[$1]) }
        case .reasons: order = rows.sorted { Self.reasonOrder[Int(reasonBits[$0])] < Self.reasonOrder[Int(reasonBits[$1])] }
        case .completeness:
            let rank = Dictionary(uniqueKeysWithValues: Completeness.allCases.enumerated().map { ($1, $0) })
            order = rows.sorted { rank[completeness[$0]]! < rank[completeness[$1]]! }
        case .phone:
            let rank = Dictionary(uniqueKeysWithValues: PhoneOutcome.allCases.enumerated().map { ($1, $0) })
            let outcomes = survey.enterprises.map { $0.lastPhoneOutcome.map { rank[$0]! } ?? Int.max }
            order = rows.sorted { outcomes[$0] < outcomes[$1] }
        }
        // Equal keys share a rank, so that a secondary sort keeps its order.
        var ranks = [Int32](repeating: 0, count: ids.count)
        var current: Int32 = 0
        for (i, row) in order.enumerated() {
            if i > 0 && !equalKeys(column, order[i - 1], row, survey) { current = Int32(i) }
            ranks[row] = current
        }
        return ranks
    }

    private func equalKeys(_ column: Column, _ a: Int, _ b: Int, _ survey: Survey) -> Bool {
        switch column {
        case .name: return survey.enterprises[a].name == survey.enterprises[b].name
        case .jurisdiction: return jurisdictionRank[a] == jurisdictionRank[b]
        case .city: return survey.enterprises[a].city == survey.enterprises[b].city
        case .year: return years[a] == years[b]
        case .reasons: return reasonBits[a] == reasonBits[b]
        case .completeness: return completeness[a] == completeness[b]
        case .phone: return survey.enterprises[a].lastPhoneOutcome == survey.enterprises[b].lastPhoneOutcome
        }
    }

    /// Sort position of each reason bit set, as their texts sort: 1, 1+2, 1+2+3, 1+3, 2, 2+3, 3,
    /// then unknown.
    private static let reasonOrder: [Int] = [7, 0, 4, 1, 6, 3, 5, 2]

    package static func bits(_ reasons: ReasonSet?) -> UInt8 {
        var bits: UInt8 = 0
        for r in reasons?.reasons ?? [] { bits |= 1 << UInt8(r.rawValue - 1) }
        return bits
    }
}
