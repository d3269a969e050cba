import Foundation
import Model
import GtkKit

/// The registry of charts. The raw value is the chart's stable name on the command line and in
/// file names (`gongkai chart disclosure-per-year`); the order is the gallery's and a briefing's
/// default order.
package enum ChartKind: String, CaseIterable, Sendable {
    case disclosurePerYear = "disclosure-per-year"
    case matrix
    case map
    case mapYears = "map-years"
    case coverage
    case labelling
    case ranking
    case enterpriseCompleteness = "enterprise-completeness"
    case itemRates = "item-rates"
    case phoneOutcomes = "phone-outcomes"
    case subUnits = "sub-units"
    case timeline
    case changes

    /// The command-line name.
    package var name: String { rawValue }

    package init?(name: String) { self.init(rawValue: name) }

    /// The chart's name in the gallery (translated).
    package var title: String {
        switch self {
        case .disclosurePerYear: return tr("Disclosure per year")
        case .matrix: return tr("Jurisdictions by year")
        case .map: return tr("Map of one year")
        case .mapYears: return tr("Maps of every year")
        case .coverage: return tr("List coverage per year")
        case .labelling: return tr("Reasons stated per year")
        case .ranking: return tr("Ranking by disclosure rate")
        case .enterpriseCompleteness: return tr("Enterprise completeness")
        case .itemRates: return tr("Required items disclosed")
        case .phoneOutcomes: return tr("Phone-survey outcomes")
        case .subUnits: return tr("Sub-units of delegating jurisdictions")
        case .timeline: return tr("Laws and rules over time")
        case .changes: return tr("Year-over-year changes")
        }
    }

    /// The options the chart reads.
    package var options: Set<ChartOption> {
        switch self {
        case .disclosurePerYear: return [.kind, .includeDelegated]
        case .matrix: return [.kind, .sort]
        case .map: return [.year, .kind]
        case .mapYears: return [.kind]
        case .coverage: return [.kind]
        case .labelling: return []
        case .ranking: return [.kind, .includeDelegated, .sort, .groupByRegion]
        case .enterpriseCompleteness: return [.sort]
        case .itemRates: return [.sort]
        case .phoneOutcomes: return [.sort]
        case .subUnits: return [.kind]
        case .timeline: return []
        case .changes: return [.kind]
        }
    }

    /// The options a chart starts with: the report's order for the matrix, the usual rate
    /// (delegated cells left out) for the ranking, the audit lists for a single map.
    package var defaultOptions: ChartOptions {
        switch self {
        case .matrix, .itemRates: return ChartOptions(sort: .survey)
        case .ranking: return ChartOptions(includeDelegated: false)
        case .map: return ChartOptions(kind: .auditList)
        default: return ChartOptions()
        }
    }

    /// Makes the chart from the survey's figures, with its labels in `options.language`, and the
    /// user's title, finding and notes saved in the survey (`SurveyMeta.charts`).
    package func make(_ data: ChartData, _ options: ChartOptions) -> any Chart {
        withChartLanguage(options.language) {
            var chart = makeChart(data, options)
            chart.header.finding = data.finding(self, options)
            data.applyPresentation(of: self, to: &chart.header)
            return chart
        }
    }

    /// The chart's header as computed from the data, without the user's words (the placeholders
    /// of the fields that change them).
    package func computedHeader(_ data: ChartData, _ options: ChartOptions) -> ChartHeader {
        withChartLanguage(options.language) {
            var header = makeChart(data, options).header
            header.finding = data.finding(self, options)
            return header
        }
    }

    private func makeChart(_ data: ChartData, _ options: ChartOptions) -> any Chart {
        switch self {
        case .disclosurePerYear: return DisclosurePerYearChart(data, options)
        case .matrix: return MatrixChart(data, options)
        case .map: return TileMapChart(data, options)
        case .mapYears: return TileMapYearsChart(data, options)
        case .coverage: return CoverageChart(data, options)
        case .labelling: return LabellingChart(data, options)
        case .ranking: return RankingChart(data, options)
        case .enterpriseCompleteness: return EnterpriseCompletenessChart(data, options)
        case .itemRates: return ItemRatesChart(data, options)
        case .phoneOutcomes: return PhoneOutcomesChart(data, options)
        case .subUnits: return SubUnitsChart(data, options)
        case .timeline: return TimelineChart(data, options)
        case .changes: return ChangesChart(data, options)
        }
    }
}
