import Foundation
import Model
import GtkKit

/// Chart 2: the jurisdiction × year table as a coloured grid — every cell in its status colour
/// with the report's symbol (√, ×, 地市, 师市), one row per jurisdiction, one column per year and
/// kind. When the rows would get too thin the table is split into two blocks side by side.
package struct MatrixChart: Chart {
    package struct Column: Sendable {
        package var year: Int
        package var kind: DisclosureKind
        package init(year: Int, kind: DisclosureKind) {
            self.year = year
            self.kind = kind
        }
    }

    package struct Row: Sendable {
        package var id: String
        package var name: String
        package var cells: [DisclosureStatus]
        package init(id: String, name: String, cells: [DisclosureStatus]) {
            self.id = id
            self.name = name
            self.cells = cells
        }
    }

    package let kind = ChartKind.matrix
    package var header: ChartHeader
    package let legend: [LegendEntry]
    package let largeType: Bool
    /// Shown instead of the plot when the survey lacks the records (taken in the labels' language).
    private let emptyMessage = tr("The survey has no jurisdictions or no years.")
    package let columns: [Column]
    package let rows: [Row]
    package let years: [Int]
    package let kinds: [DisclosureKind]
    /// Column headings for the kinds when both are shown.
    package let kindHeadings: [String]
    /// Symbols: long (地市) and short (地) forms per status.
    package let symbols: [DisclosureStatus: TileSymbols]

    package init(_ data: ChartData, _ options: ChartOptions) {
        let kinds = options.kind.map { [$0] } ?? DisclosureKind.allCases
        let columns = data.years.flatMap { year in kinds.map { Column(year: year, kind: $0) } }
        self.kinds = kinds
        self.columns = columns
        years = data.years
        var rows: [(Row, Int, Int)] = data.survey.jurisdictions.enumerated().map { i, j in
            let cells = columns.map { data.status(j.id, $0.year, $0.kind) }
            return (Row(id: j.id, name: ChartData.compactName(j.displayName), cells: cells), cells.filter { $0 == .disclosed }.count, i)
        }
        if options.sort == .value {
            rows.sort { ($0.1, -$0.2) > ($1.1, -$1.2) }
        }
        self.rows = rows.map(\.0)
        kindHeadings = kinds.map { $0 == .auditList ? tr(context: "chart", "List") : tr(context: "chart", "Results") }
        var symbols: [DisclosureStatus: TileSymbols] = [:]
        for status in DisclosureStatus.allCases {
            symbols[status] = TileSymbols(long: ChartWords.symbol(status), short: ChartWords.symbol(status, short: true))
        }
        self.symbols = symbols
        let present = Set(self.rows.flatMap(\.cells))
        legend = DisclosureStatus.allCases.filter { present.contains($0) }.map {
            LegendEntry(.symbol(ChartWords.symbol($0), ChartFills.status($0)), $0.label)
        }
        var subtitle = [ChartWords.kinds(options.kind), data.yearsText]
        subtitle.append(options.sort == .value ? tr("most disclosed first") : tr("in the survey's order"))
        header = ChartHeader(title: tr("Disclosure by jurisdiction and year"), subtitle: subtitle.joined(separator: " · "),
                             source: data.source,
                             note: kinds.count > 1 ? tr("List: audit enterprise list; Results: evaluation and acceptance results.") : nil)
        largeType = options.largeType
    }

    package func drawPlot(_ canvas: ChartCanvas, in plot: ChartRect) {
        guard !rows.isEmpty, !columns.isEmpty else {
            ChartFrame.drawEmpty(emptyMessage, in: plot, on: canvas)
            return
        }
        let headerLines = kinds.count > 1 ? 2.0 : 1.0
        let headerLine = canvas.lineHeight(ChartType.axis) + 2
        let headerHeight = headerLines * headerLine + 4
        let nameWidth = min(plot.width * 0.22, (rows.map { canvas.measure($0.name, ChartType.label).width }.max() ?? 0) + 10)

        // One block, or two side by side: whichever gives bigger cells.
        func cellSize(_ blocks: Int) -> (Double, Double) {
            let gap = 32.0
            let perBlock = (rows.count + blocks - 1) / blocks
            let w = (plot.width - gap * Double(blocks - 1)) / Double(blocks) - nameWidth
            return (w / Double(columns.count), (plot.height - headerHeight) / Double(perBlock))
        }
        let one = cellSize(1)
        let two = cellSize(2)
        let blocks = (one.1 < 20 && min(two.0, two.1 * 1.6) > min(one.0, one.1 * 1.6)) ? 2 : 1
        let perBlock = (rows.count + blocks - 1) / blocks
        for (b, rect) in plot.columns(blocks, gap: 32).enumerated() {
            let slice = Array(rows[min(rows.count, b * perBlock)..<min(rows.count, (b + 1) * perBlock)])
            drawBlock(slice, in: rect, nameWidth: nameWidth, headerHeight: headerHeight, headerLine: headerLine,
                      rowHeight: min(cellSize(blocks).1, 40), on: canvas)
        }
    }

    private func drawBlock(_ rows: [Row], in rect: ChartRect, nameWidth: Double, headerHeight: Double, headerLine: Double,
                           rowHeight: Double, on canvas: ChartCanvas) {
        let grid = rect.inset(top: headerHeight, left: nameWidth)
        let cellWidth = min(grid.width / Double(columns.count), 90)
        let groupWidth = cellWidth * Double(kinds.count)
        // Headings: the year over its kinds.
        for (y, year) in years.enumerated() {
            let x = grid.x + groupWidth * Double(y)
            let yearFont = ChartType.axis.withBold
            let heading = canvas.text(String(year), x: x + groupWidth / 2, y: rect.y,
                                      canvas.fitting(String(year), yearFont, width: groupWidth - 2, minimum: 7) ?? yearFont.sized(7), h: .center)
            canvas.anchor(.year(year), x: heading.maxX + ChartFrame.badgeSize(canvas) / 2 + 2, y: heading.midY)
            if kinds.count > 1 {
                for (k, heading) in kindHeadings.enumerated() {
                    let short = String(heading.prefix(1))
                    let f = canvas.fitting(heading, ChartType.axis, width: cellWidth - 2)
                    canvas.text(f == nil ? short : heading, x: x + cellWidth * (Double(k) + 0.5), y: rect.y + headerLine,
                                f ?? ChartType.axis, color: Palette.muted, h: .center, maxWidth: cellWidth)
                }
            }
        }
        let font = ChartType.label.sized(min(ChartType.label.size, max(ChartType.minimumSize, rowHeight * 0.7)))
        let symbolFont = ChartType.value.sized(min(ChartType.value.size, max(ChartType.minimumSize, rowHeight * 0.62)))
        for (r, row) in rows.enumerated() {
            let y = grid.y + rowHeight * Double(r)
            canvas.text(row.name, x: grid.x - 8, y: y + rowHeight / 2, font, h: .right, v: .middle, maxWidth: nameWidth - 8)
            canvas.anchor(.jurisdiction(row.id), x: grid.x + cellWidth * Double(row.cells.count) + ChartFrame.badgeSize(canvas) / 2 + 3,
                          y: y + rowHeight / 2)
            for (c, status) in row.cells.enumerated() {
                // A wider gap between years than between the kinds of one year.
                let left = c % kinds.count == 0 ? 3.0 : 1.0
                let cell = ChartRect(x: grid.x + cellWidth * Double(c) + left, y: y + 1,
                                     width: cellWidth - left - 1, height: rowHeight - 2)
                let fill = ChartFills.status(status)
                canvas.fill(cell, fill, pattern: false)
                let symbol = symbols[status] ?? TileSymbols(long: "", short: "")
                let text = canvas.measure(symbol.long, symbolFont).width + 4 <= cell.width ? symbol.long : symbol.short
                canvas.text(text, x: cell.midX, y: cell.midY, symbolFont, color: fill.ink, h: .center, v: .middle)
            }
        }
    }
}

extension ChartFont {
    /// The same size, bold.
    package var withBold: ChartFont { ChartFont(size, bold: true) }
}
