import Foundation

/// What a survey file may declare, so that every number read from a file is range-checked before
/// any arithmetic is done with it, and no file can make the work grow beyond reason. A value
/// outside these bounds is a located load error (`SurveyFileError.invalidValue`: file, line,
/// column, JSON path), never a trap.
///
/// The rules go by name, so they hold for fields added later too:
/// - any integer member named `year`, and every element of a list named `years`, is a year in
///   `years` (1949–2200);
/// - a list named `years` has at most `maxYears` elements;
/// - every other integer lies in `integers` (±1,000,000,000), so that sums and differences of
///   any number of them stay far from overflowing.
public enum SurveyLimits {
    /// The years a survey, an observation or an enterprise may name: from the founding of the
    /// People's Republic to well beyond any survey.
    public static let years: ClosedRange<Int> = 1949...2200
    /// The most years a survey may have (`Survey.years`).
    public static let maxYears = 200
    /// The range of any other whole number in a survey file.
    public static let integers: ClosedRange<Int64> = -1_000_000_000...1_000_000_000

    /// True for a coding key whose integer values are years: `year`, or an element of `years`.
    static func isYearField(_ name: String?) -> Bool { name == "year" || name == "years" }

    /// Why `value`, read for the field named `name`, is refused; nil when it is allowed.
    static func problem(with value: Int64, field name: String?) -> String? {
        if isYearField(name) {
            guard value >= Int64(years.lowerBound) && value <= Int64(years.upperBound) else {
                return tr("a year must be between %1 and %2", years.lowerBound, years.upperBound)
            }
            return nil
        }
        guard integers.contains(value) else {
            return tr("a whole number in a survey file must be between %1 and %2", integers.lowerBound, integers.upperBound)
        }
        return nil
    }

    /// Why a list of `count` elements named `name` is refused; nil when it is allowed.
    static func problem(withListOf count: Int, field name: String?) -> String? {
        guard name == "years", count > maxYears else { return nil }
        return tr("a survey has at most %1 years, and this list has %2", maxYears, count)
    }
}
