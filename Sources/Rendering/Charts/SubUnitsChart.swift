import Foundation
import Model
import GtkKit

/// Chart 10: in jurisdictions that delegate to prefectures or divisions, how many sub-units
/// disclosed — counted from named sub-units ("observed") or as the source reports them without
/// names ("reported"); rows without figures say "not recorded".
package struct SubUnitsChart: Chart {
    package let kind = ChartKind.subUnits
    package var header: ChartHeader
    package let legend: [LegendEntry]
    package let largeType: Bool
    /// Shown instead of the plot when the survey lacks the records (taken in the labels' language).
    private let emptyMessage = tr("No jurisdiction in the survey delegates to a lower level.")
    package let bars: BarRows

    package init(_ data: ChartData, _ options: ChartOptions) {
        let rows = data.stats.subUnits.filter { options.kind == nil || $0.kind == options.kind }
        let maximum = rows.map { max($0.units, $0.listedSubUnits) }.max() ?? 0
        let other = ChartFills.status(.notSurveyed)
        bars = BarRows(items: rows.map { s in
            var label = data.name(s.jurisdiction)
            if options.kind == nil { label += " · " + (s.kind == .auditList ? tr(context: "chart", "List") : tr(context: "chart", "Results")) }
            if let year = s.year { label += " · " + String(year) }
            let trailing: String
            switch s.basis {
            case .observed: trailing = tr("%1 of %2 disclosed", s.disclosed, s.units) + " · " + tr(context: "chart", "observed")
            case .reported: trailing = tr("%1 of %2 disclosed", s.disclosed, s.units) + " · " + tr(context: "chart", "reported")
            case .notRecorded: trailing = tr("not recorded")
            }
            return .row(BarRow(label: label, segments: [
                BarSegment(value: Double(s.disclosed), fill: ChartFills.status(.disclosed), label: String(s.disclosed)),
                BarSegment(value: Double(s.notDisclosed), fill: ChartFills.status(.notDisclosed), label: String(s.notDisclosed)),
                BarSegment(value: Double(s.otherOnly), fill: other, label: String(s.otherOnly)),
            ], trailing: trailing, muted: s.basis == .notRecorded, point: .jurisdiction(s.jurisdiction)))
        }, scale: ValueScale(upTo: Double(maximum)))
        var entries = [LegendEntry.status(.disclosed), LegendEntry.status(.notDisclosed)]
        if rows.contains(where: { $0.otherOnly > 0 }) {
            entries.append(LegendEntry(.fill(other), tr("Other statuses only")))
        }
        legend = entries
        header = ChartHeader(title: tr("Sub-unit disclosure in delegating jurisdictions"),
                             subtitle: [ChartWords.kinds(options.kind), data.yearsText].joined(separator: " · "),
                             source: data.source,
                             note: tr("Observed: counted from the sub-units the survey names, over all years. Reported: the source's own count, without names."))
        largeType = options.largeType
    }

    package func drawPlot(_ canvas: ChartCanvas, in plot: ChartRect) {
        ChartFrame.drawBars(bars, empty: emptyMessage, in: plot, on: canvas)
    }
}
