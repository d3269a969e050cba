import GtkKit
import Rendering
/// Sizes of the grid's parts, in pixels.
package struct MatrixMetrics: Hashable, Sendable {
    package var rowHeaderWidth = 112.0
    package var cellWidth = 66.0
    package var rowHeight = 30.0
    /// A region heading row.
    package var headingHeight = 28.0
    package var yearHeaderHeight = 28.0
    /// The kind headings under each year (two or three wrapped lines).
    package var kindHeaderHeight = 44.0
    package var totalsRowHeight = 32.0
    /// Each of the two totals columns (disclosed count, rate).
    package var totalsColumnWidth = 64.0

    package var headerHeight: Double { yearHeaderHeight + kindHeaderHeight }
    package var totalsWidth: Double { totalsColumnWidth * 2 }
    package init(rowHeaderWidth: Double = 112.0, cellWidth: Double = 66.0, rowHeight: Double = 30.0, headingHeight: Double = 28.0, yearHeaderHeight: Double = 28.0, kindHeaderHeight: Double = 44.0, totalsRowHeight: Double = 32.0, totalsColumnWidth: Double = 64.0) {
        self.rowHeaderWidth = rowHeaderWidth
        self.cellWidth = cellWidth
        self.rowHeight = rowHeight
        self.headingHeight = headingHeight
        self.yearHeaderHeight = yearHeaderHeight
        self.kindHeaderHeight = kindHeaderHeight
        self.totalsRowHeight = totalsRowHeight
        self.totalsColumnWidth = totalsColumnWidth
    }
}

/// A rectangle in the grid's content coordinates.
package struct MatrixRect: Hashable, Sendable {
    package var x, y, width, height: Double
    package var maxX: Double { x + width }
    package var maxY: Double { y + height }
    package func contains(_ px: Double, _ py: Double) -> Bool { px >= x && px < maxX && py >= y && py < maxY }
    package init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}

/// What is under a point of the grid.
package enum MatrixHit: Equatable, Sendable {
    case cell(MatrixPoint)
    /// A jurisdiction's name (data row).
    case rowHeader(Int)
    /// A column's year or kind heading.
    case columnHeader(Int)
    /// A region heading row, the corner, the totals: nothing to select.
    case none
}

/// The grid's geometry: where rows and columns are in content coordinates (the whole grid, as if
/// unscrolled), and where the frozen parts go for a viewport. The column headings stay at the
/// top, the jurisdiction names at the left, the totals row at the bottom and the totals columns
/// at the right, so a cell is always seen with its headings and totals while scrolling.
package struct MatrixLayout: Equatable, Sendable {
    package let metrics: MatrixMetrics
    package let columnCount: Int
    /// Top of each display row (content y), and one more entry: the bottom of the last row.
    package let rowTops: [Double]
    /// For each data row, its display row.
    package let displayIndex: [Int]

    package init(rows: MatrixRows, columnCount: Int, metrics: MatrixMetrics) {
        self.metrics = metrics
        self.columnCount = columnCount
        var tops: [Double] = []
        var y = metrics.headerHeight
        for row in rows.display {
            tops.append(y)
            if case .heading = row { y += metrics.headingHeight } else { y += metrics.rowHeight }
        }
        tops.append(y)
        rowTops = tops
        displayIndex = rows.displayIndex
    }

    package var contentWidth: Double { metrics.rowHeaderWidth + Double(columnCount) * metrics.cellWidth + metrics.totalsWidth }
    package var contentHeight: Double { rowTops.last! + metrics.totalsRowHeight }

    // MARK: Content positions

    package func columnX(_ column: Int) -> Double { metrics.rowHeaderWidth + Double(column) * metrics.cellWidth }

    /// A display row's band (content y and height).
    package func displayRowSpan(_ displayRow: Int) -> (y: Double, height: Double) {
        (rowTops[displayRow], rowTops[displayRow + 1] - rowTops[displayRow])
    }

    package func cellRect(_ p: MatrixPoint) -> MatrixRect {
        let span = displayRowSpan(displayIndex[p.row])
        return MatrixRect(x: columnX(p.column), y: span.y, width: metrics.cellWidth, height: span.height)
    }

    // MARK: Frozen parts for a viewport (content coordinates of the visible area)

    /// Left edge of the totals columns: at the viewport's right edge, or right after the last
    /// column when the grid is narrower than the viewport.
    package func totalsColumnX(_ vp: MatrixRect) -> Double { min(vp.maxX, contentWidth) - metrics.totalsWidth }
    /// Top of the totals row, likewise.
    package func totalsRowY(_ vp: MatrixRect) -> Double { min(vp.maxY, contentHeight) - metrics.totalsRowHeight }

    /// Where body cells show: between the frozen parts.
    package func bodyRect(_ vp: MatrixRect) -> MatrixRect {
        let x = vp.x + metrics.rowHeaderWidth, y = vp.y + metrics.headerHeight
        return MatrixRect(x: x, y: y, width: max(0, totalsColumnX(vp) - x), height: max(0, totalsRowY(vp) - y))
    }

    /// Display rows that intersect the body area.
    package func visibleDisplayRows(_ vp: MatrixRect) -> Range<Int> {
        let body = bodyRect(vp)
        let first = displayRow(atY: body.y) ?? 0
        let last = displayRow(atY: body.maxY - 0.5) ?? (rowTops.count - 2)
        return first..<max(first, last + 1)
    }

    /// Columns that intersect the body area.
    package func visibleColumns(_ vp: MatrixRect) -> Range<Int> {
        guard columnCount > 0 else { return 0..<0 }
        let body = bodyRect(vp)
        let first = max(0, Int(((body.x - metrics.rowHeaderWidth) / metrics.cellWidth).rounded(.down)))
        let last = min(columnCount - 1, Int(((body.maxX - 0.5 - metrics.rowHeaderWidth) / metrics.cellWidth).rounded(.down)))
        return first..<max(first, last + 1)
    }

    /// The display row at a content y (nil outside the rows).
    package func displayRow(atY y: Double) -> Int? {
        guard rowTops.count > 1, y >= rowTops[0], y < rowTops[rowTops.count - 1] else { return nil }
        var low = 0, high = rowTops.count - 2
        while low < high {
            let mid = (low + high + 1) / 2
            if rowTops[mid] <= y { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The data row of a display row (nil for a heading).
    package func dataRow(ofDisplayRow d: Int) -> Int? { displayIndex.firstIndex(of: d) }

    // MARK: Hit testing and scrolling

    /// What is under a point (content coordinates) when the grid shows `vp`.
    package func hit(x: Double, y: Double, viewport vp: MatrixRect) -> MatrixHit {
        let inLeft = x < vp.x + metrics.rowHeaderWidth
        let inRight = x >= totalsColumnX(vp)
        let column = Int(((x - metrics.rowHeaderWidth) / metrics.cellWidth).rounded(.down))
        let columnOK = !inLeft && !inRight && column >= 0 && column < columnCount
        if y < vp.y + metrics.headerHeight { return columnOK ? .columnHeader(column) : .none }
        if y >= totalsRowY(vp) { return .none }
        guard let d = displayRow(atY: y), let row = dataRow(ofDisplayRow: d) else { return .none }
        if inLeft { return .rowHeader(row) }
        return columnOK ? .cell(MatrixPoint(row: row, column: column)) : .none
    }

    /// The cell nearest a point, for dragging past the edges: rows and columns clamp to the grid.
    package func nearestCell(x: Double, y: Double, rowCount: Int) -> MatrixPoint? {
        guard rowCount > 0, columnCount > 0 else { return nil }
        let column = min(max(Int(((x - metrics.rowHeaderWidth) / metrics.cellWidth).rounded(.down)), 0), columnCount - 1)
        var row = rowCount - 1
        if y < rowTops[0] {
            row = 0
        } else if let d = displayRow(atY: y) {
            // A heading belongs to the data row below it.
            row = min(displayIndex.firstIndex(where: { $0 >= d }) ?? rowCount - 1, rowCount - 1)
        }
        return MatrixPoint(row: row, column: column)
    }

    /// The scroll offset (viewport origin) that shows a cell fully between the frozen parts,
    /// moving as little as possible from `vp`.
    package func scrollOffset(toShow p: MatrixPoint, viewport vp: MatrixRect) -> (x: Double, y: Double) {
        let cell = cellRect(p)
        var x = vp.x, y = vp.y
        let bodyWidth = vp.width - metrics.rowHeaderWidth - metrics.totalsWidth
        let bodyHeight = vp.height - metrics.headerHeight - metrics.totalsRowHeight
        if cell.x < x + metrics.rowHeaderWidth { x = cell.x - metrics.rowHeaderWidth }
        else if cell.maxX > x + metrics.rowHeaderWidth + bodyWidth { x = cell.maxX - metrics.rowHeaderWidth - bodyWidth }
        if cell.y < y + metrics.headerHeight { y = cell.y - metrics.headerHeight }
        else if cell.maxY > y + metrics.headerHeight + bodyHeight { y = cell.maxY - metrics.headerHeight - bodyHeight }
        // A heading right above the cell comes into view with it.
        let d = displayIndex[p.row]
        if d > 0, dataRow(ofDisplayRow: d - 1) == nil, rowTops[d - 1] < y + metrics.headerHeight,
           cell.maxY - rowTops[d - 1] <= bodyHeight {
            y = rowTops[d - 1] - metrics.headerHeight
        }
        x = min(max(x, 0), max(0, contentWidth - vp.width))
        y = min(max(y, 0), max(0, contentHeight - vp.height))
        return (x, y)
    }

    /// How many data rows fit in the body, for Page Up and Page Down.
    package func pageRows(_ vp: MatrixRect) -> Int {
        max(1, Int((bodyRect(vp).height / metrics.rowHeight).rounded(.down)) - 1)
    }
}
