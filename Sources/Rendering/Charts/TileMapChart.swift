import Foundation
import Model
import GtkKit

/// Chart 3: a tile-grid map of China for one year and kind, each jurisdiction coloured by its
/// status and labelled with its name and symbol.
package struct TileMapChart: Chart {
    package let kind = ChartKind.map
    package var header: ChartHeader
    package let legend: [LegendEntry]
    package let largeType: Bool
    /// Shown instead of the plot when the survey lacks the records (taken in the labels' language).
    private let emptyMessage = tr("The survey has no years.")
    package let map: TileMap?

    package init(_ data: ChartData, _ options: ChartOptions) {
        let disclosure = options.kind ?? .auditList
        let year = data.year(options.year)
        map = year.map { TileMap(data, year: $0, kind: disclosure) }
        let counts = map?.counts ?? [:]
        legend = DisclosureStatus.allCases.filter { counts[$0, default: 0] > 0 }.map {
            LegendEntry(.symbol(ChartWords.symbol($0), ChartFills.status($0)), ChartWords.counted($0.label, counts[$0, default: 0]))
        }
        let yearText = year.map(yearHeading) ?? tr("No survey years")
        header = ChartHeader(title: tr("Disclosure map"), subtitle: [ChartWords.kind(disclosure), yearText].joined(separator: " · "),
                             source: data.source,
                             note: tr("Tiles stand for jurisdictions in their rough geographic position; their size says nothing."))
        largeType = options.largeType
    }

    package func drawPlot(_ canvas: ChartCanvas, in plot: ChartRect) {
        guard let map else {
            ChartFrame.drawEmpty(emptyMessage, in: plot, on: canvas)
            return
        }
        map.draw(on: canvas, in: plot)
    }
}
