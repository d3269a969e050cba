import Foundation
import Model
import GtkKit

/// Chart 4: what the disclosed lists (or results) cover, per year — mandatory and voluntary
/// audits, mandatory only, voluntary only, not classified, not recorded — with the number of
/// disclosures above each column.
package struct CoverageChart: Chart {
    package let kind = ChartKind.coverage
    package var header: ChartHeader
    package let legend: [LegendEntry]
    package let largeType: Bool
    /// Shown instead of the plot when the survey lacks the records (taken in the labels' language).
    private let emptyMessage = tr("The survey has no years.")
    package let panels: [ChartPanel<StackedColumns>]

    package init(_ data: ChartData, _ options: ChartOptions) {
        let series = [
            BarSeries(label: tr("Mandatory and voluntary"), fill: ChartFills.coverage[0]),
            BarSeries(label: tr("Mandatory only"), fill: ChartFills.coverage[1]),
            BarSeries(label: tr("Voluntary only"), fill: ChartFills.coverage[2]),
            BarSeries(label: tr("Not classified"), fill: ChartFills.coverage[3]),
            BarSeries(label: tr("Not recorded"), fill: ChartFills.coverage[4]),
        ]
        let kinds = options.kind.map { [$0] } ?? DisclosureKind.allCases
        panels = kinds.map { kind in
            let values = data.years.map { year -> [Int] in
                let c = data.stats.coverage(year: year, kind: kind)
                return [c.mandatoryAndVoluntary, c.mandatoryOnly, c.voluntaryOnly, c.unclassified, c.notRecorded]
            }
            return ChartPanel(title: ChartWords.kind(kind),
                              content: StackedColumns(categories: data.years.map(String.init), series: series, values: values,
                                                      axisMaximum: nil, showTotals: true, points: data.years.map(ChartPoint.year)))
        }
        let present = Set(panels.flatMap { $0.content.presentSeries })
        legend = series.indices.filter { present.contains($0) }.map { LegendEntry(.fill(series[$0].fill), series[$0].label) }
        header = ChartHeader(title: tr("Coverage of disclosed lists"),
                             subtitle: [ChartWords.kinds(options.kind), data.yearsText].joined(separator: " · "),
                             source: data.source,
                             note: tr("Only disclosed cells are counted; the number above a column is the number of jurisdictions that disclosed."))
        largeType = options.largeType
    }

    package func drawPlot(_ canvas: ChartCanvas, in plot: ChartRect) {
        ChartFrame.drawPanels(panels, empty: emptyMessage, in: plot, on: canvas)
    }
}
