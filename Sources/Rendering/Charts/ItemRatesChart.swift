import Foundation
import Model
import GtkKit

/// Chart 8: for each item article 11 requires, the share of the enterprises required to publish
/// it that did — grouped by the reason the item belongs to.
package struct ItemRatesChart: Chart {
    package let kind = ChartKind.itemRates
    package var header: ChartHeader
    package let legend: [LegendEntry] = []
    package let largeType: Bool
    package let bars: BarRows

    package init(_ data: ChartData, _ options: ChartOptions) {
        let rates = data.stats.enterprises.items
        func rows(_ reason: Reason?) -> [BarRowItem] {
            var items = rates.filter { $0.item.reason == reason }
            if options.sort == .value {
                items = items.enumerated().sorted { a, b in
                    let ra = a.element.rate ?? -1, rb = b.element.rate ?? -1
                    return ra != rb ? ra > rb : a.offset < b.offset
                }.map(\.element)
            }
            return items.map { r in
                guard let rate = r.rate else {
                    return .row(BarRow(label: r.item.label, segments: [], trailing: tr("no enterprise required to publish it"),
                                       track: true, muted: true))
                }
                return .row(BarRow(label: r.item.label, segments: [BarSegment(value: rate, fill: ChartFills.good, label: nil)],
                                   trailing: tr("%1 (%2 of %3)", ChartWords.percent(rate), r.disclosed, r.required), track: true))
            }
        }
        var items: [BarRowItem] = [.header(tr("Every reason"))] + rows(nil)
        for reason in Reason.allCases {
            items.append(.header(tr("Reason %1", reason.rawValue) + " · " + ItemRatesChart.reasonName(reason)))
            items += rows(reason)
        }
        bars = BarRows(items: items, scale: .percent, axisFormat: { ChartWords.percent($0) }, minimumRowHeight: 16)
        let required = rates.map(\.required).max() ?? 0
        let judged = data.stats.enterprises.sampled - data.stats.enterprises.completeness.cannotJudge
            - data.stats.enterprises.completeness.nothingDisclosed
        header = ChartHeader(title: tr("Disclosure rate of each required item"),
                             subtitle: [tr("%1 sampled, %2 disclosed", data.stats.enterprises.sampled, data.stats.enterprises.disclosed),
                                        tr("article 11 of the Cleaner Production Audit Measures")].joined(separator: " · "),
                             source: data.source,
                             note: required == 0 && judged <= 0
                                ? tr("No sampled enterprise has its reasons for audit recorded, so no item is required of any: there is no rate to show.")
                                : tr("Rate = enterprises that published the item ÷ enterprises whose recorded reasons require it."))
        largeType = options.largeType
    }

    package static func reasonName(_ reason: Reason) -> String {
        switch reason {
        case .pollution: return tr("pollutants over standard or quota")
        case .energy: return tr("energy use over quota")
        case .toxic: return tr("toxic or hazardous materials")
        }
    }

    package func drawPlot(_ canvas: ChartCanvas, in plot: ChartRect) {
        bars.draw(on: canvas, in: plot)
    }
}
