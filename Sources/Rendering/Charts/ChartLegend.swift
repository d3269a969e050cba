import Foundation
import Model
import GtkKit

/// What a legend entry shows beside its label.
package enum LegendSwatch: Equatable, Sendable {
    /// A square in a category's colour and pattern.
    case fill(ChartFill)
    /// A square in a category's colour with the symbol drawn on the marks (√, ×, 地市 …).
    case symbol(String, ChartFill)
    /// A marker shape (the timeline).
    case marker(MarkerShape, RGB)
    /// A short line (a span).
    case line(RGB, dashed: Bool)
}

package struct LegendEntry: Equatable, Sendable {
    package var swatch: LegendSwatch
    package var label: String

    package init(_ swatch: LegendSwatch, _ label: String) {
        self.swatch = swatch
        self.label = label
    }

    /// A status as the charts draw it: its colour, pattern and label.
    package static func status(_ status: DisclosureStatus, label: String? = nil) -> LegendEntry {
        LegendEntry(.fill(ChartFills.status(status)), label ?? status.label)
    }
}

/// Lays legend entries out in rows, left to right.
package enum ChartLegend {
    package static let swatch = 18.0
    package static let entryGap = 22.0

    /// Draws the entries at the top of `area`; returns the height used.
    package static func draw(_ entries: [LegendEntry], in area: ChartRect, on canvas: ChartCanvas) -> Double {
        let font = ChartType.legend
        let rowHeight = max(swatch, canvas.lineHeight(font)) + 6
        var x = area.x
        var y = area.y
        // The bottom of the row being laid out: a label longer than the whole width wraps and
        // makes its row taller.
        var rowBottom = y + rowHeight - 6
        for entry in entries {
            let symbolWidth = swatchWidth(entry.swatch, canvas)
            let labelWidth = canvas.measure(entry.label, font).width
            let width = symbolWidth + ChartSpacing.gap + labelWidth
            if x > area.x, x + width > area.maxX {
                x = area.x
                y = rowBottom + 6
                rowBottom = y + rowHeight - 6
            }
            let box = ChartRect(x: x, y: y + (rowHeight - 6 - swatch) / 2, width: symbolWidth, height: swatch)
            drawSwatch(entry.swatch, in: box, on: canvas)
            let available = area.maxX - x - symbolWidth - ChartSpacing.gap
            let written = canvas.text(entry.label, x: x + symbolWidth + ChartSpacing.gap, y: y + (rowHeight - 6 - canvas.lineHeight(font)) / 2,
                                      font, maxWidth: available)
            rowBottom = max(rowBottom, written.maxY, box.maxY)
            x += symbolWidth + ChartSpacing.gap + written.width + entryGap
        }
        return entries.isEmpty ? 0 : rowBottom - area.y
    }

    private static func swatchWidth(_ swatch: LegendSwatch, _ canvas: ChartCanvas) -> Double {
        switch swatch {
        case .symbol(let s, _): return max(Self.swatch, canvas.measure(s, ChartType.axis).width + 8)
        case .line: return Self.swatch * 1.6
        default: return Self.swatch
        }
    }

    /// Draws a swatch as the marks are drawn.
    package static func drawSwatch(_ swatch: LegendSwatch, in box: ChartRect, on canvas: ChartCanvas) {
        switch swatch {
        case .fill(let fill):
            canvas.fill(box, fill)
            canvas.stroke(box, Palette.ink, lineWidth: 0.6, alpha: 0.35)
        case .symbol(let symbol, let fill):
            canvas.fill(box, fill, pattern: false)
            canvas.text(symbol, x: box.midX, y: box.midY, ChartType.axis.sized(12), color: fill.ink, h: .center, v: .middle)
        case .marker(let shape, let color):
            canvas.marker(shape, x: box.midX, y: box.midY, size: box.height * 0.8, color)
        case .line(let color, let dashed):
            canvas.line(from: (box.minX, box.midY), to: (box.maxX, box.midY), color, lineWidth: 3, dash: dashed ? [5, 3] : [])
        }
    }
}
