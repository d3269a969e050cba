import Foundation
import Model
import GtkKit

/// How a chart orders its rows.
package enum ChartSort: String, CaseIterable, Sendable {
    /// By the chart's main figure, largest first.
    case value
    /// In the survey's order of jurisdictions (the report's table order).
    case survey

    package var label: String {
        switch self {
        case .value: return tr("Largest first")
        case .survey: return tr("Survey order")
        }
    }
}

/// The options a chart may take. Each chart reads the ones listed in `ChartKind.options` and
/// ignores the others.
package struct ChartOptions: Equatable, Sendable {
    /// The year of a single-year chart; nil: the last survey year.
    package var year: Int?
    /// One kind of disclosure; nil: both (side by side or together, as the chart does).
    package var kind: DisclosureKind?
    /// Count delegated cells (地市级负责 / 师市级负责): as their own segment, or in a rate's denominator.
    package var includeDelegated = true
    package var sort = ChartSort.value
    /// Group the ranking by region.
    package var groupByRegion = false
    /// The language of the labels; nil: the interface language.
    package var language: Language?
    /// Larger type, for briefings.
    package var largeType = false

    package init(year: Int? = nil, kind: DisclosureKind? = nil, includeDelegated: Bool = true, sort: ChartSort = .value,
         groupByRegion: Bool = false, language: Language? = nil, largeType: Bool = false) {
        self.year = year
        self.kind = kind
        self.includeDelegated = includeDelegated
        self.sort = sort
        self.groupByRegion = groupByRegion
        self.language = language
        self.largeType = largeType
    }
}

/// The options a chart takes (for the command line's checks and the window's option bar).
package enum ChartOption: Sendable {
    case year, kind, includeDelegated, sort, groupByRegion
}

/// Runs code with the labels' language `language` (nil: the interface's), for this code only
/// (`Localizer.with(language:)`: the interface and other threads keep theirs). Charts take every
/// label while they are made, so only making a chart needs this; drawing it does not.
package func withChartLanguage<T>(_ language: Language?, _ body: () throws -> T) rethrows -> T {
    try Localizer.with(language: language, body)
}
