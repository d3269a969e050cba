import Foundation
import Model
import GtkKit

/// Chart 3b: small multiples — the tile map of one kind of disclosure for every survey year, in
/// the grid that makes the maps largest.
package struct TileMapYearsChart: Chart {
    package let kind = ChartKind.mapYears
    package var header: ChartHeader
    package let legend: [LegendEntry]
    package let largeType: Bool
    /// Shown instead of the plot when the survey lacks the records (taken in the labels' language).
    private let emptyMessage = tr("The survey has no years.")
    package let maps: [ChartPanel<TileMap>]
    /// The year of each map.
    package let years: [Int]

    package init(_ data: ChartData, _ options: ChartOptions) {
        let disclosure = options.kind ?? .auditList
        years = data.years
        maps = data.years.map { year in
            let map = TileMap(data, year: year, kind: disclosure)
            let disclosed = map.counts[.disclosed, default: 0]
            return ChartPanel(title: tr("%1: %2 disclosed", yearHeading(year), disclosed), content: map)
        }
        let present = Set(maps.flatMap { $0.content.tiles.map(\.status) })
        legend = DisclosureStatus.allCases.filter { present.contains($0) }.map {
            LegendEntry(.symbol(ChartWords.symbol($0), ChartFills.status($0)), $0.label)
        }
        header = ChartHeader(title: tr("Disclosure maps by year"),
                             subtitle: [ChartWords.kind(disclosure), data.yearsText].joined(separator: " · "),
                             source: data.source, note: nil)
        largeType = options.largeType
    }

    package func drawPlot(_ canvas: ChartCanvas, in plot: ChartRect) {
        guard let first = maps.first?.content else {
            ChartFrame.drawEmpty(emptyMessage, in: plot, on: canvas)
            return
        }
        let titleHeight = canvas.lineHeight(ChartType.panelTitle) + 4
        let gap = 18.0
        // The grid (columns × rows of maps) giving the largest tiles.
        var best = (columns: 1, tile: 0.0)
        for columns in 1...maps.count {
            let rows = (maps.count + columns - 1) / columns
            let w = (plot.width - gap * Double(columns - 1)) / Double(columns)
            let h = (plot.height - gap * Double(rows - 1)) / Double(rows) - titleHeight
            let tile = min(w / Double(first.columns) / 1.5, h / Double(first.rows))
            if tile > best.tile { best = (columns, tile) }
        }
        let rows = (maps.count + best.columns - 1) / best.columns
        let rowRects = plot.rows(rows, gap: gap)
        for (i, panel) in maps.enumerated() {
            let cell = rowRects[i / best.columns].columns(best.columns, gap: gap)[i % best.columns]
            let title = canvas.text(panel.title, x: cell.midX, y: cell.y, ChartType.panelTitle.sized(15), h: .center, maxWidth: cell.width)
            if years.indices.contains(i) {
                canvas.anchor(.year(years[i]), x: title.maxX + ChartFrame.badgeSize(canvas) / 2 + 3, y: title.midY)
            }
            panel.content.draw(on: canvas, in: cell.inset(top: titleHeight))
        }
    }
}
