import Model
import GtkKit
import Rendering

/// What the Overview section shows, all computed from a `Survey`.
package struct OverviewFacts: Equatable {
    package var title: String
    package var organisation: String
    package var authors: [String]
    package var dataSource: String
    /// The survey years written compactly, e.g. "2018–2022" or "2016, 2018–2020".
    package var years: String
    package var jurisdictions: Int
    /// Recorded matrix cells (jurisdiction × year × kind).
    package var observations: Int
    package var enterprises: Int
    package var regulations: Int
    /// How much of each year's matrix is entered.
    package var progress: EntryProgress

    package init(_ survey: Survey) {
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
