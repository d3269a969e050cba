import ArgumentParser
import Foundation
import GtkKit
import Rendering

/// The sane ranges of the commands' numeric options, checked before any work (a usage error,
/// exit code 64): nothing from the command line reaches arithmetic or an allocation unchecked.
package enum OptionBounds {
    /// A survey year (`--year`).
    package static let year = 1949...2200
    /// Enterprises in a synthetic survey: the largest whose file Gongkai still opens (256 MiB).
    package static let enterprises = 0...500_000
    /// Years in the benchmark's synthetic survey, which starts in 2001 (so it ends by 2200).
    package static let benchYears = 1...200
    /// Runs of a benchmark measurement.
    package static let runs = 1...1_000
    /// PNG pixels per point.
    package static let scale = 1.0...4.0

    /// Throws a usage error unless `value` is in `range`.
    package static func check<T: Comparable>(_ option: String, _ value: T, in range: ClosedRange<T>) throws {
        guard range.contains(value) else {
            throw ValidationError("\(option) must be between \(range.lowerBound) and \(range.upperBound) (got \(value))")
        }
    }
}
