import Foundation
import Model
import GtkKit

/// Chart 12: between each pair of consecutive survey years, how many cells improved (not
/// disclosed → disclosed, drawn up) and regressed (disclosed → not disclosed, drawn down), per
/// kind of disclosure.
package struct ChangesChart: Chart {
    package struct Pair: Sendable {
        package var label: String
        package var toYear: Int
        package var improved: Int
        package var regressed: Int
        package init(label: String, toYear: Int, improved: Int, regressed: Int) {
            self.label = label
            self.toYear = toYear
            self.improved = improved
            self.regressed = regressed
        }
    }

    package let kind = ChartKind.changes
    package var header: ChartHeader
    package let legend: [LegendEntry]
    package let largeType: Bool
    /// Shown instead of the plot when the survey lacks the records (taken in the labels' language).
    private let emptyMessage = tr("Changes need at least two survey years.")
    package let panels: [ChartPanel<[Pair]>]

    package static let improvedFill = ChartFills.status(.disclosed)
    package static let regressedFill = ChartFills.status(.notDisclosed)

    package init(_ data: ChartData, _ options: ChartOptions) {
        let kinds = options.kind.map { [$0] } ?? DisclosureKind.allCases
        panels = kinds.map { kind in
            ChartPanel(title: ChartWords.kind(kind), content: data.stats.changes(kind: kind).map {
                Pair(label: ChartWords.yearPair($0.fromYear, $0.toYear), toYear: $0.toYear, improved: $0.improved.count, regressed: $0.regressed.count)
            })
        }
        legend = [
            LegendEntry(.fill(Self.improvedFill), tr("Improved: not disclosed → disclosed")),
            LegendEntry(.fill(Self.regressedFill), tr("Regressed: disclosed → not disclosed")),
        ]
        header = ChartHeader(title: tr("Year-over-year changes"),
                             subtitle: [ChartWords.kinds(options.kind), data.yearsText].joined(separator: " · "),
                             source: data.source,
                             note: tr("Counts of jurisdictions whose cell changed between two consecutive survey years; changes to or from delegation or not surveyed are not counted."))
        largeType = options.largeType
    }

    package func drawPlot(_ canvas: ChartCanvas, in plot: ChartRect) {
        guard let first = panels.first, !first.content.isEmpty else {
            ChartFrame.drawEmpty(emptyMessage, in: plot, on: canvas)
            return
        }
        let largest = panels.flatMap { $0.content.flatMap { [$0.improved, $0.regressed] } }.max() ?? 0
        let scale = ValueScale(upTo: Double(max(largest, 1)), maxTicks: 3)
        for (panel, rect) in zip(panels, plot.columns(panels.count, gap: 56)) {
            draw(panel, scale: scale, in: rect, on: canvas)
        }
    }

    private func draw(_ panel: ChartPanel<[Pair]>, scale: ValueScale, in rect: ChartRect, on canvas: ChartCanvas) {
        let titleHeight = canvas.paragraph(panel.title, x: rect.x, y: rect.y, width: rect.width, ChartType.panelTitle)
        let valueFont = ChartType.value
        let labelHeight = canvas.lineHeight(valueFont) + 4
        let categoryHeight = canvas.lineHeight(ChartType.axis) + 8
        let format: (Double) -> String = { $0 == 0 ? "0" : String(Int($0)) }
        let axisWidth = ChartAxis.labelWidth(scale, on: canvas, format: format) + 8
        let area = rect.inset(top: titleHeight + ChartSpacing.block + labelHeight, left: axisWidth, bottom: categoryHeight + labelHeight + 6)
        let half = area.height / 2
        let zero = area.y + half
        // Gridlines up and down from zero.
        for tick in scale.ticks {
            let d = scale.fraction(tick) * half
            for (y, sign) in [(zero - d, "+"), (zero + d, "−")] {
                canvas.line(from: (area.minX, y), to: (area.maxX, y), tick == 0 ? Palette.muted : ChartAxis.gridColor,
                            lineWidth: tick == 0 ? 1.2 : 0.8)
                canvas.text(tick == 0 ? "0" : sign + String(Int(tick)), x: area.minX - ChartSpacing.gap, y: y, ChartType.axis,
                            color: Palette.muted, h: .right, v: .middle)
                if tick == 0 { break }
            }
        }
        let band = area.width / Double(panel.content.count)
        let barWidth = min(band * 0.5, 80)
        for (i, pair) in panel.content.enumerated() {
            let x = area.x + band * Double(i) + (band - barWidth) / 2
            let up = scale.fraction(Double(pair.improved)) * half
            let down = scale.fraction(Double(pair.regressed)) * half
            canvas.fill(ChartRect(x: x, y: zero - up, width: barWidth, height: up), Self.improvedFill)
            canvas.fill(ChartRect(x: x, y: zero, width: barWidth, height: down), Self.regressedFill)
            canvas.text(pair.improved > 0 ? "+\(pair.improved)" : "0", x: x + barWidth / 2, y: zero - up - 2, valueFont,
                        color: pair.improved > 0 ? Palette.fill(.disclosed) : Palette.muted, h: .center, v: .bottom)
            canvas.text(pair.regressed > 0 ? "−\(pair.regressed)" : "0", x: x + barWidth / 2, y: zero + down + 2, valueFont,
                        color: pair.regressed > 0 ? Palette.fill(.notDisclosed) : Palette.muted, h: .center, v: .top)
            let label = canvas.text(pair.label, x: x + barWidth / 2, y: area.maxY + labelHeight + 6, ChartType.axis, h: .center, maxWidth: band)
            canvas.anchor(.year(pair.toYear), x: x + barWidth + ChartFrame.badgeSize(canvas) / 2 + 2, y: label.midY - label.height - 4)
        }
    }
}
