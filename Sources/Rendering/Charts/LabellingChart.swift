import Foundation
import Model
import GtkKit

/// Chart 5: whether each year's audit lists say why their enterprises are under mandatory audit
/// (the report's table 清洁生产审核企业名单包含类型): no list, reasons not stated, some reasons,
/// all three reasons; beside it, how many lists marked each reason.
package struct LabellingChart: Chart {
    package let kind = ChartKind.labelling
    package var header: ChartHeader
    package let legend: [LegendEntry]
    package let largeType: Bool
    private let marksTitle = tr("Lists marking each reason")
    /// Shown instead of the plot when the survey lacks the records (taken in the labels' language).
    private let emptyMessage = tr("The survey has no years.")
    package let columns: StackedColumns
    /// Per reason: its label and the number of lists marking it, per year.
    package let reasonMarks: [(label: String, counts: [Int])]

    package init(_ data: ChartData, _ options: ChartOptions) {
        let series = [
            BarSeries(label: tr("No list"), fill: ChartFills.noList),
            BarSeries(label: tr("Reasons not stated"), fill: ChartFills.notStated),
            BarSeries(label: tr("Some reasons"), fill: ChartFills.someReasons),
            BarSeries(label: tr("All three reasons"), fill: ChartFills.allReasons),
            BarSeries(label: tr("Not recorded"), fill: ChartFills.notRecorded),
        ]
        let labelling = data.years.map { data.stats.labelling(year: $0) }
        columns = StackedColumns(categories: data.years.map(String.init), series: series,
                                 values: labelling.map { [$0.noList, $0.notStated, $0.someMarked, $0.allMarked, $0.notRecorded] },
                                 axisMaximum: data.stats.jurisdictionCount, points: data.years.map(ChartPoint.year))
        reasonMarks = [
            (tr("Reason 1: pollution"), labelling.map(\.marksPollution)),
            (tr("Reason 2: energy"), labelling.map(\.marksEnergy)),
            (tr("Reason 3: toxic materials"), labelling.map(\.marksToxic)),
        ]
        let present = Set(columns.presentSeries)
        legend = series.indices.filter { present.contains($0) }.map { LegendEntry(.fill(series[$0].fill), series[$0].label) }
        header = ChartHeader(title: tr("Reasons stated in published audit lists"),
                             subtitle: [ChartWords.kind(.auditList), data.yearsText,
                                        ChartWords.jurisdictions(data.stats.jurisdictionCount)].joined(separator: " · "),
                             source: data.source,
                             note: tr("Reasons for mandatory audit: 1 pollutants over standard or quota, 2 energy use over quota, 3 toxic or hazardous materials."))
        largeType = options.largeType
    }

    package func drawPlot(_ canvas: ChartCanvas, in plot: ChartRect) {
        guard !columns.categories.isEmpty else {
            ChartFrame.drawEmpty(emptyMessage, in: plot, on: canvas)
            return
        }
        // The columns, and a small table of marks per reason on the right.
        let tableWidth = min(plot.width * 0.34, 420)
        let (chartRect, tableRect) = (plot.inset(right: tableWidth + 40), plot.inset(left: plot.width - tableWidth))
        columns.draw(on: canvas, in: chartRect)
        drawMarks(in: tableRect, on: canvas)
    }

    private func drawMarks(in rect: ChartRect, on canvas: ChartCanvas) {
        var y = rect.y
        y += canvas.paragraph(marksTitle, x: rect.x, y: y, width: rect.width, ChartType.panelTitle) + 10
        let years = columns.categories
        let labelWidth = rect.width * 0.52
        let cell = (rect.width - labelWidth) / Double(max(1, years.count))
        let font = ChartType.axis.sized(max(ChartType.minimumSize, min(ChartType.label.size, cell * 0.42)))
        let rowHeight = canvas.lineHeight(font) + 10
        for (i, year) in years.enumerated() {
            let f = canvas.fitting(year, font, width: cell - 2, minimum: 7) ?? font.sized(7)
            canvas.text(year, x: rect.x + labelWidth + cell * (Double(i) + 0.5), y: y, f, color: Palette.muted, h: .center)
        }
        y += rowHeight
        for reason in reasonMarks {
            canvas.line(from: (rect.x, y - 5), to: (rect.maxX, y - 5), ChartAxis.gridColor)
            canvas.text(reason.label, x: rect.x, y: y + rowHeight / 2 - 5, font, v: .middle, maxWidth: labelWidth - 6)
            for (i, count) in reason.counts.enumerated() {
                canvas.text(String(count), x: rect.x + labelWidth + cell * (Double(i) + 0.5), y: y + rowHeight / 2 - 5,
                            font.withBold, h: .center, v: .middle)
            }
            y += rowHeight
        }
    }
}
