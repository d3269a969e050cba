import Foundation
import GtkKit

/// A rectangle in a chart's design units (see `ChartCanvas`).
package struct ChartRect: Equatable, Sendable {
    package var x: Double
    package var y: Double
    package var width: Double
    package var height: Double

    package init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    package var minX: Double { x }
    package var minY: Double { y }
    package var maxX: Double { x + width }
    package var maxY: Double { y + height }
    package var midX: Double { x + width / 2 }
    package var midY: Double { y + height / 2 }

    /// The rectangle shrunk by the given amounts on each side.
    package func inset(top: Double = 0, left: Double = 0, bottom: Double = 0, right: Double = 0) -> ChartRect {
        ChartRect(x: x + left, y: y + top, width: width - left - right, height: height - top - bottom)
    }

    /// The rectangle shrunk by `d` on every side.
    package func inset(_ d: Double) -> ChartRect { inset(top: d, left: d, bottom: d, right: d) }

    /// Cuts `amount` off the top and returns (the cut, the rest).
    package func sliceTop(_ amount: Double) -> (ChartRect, ChartRect) {
        let a = min(amount, height)
        return (ChartRect(x: x, y: y, width: width, height: a), ChartRect(x: x, y: y + a, width: width, height: height - a))
    }

    /// Cuts `amount` off the bottom and returns (the cut, the rest).
    package func sliceBottom(_ amount: Double) -> (ChartRect, ChartRect) {
        let a = min(amount, height)
        return (ChartRect(x: x, y: maxY - a, width: width, height: a), ChartRect(x: x, y: y, width: width, height: height - a))
    }

    /// Cuts `amount` off the left and returns (the cut, the rest).
    package func sliceLeft(_ amount: Double) -> (ChartRect, ChartRect) {
        let a = min(amount, width)
        return (ChartRect(x: x, y: y, width: a, height: height), ChartRect(x: x + a, y: y, width: width - a, height: height))
    }

    /// Splits into `count` equal columns separated by `gap`.
    package func columns(_ count: Int, gap: Double) -> [ChartRect] {
        guard count > 0 else { return [] }
        let w = (width - gap * Double(count - 1)) / Double(count)
        return (0..<count).map { ChartRect(x: x + Double($0) * (w + gap), y: y, width: w, height: height) }
    }

    /// Splits into `count` equal rows separated by `gap`.
    package func rows(_ count: Int, gap: Double) -> [ChartRect] {
        guard count > 0 else { return [] }
        let h = (height - gap * Double(count - 1)) / Double(count)
        return (0..<count).map { ChartRect(x: x, y: y + Double($0) * (h + gap), width: width, height: h) }
    }
}

/// Where a text's anchor point sits on the text, horizontally.
package enum HAlign: Sendable { case left, center, right }

/// Where a text's anchor point sits on the text, vertically.
package enum VAlign: Sendable { case top, middle, bottom }

/// A size in design units.
package struct ChartSize: Equatable, Sendable {
    package var width: Double
    package var height: Double
    package init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }
}
