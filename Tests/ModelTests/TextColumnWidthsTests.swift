import XCTest
@testable import Model

/// The column widths the HTML and DOCX writers share: headings and cells measured in display
/// columns, each capped, a footnote mark counted with its cell, never below the minimum.
final class TextColumnWidthsTests: XCTestCase {
    func testHeadingsAndCellsCountUpToTheirCapsWithTheirFootnoteMarks() {
        var marked = TableCell(.text("√"))
        marked.footnote = 12
        let table = Table(id: "t", title: "T", columns: ["省份名称很长很长", "B", "C"], rows: [
            [TableCell(.text("北京")), marked, TableCell(.text(String(repeating: "x", count: 50)))],
            [TableCell(.text("黑龙江")), TableCell(.integer(12_345)), TableCell(.empty)],
        ])
        let widths = TextColumnWidths(minimum: 3, headerCap: 10, bodyCap: 30).of(table)
        XCTAssertEqual(widths[0], 10, "the heading (16 columns) counts up to its cap; 黑龙江 is 6")
        XCTAssertEqual(widths[1], 5, "12345 is five; √ with its mark 12 is three")
        XCTAssertEqual(widths[2], 30, "a long cell counts up to the body's cap")
        XCTAssertEqual(TextColumnWidths(minimum: 40, headerCap: 10, bodyCap: 30).of(table), [40, 40, 40], "never below the minimum")
    }

    func testOnlyTheSampledRowsCount() {
        let table = Table(id: "t", title: "T", columns: ["A"], rows: [[TableCell(.text("ab"))], [TableCell(.text("abcdefgh"))]])
        var measure = TextColumnWidths(minimum: 1, headerCap: 10, bodyCap: 30)
        measure.sampleRows = 1
        XCTAssertEqual(measure.of(table), [2])
        measure.sampleRows = 2
        XCTAssertEqual(measure.of(table), [8])
    }

    func testAFootnoteMarkWidensANarrowColumn() {
        var cell = TableCell(.text("√"))
        cell.footnote = 3
        let table = Table(id: "t", title: "T", columns: ["A"], rows: [[cell]])
        XCTAssertEqual(TextColumnWidths(minimum: 1, headerCap: 10, bodyCap: 30).of(table), [2])
    }
}
