import Foundation
import Model
import GtkKit

/// A series of a bar chart: its label (for the legend) and fill.
package struct BarSeries: Equatable, Sendable {
    package var label: String
    package var fill: ChartFill
    package init(label: String, fill: ChartFill) {
        self.label = label
        self.fill = fill
    }
}

/// Vertical stacked columns, one per category (a survey year), with the value of every segment
/// written on it (or beside it when the segment is too thin), and optionally the column's total
/// above it.
package struct StackedColumns: Sendable {
    package var categories: [String]
    package var series: [BarSeries]
    /// values[category][series]
    package var values: [[Int]]
    /// The top of the axis (e.g. the number of jurisdictions); nil: the largest total.
    package var axisMaximum: Int?
    package var showTotals = false
    /// The point each category is (its year), where the user's notes mark it.
    package var points: [ChartPoint] = []

    /// The series that have a non-zero value somewhere (for legends).
    package var presentSeries: [Int] {
        series.indices.filter { s in values.contains { $0.indices.contains(s) && $0[s] > 0 } }
    }

    /// The largest column.
    package var largestTotal: Int { values.map { $0.reduce(0, +) }.max() ?? 0 }

    /// The value axis: up to the largest column, or to `shared` (the largest of the panels drawn
    /// beside this one, so that they share one scale) when that is larger; up to `axisMaximum`
    /// exactly when every column fits under it.
    package func scale(shared: Int? = nil) -> ValueScale {
        let largest = max(largestTotal, shared ?? 0)
        return axisMaximum.map { ValueScale(upTo: Double(max($0, largest)), exact: $0 >= largest) }
            ?? ValueScale(upTo: Double(largest))
    }

    /// Draws the columns; `sharedMaximum` see `scale(shared:)`.
    package func draw(on canvas: ChartCanvas, in rect: ChartRect, title: String? = nil, sharedMaximum: Int? = nil) {
        var area = rect
        if let title {
            let h = canvas.paragraph(title, x: area.x, y: area.y, width: area.width, ChartType.panelTitle)
            area = area.inset(top: h + ChartSpacing.block)
        }
        guard !categories.isEmpty else { return }
        let totals = values.map { $0.reduce(0, +) }
        let scale = scale(shared: sharedMaximum)
        let valueFont = ChartType.value
        let labelHeight = canvas.lineHeight(valueFont)
        let categoryHeight = canvas.lineHeight(ChartType.axis) + 6
        let top = showTotals ? labelHeight + 4 : labelHeight / 2
        let axisWidth = ChartAxis.labelWidth(scale, on: canvas)
        let plot = area.inset(top: top, left: axisWidth, bottom: categoryHeight)
        ChartAxis.drawVertical(scale, in: plot, on: canvas)

        let band = plot.width / Double(categories.count)
        let barWidth = min(band * 0.62, 96)
        // Label every category if the labels fit side by side, else every second, third … one.
        let widest = categories.map { canvas.measure($0, ChartType.axis).width }.max() ?? 0
        let every = max(1, Int((widest + 8) / band) + 1)
        let sideRoom = (band - barWidth) / 2 + (band - barWidth) / 2 - 3
        for (i, category) in categories.enumerated() {
            let x = plot.x + band * Double(i) + (band - barWidth) / 2
            var y = plot.maxY
            var beside: [(String, Double)] = []
            for (s, value) in values[i].enumerated() where value > 0 && s < series.count {
                let h = scale.fraction(Double(value)) * plot.height
                let segment = ChartRect(x: x, y: y - h, width: barWidth, height: h)
                canvas.fill(segment, series[s].fill)
                let text = String(value)
                // Narrow columns (many years) take a smaller figure rather than none.
                let font = canvas.fitting(text, valueFont, width: barWidth - 3) ?? valueFont
                let size = canvas.measure(text, font)
                if h >= size.height + 1 && barWidth >= size.width + 3 {
                    canvas.text(text, x: segment.midX, y: segment.midY, font, color: series[s].fill.ink, h: .center, v: .middle)
                } else {
                    beside.append((text, segment.midY))
                }
                y -= h
            }
            // Thin segments: their values beside the column, pushed apart so they never overlap.
            var lastY = -Double.infinity
            let sideFont = valueFont.sized(valueFont.size - 1)
            for (text, mid) in beside.sorted(by: { $0.1 > $1.1 }).reversed() where canvas.measure(text, sideFont).width <= sideRoom {
                let cy = max(mid, lastY + labelHeight)
                canvas.text(text, x: x + barWidth + 3, y: cy, sideFont, color: Palette.ink, v: .middle)
                lastY = cy
            }
            if showTotals {
                canvas.text(String(totals[i]), x: x + barWidth / 2, y: y - 3, valueFont, color: Palette.muted, h: .center, v: .bottom)
            }
            if points.indices.contains(i) {
                canvas.anchor(points[i], x: x + barWidth, y: y - (showTotals ? labelHeight : 0))
            }
            if i % every == 0 {
                canvas.text(category, x: x + barWidth / 2, y: plot.maxY + 6, ChartType.axis, h: .center)
            }
        }
    }
    package init(categories: [String], series: [BarSeries], values: [[Int]], axisMaximum: Int? = nil, showTotals: Bool = false, points: [ChartPoint] = []) {
        self.categories = categories
        self.series = series
        self.values = values
        self.axisMaximum = axisMaximum
        self.showTotals = showTotals
        self.points = points
    }
}
