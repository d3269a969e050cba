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
        dataSource = survey.meta.dataSource(in: Localizer.shared.effectiveLanguage)  // the English line in English, where there is one
        years = survey.yearsText
        jurisdictions = survey.jurisdictions.count
        observations = survey.observations.count
        enterprises = survey.enterprises.count
        regulations = survey.regulations.count
        progress = EntryProgress(survey)
    }
}
