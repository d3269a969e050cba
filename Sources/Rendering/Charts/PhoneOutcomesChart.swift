import Foundation
import Model
import GtkKit

/// Chart 9: the phone survey of enterprises — how many enterprises' last call ended in each
/// outcome, with the number of calls.
package struct PhoneOutcomesChart: Chart {
    package let kind = ChartKind.phoneOutcomes
    package var header: ChartHeader
    package let legend: [LegendEntry] = []
    package let largeType: Bool
    /// Shown instead of the plot when the survey lacks the records (taken in the labels' language).
    private let emptyMessage = tr("The survey records no phone calls to enterprises.")
    package let bars: BarRows?

    package init(_ data: ChartData, _ options: ChartOptions) {
        let phone = data.stats.enterprises.phone
        var outcomes = phone.outcomes.enumerated().map { $0 }
        if options.sort == .value {
            outcomes.sort { ($0.element.enterprises, $0.element.attempts, -$0.offset) > ($1.element.enterprises, $1.element.attempts, -$1.offset) }
        }
        let maximum = outcomes.map(\.element.enterprises).max() ?? 0
        bars = phone.attempts == 0 ? nil : BarRows(items: outcomes.map { _, o in
            .row(BarRow(label: o.outcome.label,
                        segments: [BarSegment(value: Double(o.enterprises), fill: ChartFills.categorical(5, .solid), label: nil)],
                        trailing: tr("%1, %2", trn("%1 enterprise", "%1 enterprises", o.enterprises), trn("%1 call", "%1 calls", o.attempts)), muted: o.enterprises == 0 && o.attempts == 0))
        }, scale: ValueScale(upTo: Double(maximum)))
        header = ChartHeader(title: tr("Phone-survey outcomes"),
                             subtitle: ChartWords.phoneCalls(enterprises: phone.enterprisesCalled, calls: phone.attempts),
                             source: data.source,
                             note: tr("Each enterprise is counted once, by the outcome of its last call."))
        largeType = options.largeType
    }

    package func drawPlot(_ canvas: ChartCanvas, in plot: ChartRect) {
        ChartFrame.drawBars(bars, empty: emptyMessage, in: plot, on: canvas)
    }
}
