import Foundation
import Model
import GtkKit

/// Chart 11: the laws and rules on a time axis — when each was adopted or promulgated, took
/// effect, was amended and repealed, with the survey years shaded. Regulations without any
/// recorded date are listed under the axis as such.
package struct TimelineChart: Chart {
    package struct Event: Sendable {
        package var position: Double
        package var shape: MarkerShape
        package var text: String
        package init(position: Double, shape: MarkerShape, text: String) {
            self.position = position
            self.shape = shape
            self.text = text
        }
    }

    package struct Item: Sendable {
        package var label: String
        package var national: Bool
        /// Where the line starts and ends (nil: no line).
        package var span: ClosedRange<Double>?
        /// The regulation is still in force at the end of the axis.
        package var ongoing: Bool
        package var events: [Event]
        package init(label: String, national: Bool, span: ClosedRange<Double>? = nil, ongoing: Bool, events: [Event]) {
            self.label = label
            self.national = national
            self.span = span
            self.ongoing = ongoing
            self.events = events
        }
    }

    package let kind = ChartKind.timeline
    package var header: ChartHeader
    package let legend: [LegendEntry]
    package let largeType: Bool
    private let surveyYearsLabel = tr("Survey years")
    /// Shown instead of the plot when the survey lacks the records (taken in the labels' language).
    private let emptyMessage = tr("The survey records no laws or rules.")
    package let items: [Item]
    package let undated: [String]
    /// "Without recorded dates: …"
    package let undatedText: String
    package let axis: ClosedRange<Int>
    package let surveyYears: ClosedRange<Int>?

    package static let nationalColor = Palette.categorical[0]
    package static let provincialColor = Palette.categorical[4]

    package init(_ data: ChartData, _ options: ChartOptions) {
        func position(_ d: PartialDate) -> Double {
            guard let month = d.month else { return Double(d.year) + 0.5 }
            guard let day = d.day else { return Double(d.year) + (Double(month) - 0.5) / 12 }
            return Double(d.year) + (Double(month) - 1) / 12 + (Double(day) - 0.5) / 365
        }
        var dated: [(Item, Double)] = []
        var undated: [String] = []
        var yearsSeen = data.years
        for r in data.survey.regulations {
            var label = r.shortTitle ?? r.title
            if let j = r.jurisdiction { label = data.name(j) + " · " + label }
            var events: [Event] = []
            if let d = r.adopted { events.append(Event(position: position(d), shape: .ring, text: d.description)) }
            if let d = r.promulgated { events.append(Event(position: position(d), shape: .square, text: d.description)) }
            if let d = r.effective { events.append(Event(position: position(d), shape: .circle, text: d.description)) }
            for d in r.amended { events.append(Event(position: position(d), shape: .diamond, text: d.description)) }
            if let d = r.repealed { events.append(Event(position: position(d), shape: .cross, text: d.description)) }
            guard !events.isEmpty else {
                undated.append(label)
                continue
            }
            yearsSeen += [r.adopted, r.promulgated, r.effective, r.repealed].compactMap { $0?.year } + r.amended.map(\.year)
            let start = r.startDate.map(position)
            let end = r.repealed.map(position)
            var span: ClosedRange<Double>?
            if let start { span = start...max(start, end ?? start) }
            let item = Item(label: label, national: r.jurisdiction == nil, span: span, ongoing: start != nil && end == nil,
                            events: events.sorted { $0.position < $1.position })
            dated.append((item, events.map(\.position).min() ?? 0))
        }
        items = dated.enumerated().sorted { ($0.element.1, $0.offset) < ($1.element.1, $1.offset) }.map(\.element.0)
        self.undated = undated
        undatedText = tr("Without recorded dates: %1", ChartWords.list(undated))
        let low = (yearsSeen.min() ?? 2000) - 1
        let high = (yearsSeen.max() ?? 2020) + 1
        axis = low...max(high, low + 2)
        surveyYears = data.years.isEmpty ? nil : data.years.min()!...data.years.max()!

        var entries: [LegendEntry] = [
            LegendEntry(.marker(.ring, Palette.ink), tr("Adopted")),
            LegendEntry(.marker(.square, Palette.ink), tr("Promulgated")),
            LegendEntry(.marker(.circle, Palette.ink), tr("Effective")),
            LegendEntry(.marker(.diamond, Palette.ink), tr("Amended")),
            LegendEntry(.marker(.cross, Palette.ink), tr("Repealed")),
        ]
        entries.append(LegendEntry(.line(Self.nationalColor, dashed: false), tr("National")))
        if dated.contains(where: { !$0.0.national }) {
            entries.append(LegendEntry(.line(Self.provincialColor, dashed: true), tr(context: "chart", "Provincial")))
        }
        legend = entries
        header = ChartHeader(title: tr("Laws and rules over time"),
                             subtitle: trn("%1 law or rule, %2 with dates · the survey years are shaded", "%1 laws and rules, %2 with dates · the survey years are shaded",
                                                 data.survey.regulations.count, data.survey.regulations.count, dated.count),
                             source: data.source, note: nil)
        largeType = options.largeType
    }

    package func drawPlot(_ canvas: ChartCanvas, in plot: ChartRect) {
        guard !items.isEmpty || !undated.isEmpty else {
            ChartFrame.drawEmpty(emptyMessage, in: plot, on: canvas)
            return
        }
        var area = plot
        if !undated.isEmpty {
            let text = undatedText
            let h = canvas.paragraphHeight(text, width: area.width, ChartType.label)
            canvas.paragraph(text, x: area.x, y: area.maxY - h, width: area.width, ChartType.label, color: Palette.muted)
            area = area.inset(bottom: h + ChartSpacing.block * 1.5)
        }
        guard !items.isEmpty else { return }
        let axisHeight = canvas.lineHeight(ChartType.axis) + 8
        let rowHeight = min(56, (area.height - axisHeight) / Double(items.count))
        let font = ChartType.label.sized(min(ChartType.label.size, max(ChartType.minimumSize, rowHeight * 0.5)))
        let labelWidth = min(area.width * 0.3, (items.map { canvas.measure($0.label, font).width }.max() ?? 0) + 12)
        let track = ChartRect(x: area.x + labelWidth, y: area.y, width: area.width - labelWidth - 30,
                              height: rowHeight * Double(items.count))
        let span = Double(axis.upperBound - axis.lowerBound)
        func x(_ p: Double) -> Double { track.x + (p - Double(axis.lowerBound)) / span * track.width }

        // Survey years, then year gridlines and labels.
        if let s = surveyYears {
            let band = ChartRect(x: x(Double(s.lowerBound)), y: track.y, width: x(Double(s.upperBound + 1)) - x(Double(s.lowerBound)),
                                 height: track.height)
            canvas.fill(band, Palette.tint(.disclosed), alpha: 0.6)
            canvas.text(surveyYearsLabel, x: band.midX, y: track.maxY + axisHeight, ChartType.axis.withBold,
                        color: Palette.fill(.disclosed), h: .center, maxWidth: max(band.width, 80))
        }
        for year in axis {
            canvas.anchor(.year(year), x: x(Double(year) + 0.5), y: track.y + ChartFrame.badgeSize(canvas) / 2 + 2)
        }
        let step = max(1, Int((span / 12).rounded(.up)))
        for year in stride(from: axis.lowerBound, through: axis.upperBound, by: step) {
            let px = x(Double(year))
            canvas.line(from: (px, track.y), to: (px, track.maxY), ChartAxis.gridColor, lineWidth: 0.8)
            canvas.text(String(year), x: px, y: track.maxY + 4, ChartType.axis, color: Palette.muted, h: .center)
        }

        let dateFont = ChartType.axis.sized(min(12, max(ChartType.minimumSize, rowHeight * 0.32)))
        for (i, item) in items.enumerated() {
            let mid = track.y + rowHeight * (Double(i) + 0.42)
            canvas.text(item.label, x: track.x - 12, y: mid, font, h: .right, v: .middle, maxWidth: labelWidth - 12)
            let color = item.national ? Self.nationalColor : Self.provincialColor
            if let span = item.span {
                let end = item.ongoing ? track.maxX : x(span.upperBound)
                canvas.line(from: (x(span.lowerBound), mid), to: (end, mid), color, lineWidth: 4, dash: item.national ? [] : [7, 4])
                if item.ongoing {
                    canvas.marker(.arrow, x: end + 5, y: mid, size: 14, color)
                }
            }
            // Date labels under the markers; a label that would touch the previous one goes above.
            var lastRight = -Double.infinity
            let markerSize = min(16, rowHeight * 0.42)
            for event in item.events {
                let px = x(event.position)
                canvas.marker(event.shape, x: px, y: mid, size: markerSize, event.shape == .cross ? Palette.fill(.notDisclosed) : Palette.ink)
                let w = canvas.measure(event.text, dateFont).width
                if px - w / 2 > lastRight + 4 {
                    canvas.text(event.text, x: px, y: mid + markerSize / 2 + 1, dateFont, color: Palette.muted, h: .center)
                    lastRight = px + w / 2
                } else {
                    canvas.text(event.text, x: px, y: mid - markerSize / 2 - 1, dateFont, color: Palette.muted, h: .center, v: .bottom)
                }
            }
        }
    }
}
