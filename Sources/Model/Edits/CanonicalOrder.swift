import Foundation

/// The orders of `Survey.canonicalize`, as stable sorts of single collections, so that an edit can
/// put its records in place without touching the rest of the survey.
enum CanonicalOrder {
    /// Sorts stably: equal elements keep their relative order (the standard library does not
    /// promise stability).
    static func stableSort<T>(_ array: inout [T], by less: (T, T) -> Bool) {
        let order = array.indices.sorted { i, j in
            if less(array[i], array[j]) { return true }
            if less(array[j], array[i]) { return false }
            return i < j
        }
        array = order.map { array[$0] }
    }

    private static func rank(_ survey: Survey) -> (String) -> Int {
        let order = survey.jurisdictionOrder
        return { order[$0] ?? Int.max }
    }

    /// By jurisdiction order, year and kind.
    static func sortObservations(_ survey: inout Survey) {
        let rank = rank(survey)
        stableSort(&survey.observations) { a, b in
            (rank(a.jurisdiction), a.year, a.kind.sortIndex) < (rank(b.jurisdiction), b.year, b.kind.sortIndex)
        }
    }

    /// By jurisdiction order, sub-unit, year and kind.
    static func sortSubUnitObservations(_ survey: inout Survey) {
        let rank = rank(survey)
        stableSort(&survey.subUnitObservations) { a, b in
            if rank(a.jurisdiction) != rank(b.jurisdiction) { return rank(a.jurisdiction) < rank(b.jurisdiction) }
            if a.subUnit != b.subUnit { return a.subUnit < b.subUnit }
            if (a.year ?? 0) != (b.year ?? 0) { return (a.year ?? 0) < (b.year ?? 0) }
            return a.kind.sortIndex < b.kind.sortIndex
        }
    }

    /// By jurisdiction order, kind and year.
    static func sortTallies(_ survey: inout Survey) {
        let rank = rank(survey)
        stableSort(&survey.subUnitTallies) { a, b in
            (rank(a.jurisdiction), a.kind.sortIndex, a.year ?? 0) < (rank(b.jurisdiction), b.kind.sortIndex, b.year ?? 0)
        }
    }

    /// Where a new outreach record of a jurisdiction goes: after every record of a jurisdiction
    /// that comes before it or is the same.
    static func outreachInsertionPoint(_ jurisdiction: String, in survey: Survey) -> Int {
        let rank = rank(survey)
        let r = rank(jurisdiction)
        return survey.outreach.lastIndex { rank($0.jurisdiction) <= r }.map { $0 + 1 } ?? 0
    }
}
