import CXlsxWriter
import Foundation
import Model

/// Writes one `Table` into one worksheet: merged header cells over frozen header rows, body cells
/// by kind (text always as a string, even when it starts with `=` or `@`; numbers and percents as
/// numbers; safe links as hyperlinks), status tints, column widths that fit the text (CJK
/// characters count double), an autofilter on long single-header tables, and the data-source
/// line under the table.
struct XLSXSheet {
    /// Excel's limits: characters in a cell, hyperlinks in a sheet, a hyperlink's length.
    static let maxCellCharacters = 32_767
    static let maxLinks = 65_530
    static let maxURLLength = 2_079
    /// Up to this many rows, empty cells get borders too (as a table in a report does).
    static let maxRowsWithBlankBorders = 5_000
    /// Tables whose last row is a total, which a filter would sort in among the others.
    static let tablesWithTotals: Set<String> = ["enterprise-summary"]

    let worksheet: UnsafeMutablePointer<lxw_worksheet>
    let formats: XLSXFormats
    let table: Table
    let info: ExportInfo

    /// Where the body sits (0-based rows), for charts.
    var firstBodyRow: Int { table.header.count }
    var lastBodyRow: Int { table.header.count + table.rowCount - 1 }

    func write() throws {
        var layout = XLSXLayout(columns: table.columnCount)
        let headerRows = table.header.count
        for block in table.headerBlocks {
            let r = lxw_row_t(block.row), c = lxw_col_t(block.column)
            if block.isMerged {
                try check(worksheet_merge_range(worksheet, r, c, r + lxw_row_t(block.rows - 1), c + lxw_col_t(block.columns - 1),
                                                block.text, formats.header))
            } else {
                try check(worksheet_write_string(worksheet, r, c, block.text, formats.header))
            }
            layout.header(block)
        }
        var links = 0
        let columns = table.columnCount
        let writeBlanks = table.rowCount <= Self.maxRowsWithBlankBorders
        try TableRowStream.forEach(table) { i, cells in
            let row = headerRows + i
            for c in 0..<min(columns, cells.count) {
                try write(cells[c], row: row, column: c, blanks: writeBlanks, layout: &layout, links: &links)
            }
        }
        for c in 0..<table.columnCount {
            worksheet_set_column(worksheet, lxw_col_t(c), lxw_col_t(c), layout.excelWidth(c), nil)
        }
        for (row, height) in layout.rowHeights() {
            worksheet_set_row(worksheet, lxw_row_t(row), height, nil)
        }
        if headerRows > 0 {
            worksheet_freeze_panes(worksheet, lxw_row_t(headerRows), table.columnCount > 2 ? 1 : 0)
        }
        if headerRows == 1 && table.rowCount > 20 && table.columnCount > 0 && !Self.tablesWithTotals.contains(table.id) {
            worksheet_autofilter(worksheet, 0, 0, lxw_row_t(lastBodyRow), lxw_col_t(table.columnCount - 1))
        }
        // Printing: A4 landscape, as wide as one page, header rows repeated on every page.
        worksheet_set_landscape(worksheet)
        worksheet_set_paper(worksheet, 9)
        worksheet_fit_to_pages(worksheet, 1, 0)
        if headerRows > 0 { worksheet_repeat_rows(worksheet, 0, lxw_row_t(headerRows - 1)) }
        if !info.dataSource.isEmpty {
            try check(worksheet_write_string(worksheet, lxw_row_t(lastBodyRow + 2), 0, info.dataSource, formats.source))
        }
    }

    /// Writes one body cell and tells the layout how much room it needs.
    private func write(_ cell: TableCell, row: Int, column: Int, blanks: Bool, layout: inout XLSXLayout, links: inout Int) throws {
        let r = lxw_row_t(row), c = lxw_col_t(column)
        switch cell.value {
        case .empty:
            // A bordered blank costs a cell; in long tables only tinted blanks are written.
            if blanks || cell.status != nil {
                worksheet_write_blank(worksheet, r, c, formats.cell(.text, status: cell.status))
            }
        case .integer(let n):
            try check(worksheet_write_number(worksheet, r, c, Double(n), formats.cell(.number, status: cell.status)))
            layout.number(width: n < 0 ? String(n).utf8.count : Self.digits(n), column: column)
        case .percent(let p):
            try check(worksheet_write_number(worksheet, r, c, p, formats.cell(.percent, status: cell.status)))
            layout.number(width: 6, column: column)
        case .link(let url, let text):
            if links < Self.maxLinks, url.utf8.count <= Self.maxURLLength, ExportText.isSafeLink(url),
               worksheet_write_url_opt(worksheet, r, c, url, formats.cell(.link, status: cell.status),
                                       text == url ? nil : Self.clipped(text), nil) == LXW_NO_ERROR {
                links += 1
                layout.text(text, status: cell.status != nil, row: row, column: column)
            } else {
                try writeText(text, cell.status, row, column, &layout)
            }
        case .text(let s):
            try writeText(s, cell.status, row, column, &layout)
        }
    }

    private func writeText(_ text: String, _ status: DisclosureStatus?, _ row: Int, _ column: Int, _ layout: inout XLSXLayout) throws {
        let clipped = Self.clipped(text)
        try check(worksheet_write_string(worksheet, lxw_row_t(row), lxw_col_t(column), clipped, formats.cell(.text, status: status)))
        layout.text(clipped, status: status != nil, row: row, column: column)
    }

    private static func digits(_ n: Int) -> Int {
        var n = n, d = 1
        while n >= 10 { n /= 10; d += 1 }
        return d
    }

    /// Text cut to Excel's 32,767 characters per cell (the rest would make the file invalid).
    static func clipped(_ text: String) -> String {
        guard text.utf8.count > maxCellCharacters, text.unicodeScalars.count > maxCellCharacters else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.prefix(maxCellCharacters - 1))) + "…"
    }

    private func check(_ error: lxw_error) throws {
        guard error == LXW_NO_ERROR else {
            throw ExportError.xlsx(tr("Cannot write the sheet “%1”: %2", table.title, String(cString: lxw_strerror(error))))
        }
    }
}
