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
                                                block.text, formats.header), "merge")
            } else {
                try check(worksheet_write_string(worksheet, r, c, block.text, formats.header), "header")
            }
            layout.header(block)
        }
        var links = 0
        for i in 0..<table.rowCount {
            let row = headerRows + i
            for (c, cell) in table.row(i).enumerated() where c < table.columnCount {
                let (width, text) = try write(cell, row: lxw_row_t(row), column: lxw_col_t(c), links: &links)
                layout.body(width: width, text: text, status: cell.status != nil, row: row, column: c)
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
            try check(worksheet_write_string(worksheet, lxw_row_t(lastBodyRow + 2), 0, info.dataSource, formats.source), "source")
        }
    }

    /// Writes one body cell; returns the width its text needs, and the text when it may wrap.
    private func write(_ cell: TableCell, row: lxw_row_t, column: lxw_col_t, links: inout Int) throws -> (Int, String?) {
        switch cell.value {
        case .empty:
            worksheet_write_blank(worksheet, row, column, formats.cell(.text, status: cell.status))
            return (0, nil)
        case .integer(let n):
            try check(worksheet_write_number(worksheet, row, column, Double(n), formats.cell(.number, status: cell.status)), "number")
            return (String(n).utf8.count, nil)
        case .percent(let p):
            try check(worksheet_write_number(worksheet, row, column, p, formats.cell(.percent, status: cell.status)), "number")
            return (6, nil)
        case .link(let url, let text):
            if links < Self.maxLinks, url.utf8.count <= Self.maxURLLength, ExportText.isSafeLink(url),
               worksheet_write_url_opt(worksheet, row, column, url, formats.cell(.link, status: cell.status),
                                       text == url ? nil : Self.clipped(text), nil) == LXW_NO_ERROR {
                links += 1
                return (ExportText.displayWidth(text), text)
            }
            return try writeText(text, cell.status, row, column)
        case .text(let s):
            return try writeText(s, cell.status, row, column)
        }
    }

    private func writeText(_ text: String, _ status: DisclosureStatus?, _ row: lxw_row_t, _ column: lxw_col_t) throws -> (Int, String?) {
        let clipped = Self.clipped(text)
        try check(worksheet_write_string(worksheet, row, column, clipped, formats.cell(.text, status: status)), "text")
        return (ExportText.displayWidth(clipped), clipped)
    }

    /// Text cut to Excel's 32,767 characters per cell (the rest would make the file invalid).
    static func clipped(_ text: String) -> String {
        guard text.utf8.count > maxCellCharacters, text.unicodeScalars.count > maxCellCharacters else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.prefix(maxCellCharacters - 1))) + "…"
    }

    private func check(_ error: lxw_error, _ what: String) throws {
        guard error == LXW_NO_ERROR else {
            throw ExportError.xlsx(tr("Cannot write the sheet “%1”: %2", table.title, String(cString: lxw_strerror(error))))
        }
    }
}
