import Model

/// What the Overview section shows, all computed from a `Survey`.
struct OverviewFacts: Equatable {
    var title: String
    var organisation: String
    var authors: [String]
    var dataSource: String
    /// The survey years written compactly, e.g. "2018–2022" or "2016, 2018–2020".
    var years: String
    var jurisdictions: Int
    /// Recorded matrix cells (jurisdiction × year × kind).
    var observations: Int
    var enterprises: Int
    var regulations: Int
    /// How much of each year's matrix is entered.
    var progress: EntryProgress

    init(_ survey: Survey) {
        title = survey.meta.title
        organisation = survey.meta.organisation
        authors = survey.meta.authors
        dataSource = survey.meta.dataSource
        years = Self.yearsText(survey.years)
        jurisdictions = survey.jurisdictions.count
        observations = survey.observations.count
        enterprises = survey.enterprises.count
        regulations = survey.regulations.count
        progress = EntryProgress(survey)
    }

    /// Writes years as ranges of consecutive years: [2016, 2018, 2019, 2020] → "2016, 2018–2020".
    static func yearsText(_ years: [Int]) -> String {
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
