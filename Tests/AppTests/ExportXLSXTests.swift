import Foundation
import Model
import XCTest
@testable import GtkKit
@testable import Rendering
@testable import Commands
@testable import Sections
@testable import Bench
@testable import gongkai

/// The XLSX workbook read back from its XML: sheets, merged ranges, values against the model's
/// statistics, hyperlinks, charts, hostile text and document properties.
final class ExportXLSXTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        Localizer.shared.language = .chinese
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
        Localizer.shared.followEnvironment()
    }

    static let hostile = ["=HYPERLINK(\"http://evil.example\",\"click\")", "@SUM(A1:A2)", "+1+2", "-3"]

    /// The built-in dataset with hostile enterprise names.
    private func survey() throws -> Survey {
        var survey = try SurveyFile.load(from: XCTUnwrap(BuiltinDataset.url))
        for (i, name) in Self.hostile.enumerated() { survey.enterprises[i].name = name }
        return survey
    }

    private func exportAll(_ survey: Survey) throws -> XLSXReader {
        let url = dir.appendingPathComponent("all.xlsx")
        try TableExport(survey: survey, tableIDs: TableBuilder.tableIDs, format: .xlsx).write(to: url)
        return try XLSXReader(url)
    }

    func testOneSheetPerTableWithItsShortName() throws {
        let book = try exportAll(survey())
        XCTAssertEqual(book.sheets.map(\.name), TableBuilder.tableIDs.map(TableBuilder.shortTitle(of:)))
        XCTAssertEqual(book.sheets.first?.name, "省份年度表")
    }

    func testMatrixSheetHasTheReportsLayout() throws {
        let survey = try survey()
        let table = try XCTUnwrap(TableBuilder(survey).table(named: "matrix", notes: .footnotes))
        let book = try exportAll(survey)
        let sheet = try book.sheet("省份年度表")
        // The numbered title over the table, the corner over both header rows, each year over its two kinds.
        let yearMerges = ["B2:C2", "D2:E2", "F2:G2", "H2:I2", "J2:K2"]
        XCTAssertEqual(Set(sheet.merges.filter { !$0.hasPrefix("A") || $0 == "A2:A3" }), Set(["A2:A3"] + yearMerges))
        XCTAssertTrue(sheet.merges.contains("A1:K1"), "the title spans the table")
        XCTAssertEqual(sheet.cells["A1"]?.value, "表1 各省份各年度公开情况")
        XCTAssertEqual(sheet.cells["A2"]?.value, "省份/年度")
        XCTAssertEqual(sheet.cells["B2"]?.value, "2018年度")
        XCTAssertEqual(sheet.cells["C3"]?.value, "评估与验收结果公开")
        XCTAssertTrue(sheet.xml.contains(#"<pane xSplit="1" ySplit="3" topLeftCell="B4" activePane="bottomRight" state="frozen"/>"#))
        XCTAssertTrue(sheet.xml.contains("customWidth=\"1\""), "columns are sized to their text")
        // Notes are numbered footnotes under the table, the cells keep one line.
        XCTAssertFalse(table.footnotes.isEmpty)
        let notesRow = 3 + table.rowCount + 1
        XCTAssertEqual(sheet.cells[XLSXReader.ref(notesRow, 0)]?.value, "注：")
        for (i, note) in table.footnotes.enumerated() {
            XCTAssertEqual(sheet.cells[XLSXReader.ref(notesRow + 1 + i, 0)]?.value, "\(i + 1). \(note)")
        }
        XCTAssertEqual(sheet.cells[XLSXReader.ref(notesRow + 1 + table.footnotes.count, 0)]?.value, survey.meta.dataSource)
        // Printed on A4 landscape, one page wide, the header rows repeated.
        XCTAssertTrue(sheet.xml.contains(#"<pageSetup paperSize="9" fitToHeight="0" orientation="landscape"/>"#), sheet.xml)
        XCTAssertTrue(sheet.xml.contains(#"<pageSetUpPr fitToPage="1"/>"#), "one page wide")
        XCTAssertTrue(book.text("xl/workbook.xml").contains("$2:$3"), "header rows repeat on every printed page")
        let lastLine = notesRow + 1 + table.footnotes.count + 1
        XCTAssertTrue(book.text("xl/workbook.xml").contains("'省份年度表'!$A$1:$K$\(lastLine)"), "the page is the table, title to source")
        for (r, row) in table.rows.enumerated() {
            for (c, cell) in row.enumerated() {
                let read = sheet.cells[XLSXReader.ref(r + 3, c)]
                XCTAssertEqual(read?.value ?? "", cell.value.plainText + (cell.footnote.map(String.init) ?? ""), "row \(r) column \(c)")
                XCTAssertFalse((read?.value ?? "").contains("（"), "no note written into the cell")
                if let status = cell.status {
                    XCTAssertEqual(book.fill(ofStyle: read?.style ?? 0), Palette.tint(status).hex.dropFirst().description,
                                   "the app's tint behind \(status)")
                }
            }
        }
    }

    /// A footnote mark is a real superscript run after the cell's text (rich text), not a
    /// superscript digit character appended to it.
    func testFootnoteMarksAreSuperscriptRuns() throws {
        let survey = try survey()
        let table = try XCTUnwrap(TableBuilder(survey).table(named: "matrix", notes: .footnotes))
        let book = try exportAll(survey)
        let sheet = try book.sheet("省份年度表")
        var marked = 0
        for (r, row) in table.rows.enumerated() {
            for (c, cell) in row.enumerated() {
                guard let read = sheet.cells[XLSXReader.ref(r + 3, c)] else {
                    XCTAssertNil(cell.footnote, "row \(r) column \(c): a marked cell is written")
                    continue
                }
                XCTAssertFalse(read.value.contains { "⁰¹²³⁴⁵⁶⁷⁸⁹".contains($0) }, "no superscript digit characters")
                guard let footnote = cell.footnote else {
                    XCTAssertFalse(read.runs.contains(where: \.superscript), "row \(r) column \(c): no mark without a note")
                    continue
                }
                XCTAssertEqual(read.runs, [XLSXReader.Run(text: cell.value.plainText, superscript: false),
                                           XLSXReader.Run(text: String(footnote), superscript: true)], "row \(r) column \(c)")
                if let status = cell.status {
                    XCTAssertEqual(book.fill(ofStyle: read.style), Palette.tint(status).hex.dropFirst().description, "the cell keeps its tint")
                }
                marked += 1
            }
        }
        XCTAssertGreaterThan(marked, 0, "the built-in matrix has notes")
    }

    /// A long table is written row by row (libxlsxwriter's constant-memory mode, strings
    /// inline) and reads back as it does when the sheet is held in memory: every cell and its
    /// style, every row's height (wrapped texts, line breaks), the column widths and the layout.
    func testALongTableWrittenRowByRowReadsTheSameAsInMemory() throws {
        var survey = SyntheticSurvey.make(enterprises: XLSXSheet.maxRowsWithBlankBorders + 500, years: 2001...2003, seed: 7)
        survey.enterprises[10].notes = String(repeating: "很长的一条备注，", count: 12)
        survey.enterprises[20].notes = "第一行\n第二行\n第三行"
        survey.enterprises[30].name = String(repeating: "名称很长的企业", count: 8)
        let table = TableBuilder(survey).enterprises()
        XCTAssertTrue(XLSXSheet.isStreamed(table))
        func export(streamed: Bool) throws -> XLSXReader.Sheet {
            let url = dir.appendingPathComponent("streamed-\(streamed).xlsx")
            var writer = XLSXWriter(info: ExportInfo(survey.meta, language: nil))
            writer.streamsLongTables = streamed
            try writer.write(TableCaption.numbered([table]), to: url)
            return try XCTUnwrap(XLSXReader(url).sheets.first)
        }
        let streamed = try export(streamed: true), held = try export(streamed: false)
        XCTAssertTrue(streamed.xml.contains("t=\"inlineStr\""), "strings inline")
        XCTAssertFalse(held.xml.contains("t=\"inlineStr\""), "strings shared")
        XCTAssertEqual(streamed.cells.count, held.cells.count)
        XCTAssertGreaterThan(held.cells.count, table.rowCount * 10)
        for (ref, cell) in held.cells {
            XCTAssertEqual(streamed.cells[ref]?.value, cell.value, ref)
            XCTAssertEqual(streamed.cells[ref]?.style, cell.style, ref)
        }
        XCTAssertEqual(streamed.cells["A1"]?.value, "表1 " + table.title)
        XCTAssertEqual(streamed.cells["A2"]?.value, table.header[0][0].text)
        func heights(_ sheet: XLSXReader.Sheet) -> [String: String] {
            Dictionary(uniqueKeysWithValues: XLSXReader.matches(#"<row r="(\d+)"[^>]*? ht="([^"]+)""#, in: sheet.xml).map { ($0[1], $0[2]) })
        }
        XCTAssertEqual(heights(streamed), heights(held))
        XCTAssertNotNil(heights(held)["\(3 + 10)"], "the long note wraps")
        XCTAssertNotNil(heights(held)["\(3 + 20)"], "the lines of a note")
        func first(_ pattern: String, _ sheet: XLSXReader.Sheet) -> String? { XLSXReader.matches(pattern, in: sheet.xml).first?[0] }
        XCTAssertEqual(first(#"<cols>.*?</cols>"#, streamed), first(#"<cols>.*?</cols>"#, held), "column widths")
        XCTAssertNotNil(first(#"<cols>.*?</cols>"#, held))
        XCTAssertEqual(first(#"<autoFilter [^>]*>"#, streamed), first(#"<autoFilter [^>]*>"#, held))
        XCTAssertEqual(first(#"<pane [^>]*>"#, streamed), first(#"<pane [^>]*>"#, held))
        XCTAssertEqual(streamed.merges, held.merges)
    }

    func testSummaryNumbersAreTheStatisticsAndAChartStandsBeside() throws {
        let survey = try survey()
        let stats = Statistics(survey)
        let book = try exportAll(survey)
        let sheet = try book.sheet("年度汇总")
        let statuses: [DisclosureStatus] = [.disclosed, .notDisclosed, .prefecture, .division, .notSurveyed]
        XCTAssertEqual(sheet.cells["A2"]?.value, "年度")
        XCTAssertEqual(sheet.cells["B4"]?.value, "数量")
        XCTAssertEqual(sheet.cells["C4"]?.value, "占比")
        for (i, year) in stats.years.enumerated() {
            XCTAssertEqual(sheet.cells[XLSXReader.ref(i + 4, 0)]?.value, String(year))
            XCTAssertNil(sheet.cells[XLSXReader.ref(i + 4, 0)]?.type, "the year is a number")
            var column = 1
            for kind in DisclosureKind.allCases {
                let counts = stats.statusCounts(year: year, kind: kind)
                let total = statuses.reduce(0) { $0 + counts[$1] }
                for status in statuses {
                    let cell = try XCTUnwrap(sheet.cells[XLSXReader.ref(i + 4, column)])
                    XCTAssertNil(cell.type, "a number, not text")
                    XCTAssertEqual(Int(cell.value), counts[status], "\(year) \(kind) \(status)")
                    let share = try XCTUnwrap(sheet.cells[XLSXReader.ref(i + 4, column + 1)])
                    XCTAssertEqual(try XCTUnwrap(Double(share.value)), Double(counts[status]) / Double(total), accuracy: 1e-9)
                    XCTAssertEqual(book.numberFormat(ofStyle: share.style), "0.0%", "the share beside the count")
                    column += 2
                }
            }
        }
        // The drawing of the summary sheet holds two native charts drawn from its cells.
        XCTAssertTrue(sheet.rels.contains("../drawings/drawing"), sheet.rels)
        XCTAssertTrue(sheet.xml.contains("<drawing r:id="))
        let charts = book.parts.keys.filter { $0.hasPrefix("xl/charts/chart") }.sorted()
        XCTAssertGreaterThanOrEqual(charts.count, 2)
        XCTAssertNotNil(book.parts["xl/drawings/_rels/drawing1.xml.rels"])
        let summaryCharts = charts.map(book.text).filter { $0.contains("'年度汇总'!$B$5:$B$9") }
        XCTAssertEqual(summaryCharts.count, 1, "the audit-list chart plots the disclosed column")
        XCTAssertTrue(summaryCharts[0].contains("<c:grouping val=\"stacked\"/>"))
        XCTAssertTrue(summaryCharts[0].contains(Palette.fill(.disclosed).hex.dropFirst().description), "status colours in the chart")
        XCTAssertFalse(charts.map(book.text).contains { $0.contains("'年度汇总'!$C$5:$C$9") }, "shares are not stacked")
        XCTAssertTrue(charts.map(book.text).contains { $0.contains("'年度汇总'!$L$5:$L$9") }, "the evaluation chart too")
    }

    func testEnterpriseFiguresAndRatesAreNumbers() throws {
        let survey = SyntheticSurvey.make(enterprises: 300, years: 2018...2022, seed: 5)
        let stats = Statistics(survey)
        let book = try exportAll(survey)
        let summary = try book.sheet("各省企业汇总")
        for (i, j) in stats.enterprises.byJurisdiction.enumerated() {
            XCTAssertEqual(summary.cells[XLSXReader.ref(i + 2, 1)]?.value, String(j.sampled))
            XCTAssertEqual(summary.cells[XLSXReader.ref(i + 2, 2)]?.value, String(j.disclosed))
            if j.sampled > 0 {
                XCTAssertEqual(try XCTUnwrap(Double(summary.cells[XLSXReader.ref(i + 2, 3)]?.value ?? "")),
                               Double(j.disclosed) / Double(j.sampled), accuracy: 1e-9)
            }
        }
        let total = stats.enterprises.byJurisdiction.count + 2
        XCTAssertEqual(summary.cells[XLSXReader.ref(total, 0)]?.value, "合计")
        XCTAssertEqual(summary.cells[XLSXReader.ref(total, 1)]?.value, String(stats.enterprises.sampled))

        let rates = try book.sheet("条目公开率")
        for (i, item) in stats.enterprises.items.enumerated() {
            let cell = try XCTUnwrap(rates.cells[XLSXReader.ref(i + 2, 4)])
            guard let rate = item.rate else { continue }
            XCTAssertNil(cell.type)
            XCTAssertEqual(try XCTUnwrap(Double(cell.value)), rate, accuracy: 1e-9)
            XCTAssertEqual(book.numberFormat(ofStyle: cell.style), "0.0%")
        }
        XCTAssertTrue(rates.xml.contains("<drawing r:id="), "a bar chart of the rates")
    }

    func testRegulationLinksAreHyperlinks() throws {
        let survey = try survey()
        let sheet = try exportAll(survey).sheet("法律法规")
        let urls = survey.regulations.compactMap(\.url).filter(ExportText.isSafeLink)
        XCTAssertFalse(urls.isEmpty)
        XCTAssertEqual(Set(sheet.hyperlinks.values), Set(urls))
        for (r, regulation) in survey.regulations.enumerated() {
            guard let url = regulation.url, ExportText.isSafeLink(url) else { continue }
            XCTAssertEqual(sheet.hyperlinks[XLSXReader.ref(r + 2, 11)], url)
            XCTAssertTrue(sheet.rels.contains("TargetMode=\"External\""))
        }
    }

    func testHostileNamesStayPlainStrings() throws {
        let book = try exportAll(survey())
        let sheet = try book.sheet("企业样本")
        for (i, name) in Self.hostile.enumerated() {
            let cell = try XCTUnwrap(sheet.cells[XLSXReader.ref(i + 2, 1)])
            XCTAssertEqual(cell.type, "s", "\(name) is a shared string")
            XCTAssertEqual(cell.value, name, "written as it is, not neutralised with an apostrophe")
            XCTAssertFalse(cell.hasFormula)
        }
        for s in book.sheets { XCTAssertFalse(s.xml.contains("<f>") || s.xml.contains("<f "), "no formula in \(s.name)") }
    }

    func testDocumentPropertiesComeFromTheSurvey() throws {
        let survey = try survey()
        let book = try exportAll(survey)
        let core = book.text("docProps/core.xml")
        XCTAssertTrue(core.contains("<dc:title>\(survey.meta.title)</dc:title>"), core)
        XCTAssertTrue(core.contains("<dc:creator>\(survey.meta.authors.joined(separator: "、"))</dc:creator>"), core)
        let app = book.text("docProps/app.xml")
        XCTAssertTrue(app.contains("<Company>\(survey.meta.organisation)</Company>"), app)
    }
}
