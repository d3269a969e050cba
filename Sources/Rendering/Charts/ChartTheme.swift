import Foundation
import Model
import GtkKit

/// A font size (in design units) and weight. Every chart uses the sizes of `ChartType`.
package struct ChartFont: Hashable, Sendable {
    package var size: Double
    package var bold: Bool

    package init(_ size: Double, bold: Bool = false) {
        self.size = size
        self.bold = bold
    }

    /// The same weight at another size.
    package func sized(_ size: Double) -> ChartFont { ChartFont(size, bold: bold) }
}

/// The charts' typography: one scale for every chart, in design units (a 1280 × 720 chart; see
/// `ChartCanvas`). At 1920 × 1080 a value label is 21 px; on A4 landscape it is 9.9 pt.
package enum ChartType {
    package static let title = ChartFont(28, bold: true)
    package static let subtitle = ChartFont(17)
    package static let panelTitle = ChartFont(17, bold: true)
    package static let legend = ChartFont(15)
    package static let label = ChartFont(15)
    package static let value = ChartFont(14, bold: true)
    package static let axis = ChartFont(13)
    package static let source = ChartFont(13)
    package static let note = ChartFont(13)
    /// The smallest any text may shrink to when space is short.
    package static let minimumSize = 9.0

    /// Pango's family list. Simplified Chinese first, so that Han characters take their mainland
    /// shapes whatever the locale (the same order as the window's stylesheet); its Latin glyphs
    /// serve the English labels.
    package static let families = "Noto Sans CJK SC, Source Han Sans SC, Source Han Sans CN, WenQuanYi Micro Hei, Droid Sans Fallback, sans-serif"
    /// The same list for SVG's font-family attribute.
    package static let cssFamilies = "'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif"
}

/// Margins and spacing of every chart, in design units.
package enum ChartSpacing {
    package static let marginX = 44.0
    package static let marginTop = 30.0
    package static let marginBottom = 22.0
    /// Between header, legend, plot and footer.
    package static let block = 14.0
    /// Between a label and its mark.
    package static let gap = 6.0
}

/// A texture drawn over a fill so that marks differ by more than colour.
package enum FillPattern: Int, CaseIterable, Sendable {
    case solid, diagonal, dots, crosshatch, horizontal, backDiagonal, vertical, grid
}

/// How a category is painted: a colour from `Palette`, a pattern, and the colour of text drawn on it.
package struct ChartFill: Equatable, Sendable {
    package var color: RGB
    package var pattern: FillPattern
    package var ink: RGB

    package init(_ color: RGB, _ pattern: FillPattern, ink: RGB? = nil) {
        self.color = color
        self.pattern = pattern
        self.ink = ink ?? ChartFill.readableInk(on: color)
    }

    /// Dark text on light colours, white on dark ones (WCAG relative luminance).
    package static func readableInk(on color: RGB) -> RGB {
        func channel(_ c: UInt8) -> Double {
            let v = Double(c) / 255
            return v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
        }
        let l = 0.2126 * channel(color.red) + 0.7152 * channel(color.green) + 0.0722 * channel(color.blue)
        // Contrast against white vs against the ink colour.
        return (1.05) / (l + 0.05) >= (l + 0.05) / 0.0604 ? RGB(0xFFFFFF) : Palette.ink
    }
}

/// The fills of the domain's categories. Statuses take `Palette.fill` and always the same pattern;
/// other categories take `Palette.categorical` colours chosen by meaning (blue = the good outcome,
/// vermillion = the bad one, grey = unknown), each with its own pattern.
package enum ChartFills {
    package static func status(_ status: DisclosureStatus) -> ChartFill {
        let pattern: FillPattern
        switch status {
        case .disclosed: pattern = .solid
        case .notDisclosed: pattern = .diagonal
        case .prefecture: pattern = .dots
        case .division: pattern = .crosshatch
        case .notSurveyed: pattern = .solid
        }
        return ChartFill(Palette.fill(status), pattern, ink: Palette.text(on: status))
    }

    /// Palette.categorical: 0 blue, 1 orange, 2 bluish green, 3 vermillion, 4 reddish purple,
    /// 5 sky blue, 6 yellow, 7 grey.
    package static func categorical(_ index: Int, _ pattern: FillPattern) -> ChartFill {
        let colors = Palette.categorical
        return ChartFill(colors[index % colors.count], pattern)
    }

    package static let good = categorical(0, .solid)
    package static let bad = categorical(3, .diagonal)
    package static let unknown = categorical(7, .horizontal)

    package static func completeness(_ c: Completeness) -> ChartFill {
        switch c {
        case .complete: return good
        case .incomplete: return categorical(1, .dots)
        case .cannotJudge: return unknown
        case .nothingDisclosed: return bad
        }
    }

    /// Coverage classes, in `CoverageCounts` order.
    package static let mandatoryAndVoluntary = categorical(0, .solid)
    package static let mandatoryOnly = categorical(5, .backDiagonal)
    package static let voluntaryOnly = categorical(2, .dots)
    package static let unclassified = categorical(1, .crosshatch)
    package static let notRecorded = categorical(7, .horizontal)
    /// The coverage categories in the order of the chart and the coverage table.
    package static let coverage = [mandatoryAndVoluntary, mandatoryOnly, voluntaryOnly, unclassified, notRecorded]

    /// Reason labelling classes, from worst to best.
    package static let noList = categorical(3, .diagonal)
    package static let notStated = categorical(1, .dots)
    package static let someReasons = categorical(5, .backDiagonal)
    package static let allReasons = categorical(0, .solid)
}
