import Foundation
import Model
import GtkKit

/// Chart 6: jurisdictions ranked by their disclosure rate over the survey years (one kind or
/// both), optionally grouped by region; each bar is labelled with the rate and its cells.
package struct RankingChart: Chart {
    package let kind = ChartKind.ranking
    package var header: ChartHeader
    package let legend: [LegendEntry] = []
    package let largeType: Bool
    /// Shown instead of the plot when the survey lacks the records (taken in the labels' language).
    private let emptyMessage = tr("The survey has no jurisdictions.")
    package let bars: BarRows

    private struct Entry {
        var id: String
        var order: Int
        var region: Region?
        var disclosed: Int
        var denominator: Int
        var rank: Int?
    }

    package init(_ data: ChartData, _ options: ChartOptions) {
        // The survey's rate definition; "include delegated cells" counts them as not disclosed.
        let definition = options.includeDelegated ? RateDefinition.delegatedAsNotDisclosed : data.stats.rateDefinition
        var entries: [Entry] = data.stats.jurisdictionRates.enumerated().map { i, r in
            let f = r.counts(options.kind).fraction(definition)
            return Entry(id: r.jurisdiction, order: i, region: data.jurisdiction(r.jurisdiction)?.region, disclosed: f.numerator,
                         denominator: f.denominator)
        }
        // Higher rate first, compared exactly; equal rates keep the survey order; no rate last.
        func before(_ a: Entry, _ b: Entry) -> Bool {
            if (a.denominator == 0) != (b.denominator == 0) { return b.denominator == 0 }
            if a.denominator > 0 {
                let l = a.disclosed * b.denominator, r = b.disclosed * a.denominator
                if l != r { return l > r }
            }
            return a.order < b.order
        }
        let ranked = entries.sorted(by: before)
        var rankByID: [String: Int] = [:]
        for (position, e) in ranked.enumerated() where e.denominator > 0 {
            if position > 0, let previous = rankByID[ranked[position - 1].id],
               ranked[position - 1].disclosed * e.denominator == e.disclosed * ranked[position - 1].denominator {
                rankByID[e.id] = previous
            } else {
                rankByID[e.id] = position + 1
            }
        }
        for i in entries.indices { entries[i].rank = rankByID[entries[i].id] }
        entries = options.sort == .value ? entries.sorted(by: before) : entries

        func row(_ e: Entry) -> BarRowItem {
            guard e.denominator > 0 else {
                return .row(BarRow(label: data.name(e.id), lead: "–", segments: [], trailing: tr("no rate: every cell delegated"),
                                   track: true, muted: true, point: .jurisdiction(e.id)))
            }
            let rate = Double(e.disclosed) / Double(e.denominator)
            return .row(BarRow(label: data.name(e.id), lead: e.rank.map(String.init),
                               segments: [BarSegment(value: rate, fill: ChartFills.status(.disclosed), label: nil)],
                               trailing: tr("%1 (%2 of %3)", ChartWords.percent(rate), e.disclosed, e.denominator), track: true,
                               point: .jurisdiction(e.id)))
        }
        var items: [BarRowItem] = []
        if options.groupByRegion {
            for region in Region.allCases {
                let members = entries.filter { $0.region == region }
                guard !members.isEmpty else { continue }
                items.append(.header(region.label))
                items += members.map(row)
            }
            let other = entries.filter { $0.region == nil }
            if !other.isEmpty {
                items.append(.header(tr("Other")))
                items += other.map(row)
            }
        } else {
            items = entries.map(row)
        }
        bars = BarRows(items: items, scale: .percent, axisFormat: { ChartWords.percent($0) })

        var subtitle = [ChartWords.kinds(options.kind), data.yearsText]
        if options.groupByRegion { subtitle.append(tr("by region")) }
        header = ChartHeader(title: tr("Ranking by disclosure rate"), subtitle: subtitle.joined(separator: " · "),
                             source: data.source,
                             note: definition.note + " " + tr("Equal rates share a rank."))
        largeType = options.largeType
    }

    package func drawPlot(_ canvas: ChartCanvas, in plot: ChartRect) {
        ChartFrame.drawBars(bars, empty: emptyMessage, in: plot, on: canvas)
    }
}
