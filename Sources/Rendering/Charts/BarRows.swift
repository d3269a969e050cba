import Foundation
import Model
import GtkKit

/// One segment of a horizontal bar.
package struct BarSegment: Equatable, Sendable {
    package var value: Double
    package var fill: ChartFill
    /// Written on the segment when it fits.
    package var label: String?
    package init(value: Double, fill: ChartFill, label: String? = nil) {
        self.value = value
        self.fill = fill
        self.label = label
    }
}

/// One row of a horizontal bar chart: a label, an optional lead (a rank), stacked segments and a
/// trailing text after the bar (the row's figure, always written).
package struct BarRow: Equatable, Sendable {
    package var label: String
    package var lead: String?
    package var segments: [BarSegment]
    package var trailing: String
    /// Draw the full length of the scale behind the bar (rates).
    package var track = false
    /// The row has no figure: its trailing text is muted.
    package var muted = false
    /// The point the row is (a jurisdiction), where the user's notes mark it.
    package var point: ChartPoint? = nil
    package init(label: String, lead: String? = nil, segments: [BarSegment], trailing: String, track: Bool = false, muted: Bool = false, point: ChartPoint? = nil) {
        self.label = label
        self.lead = lead
        self.segments = segments
        self.trailing = trailing
        self.track = track
        self.muted = muted
        self.point = point
    }
}

package enum BarRowItem: Equatable, Sendable {
    /// A group heading (a region, a reason).
    case header(String)
    case row(BarRow)

    package var isHeader: Bool { if case .header = self { return true } else { return false } }
}

/// Horizontal bars, one per row, laid out in one column or, when the rows would get too thin,
/// two columns side by side (split at a group heading where there is one near the middle).
package struct BarRows: Sendable {
    package var items: [BarRowItem]
    package var scale: ValueScale
    package var axisFormat: @Sendable (Double) -> String = { String(Int($0)) }
    /// Gridlines and tick labels under the bars.
    package var showAxis = true
    /// Rows thinner than this switch to two columns.
    package var minimumRowHeight = 22.0

    package func draw(on canvas: ChartCanvas, in rect: ChartRect) {
        guard !items.isEmpty else { return }
        let axisHeight = showAxis ? canvas.lineHeight(ChartType.axis) + 6 : 0
        let singleRow = (rect.height - axisHeight) / Double(items.count)
        if singleRow >= minimumRowHeight || items.count < 8 {
            drawColumn(items, on: canvas, in: rect, axisHeight: axisHeight, rowHeight: singleRow)
            return
        }
        let split = splitPoint()
        let columns = rect.columns(2, gap: 36)
        let rows = Double(max(split, items.count - split))
        let rowHeight = (rect.height - axisHeight) / rows
        drawColumn(Array(items[..<split]), on: canvas, in: columns[0], axisHeight: axisHeight, rowHeight: rowHeight)
        drawColumn(Array(items[split...]), on: canvas, in: columns[1], axisHeight: axisHeight, rowHeight: rowHeight)
    }

    /// The middle, moved to the nearest group heading if one is within a quarter of the rows.
    private func splitPoint() -> Int {
        let middle = (items.count + 1) / 2
        let headers = items.indices.filter { items[$0].isHeader && $0 > 0 }
        if let best = headers.min(by: { abs($0 - middle) < abs($1 - middle) }), abs(best - middle) <= items.count / 4 {
            return best
        }
        return middle
    }

    private func drawColumn(_ items: [BarRowItem], on canvas: ChartCanvas, in rect: ChartRect, axisHeight: Double, rowHeight: Double) {
        let h = min(rowHeight, 58)
        let font = ChartType.label.sized(min(ChartType.label.size, max(ChartType.minimumSize, h * 0.66)))
        let valueFont = ChartType.value.sized(min(ChartType.value.size, max(ChartType.minimumSize, h * 0.6)))
        let rows = items.compactMap { item -> BarRow? in if case .row(let r) = item { return r } else { return nil } }
        let leadWidth = (rows.compactMap { $0.lead.map { canvas.measure($0, font).width } }.max() ?? -ChartSpacing.gap) + ChartSpacing.gap
        let labelWidth = min(rect.width * 0.38, rows.map { canvas.measure($0.label, font).width }.max() ?? 0) + ChartSpacing.gap * 2
        // A row without segments writes its text inside the empty track (where its bar would be),
        // so only the other rows' texts need room after the bars.
        let trailingWidth = min(rect.width * 0.3, rows.filter { !Self.textInTrack($0) }.map { canvas.measure($0.trailing, valueFont).width }.max() ?? 0)
            + ChartSpacing.gap * 2
        let bars = ChartRect(x: rect.x + leadWidth + labelWidth, y: rect.y,
                             width: rect.width - leadWidth - labelWidth - trailingWidth, height: h * Double(items.count))
        if showAxis {
            ChartAxis.drawHorizontal(scale, in: bars, on: canvas, format: axisFormat)
        }
        for (i, item) in items.enumerated() {
            let y = rect.y + h * Double(i)
            switch item {
            case .header(let text):
                canvas.text(text, x: rect.x, y: y + h / 2, ChartType.panelTitle.sized(font.size + 1), v: .middle, maxWidth: rect.width)
            case .row(let row):
                drawRow(row, y: y, height: h, rect: rect, bars: bars, leadWidth: leadWidth, labelWidth: labelWidth,
                        font: font, valueFont: valueFont, on: canvas)
            }
        }
    }

    private func drawRow(_ row: BarRow, y: Double, height h: Double, rect: ChartRect, bars: ChartRect, leadWidth: Double,
                         labelWidth: Double, font: ChartFont, valueFont: ChartFont, on canvas: ChartCanvas) {
        let mid = y + h / 2
        if let lead = row.lead {
            canvas.text(lead, x: rect.x + leadWidth - ChartSpacing.gap, y: mid, font, color: Palette.muted, h: .right, v: .middle)
        }
        canvas.text(row.label, x: bars.minX - ChartSpacing.gap, y: mid, font, h: .right, v: .middle,
                    maxWidth: labelWidth - ChartSpacing.gap)
        let thickness = min(h * 0.68, 34)
        let top = mid - thickness / 2
        if row.track {
            canvas.fill(ChartRect(x: bars.minX, y: top, width: bars.width, height: thickness), RGB(0xEEEEEE))
        }
        var x = bars.minX
        for segment in row.segments where segment.value > 0 {
            let w = scale.fraction(segment.value) * bars.width
            let r = ChartRect(x: x, y: top, width: w, height: thickness)
            canvas.fill(r, segment.fill)
            if let label = segment.label {
                let size = canvas.measure(label, valueFont)
                if size.width + 6 <= w && size.height <= thickness + 2 {
                    canvas.text(label, x: r.midX, y: mid, valueFont, color: segment.fill.ink, h: .center, v: .middle)
                }
            }
            x += w
        }
        let color = row.muted ? Palette.muted : Palette.ink
        let written: ChartRect
        if Self.textInTrack(row) {
            written = canvas.text(row.trailing, x: bars.minX + ChartSpacing.gap, y: mid, valueFont, color: color, v: .middle,
                                  maxWidth: rect.maxX - bars.minX - ChartSpacing.gap)
        } else {
            let end = row.track ? bars.maxX : x
            written = canvas.text(row.trailing, x: end + ChartSpacing.gap, y: mid, valueFont, color: color,
                                  v: .middle, maxWidth: rect.maxX - end - ChartSpacing.gap)
        }
        canvas.anchor(row.point, x: written.maxX + ChartFrame.badgeSize(canvas) / 2 + 4, y: mid)
    }

    /// A row drawn as an empty track (no figure) writes its text in the track.
    private static func textInTrack(_ row: BarRow) -> Bool {
        row.track && row.segments.allSatisfy { $0.value <= 0 }
    }
    package init(items: [BarRowItem], scale: ValueScale, axisFormat: @escaping @Sendable (Double) -> String = { String(Int($0)) }, showAxis: Bool = true, minimumRowHeight: Double = 22.0) {
        self.items = items
        self.scale = scale
        self.axisFormat = axisFormat
        self.showAxis = showAxis
        self.minimumRowHeight = minimumRowHeight
    }
}
