import CXlsxWriter
import Foundation
import Model
import GtkKit

/// Writes one `Table` into one worksheet: merged header cells over frozen header rows, body cells
/// by kind (text always as a string, even when it starts with `=` or `@`; numbers and percents as
/// numbers; safe links as hyperlinks), status tints, column widths that fit the text (CJK
/// characters count double), an autofilter on long single-header tables; the numbered title
/// (表1 …) above, the notes and the data-source line under the table; printed on A4 landscape
/// one page wide with the header rows repeated.
package struct XLSXSheet {
    /// Excel's limits: characters in a cell, hyperlinks in a sheet, a hyperlink's length.
    package static let maxCellCharacters = 32_767
    package static let maxLinks = 65_530
    package static let maxURLLength = 2_079
    /// Up to this many rows, empty cells get borders too (as a table in a report does).
    package static let maxRowsWithBlankBorders = 5_000
    /// Tables whose last row is a total, which a filter would sort in among the others.
    package static let tablesWithTotals: Set<String> = ["enterprise-summary"]

    package let worksheet: UnsafeMutablePointer<lxw_worksheet>
    package let formats: XLSXFormats
    package let table: Table
    package let info: ExportInfo
    /// Whether a streamed sheet's rows are encoded by `XLSXRowEncoder` rather than written cell by
    /// cell through libxlsxwriter (the same bytes; false for the tests that compare the two).
    package var encodesRows = true

    /// Rows above the header: the numbered title (表1 …).
    package static let titleRows = 1

    /// Where the body sits (0-based rows), for charts.
    package var firstBodyRow: Int { Self.titleRows + table.header.count }
    package var lastBodyRow: Int { firstBodyRow + table.rowCount - 1 }

    /// Whether a table is written row by row, top to bottom (`streamed`): a long table with one
    /// header row and no charts (a chart's cached values are read back from the sheet's cells).
    package static func isStreamed(_ table: Table) -> Bool {
        table.rowCount > maxRowsWithBlankBorders && table.header.count == 1 && XLSXCharts.plans(for: table).isEmpty
    }

    /// Writes the sheet. A `streamed` sheet (made in libxlsxwriter's constant-memory mode) gets
    /// its rows strictly top to bottom, each row's height set before the next row: its cells go
    /// straight to the file with their strings inline, instead of into a tree of cells and a
    /// table of shared strings (100,000 enterprises: most of the workbook's time). Its title's
    /// and header's heights are then counted from the headings' widths, not the body's.
    package func write(streamed: Bool = false) throws {
        var layout = XLSXLayout(columns: table.columnCount)
        let top = Self.titleRows
        let headerRows = table.header.count
        let blocks = table.headerBlocks.map { block in
            var block = block
            block.row += top
            return block
        }
        blocks.forEach { layout.header($0) }
        if streamed {
            try writeLine(table.caption, row: 0, format: formats.title, lineHeight: 18, layout: layout)
            for (row, height) in layout.rowHeights() {
                worksheet_set_row(worksheet, lxw_row_t(row), height, nil)  // the header row, before its cells
            }
        }
        for block in blocks {
            let r = lxw_row_t(block.row), c = lxw_col_t(block.column)
            if block.isMerged {
                try check(worksheet_merge_range(worksheet, r, c, r + lxw_row_t(block.rows - 1), c + lxw_col_t(block.columns - 1),
                                                block.text, formats.header))
            } else {
                try check(worksheet_write_string(worksheet, r, c, block.text, formats.header))
            }
        }
        // Before the body: a streamed sheet takes no range that ends above the row it is on.
        if headerRows == 1 && table.rowCount > 20 && table.columnCount > 0 && !Self.tablesWithTotals.contains(table.id) {
            worksheet_autofilter(worksheet, lxw_row_t(top), 0, lxw_row_t(lastBodyRow), lxw_col_t(table.columnCount - 1))
        }
        var links = 0
        let columns = table.columnCount
        let writeBlanks = table.rowCount <= Self.maxRowsWithBlankBorders
        let firstBodyRow = self.firstBodyRow
        if streamed { _ = layout.takeHeight(ofRow: top) }  // counted above
        // A streamed sheet's rows are encoded here (`XLSXRowEncoder`), but for those with a link
        // or a footnote mark, which go through libxlsxwriter, each sent out before the next
        // encoded row.
        var encoder = streamed && encodesRows && XLSXRowEncoder.canEncode(worksheet)
            ? XLSXRowEncoder(worksheet: worksheet, formats: formats, columns: columns, blanks: writeBlanks) : nil
        if encoder != nil { lxw_worksheet_write_single_row(worksheet) }  // the header row
        try TableRowStream.forEach(table) { i, cells in
            let row = firstBodyRow + i
            if try encoder?.encode(row: row, cells, layout: &layout) == true { return }
            try encoder?.flush()
            for c in 0..<min(columns, cells.count) {
                try write(cells[c], row: row, column: c, blanks: writeBlanks, layout: &layout, links: &links)
            }
            if streamed, let height = layout.takeHeight(ofRow: row) {
                worksheet_set_row(worksheet, lxw_row_t(row), height, nil)
            }
            if encoder != nil { lxw_worksheet_write_single_row(worksheet) }
        }
        try encoder?.flush()
        for c in 0..<table.columnCount {
            worksheet_set_column(worksheet, lxw_col_t(c), lxw_col_t(c), layout.excelWidth(c), nil)
        }
        if !streamed {
            for (row, height) in layout.rowHeights() {
                worksheet_set_row(worksheet, lxw_row_t(row), height, nil)
            }
            // The title over the table's width, then the notes and the source line under it.
            try writeLine(table.caption, row: 0, format: formats.title, lineHeight: 18, layout: layout)
        }
        var next = lastBodyRow + 2
        if !table.footnotes.isEmpty {
            try writeLine(TableCaption.notesHeading, row: next, format: formats.note, lineHeight: XLSXLayout.lineHeight, layout: layout)
            next += 1
            for (i, note) in table.footnotes.enumerated() {
                try writeLine(TableCaption.footnote(i + 1, note), row: next, format: formats.note, lineHeight: XLSXLayout.lineHeight,
                              layout: layout)
                next += 1
            }
        }
        if !info.dataSource.isEmpty {
            try writeLine(info.dataSource, row: next, format: formats.source, lineHeight: XLSXLayout.lineHeight, layout: layout)
            next += 1
        }
        // The printed page is the table from its title to its source line: the charts beside a
        // summary would otherwise widen the page and shrink the table to fit it.
        worksheet_print_area(worksheet, 0, 0, lxw_row_t(next - 1), lxw_col_t(max(0, table.columnCount - 1)))
        if headerRows > 0 {
            worksheet_freeze_panes(worksheet, lxw_row_t(firstBodyRow), table.columnCount > 2 ? 1 : 0)
        }
        // Printing: A4 landscape, narrow margins, as wide as one page, the header rows repeated
        // on every page.
        worksheet_set_landscape(worksheet)
        worksheet_set_paper(worksheet, 9)
        worksheet_set_margins(worksheet, 0.4, 0.4, 0.5, 0.5)
        worksheet_fit_to_pages(worksheet, 1, 0)
        if headerRows > 0 { worksheet_repeat_rows(worksheet, lxw_row_t(top), lxw_row_t(top + headerRows - 1)) }
    }

    /// A line of text across the table's columns (merged, wrapping), as tall as its lines need.
    private func writeLine(_ text: String, row: Int, format: UnsafeMutablePointer<lxw_format>, lineHeight: Double,
                           layout: XLSXLayout) throws {
        let r = lxw_row_t(row)
        let last = max(0, table.columnCount - 1)
        let text = Self.clipped(text)
        if last > 0 {
            try check(worksheet_merge_range(worksheet, r, 0, r, lxw_col_t(last), text, format))
        } else {
            try check(worksheet_write_string(worksheet, r, 0, text, format))
        }
        let room = max(1, (0...last).reduce(0.0) { $0 + layout.excelWidth($1) / 1.1 } - 1)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .reduce(0) { $0 + max(1, Int((Double(ExportText.displayWidth(String($1))) * lineHeight / XLSXLayout.lineHeight / room).rounded(.up))) }
        if lines > 1 { worksheet_set_row(worksheet, r, min(XLSXLayout.maxRowHeight, Double(lines) * lineHeight), nil) }
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
            layout.number(width: Self.numberWidth(n), column: column)
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
            if let footnote = cell.footnote {
                try writeMarked(s, footnote: footnote, cell.status, row, column, &layout)
            } else {
                try writeText(s, cell.status, row, column, &layout)
            }
        }
    }

    /// A text with its footnote mark as a superscript run after it (rich text), as Excel, WPS
    /// and LibreOffice show a note mark.
    private func writeMarked(_ text: String, footnote: Int, _ status: DisclosureStatus?, _ row: Int, _ column: Int,
                             _ layout: inout XLSXLayout) throws {
        let mark = String(footnote)
        let clipped = Self.clipped(text, leaving: mark.utf8.count)
        let runs = [(formats.run, clipped), (formats.superscript, mark)]
        let strings = runs.map { strdup($0.1) }
        defer { strings.forEach { free($0) } }
        let tuples = UnsafeMutablePointer<lxw_rich_string_tuple>.allocate(capacity: runs.count)
        defer { tuples.deallocate() }
        var list: [UnsafeMutablePointer<lxw_rich_string_tuple>?] = []
        for (i, run) in runs.enumerated() {
            (tuples + i).initialize(to: lxw_rich_string_tuple(format: run.0, string: strings[i]))
            list.append(tuples + i)
        }
        list.append(nil)
        try check(worksheet_write_rich_string(worksheet, lxw_row_t(row), lxw_col_t(column), &list, formats.cell(.text, status: status)))
        layout.text(clipped + mark, status: status != nil, row: row, column: column)
    }

    private func writeText(_ text: String, _ status: DisclosureStatus?, _ row: Int, _ column: Int, _ layout: inout XLSXLayout) throws {
        let clipped = Self.clipped(text)
        try check(worksheet_write_string(worksheet, lxw_row_t(row), lxw_col_t(column), clipped, formats.cell(.text, status: status)))
        layout.text(clipped, status: status != nil, row: row, column: column)
    }

    /// The characters an integer takes.
    package static func numberWidth(_ n: Int) -> Int {
        if n < 0 { return String(n).utf8.count }
        var n = n, d = 1
        while n >= 10 { n /= 10; d += 1 }
        return d
    }

    /// Text cut to Excel's 32,767 characters per cell (the rest would make the file invalid),
    /// `leaving` room for that many more after it.
    package static func clipped(_ text: String, leaving: Int = 0) -> String {
        let limit = maxCellCharacters - leaving
        guard text.utf8.count > limit, text.unicodeScalars.count > limit else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.prefix(limit - 1))) + "…"
    }

    private func check(_ error: lxw_error) throws {
        guard error == LXW_NO_ERROR else {
            throw ExportError.xlsx(tr("Cannot write the sheet “%1”: %2", table.title, String(cString: lxw_strerror(error))))
        }
    }
    package init(worksheet: UnsafeMutablePointer<lxw_worksheet>, formats: XLSXFormats, table: Table, info: ExportInfo) {
        self.worksheet = worksheet
        self.formats = formats
        self.table = table
        self.info = info
    }
}
