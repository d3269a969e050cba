import Foundation
import Model
import GtkKit

/// A linear value scale from 0 with "nice" ticks (1, 2 or 5 × 10ⁿ apart).
package struct ValueScale: Sendable {
    /// The value at the end of the axis (a multiple of `step`, at least 1).
    package let maximum: Double
    package let step: Double

    /// A scale whose axis reaches at least `value`, with at most `maxTicks` steps; with `exact`
    /// the axis ends at `value` itself (e.g. the number of jurisdictions).
    package init(upTo value: Double, maxTicks: Int = 6, exact: Bool = false) {
        let v = max(value, 1)
        var step = 1.0
        let raw = v / Double(max(1, maxTicks))
        let magnitude = pow(10, floor(log10(max(raw, 1e-9))))
        for m in [1.0, 2.0, 5.0, 10.0] where m * magnitude >= raw {
            step = m * magnitude
            break
        }
        step = max(step, 1)
        self.step = step
        maximum = exact ? v : ceil(v / step) * step
    }

    /// A scale for rates, 0 to 100%, in steps of 20%.
    package static let percent = ValueScale(maximum: 1, step: 0.2)

    private init(maximum: Double, step: Double) {
        self.maximum = maximum
        self.step = step
    }

    package var ticks: [Double] {
        stride(from: 0, through: maximum + step * 1e-9, by: step).map { $0 }
    }

    /// The fraction of the axis a value reaches (0…1).
    package func fraction(_ value: Double) -> Double { maximum <= 0 ? 0 : min(1, max(0, value / maximum)) }
}

/// Gridlines and tick labels.
package enum ChartAxis {
    package static let gridColor = RGB(0xDDDDDD)

    /// Horizontal gridlines with labels on the left of `plot` (for columns).
    package static func drawVertical(_ scale: ValueScale, in plot: ChartRect, on canvas: ChartCanvas,
                             format: (Double) -> String = { String(Int($0)) }) {
        for tick in scale.ticks {
            let y = plot.maxY - scale.fraction(tick) * plot.height
            canvas.line(from: (plot.minX, y), to: (plot.maxX, y), tick == 0 ? Palette.muted : gridColor,
                        lineWidth: tick == 0 ? 1 : 0.8)
            canvas.text(format(tick), x: plot.minX - ChartSpacing.gap, y: y, ChartType.axis, color: Palette.muted,
                        h: .right, v: .middle)
        }
    }

    /// The width the tick labels of `drawVertical` take.
    package static func labelWidth(_ scale: ValueScale, on canvas: ChartCanvas, format: (Double) -> String = { String(Int($0)) }) -> Double {
        (scale.ticks.map { canvas.measure(format($0), ChartType.axis).width }.max() ?? 0) + ChartSpacing.gap
    }

    /// Vertical gridlines with labels under `plot` (for bars).
    package static func drawHorizontal(_ scale: ValueScale, in plot: ChartRect, on canvas: ChartCanvas,
                               format: (Double) -> String = { String(Int($0)) }) {
        for tick in scale.ticks {
            let x = plot.minX + scale.fraction(tick) * plot.width
            canvas.line(from: (x, plot.minY), to: (x, plot.maxY), tick == 0 ? Palette.muted : gridColor,
                        lineWidth: tick == 0 ? 1 : 0.8)
            canvas.text(format(tick), x: x, y: plot.maxY + 4, ChartType.axis, color: Palette.muted, h: .center)
        }
    }
}
