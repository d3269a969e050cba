import Foundation
import Model
import XCTest
@testable import GtkKit
@testable import Rendering
@testable import Commands
@testable import Sections
@testable import Bench
@testable import gongkai

/// `gongkai export` and `TableExport`: where files go, what is refused, what a failure leaves
/// behind; sheet names and column layout of the XLSX writer.
final class ExportCommandTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        Localizer.shared.language = .chinese
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
        Localizer.shared.followEnvironment()
    }

    private func builtin() throws -> Survey { try SurveyFile.load(from: XCTUnwrap(BuiltinDataset.url)) }

    /// Runs the built `gongkai` beside the test bundle.
    private func gongkai(_ arguments: String...) throws -> (status: Int32, stdout: Data, stderr: String) {
        let result = try GongkaiProcess.run(arguments, lang: "zh_CN.UTF-8")
        return (result.status, result.stdout, result.stderr)
    }

    func testAllToAFolderWritesOneFilePerTableAndRefusesToReplaceWithoutForce() throws {
        let survey = try builtin()
        let folder = dir.appendingPathComponent("tables")
        let export = TableExport(survey: survey, tableIDs: TableBuilder.tableIDs, format: .csv)
        let written = try export.write(to: folder)
        XCTAssertEqual(written.map(\.lastPathComponent), TableBuilder.tableIDs.map { "\($0).csv" })
        let matrix = try Data(contentsOf: folder.appendingPathComponent("matrix.csv"))
        XCTAssertEqual(matrix, CSVWriter().data(TableBuilder(survey).matrix().placingNotes(.inline)), "CSV as it always was: notes in the cells")

        let other = folder.appendingPathComponent("notes.txt")
        try Data("mine".utf8).write(to: other)
        try Data("old".utf8).write(to: folder.appendingPathComponent("summary.csv"))
        XCTAssertThrowsError(try export.write(to: folder)) { error in
            guard case ExportError.exists(let message)? = error as? ExportError else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("summary.csv"), message)
        }
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("summary.csv")), Data("old".utf8), "nothing replaced")
        try export.write(to: folder, force: true)
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("summary.csv")), CSVWriter().data(TableBuilder(survey).summary()))
        XCTAssertEqual(try Data(contentsOf: other), Data("mine".utf8), "--force replaces only the files it names")
    }

    func testCommandLineFormatsAndRefusals() throws {
        let xlsx = dir.appendingPathComponent("report.xlsx")
        var run = try gongkai("export", "all", "--output", xlsx.path)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try XLSXReader(xlsx).sheets.count, TableBuilder.tableIDs.count, "the format follows the extension")

        run = try gongkai("export", "all", "--format", "md", "--output", dir.appendingPathComponent("md").path)
        XCTAssertEqual(run.status, 0, run.stderr)
        let md = try String(contentsOf: dir.appendingPathComponent("md/summary.md"), encoding: .utf8)
        XCTAssertTrue(md.contains("| 年度 | 审核企业名单公开 已公开 数量 | 审核企业名单公开 已公开 占比 |"), md)

        run = try gongkai("export", "all", "--format", "md", "--output", dir.appendingPathComponent("md").path)
        XCTAssertEqual(run.status, 1, "existing files are not replaced without --force")
        XCTAssertTrue(run.stderr.contains("--force"), run.stderr)

        run = try gongkai("export", "summary", "--format", "html")
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(String(decoding: run.stdout, as: UTF8.self).hasPrefix("<!DOCTYPE html>"), "one table may go to stdout")

        run = try gongkai("export", "matrix", "--format", "xlsx")
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.stderr.contains("--output"), run.stderr)
        XCTAssertTrue(run.stdout.isEmpty)
        run = try gongkai("export", "all", "--format", "csv")
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.stdout.isEmpty)
        run = try gongkai("export", "matrix", "--format", "docx")
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.stderr.contains("docx"), run.stderr)
    }

    /// CSV is data only by default (the header row first, what scripts reading matrix-long
    /// expect); `--source` (and the Export dialog's check box) starts it with `# source: …`.
    func testCSVGivesItsDataSourceOnlyWhenAsked() throws {
        let survey = try builtin()
        XCTAssertFalse(survey.meta.dataSource.isEmpty)
        var run = try gongkai("export", "matrix-long", "--format", "csv", "--no-bom")
        XCTAssertEqual(run.status, 0, run.stderr)
        let plain = String(decoding: run.stdout, as: UTF8.self)
        XCTAssertFalse(plain.contains("# source"))
        XCTAssertEqual(plain, String(decoding: CSVWriter(byteOrderMark: false).data(TableBuilder(survey).table(named: "matrix-long")!), as: UTF8.self))

        run = try gongkai("export", "matrix-long", "--format", "csv", "--no-bom", "--source")
        XCTAssertEqual(run.status, 0, run.stderr)
        let sourced = String(decoding: run.stdout, as: UTF8.self)
        let lines = sourced.components(separatedBy: "\r\n")
        XCTAssertEqual(lines.first, "# source: " + survey.meta.dataSource)
        XCTAssertEqual(lines.dropFirst().joined(separator: "\r\n"), plain, "the data follow unchanged")

        // With the byte-order mark, the comment comes after it; a source over several lines is one line.
        var multi = survey
        multi.meta.dataSource = "第一行\n第二行, 含逗号"
        let data = try TableExport(survey: multi, tableIDs: ["summary"], format: .csv, sourceLine: true).data(TableBuilder(multi).summary())
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertTrue(String(decoding: data.dropFirst(3), as: UTF8.self).hasPrefix("# source: 第一行 第二行, 含逗号\r\n"))
    }

    func testTablesInEnglishCarryTheEnglishSourceLine() throws {
        let survey = try builtin()
        let english = try XCTUnwrap(survey.meta.dataSourceEnglish)
        let table = TableBuilder(survey, language: .english).summary()
        for format in [ExportFormat.html, .md, .json] {
            let text = String(decoding: try TableExport(survey: survey, tableIDs: ["summary"], format: format, language: .english).data(table),
                              as: UTF8.self)
            XCTAssertTrue(text.contains(english), "\(format): the English source line")
            XCTAssertFalse(text.contains(survey.meta.dataSource), "\(format): not the Chinese one")
        }
        let csv = try TableExport(survey: survey, tableIDs: ["summary"], format: .csv, language: .english, sourceLine: true).data(table)
        XCTAssertTrue(String(decoding: csv, as: UTF8.self).contains("# source: " + english))
        // In Chinese, the survey's own line; a survey without an English line uses it in English too.
        XCTAssertEqual(TableExport(survey: survey, tableIDs: [], format: .html, language: .chinese).info.dataSource, survey.meta.dataSource)
        var plain = survey
        plain.meta.dataSourceEnglish = nil
        XCTAssertEqual(TableExport(survey: plain, tableIDs: [], format: .html, language: .english).info.dataSource, survey.meta.dataSource)
    }

    func testAFailedWorkbookLeavesTheTargetUntouched() throws {
        let survey = try builtin()
        let export = TableExport(survey: survey, tableIDs: ["summary"], format: .xlsx)
        // A folder in the way: the rename fails, the folder stays, no temporary file is left.
        let blocked = dir.appendingPathComponent("blocked.xlsx")
        try FileManager.default.createDirectory(at: blocked, withIntermediateDirectories: false)
        try Data("keep".utf8).write(to: blocked.appendingPathComponent("inside"))
        XCTAssertThrowsError(try export.write(to: blocked)) { error in
            XCTAssertTrue((error as? ExportError)?.errorDescription?.contains(blocked.path) == true, "\(error)")
        }
        XCTAssertEqual(try Data(contentsOf: blocked.appendingPathComponent("inside")), Data("keep".utf8))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["blocked.xlsx"], "no temporary file left")
        // A folder that does not exist: an error, nothing created.
        let missing = dir.appendingPathComponent("missing/out.xlsx")
        XCTAssertThrowsError(try export.write(to: missing))
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing.deletingLastPathComponent().path))
        // An existing workbook is replaced only by a complete one.
        let good = dir.appendingPathComponent("good.xlsx")
        try Data("old".utf8).write(to: good)
        try export.write(to: good)
        XCTAssertEqual(try XLSXReader(good).sheets.map(\.name), ["年度汇总"])
    }

    func testSheetNamesAreValidAndUnique() {
        var taken = Set<String>()
        XCTAssertEqual(XLSXWriter.sheetName("a/b:c*d?e[f]g\\h", taken: &taken), "a_b_c_d_e_f_g_h")
        XCTAssertEqual(XLSXWriter.sheetName("A/B:C*D?E[F]G\\H", taken: &taken), "A_B_C_D_E_F_G_H (2)", "unique ignoring case")
        let long = String(repeating: "长", count: 40)
        XCTAssertEqual(XLSXWriter.sheetName(long, taken: &taken).count, 31)
        XCTAssertEqual(XLSXWriter.sheetName(long, taken: &taken), String(repeating: "长", count: 27) + " (2)")
        XCTAssertEqual(XLSXWriter.sheetName("'quoted'", taken: &taken), "quoted")
        XCTAssertEqual(XLSXWriter.sheetName("History", taken: &taken), "History_")
        XCTAssertEqual(XLSXWriter.sheetName("", taken: &taken), "Sheet")
    }

    func testColumnsFitTheirTextAndLongTextWraps() {
        var layout = XLSXLayout(columns: 3)
        layout.header(HeaderBlock(text: "省份", row: 0, column: 0, rows: 1, columns: 1))
        layout.header(HeaderBlock(text: "code", row: 0, column: 1, rows: 1, columns: 1))
        layout.header(HeaderBlock(text: "备注", row: 0, column: 2, rows: 1, columns: 1))
        layout.text("黑龙江", status: false, row: 1, column: 0)
        layout.text("abcdef", status: false, row: 1, column: 1)
        let note = String(repeating: "很长的备注", count: 20)  // 200 display columns
        layout.text(note, status: false, row: 2, column: 2)
        XCTAssertEqual(layout.widths, [6, 6, XLSXLayout.maxBodyWidth], "CJK counts double; long text is capped")
        XCTAssertEqual(layout.rowHeights().keys.sorted(), [2], "only the row with the long note grows")
        let lines = (layout.rowHeights()[2] ?? 0) / XLSXLayout.lineHeight
        XCTAssertEqual(lines, (200.0 / (layout.excelWidth(2) / 1.1 - 1)).rounded(.up))
    }

    func testRowStreamKeepsOrderAndStopsOnError() {
        let table = Table(id: "t", title: "t", header: [[HeaderCell("n")]], rowCount: 10_000) { [.int($0)] }
        var seen: [Int] = []
        XCTAssertNoThrow(try TableRowStream.forEach(table) { i, cells in
            XCTAssertEqual(cells, [.int(i)])
            seen.append(i)
        })
        XCTAssertEqual(seen, Array(0..<10_000))
        struct Stop: Error {}
        var count = 0
        XCTAssertThrowsError(try TableRowStream.forEach(table) { i, _ in
            count += 1
            if i == 3_000 { throw Stop() }
        })
        XCTAssertEqual(count, 3_001, "nothing is written after the error")
    }

    func testALongTableIsWrittenWhole() throws {
        let survey = SyntheticSurvey.make(enterprises: 6_000, years: 2018...2022, seed: 9)
        let url = dir.appendingPathComponent("long.xlsx")
        try TableExport(survey: survey, tableIDs: ["enterprises"], format: .xlsx).write(to: url)
        let sheet = try XCTUnwrap(XLSXReader(url).sheets.first)
        let table = TableBuilder(survey).enterprises()
        for r in [0, 2_047, 2_048, 4_999, 5_999] {
            for (c, cell) in table.row(r).enumerated() {
                XCTAssertEqual(sheet.cells[XLSXReader.ref(r + 2, c)]?.value ?? "", cell.value.plainText, "row \(r) column \(c)")
            }
        }
    }
}
