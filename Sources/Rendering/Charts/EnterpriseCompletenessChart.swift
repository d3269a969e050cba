import Foundation
import Model
import GtkKit

/// Chart 7: the sampled enterprises of each jurisdiction by how completely they disclosed what
/// article 11 of 清洁生产审核办法 requires — complete, incomplete, cannot be judged (reasons
/// unknown), nothing disclosed.
package struct EnterpriseCompletenessChart: Chart {
    package let kind = ChartKind.enterpriseCompleteness
    package var header: ChartHeader
    package let legend: [LegendEntry]
    package let largeType: Bool
    /// Shown instead of the plot when the survey lacks the records (taken in the labels' language).
    private let emptyMessage = tr("The survey has no sampled enterprises.")
    package let bars: BarRows

    package init(_ data: ChartData, _ options: ChartOptions) {
        let e = data.stats.enterprises
        var rows = e.byJurisdiction.enumerated().filter { $0.element.sampled > 0 }
        if options.sort == .value {
            rows.sort { a, b in
                (a.element.sampled, a.element.disclosed, -a.offset) > (b.element.sampled, b.element.disclosed, -b.offset)
            }
        }
        let maximum = rows.map(\.element.sampled).max() ?? 0
        bars = BarRows(items: rows.map { _, j in
            .row(BarRow(label: data.name(j.jurisdiction),
                        segments: Completeness.allCases.map {
                            BarSegment(value: Double(j.completeness[$0]), fill: ChartFills.completeness($0), label: String(j.completeness[$0]))
                        },
                        trailing: tr("%1 sampled, %2 disclosed", j.sampled, j.disclosed), point: .jurisdiction(j.jurisdiction)))
        }, scale: ValueScale(upTo: Double(maximum)))
        let present = Completeness.allCases.filter { e.completeness[$0] > 0 }
        legend = present.map { LegendEntry(.fill(ChartFills.completeness($0)), ChartWords.counted($0.label, e.completeness[$0])) }
        let without = data.survey.jurisdictions.count - rows.filter { data.jurisdiction($0.element.jurisdiction) != nil }.count
        var subtitle = [tr("%1 sampled, %2 disclosed", e.sampled, e.disclosed)]
        if without > 0 { subtitle.append(trn("%1 jurisdiction without sampled enterprises is not shown", "%1 jurisdictions without sampled enterprises are not shown", without)) }
        header = ChartHeader(title: tr("Enterprise completeness by jurisdiction"), subtitle: subtitle.joined(separator: " · "),
                             source: data.source,
                             note: tr("Complete: every item article 11 requires for the enterprise's reasons was found. Cannot be judged: its reasons for audit are unknown."))
        largeType = options.largeType
    }

    package func drawPlot(_ canvas: ChartCanvas, in plot: ChartRect) {
        ChartFrame.drawBars(bars, empty: emptyMessage, in: plot, on: canvas)
    }
}
