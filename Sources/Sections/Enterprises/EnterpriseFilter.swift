import Model
import GtkKit
import Rendering

/// What the enterprise list shows: a name fragment typed in the search field and the choices of the
/// four drop-downs. A nil choice lets everything through.
package struct EnterpriseFilter: Equatable, Sendable {
    package enum YearChoice: Equatable, Sendable {
        case any
        case year(Int)
        /// Enterprises whose year is not recorded.
        case notStated
    }

    package enum ReasonChoice: Equatable, Sendable {
        case any
        /// Enterprises whose reasons include this one.
        case reason(Reason)
        /// Enterprises whose reasons are not recorded.
        case unknown
    }

    /// Matched case-insensitively anywhere in the name.
    package var text = ""
    /// A jurisdiction id, or nil for all.
    package var jurisdiction: String?
    package var year = YearChoice.any
    package var reason = ReasonChoice.any
    package var completeness: Completeness?

    /// The search text as the table compares it: lower-cased UTF-8 without surrounding spaces.
    package var foldedText: [UInt8] { Array(text.trimmingCharacters(in: .whitespaces).lowercased().utf8) }

    /// True when nothing is filtered out.
    package var isEmpty: Bool {
        foldedText.isEmpty && jurisdiction == nil && year == .any && reason == .any && completeness == nil
    }

    package func with(text: String) -> EnterpriseFilter {
        var copy = self
        copy.text = text
        return copy
    }

    /// How a new filter changes the set of matches, so that only the rows that can change are
    /// checked again.
    package enum Change { case different, moreStrict, lessStrict }

    /// How going from `old` to `self` changes the set of matches: only the text differs and the new
    /// text contains the old one (fewer matches), or the reverse (more matches); else different.
    package func change(from old: EnterpriseFilter) -> Change {
        guard with(text: "") == old.with(text: "") else { return .different }
        let new = foldedText
        let previous = old.foldedText
        if new == previous { return .different }
        if new.contains(subsequence: previous) { return .moreStrict }
        if previous.contains(subsequence: new) { return .lessStrict }
        return .different
    }
}

extension Array where Element == UInt8 {
    /// Whether `needle` occurs as a contiguous run (byte substring search; on UTF-8 this is a
    /// substring search on characters). An empty needle is contained everywhere.
    package func contains(subsequence needle: [UInt8]) -> Bool {
        let n = needle.count
        if n == 0 { return true }
        if n > count { return false }
        return withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in
                let first = pin[0]
                var i = 0
                let last = hay.count - n
                while i <= last {
                    if hay[i] == first {
                        var j = 1
                        while j < n && hay[i + j] == pin[j] { j += 1 }
                        if j == n { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}
