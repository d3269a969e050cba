import GtkKit
import Rendering
/// A cell of the grid by data row (shown jurisdiction rows, in display order) and column.
package struct MatrixPoint: Equatable, Hashable, Sendable {
    package var row: Int
    package var column: Int
    package init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}

/// The cursor and the selected range: the rectangle between the anchor and the cursor.
package struct MatrixSelection: Equatable, Sendable {
    package var cursor = MatrixPoint(row: 0, column: 0)
    package var anchor = MatrixPoint(row: 0, column: 0)

    package var rows: ClosedRange<Int> { min(cursor.row, anchor.row)...max(cursor.row, anchor.row) }
    package var columns: ClosedRange<Int> { min(cursor.column, anchor.column)...max(cursor.column, anchor.column) }
    package var isSingleCell: Bool { cursor == anchor }
    package var cellCount: Int { rows.count * columns.count }

    package func contains(_ point: MatrixPoint) -> Bool { rows.contains(point.row) && columns.contains(point.column) }

    /// Every selected cell, row by row.
    package var points: [MatrixPoint] {
        rows.flatMap { r in columns.map { MatrixPoint(row: r, column: $0) } }
    }

    /// Puts the cursor on a cell; without `extend` the selection becomes that cell.
    package mutating func place(_ point: MatrixPoint, extend: Bool = false) {
        cursor = point
        if !extend { anchor = point }
    }

    /// Selects a whole rectangle, the cursor at its top-left corner.
    package mutating func select(rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
        anchor = MatrixPoint(row: rows.upperBound, column: columns.upperBound)
        cursor = MatrixPoint(row: rows.lowerBound, column: columns.lowerBound)
    }

    /// Moves the cursor in a grid of `rowCount` × `columnCount` cells; `pageRows` is how many rows
    /// a page key moves. Movements stop at the edges; Tab and Shift+Tab wrap between rows.
    package mutating func move(_ move: MatrixMove, extend: Bool, rowCount: Int, columnCount: Int, pageRows: Int = 10) {
        guard rowCount > 0, columnCount > 0 else { return }
        var p = cursor
        let lastRow = rowCount - 1, lastColumn = columnCount - 1
        switch move {
        case .step(.up): p.row -= 1
        case .step(.down): p.row += 1
        case .step(.left): p.column -= 1
        case .step(.right): p.column += 1
        case .next:
            if p.column < lastColumn { p.column += 1 } else if p.row < lastRow { p = MatrixPoint(row: p.row + 1, column: 0) }
        case .previous:
            if p.column > 0 { p.column -= 1 } else if p.row > 0 { p = MatrixPoint(row: p.row - 1, column: lastColumn) }
        case .rowStart: p.column = 0
        case .rowEnd: p.column = lastColumn
        case .first: p = MatrixPoint(row: 0, column: 0)
        case .last: p = MatrixPoint(row: lastRow, column: lastColumn)
        case .pageUp: p.row -= max(1, pageRows)
        case .pageDown: p.row += max(1, pageRows)
        }
        p.row = min(max(p.row, 0), lastRow)
        p.column = min(max(p.column, 0), lastColumn)
        place(p, extend: extend)
    }

    /// Keeps cursor and anchor inside a grid that may have shrunk.
    package mutating func clamp(rowCount: Int, columnCount: Int) {
        func clamped(_ p: MatrixPoint) -> MatrixPoint {
            MatrixPoint(row: min(max(p.row, 0), max(rowCount - 1, 0)), column: min(max(p.column, 0), max(columnCount - 1, 0)))
        }
        cursor = clamped(cursor)
        anchor = clamped(anchor)
    }
}
