import CGtk
import Foundation
import Model
import XCTest
import ZIPFoundation
@testable import GtkKit
@testable import Rendering
@testable import Commands
@testable import Sections
@testable import Bench
@testable import gongkai

/// The DOCX report read back by another DOCX reader (python3-docx) and converted to PDF by
/// LibreOffice headless: real Word tables with numbered captions, repeated header rows and
/// footnotes; every chart a picture with its caption; one table alone; the language passed in.
final class DOCXExportTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        Localizer.shared.language = .chinese
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-docx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
        Localizer.shared.followEnvironment()
    }

    private func builtin() throws -> Survey { try SurveyFile.load(from: XCTUnwrap(BuiltinDataset.url)) }

    /// Runs a program and returns its standard output; fails the test on a non-zero exit.
    @discardableResult
    private func run(_ program: String, _ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, String(decoding: stderr, as: UTF8.self))
        return String(decoding: stdout, as: UTF8.self)
    }

    /// What python3-docx reads from a document: captions, tables (cells and which rows repeat
    /// as headers), notes and pictures.
    private struct Read: Decodable {
        var captions: [String]
        var tables: [[[String]]]
        var headerRows: [Int]
        var notes: [String]
        var pictures: Int
    }

    private func readBack(_ url: URL) throws -> Read {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"),
              (try? run("/usr/bin/python3", ["-c", "import docx"])) != nil else {
            throw XCTSkip("python3-docx is missing (make deps installs it)")
        }
        let script = """
            import docx, json, sys
            from docx.oxml.ns import qn
            d = docx.Document(sys.argv[1])
            captions = [p.text for p in d.paragraphs if p.style is not None and p.style.name.lower() == 'caption']
            tables = [[[c.text for c in row.cells] for row in t.rows] for t in d.tables]
            header = [sum(1 for row in t.rows if row._tr.trPr is not None and row._tr.trPr.find(qn('w:tblHeader')) is not None) for t in d.tables]
            notes = [p.text for p in d.paragraphs if p.style is not None and p.style.name == 'Table Note']
            print(json.dumps({'captions': captions, 'tables': tables, 'headerRows': header, 'notes': notes, 'pictures': len(d.inline_shapes)}))
            """
        let json = try run("/usr/bin/python3", ["-c", script, url.path])
        return try JSONDecoder().decode(Read.self, from: Data(json.utf8))
    }

    func testTheReportHasEveryTableAsAWordTableAndEveryChartWithNumberedCaptions() throws {
        let survey = try builtin()
        let url = dir.appendingPathComponent("report.docx")
        let export = TableExport(survey: survey, tableIDs: TableBuilder.reportTableIDs, format: .docx)
        XCTAssertEqual(try export.write(to: url), [url])
        let read = try readBack(url)
        let tables = export.tables()
        XCTAssertEqual(read.tables.count, TableBuilder.reportTableIDs.count, "the enterprise list only when asked for")
        XCTAssertEqual(read.pictures, ChartKind.allCases.count, "every chart")
        let tableCaptions = tables.enumerated().map { "表\($0.offset + 1) \($0.element.title)" }
        XCTAssertEqual(Array(read.captions.prefix(tables.count)), tableCaptions)
        XCTAssertEqual(read.captions.dropFirst(tables.count).first, "图1 " + ChartKind.allCases[0].make(ChartData(survey), ChartKind.allCases[0].defaultOptions).header.title)
        XCTAssertEqual(read.captions.last?.hasPrefix("图\(ChartKind.allCases.count) "), true)
        for (t, table) in tables.enumerated() {
            XCTAssertEqual(read.headerRows[t], table.header.count, "\(table.id): the header rows repeat on every page")
            XCTAssertEqual(read.tables[t].count, table.header.count + table.rowCount, table.id)
        }
        // The matrix: one line per cell, the note as a footnote number and a numbered note under it.
        let matrix = tables[0]
        XCTAssertFalse(matrix.footnotes.isEmpty)
        for (r, row) in matrix.rows.enumerated() {
            for (c, cell) in row.enumerated() {
                XCTAssertEqual(read.tables[0][matrix.header.count + r][c], cell.value.plainText + (cell.footnote.map(String.init) ?? ""))
            }
        }
        XCTAssertEqual(read.notes.first, "注：")
        XCTAssertEqual(Array(read.notes.dropFirst().prefix(matrix.footnotes.count)),
                       matrix.footnotes.enumerated().map { "\($0.offset + 1). \($0.element)" })
        XCTAssertEqual(read.tables[0][0][1], "2018年度")
    }

    func testLibreOfficeConvertsTheReportToPDF() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/soffice") else {
            throw XCTSkip("LibreOffice is missing (make deps installs libreoffice-writer-nogui)")
        }
        let url = dir.appendingPathComponent("report.docx")
        try TableExport(survey: builtin(), tableIDs: TableBuilder.reportTableIDs, format: .docx).write(to: url)
        // A profile of its own: LibreOffice never writes under the real home folder.
        let profile = dir.appendingPathComponent("lo-profile")
        try run("/usr/bin/soffice", ["-env:UserInstallation=\(profile.absoluteString)", "--headless", "--convert-to", "pdf",
                                     "--outdir", dir.path, url.path])
        let pdf = dir.appendingPathComponent("report.pdf")
        let info = try run("/usr/bin/pdfinfo", [pdf.path])
        let pages = Int(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }?.split(separator: " ").last ?? "") ?? 0
        XCTAssertGreaterThan(pages, ChartKind.allCases.count, "a page per chart at least, and the tables")
        // The caption's number is a field: LibreOffice may set it apart by a space.
        let text = try run("/usr/bin/pdftotext", ["-layout", pdf.path, "-"]).replacingOccurrences(of: " ", with: "")
        XCTAssertTrue(text.contains("表1") && text.contains("表10"), "numbered tables")
        XCTAssertTrue(text.contains("图\(ChartKind.allCases.count)"), "numbered figures")
        XCTAssertTrue(text.contains("安徽"), "the matrix's text is text")
    }

    /// Every chart is a picture at print resolution on the page, 200 dpi or more at its printed
    /// width, and not much more (every extra pixel costs drawing and compressing time).
    func testChartsArePrintResolutionAtTheirPrintedSize() throws {
        let url = dir.appendingPathComponent("report.docx")
        try TableExport(survey: builtin(), tableIDs: ["summary"], format: .docx).write(to: url)
        let archive = try Archive(url: url, accessMode: .read)
        func part(_ path: String) throws -> Data {
            var data = Data()
            _ = try archive.extract(try XCTUnwrap(archive[path], path)) { data.append($0) }
            return data
        }
        let document = String(decoding: try part("word/document.xml"), as: UTF8.self)
        let extents = document.components(separatedBy: "<wp:extent cx=\"").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
        XCTAssertEqual(extents.count, ChartKind.allCases.count)
        for (i, cx) in extents.enumerated() {
            let png = try part("word/media/chart\(i + 1).png")
            XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47], "a PNG")
            let width = png.subdata(in: 16..<20).reduce(0) { $0 << 8 | Int($1) }
            let height = png.subdata(in: 20..<24).reduce(0) { $0 << 8 | Int($1) }
            let inches = Double(cx) / 360_000 / 2.54
            let dpi = Double(width) / inches
            XCTAssertGreaterThanOrEqual(dpi, 200, "chart \(i + 1): \(width) px over \(inches) in")
            XCTAssertLessThanOrEqual(dpi, 240, "chart \(i + 1): \(width) px over \(inches) in")
            XCTAssertEqual(Double(width) / Double(height), 16.0 / 9.0, accuracy: 0.01, "chart \(i + 1) keeps its shape")
        }
    }

    func testOneTableInEnglishWithoutSwitchingTheProcess() throws {
        let url = dir.appendingPathComponent("summary.docx")
        try TableExport(survey: builtin(), tableIDs: ["summary"], format: .docx, language: .english, charts: false).write(to: url)
        XCTAssertEqual(Localizer.shared.language, .chinese)
        let read = try readBack(url)
        XCTAssertEqual(read.captions, ["Table 1. Jurisdictions by disclosure status per year"])
        XCTAssertEqual(read.tables.count, 1)
        XCTAssertEqual(read.pictures, 0)
        XCTAssertEqual(read.tables[0][0][0], "Year")
        XCTAssertEqual(read.tables[0][2][1], "Count")
    }

    func testTheFastPNGEncoderKeepsEveryPixel() throws {
        XCTAssertTrue(PNGEncoder.isAvailable, "zlib is found in the process")
        let survey = try builtin()
        let chart = ChartKind.coverage.make(ChartData(survey), ChartKind.coverage.defaultOptions)
        let file = dir.appendingPathComponent("chart.png")
        let original: [UInt32] = try ChartImage.render(chart, scale: 1) { surface in
            try XCTUnwrap(PNGEncoder.encode(PNGEncoder.pixels(of: surface))).write(to: file)
            return Self.pixels(surface)
        }
        let read = try XCTUnwrap(cairo_image_surface_create_from_png(file.path))
        defer { cairo_surface_destroy(read) }
        XCTAssertEqual(cairo_surface_status(read), CAIRO_STATUS_SUCCESS, "cairo's own PNG reader reads it")
        XCTAssertEqual(Self.pixels(read).count, original.count)
        XCTAssertEqual(Self.pixels(read), original, "the same colour in every pixel")
    }

    /// The pixels of an image surface as 0xRRGGBB.
    private static func pixels(_ surface: OpaquePointer) -> [UInt32] {
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface) else { return [] }
        var out: [UInt32] = []
        out.reserveCapacity(width * height)
        for y in 0..<height {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width { out.append(row[x] & 0xFFFFFF) }
        }
        return out
    }

    func testTheCommandWritesTheReportAndAddsEnterprisesOnlyWhenAsked() throws {
        var executable = Bundle(for: Self.self).bundleURL.deletingLastPathComponent().appendingPathComponent("gongkai")
        if !FileManager.default.isExecutableFile(atPath: executable.path) { executable = Bundle.main.bundleURL.appendingPathComponent("gongkai") }
        func tables(_ url: URL) throws -> Int {
            let archive = try Archive(url: url, accessMode: .read)
            var xml = Data()
            _ = try archive.extract(try XCTUnwrap(archive["word/document.xml"])) { xml.append($0) }
            return String(decoding: xml, as: UTF8.self).components(separatedBy: "<w:tbl>").count - 1
        }
        let report = dir.appendingPathComponent("report.docx")
        try run(executable.path, ["export", "all", "--format", "docx", "-o", report.path], environment: ["LANG": "zh_CN.UTF-8"])
        XCTAssertEqual(try tables(report), TableBuilder.reportTableIDs.count)
        let full = dir.appendingPathComponent("full.docx")
        try run(executable.path, ["export", "all", "-o", full.path, "--with-enterprises"], environment: ["LANG": "zh_CN.UTF-8"])
        XCTAssertEqual(try tables(full), TableBuilder.reportTableIDs.count + 1, "the format follows the extension")
        let one = dir.appendingPathComponent("one.docx")
        try run(executable.path, ["export", "matrix", "-o", one.path, "--notes", "inline"], environment: ["LANG": "zh_CN.UTF-8"])
        XCTAssertEqual(try tables(one), 1)
    }
}
