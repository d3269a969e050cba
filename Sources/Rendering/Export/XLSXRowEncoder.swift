import CXlsxWriter
import Foundation
import Model
import GtkKit

/// Writes the body rows of a sheet made in libxlsxwriter's constant-memory mode as SpreadsheetML,
/// straight into the sheet's scratch file (`lxw_worksheet.file`): byte for byte what
/// libxlsxwriter 1.1 writes for the same calls (`worksheet_write_string`/`_number`/`_blank` and
/// `worksheet_set_row`, the row flushed by `lxw_worksheet_write_single_row`), without its
/// per-cell work: a cell allocated, its string copied twice and escaped into fresh buffers, and
/// formatted by `fprintf` (100,000 enterprises: 2.5 million cells, most of the workbook's time).
///
/// The bytes, as libxlsxwriter's `_write_row` and `_write_cell` make them:
/// - a row: `<row r="N">` (with ` ht="H" customHeight="1"` when its height is not 15 points)
///   then its cells, left to right, then `</row>`; a row without cells is not written;
/// - a string: `<c r="B3" s="5" t="inlineStr"><is><t>…</t></is></c>`, the text up to its first
///   NUL, control characters other than tab and line feed as `_xHHHH_`, then `&`, `<` and `>` as
///   entities; `<t xml:space="preserve">` when the escaped text starts or ends with white space;
///   an empty text is a blank;
/// - a number: `<c r="B3" s="5"><v>…</v></c>`, the value as C's `%.16G`;
/// - a blank: `<c r="B3" s="5"/>`, only with a format.
/// `s` is the format's index (`lxw_format_get_xf_index`, taken in the order libxlsxwriter takes
/// it: cell by cell as rows are written), left out when 0. libxlsxwriter's own bookkeeping is
/// kept: the sheet's dimensions grow over the rows and cells written here.
///
/// Links (a hyperlink needs libxlsxwriter's relationships) and cells with a footnote mark (rich
/// text) are not encoded: `encode` says so and `XLSXSheet` writes that row through libxlsxwriter.
/// `ExportXLSXTests` compares whole workbooks written both ways.
package struct XLSXRowEncoder {
    /// libxlsxwriter's LXW_DEF_ROW_HEIGHT: rows of this height carry no `ht`.
    package static let defaultRowHeight = 15.0
    /// Bytes gathered before they go to the file.
    package static let chunkSize = 1 << 18

    private let worksheet: UnsafeMutablePointer<lxw_worksheet>
    private let formats: XLSXFormats
    private let columns: Int
    private let blanks: Bool
    /// `<c r="` and the column's letters, per column.
    private let cellStarts: [[UInt8]]
    /// ` s="N"` (or nothing for index 0) per format key, once asked for.
    private var styles: [[UInt8]?] = Array(repeating: nil, count: XLSXFormats.keyCount)
    /// What Excel 2010 extensions add to every row (libxlsxwriter's `excel_version`).
    private let rowSuffix: [UInt8]
    private var out = ByteBuffer(capacity: XLSXRowEncoder.chunkSize + 65_536)
    private var cells = ByteBuffer(capacity: 16_384)
    /// The row being encoded (0-based) and its number as written (1-based).
    private var currentRow = 0
    private var rowNumber = ByteBuffer(capacity: 16)
    /// Rows and columns written since the dimensions were last handed to libxlsxwriter.
    private var minRow = UInt32.max, maxRow = UInt32(0), minColumn = UInt16.max, maxColumn = UInt16(0)

    /// Whether rows of this sheet can be encoded here: a constant-memory sheet at the default
    /// row height (the only rows this encoder knows how to write).
    package static func canEncode(_ worksheet: UnsafeMutablePointer<lxw_worksheet>) -> Bool {
        worksheet.pointee.optimize != 0 && worksheet.pointee.file != nil && worksheet.pointee.default_row_height == defaultRowHeight
    }

    package init(worksheet: UnsafeMutablePointer<lxw_worksheet>, formats: XLSXFormats, columns: Int, blanks: Bool) {
        self.worksheet = worksheet
        self.formats = formats
        self.columns = columns
        self.blanks = blanks
        cellStarts = (0..<columns).map { Array("<c r=\"".utf8) + Self.columnName($0) }
        rowSuffix = worksheet.pointee.excel_version == 2010 ? Array(" x14ac:dyDescent=\"0.25\"".utf8) : []
    }

    /// Encodes one body row and tells the layout how much room its cells need, as
    /// `XLSXSheet.write(_:row:column:…)` does. Returns false, having written nothing, for a row
    /// with a link or a footnote mark (the caller writes it through libxlsxwriter).
    package mutating func encode(row: Int, _ rowCells: [TableCell], layout: inout XLSXLayout) throws -> Bool {
        let count = min(columns, rowCells.count)
        for c in 0..<count {
            if rowCells[c].footnote != nil { return false }
            if case .link = rowCells[c].value { return false }
        }
        currentRow = row
        rowNumber.clear()
        rowNumber.appendDecimal(UInt64(row + 1))
        cells.clear()
        for c in 0..<count {
            switch rowCells[c].value {
            case .empty:
                let status = rowCells[c].status
                if blanks || status != nil { blank(column: c, style: style(.text, status)) }
            case .integer(let n):
                startCell(column: c, style: style(.number, rowCells[c].status))
                cells.append("><v>")
                cells.appendG16(Double(n))
                cells.append("</v></c>")
                layout.number(width: XLSXSheet.numberWidth(n), column: c)
            case .percent(let p):
                startCell(column: c, style: style(.percent, rowCells[c].status))
                cells.append("><v>")
                cells.appendG16(p)
                cells.append("</v></c>")
                layout.number(width: 6, column: c)
            case .text(let s):
                let status = rowCells[c].status
                let clipped = XLSXSheet.clipped(s)
                string(clipped, column: c, style: style(.text, status))
                layout.text(clipped, status: status != nil, row: row, column: c)
            case .link:
                return false  // not reached: checked above
            }
        }
        let height = layout.takeHeight(ofRow: row)
        if cells.count == 0 && height == nil { return true }  // nothing libxlsxwriter would write
        out.append("<row r=\"")
        out.append(rowNumber)
        out.append("\"")
        if let height, height != Self.defaultRowHeight {
            out.append(" ht=\"")
            out.appendG16(height)
            out.append("\" customHeight=\"1\"")
            note(row: row, column: Int(minColumn == .max ? 0 : minColumn))
        }
        out.append(rowSuffix)
        if cells.count == 0 {
            out.append("/>")
        } else {
            out.append(">")
            out.append(cells)
            out.append("</row>")
        }
        if out.count >= Self.chunkSize { try flush() }
        return true
    }

    /// Writes what is gathered to the sheet's file and hands libxlsxwriter the dimensions of the
    /// rows written: before a row goes through libxlsxwriter, and at the end.
    package mutating func flush() throws {
        if out.count > 0 {
            guard let file = worksheet.pointee.file else { throw ExportError.xlsx(tr("the sheet could not be written")) }
            let written = out.withBytes { fwrite($0.baseAddress, 1, $0.count, file) }
            guard written == out.count else {
                throw ExportError.xlsx(tr("Cannot write the sheet: %1", String(cString: strerror(errno))))
            }
            out.clear()
        }
        guard minRow != .max else { return }
        let ws = worksheet
        ws.pointee.dim_rowmin = min(ws.pointee.dim_rowmin, minRow)
        ws.pointee.dim_rowmax = max(ws.pointee.dim_rowmax, maxRow)
        ws.pointee.dim_colmin = min(ws.pointee.dim_colmin, minColumn)
        ws.pointee.dim_colmax = max(ws.pointee.dim_colmax, maxColumn)
        minRow = .max
        maxRow = 0
        minColumn = .max
        maxColumn = 0
    }

    // MARK: cells

    private mutating func style(_ kind: XLSXFormats.Kind, _ status: DisclosureStatus?) -> Int {
        let key = XLSXFormats.key(kind, status: status)
        if styles[key] == nil {
            let index = lxw_format_get_xf_index(formats.cell(kind, status: status))
            styles[key] = index == 0 ? [] : Array(" s=\"\(index)\"".utf8)
        }
        return key
    }

    private mutating func note(row: Int, column: Int) {
        minRow = min(minRow, UInt32(row))
        maxRow = max(maxRow, UInt32(row))
        minColumn = min(minColumn, UInt16(column))
        maxColumn = max(maxColumn, UInt16(column))
    }

    /// `<c r="B3" s="5"` (the tag left open).
    private mutating func startCell(column: Int, style key: Int) {
        cells.append(cellStarts[column])
        cells.append(rowNumber)
        cells.append("\"")
        if let s = styles[key] { cells.append(s) }
        note(row: currentRow, column: column)
    }

    private mutating func blank(column: Int, style key: Int) {
        startCell(column: column, style: key)
        cells.append("/>")
    }

    private mutating func string(_ text: String, column: Int, style key: Int) {
        var text = text
        text.withUTF8 { all in
            // C reads the string up to its first NUL.
            var bytes = all
            if let base = all.baseAddress, let nul = memchr(base, 0, all.count) {
                bytes = UnsafeBufferPointer(start: base, count: UnsafeRawPointer(base).distance(to: UnsafeRawPointer(nul)))
            }
            guard let first = bytes.first, let last = bytes.last else {
                blank(column: column, style: key)  // libxlsxwriter writes an empty string as a blank
                return
            }
            startCell(column: column, style: key)
            let preserve = isspace(Int32(Self.escapedEdge(first, leading: true))) != 0
                || isspace(Int32(Self.escapedEdge(last, leading: false))) != 0
            cells.append(preserve ? " t=\"inlineStr\"><is><t xml:space=\"preserve\">" : " t=\"inlineStr\"><is><t>")
            cells.appendEscaped(bytes)
            cells.append("</t></is></c>")
        }
    }

    /// The first (`leading`) or last byte a byte becomes once escaped.
    private static func escapedEdge(_ byte: UInt8, leading: Bool) -> UInt8 {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"): return leading ? UInt8(ascii: "&") : UInt8(ascii: ";")
        case 0x01...0x1F where byte != 0x09 && byte != 0x0A: return UInt8(ascii: "_")
        default: return byte
        }
    }

    /// A column's letters: A … Z, AA … XFD.
    package static func columnName(_ column: Int) -> [UInt8] {
        var n = column + 1
        var letters: [UInt8] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.insert(UInt8(ascii: "A") + UInt8(r), at: 0)
            n = (n - 1) / 26
        }
        return letters
    }
}
