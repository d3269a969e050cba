import Foundation
import Model
import GtkKit

/// Chart 1: how many jurisdictions disclosed, did not disclose or delegated, per year — one panel
/// per kind of disclosure (or one kind), stacked columns with the count on every segment.
package struct DisclosurePerYearChart: Chart {
    package let kind = ChartKind.disclosurePerYear
    package var header: ChartHeader
    package let legend: [LegendEntry]
    package let largeType: Bool
    /// Shown instead of the plot when the survey lacks the records (taken in the labels' language).
    private let emptyMessage = tr("The survey has no years.")
    package let panels: [ChartPanel<StackedColumns>]

    package init(_ data: ChartData, _ options: ChartOptions) {
        let statuses: [DisclosureStatus] = options.includeDelegated
            ? [.disclosed, .notDisclosed, .prefecture, .division, .notSurveyed]
            : [.disclosed, .notDisclosed, .notSurveyed]
        let kinds = options.kind.map { [$0] } ?? DisclosureKind.allCases
        let series = statuses.map { BarSeries(label: $0.label, fill: ChartFills.status($0)) }
        panels = kinds.map { kind in
            let values = data.years.map { year in
                let counts = data.stats.statusCounts(year: year, kind: kind)
                return statuses.map { counts[$0] }
            }
            let columns = StackedColumns(categories: data.years.map(String.init), series: series, values: values,
                                         axisMaximum: options.includeDelegated ? data.stats.jurisdictionCount : nil, points: data.years.map(ChartPoint.year))
            return ChartPanel(title: ChartWords.kind(kind), content: columns)
        }
        let present = Set(panels.flatMap { $0.content.presentSeries })
        legend = statuses.indices.filter { present.contains($0) }.map { LegendEntry.status(statuses[$0]) }
        var subtitle = [ChartWords.kinds(options.kind), data.yearsText, ChartWords.jurisdictions(data.stats.jurisdictionCount)]
        if !options.includeDelegated { subtitle.append(tr("delegated cells left out")) }
        header = ChartHeader(title: tr("Disclosure per year"), subtitle: subtitle.joined(separator: " · "),
                             source: data.source,
                             note: tr("Each column counts the jurisdictions by the status of their cell in the survey table."))
        largeType = options.largeType
    }

    package func drawPlot(_ canvas: ChartCanvas, in plot: ChartRect) {
        ChartFrame.drawPanels(panels, empty: emptyMessage, in: plot, on: canvas)
    }
}

/// A titled part of a chart (one kind of disclosure, one year).
package struct ChartPanel<Content: Sendable>: Sendable {
    package var title: String
    package var content: Content
    package init(title: String, content: Content) {
        self.title = title
        self.content = content
    }
}
