import Foundation
import Model
import XCTest
@testable import GtkKit
@testable import Rendering

/// The rows `XLSXRowEncoder` writes into a streamed sheet are the bytes libxlsxwriter writes for
/// the same cells: whole workbooks written both ways (`XLSXWriter.encodesStreamedRows`) are
/// compared part by part, byte for byte.
final class XLSXRowEncoderTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        Localizer.shared.language = .chinese
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-xlsx-rows-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
        Localizer.shared.followEnvironment()
    }

    /// The workbook's parts written with the encoder and cell by cell through libxlsxwriter. The
    /// document's creation time (docProps/core.xml) is taken out.
    private func bothWays(_ tables: [Table], meta: SurveyMeta) throws -> (encoded: XLSXReader, direct: XLSXReader) {
        func write(encoding: Bool) throws -> XLSXReader {
            let url = dir.appendingPathComponent("encoded-\(encoding).xlsx")
            var writer = XLSXWriter(info: ExportInfo(meta, language: nil))
            writer.encodesStreamedRows = encoding
            try writer.write(tables, to: url)
            return try XLSXReader(url)
        }
        return (try write(encoding: true), try write(encoding: false))
    }

    private func assertSameParts(_ a: XLSXReader, _ b: XLSXReader, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(Set(a.parts.keys), Set(b.parts.keys), file: file, line: line)
        func withoutTimes(_ data: Data) -> String {
            String(decoding: data, as: UTF8.self).replacingOccurrences(of: #"<dcterms:(created|modified)[^<]*</dcterms:\w+>"#, with: "",
                                                                        options: .regularExpression)
        }
        for (path, data) in a.parts.sorted(by: { $0.key < $1.key }) {
            guard let other = b.parts[path] else { continue }
            if path == "docProps/core.xml" {
                XCTAssertEqual(withoutTimes(data), withoutTimes(other), path, file: file, line: line)
            } else if data != other {
                let same = zip(data, other).prefix { $0 == $1 }.count
                func around(_ d: Data) -> String { String(decoding: d.dropFirst(max(0, same - 80)).prefix(200), as: UTF8.self) }
                XCTFail("\(path) differs at byte \(same): encoded …\(around(data))… libxlsxwriter …\(around(other))…", file: file, line: line)
            }
        }
    }

    /// Every table of a survey long enough for its enterprise sheet to be streamed, with notes that
    /// wrap, break lines and carry characters XML escapes.
    func testEveryTableOfASurveyIsTheSameBytesAsLibxlsxwriterWritesThem() throws {
        var survey = SyntheticSurvey.make(enterprises: XLSXSheet.maxRowsWithBlankBorders + 300, years: 2001...2003, seed: 11)
        survey.enterprises[10].notes = String(repeating: "很长的一条备注，", count: 12)
        survey.enterprises[20].notes = "第一行\n第二行\n第三行"
        survey.enterprises[30].name = " A & B <公司> "
        survey.enterprises[40].notes = "控制\u{1}字符\r"
        let tables = TableExport(survey: survey, tableIDs: TableBuilder.tableIDs, format: .xlsx).tables()
        let enterprises = try XCTUnwrap(tables.first { $0.id == "enterprises" })
        XCTAssertTrue(XLSXSheet.isStreamed(enterprises))
        let (encoded, direct) = try bothWays(tables, meta: survey.meta)
        assertSameParts(encoded, direct)
        let sheet = try XCTUnwrap(encoded.sheets.first { $0.xml.contains("t=\"inlineStr\"") }, "the enterprise sheet is streamed")
        XCTAssertGreaterThan(sheet.cells.count, enterprises.rowCount * 10)
        XCTAssertTrue(sheet.cells.values.contains { $0.value == " A & B <公司> " })
        XCTAssertTrue(sheet.xml.contains("<t xml:space=\"preserve\"> A &amp; B &lt;公司&gt; </t>"))
        XCTAssertTrue(sheet.xml.contains("控制_x0001_字符_x000D_"))
    }

    /// A long table with every kind of cell and awkward text: numbers that C prints in exponent
    /// form, negative zero, white space at either end, control characters, a NUL, empty and
    /// over-long text, tinted blanks, links and footnote marks (rows written through
    /// libxlsxwriter between encoded rows), wrapped and multi-line text.
    func testAwkwardCellsAreTheSameBytesAsLibxlsxwriterWritesThem() throws {
        let texts = ["", " leading", "trailing ", "\ttab", "line\n", "\nfirst", "a & b < c > d \"q\" 'a'", "ctl\u{1}\u{1F}\r\u{0B}\u{0C}x",
                     "\r", "nul\u{0}after", "emoji 😀 中文", "_x0041_", "多行\n文本\n三行",
                     String(repeating: "很长的一条说明，", count: 9), "–—…", "\u{7F}\u{85}\u{A0}nbsp\u{A0}"]
        let numbers = [0, 1, -1, 9, 10, 123_456_789, -987_654_321, 999_999_999_999_999, 1_000_000_000_000_000, -4_000_000_000_000_001,
                       Int.max, Int.min]
        let shares = [0.0, -0.0, 0.5, 1.0 / 3.0, 2.0 / 3.0, 1e-7, 1e15, 1e16, 1.5e20, -0.25, 123.456, 0.1 + 0.2]
        let statuses: [DisclosureStatus?] = [nil] + DisclosureStatus.allCases
        let rows = XLSXSheet.maxRowsWithBlankBorders + 200
        var table = Table(id: "awkward", title: "Awkward", header: [["Text", "Number", "Share", "Blank", "Link", "Marked", "Status", "Empty"]
                                                                       .map { HeaderCell($0) }],
                          rowCount: rows) { i in
            var marked = TableCell(.text("注\(i)"))
            if i % 900 == 7 { marked.footnote = 1 }
            return [
                TableCell(.text(i == 5_003 ? String(repeating: "长", count: 40_000) : texts[i % texts.count])),
                TableCell(.integer(numbers[i % numbers.count]), status: i % 5 == 0 ? statuses[i % statuses.count] : nil),
                TableCell(.percent(shares[i % shares.count]), status: i % 3 == 0 ? statuses[(i / 3) % statuses.count] : nil),
                TableCell(.empty, status: statuses[i % statuses.count]),
                i % 700 == 5 ? TableCell(.link(url: "https://example.org/\(i)?a=1&b=2", text: "链接 \(i)")) : TableCell(.text("https://example.org/\(i)")),
                marked,
                TableCell(.text(texts[(i / 2) % texts.count]), status: statuses[(i / 7) % statuses.count]),
                TableCell(i % 11 == 0 ? .text("") : .empty),
            ]
        }
        table.footnotes = ["一条注释"]
        XCTAssertTrue(XLSXSheet.isStreamed(table))
        let (encoded, direct) = try bothWays(TableCaption.numbered([table]), meta: SurveyMeta(title: "Awkward", dataSource: "来源：测试"))
        assertSameParts(encoded, direct)
        let sheet = try XCTUnwrap(encoded.sheets.first)
        XCTAssertGreaterThan(sheet.hyperlinks.count, 5, "the link rows are written")
        XCTAssertTrue(sheet.cells.values.contains { $0.runs.contains(where: \.superscript) }, "the marked rows are written")
        XCTAssertTrue(sheet.xml.contains("<v>1.5E+20</v>"), "C's %.16G")
        XCTAssertTrue(sheet.xml.contains(" ht=\""), "rows with their heights")
    }

    func testColumnNames() {
        XCTAssertEqual(["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"],
                       [0, 25, 26, 51, 52, 701, 702, 16_383].map { String(decoding: XLSXRowEncoder.columnName($0), as: UTF8.self) })
    }
}
