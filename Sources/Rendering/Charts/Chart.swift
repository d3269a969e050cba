import CGtk
import Foundation
import Model
import GtkKit

/// The words around a chart: its title, a subtitle naming the years and the kind of disclosure,
/// the survey's data-source line, and an optional note (a definition, a caveat).
package struct ChartHeader: Equatable, Sendable {
    package var title: String
    package var subtitle: String
    /// `meta.dataSource` of the survey.
    package var source: String
    package var note: String?
    /// What the chart shows, stated as a sentence computed from the data (`ChartData.finding`),
    /// drawn under the title.
    package var finding: String? = nil
    /// The user's notes on points of the chart (`SurveyMeta.charts`), numbered from 1.
    package var notes: [ChartNote] = []
    package init(title: String, subtitle: String, source: String, note: String? = nil, finding: String? = nil, notes: [ChartNote] = []) {
        self.title = title
        self.subtitle = subtitle
        self.source = source
        self.note = note
        self.finding = finding
        self.notes = notes
    }
}

/// A user's note on a point of a chart: drawn as a numbered mark on the point and, with its text,
/// in the notes above the footer.
package struct ChartNote: Equatable, Sendable {
    package var point: ChartPoint
    /// The point in the labels' language: 「2021年度」, 「河南」.
    package var pointLabel: String
    package var text: String
    /// The line listed under the plot, 「2021年度：…」, put together in the labels' language when
    /// the chart is made (drawing takes no translation).
    package var line: String

    package init(point: ChartPoint, pointLabel: String, text: String) {
        self.point = point
        self.pointLabel = pointLabel
        self.text = text
        line = Localizer.format(tr(context: "chart note", "%1: %2"), [pointLabel, text])
    }
}

/// A chart with every figure and label already taken from the survey (see `ChartKind.make`): it
/// only lays out and draws. One drawing path serves the window, PNG, SVG and PDF.
package protocol Chart: Sendable {
    var kind: ChartKind { get }
    var header: ChartHeader { get set }
    /// The legend under the subtitle (empty when the marks are labelled directly).
    var legend: [LegendEntry] { get }
    /// Draw with larger type (briefings).
    var largeType: Bool { get }
    /// Draws the marks, axes and labels into the plot area left by the header, legend and footer.
    func drawPlot(_ canvas: ChartCanvas, in plot: ChartRect)
}

extension Chart {
    /// Draws the whole chart on a white page filling `width` × `height` device units of `cr`.
    package func draw(_ cr: OpaquePointer, width: Double, height: Double) {
        draw(cr, width: width, height: height, recorder: nil)
    }

    /// `draw(_:width:height:)`, reporting every line of text drawn to `recorder`.
    package func draw(_ cr: OpaquePointer, width: Double, height: Double, recorder: ChartTextRecorder?) {
        ChartCanvas.draw(cr, width: width, height: height, largeType: largeType, recorder: recorder) { canvas in
            let plot = ChartFrame.draw(header, legend: legend, on: canvas)
            drawPlot(canvas, in: plot)
            ChartFrame.drawNoteMarks(header.notes, on: canvas)
        }
    }
}

/// The parts every chart shares: the paper, the header, the legend and the footer.
package enum ChartFrame {
    /// Paints the paper, the header, the legend and the footer; returns the plot area.
    package static func draw(_ header: ChartHeader, legend: [LegendEntry], on canvas: ChartCanvas) -> ChartRect {
        let page = canvas.bounds
        // A fixed white paper: charts look the same in a light or dark window and in print.
        canvas.fill(page, RGB(0xFFFFFF))
        var area = page.inset(top: ChartSpacing.marginTop, left: ChartSpacing.marginX,
                              bottom: ChartSpacing.marginBottom, right: ChartSpacing.marginX)

        // Header: a title too long for one line wraps.
        let title = canvas.paragraph(header.title, x: area.x, y: area.y, width: area.width, ChartType.title)
        area = area.inset(top: title + 4)
        if let finding = header.finding, !finding.isEmpty {
            let h = canvas.paragraph(finding, x: area.x, y: area.y, width: area.width, ChartType.subtitle, color: Palette.ink)
            area = area.inset(top: h + 2)
        }
        if !header.subtitle.isEmpty {
            let h = canvas.paragraph(header.subtitle, x: area.x, y: area.y, width: area.width, ChartType.subtitle,
                                     color: Palette.muted)
            area = area.inset(top: h)
        }
        area = area.inset(top: ChartSpacing.block)
        if !legend.isEmpty {
            let h = ChartLegend.draw(legend, in: area, on: canvas)
            area = area.inset(top: h + ChartSpacing.block)
        }

        // Footer: the user's notes, then the chart's note above the source line, separated from
        // the plot by a hairline.
        let notesHeight = Self.notesHeight(header.notes, width: area.width, on: canvas)
        let sourceHeight = header.source.isEmpty ? 0 : canvas.paragraphHeight(header.source, width: area.width, ChartType.source)
        var footer = sourceHeight + (notesHeight > 0 ? notesHeight + 6 : 0)
        if let note = header.note, !note.isEmpty {
            footer += canvas.paragraphHeight(note, width: area.width, ChartType.note) + 4
        }
        if footer > 0 {
            var y = area.maxY - footer
            canvas.line(from: (area.x, y - 8), to: (area.maxX, y - 8), Palette.muted, lineWidth: 0.6, alpha: 0.5)
            if notesHeight > 0 {
                drawNotes(header.notes, x: area.x, y: y, width: area.width, on: canvas)
                y += notesHeight + 6
            }
            if let note = header.note, !note.isEmpty {
                y += canvas.paragraph(note, x: area.x, y: y, width: area.width, ChartType.note, color: Palette.muted) + 4
            }
            canvas.paragraph(header.source, x: area.x, y: y, width: area.width, ChartType.source, color: Palette.muted)
            area = area.inset(bottom: footer + 8 + ChartSpacing.block)
        }
        return area
    }

    // MARK: The user's notes

    package static let noteColor = RGB(0x7A3E9D)
    package static let noteFont = ChartFont(15)

    /// The diameter of a note's numbered mark.
    package static func badgeSize(_ canvas: ChartCanvas) -> Double { canvas.lineHeight(ChartType.value) + 2 }

    /// The height of the notes block: one paragraph per note, beside its number.
    package static func notesHeight(_ notes: [ChartNote], width: Double, on canvas: ChartCanvas) -> Double {
        guard !notes.isEmpty else { return 0 }
        let badge = badgeSize(canvas)
        return notes.map { max(badge, canvas.paragraphHeight($0.line, width: width - badge - 8, noteFont)) }.reduce(0, +)
            + Double(notes.count - 1) * 4
    }

    private static func drawNotes(_ notes: [ChartNote], x: Double, y: Double, width: Double, on canvas: ChartCanvas) {
        let badge = badgeSize(canvas)
        var y = y
        for (i, note) in notes.enumerated() {
            drawBadge(i + 1, x: x + badge / 2, y: y + badge / 2, on: canvas)
            let h = canvas.paragraph(note.line, x: x + badge + 8, y: y, width: width - badge - 8, noteFont, color: Palette.ink)
            y += max(badge, h) + 4
        }
    }

    /// A note's number in a filled circle centred on (x, y), kept on the page.
    package static func drawBadge(_ number: Int, x: Double, y: Double, on canvas: ChartCanvas) {
        let d = badgeSize(canvas)
        let cx = min(max(x, d / 2 + 1), canvas.size.width - d / 2 - 1)
        let cy = min(max(y, d / 2 + 1), canvas.size.height - d / 2 - 1)
        canvas.marker(.circle, x: cx, y: cy, size: d + 3, RGB(0xFFFFFF))
        canvas.marker(.circle, x: cx, y: cy, size: d, noteColor)
        canvas.text(String(number), x: cx, y: cy, ChartType.value.sized(ChartType.value.size - 1), color: RGB(0xFFFFFF),
                    h: .center, v: .middle)
    }

    /// Marks each note's point where the plot drew it (`ChartCanvas.anchor`).
    package static func drawNoteMarks(_ notes: [ChartNote], on canvas: ChartCanvas) {
        // Several notes on one point sit side by side.
        var seen: [ChartPoint: Int] = [:]
        let step = badgeSize(canvas) + 3
        for (i, note) in notes.enumerated() {
            let k = seen[note.point, default: 0]
            seen[note.point] = k + 1
            for place in canvas.anchors[note.point] ?? [] {
                drawBadge(i + 1, x: place.x + Double(k) * step, y: place.y, on: canvas)
                canvas.recorder?.markedNotes.append(i + 1)
            }
        }
    }

    /// Draws "nothing to show" in the middle of a plot (a survey without the records a chart needs).
    package static func drawEmpty(_ message: String, in plot: ChartRect, on canvas: ChartCanvas) {
        canvas.strokeRounded(plot.inset(8), radius: 10, Palette.muted, lineWidth: 0.8)
        let width = min(plot.width - 60, 700)
        let h = canvas.paragraphHeight(message, width: width, ChartType.label)
        canvas.paragraph(message, x: plot.midX - width / 2, y: plot.midY - h / 2, width: width, ChartType.label,
                         color: Palette.muted, align: .center)
    }

    /// Draws side-by-side panels of stacked columns (one per kind), or `empty` when there are no
    /// categories (years).
    package static func drawPanels(_ panels: [ChartPanel<StackedColumns>], empty: String, in plot: ChartRect, on canvas: ChartCanvas) {
        guard !panels.isEmpty, !panels[0].content.categories.isEmpty else {
            drawEmpty(empty, in: plot, on: canvas)
            return
        }
        // Panels side by side are compared: one scale for all.
        let shared = sharedMaximum(panels)
        for (panel, rect) in zip(panels, plot.columns(panels.count, gap: 56)) {
            panel.content.draw(on: canvas, in: rect, title: panel.title, sharedMaximum: shared)
        }
    }

    /// The largest column (or axis maximum) of side-by-side panels: the top of their shared scale.
    package static func sharedMaximum(_ panels: [ChartPanel<StackedColumns>]) -> Int {
        panels.map { max($0.content.largestTotal, $0.content.axisMaximum ?? 0) }.max() ?? 0
    }

    /// Draws rows of bars, or `empty` when there are none.
    package static func drawBars(_ bars: BarRows?, empty: String, in plot: ChartRect, on canvas: ChartCanvas) {
        guard let bars, !bars.items.isEmpty else {
            drawEmpty(empty, in: plot, on: canvas)
            return
        }
        bars.draw(on: canvas, in: plot)
    }
}
