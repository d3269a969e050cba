import Foundation

/// Survey years written compactly, as ranges of consecutive years: [2016, 2018, 2019, 2020] →
/// "2016, 2018–2020" (the overview, the charts' subtitles, the laws' years in force). Duplicates
/// are dropped and the years sorted; no years give "".
public enum YearsText {
    public static func compact(_ years: [Int]) -> String {
        let sorted = Array(Set(years)).sorted()
        var parts: [String] = []
        var i = 0
        while i < sorted.count {
            var j = i
            while j + 1 < sorted.count, sorted[j + 1] == sorted[j] + 1 { j += 1 }
            parts.append(i == j ? "\(sorted[i])" : "\(sorted[i])–\(sorted[j])")
            i = j + 1
        }
        return parts.joined(separator: ", ")
    }
}

extension Survey {
    /// The survey's years written compactly ("2018–2022"; see `YearsText`).
    public var yearsText: String { YearsText.compact(years) }
}
