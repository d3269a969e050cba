import Foundation
import Model

/// How a chart orders its rows.
enum ChartSort: String, CaseIterable, Sendable {
    /// By the chart's main figure, largest first.
    case value
    /// In the survey's order of jurisdictions (the report's table order).
    case survey

    var label: String {
        switch self {
        case .value: return tr("Largest first")
        case .survey: return tr("Survey order")
        }
    }
}

/// The options a chart may take. Each chart reads the ones listed in `ChartKind.options` and
/// ignores the others.
struct ChartOptions: Equatable, Sendable {
    /// The year of a single-year chart; nil: the last survey year.
    var year: Int?
    /// One kind of disclosure; nil: both (side by side or together, as the chart does).
    var kind: DisclosureKind?
    /// Count delegated cells (地市级负责 / 师市级负责): as their own segment, or in a rate's denominator.
    var includeDelegated = true
    var sort = ChartSort.value
    /// Group the ranking by region.
    var groupByRegion = false
    /// The language of the labels; nil: the interface language.
    var language: Language?
    /// Larger type, for briefings.
    var largeType = false

    init(year: Int? = nil, kind: DisclosureKind? = nil, includeDelegated: Bool = true, sort: ChartSort = .value,
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
enum ChartOption: Sendable {
    case year, kind, includeDelegated, sort, groupByRegion
}

/// Runs code with the labels' language `language` (nil: the interface's), for this code only
/// (`Localizer.with(language:)`: the interface and other threads keep theirs). Charts take every
/// label while they are made, so only making a chart needs this; drawing it does not.
func withChartLanguage<T>(_ language: Language?, _ body: () throws -> T) rethrows -> T {
    try Localizer.with(language: language, body)
}
