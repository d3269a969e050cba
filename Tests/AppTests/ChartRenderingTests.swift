import CGtk
import Foundation
import Model
import XCTest

@testable import GtkKit
@testable import Rendering
@testable import Commands
@testable import Sections
@testable import Bench
@testable import gongkai

/// The charts drawn to PNG, SVG and PDF without a display, and the figures they show checked
/// against the statistics of the survey.
final class ChartRenderingTests: XCTestCase {
    private var dir: URL!
    private typealias S = ChartTestSupport

    override func setUpWithError() throws { dir = try S.temporaryDirectory() }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
        Localizer.shared.followEnvironment()
    }

    func testEveryChartRendersToPNGSVGAndPDFInChineseAndEnglish() throws {
        let data = ChartData(try S.builtin())
        for language in [Language.chinese, .english] {
            for kind in ChartKind.allCases {
                var options = kind.defaultOptions
                options.language = language
                let chart = kind.make(data, options)
                let base = dir.appendingPathComponent("\(kind.name)-\(language.rawValue)")

                try ChartExport.png(chart, to: base.path + ".png", scale: 1)
                let size = try S.pngSize(URL(fileURLWithPath: base.path + ".png"))
                XCTAssertEqual(size.width, 1280, kind.name)
                XCTAssertEqual(size.height, 720, kind.name)

                try ChartExport.svg(chart, to: base.path + ".svg")
                let svg = try String(contentsOfFile: base.path + ".svg", encoding: .utf8)
                XCTAssertTrue(svg.hasPrefix("<?xml"), kind.name)
                XCTAssertTrue(svg.contains("<title>\(SVGTextLayer.escape(chart.header.title))</title>"), kind.name)
                XCTAssertTrue(S.svgTexts(svg).contains(data.survey.meta.dataSource(in: language)), "\(kind.name): the source line is text")
                // The SVG is valid: the SVG loader of gdk-pixbuf (librsvg) renders it.
                var error: UnsafeMutablePointer<GError>?
                let pixbuf = gdk_pixbuf_new_from_file(base.path + ".svg", &error)
                XCTAssertNotNil(pixbuf, "\(kind.name): \(error.map { String(cString: $0.pointee.message) } ?? "")")
                if let pixbuf {
                    XCTAssertEqual(gdk_pixbuf_get_width(pixbuf), 1280)
                    unref(pixbuf)
                }
                if let error { g_error_free(error) }

                try ChartExport.pdf([chart], to: base.path + ".pdf", title: chart.header.title)
                let pdf = try Data(contentsOf: URL(fileURLWithPath: base.path + ".pdf"))
                XCTAssertEqual(Array(pdf.prefix(5)), Array("%PDF-".utf8), kind.name)
                XCTAssertEqual(try S.pdfPageCount(URL(fileURLWithPath: base.path + ".pdf")), 1, kind.name)
            }
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }
        XCTAssertEqual(left, [], "no temporary files are left behind")
    }

    func testChartNamesAreStable() {
        XCTAssertEqual(ChartKind.allCases.map(\.name), ChartKindNames.all)
        for name in ChartKindNames.all { XCTAssertEqual(ChartKind(name: name)?.name, name) }
    }

    func testPNGSizeIsTheDesignSizeTimesTheScale() throws {
        let chart = ChartKind.ranking.make(ChartData(try S.builtin()), ChartKind.ranking.defaultOptions)
        for scale in [1.0, 2.0, 4.0] {
            let url = dir.appendingPathComponent("ranking@\(Int(scale)).png")
            try ChartExport.png(chart, to: url.path, scale: scale)
            let size = try S.pngSize(url)
            XCTAssertEqual(size.width, Int(1280 * scale))
            XCTAssertEqual(size.height, Int(720 * scale))
        }
    }

    func testAllChartsGoIntoOnePDFOnePagePerChart() throws {
        let data = ChartData(try S.builtin())
        let charts = ChartKind.allCases.map { $0.make(data, ChartOptions(language: .english)) }
        for page in ChartPage.allCases {
            let url = dir.appendingPathComponent("handout-\(page.rawValue).pdf")
            try ChartExport.pdf(charts, to: url.path, page: page, title: "Handout")
            XCTAssertEqual(try S.pdfPageCount(url), ChartKind.allCases.count)
            let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
            // One bookmark per chart, named by its title (ASCII titles are written as plain strings).
            for chart in charts {
                XCTAssertTrue(text.contains("/Title (\(chart.header.title))"), chart.header.title)
            }
            func points(_ v: Double) -> String {
                var s = String(format: "%.2f", v)
                while s.hasSuffix("0") { s.removeLast() }
                if s.hasSuffix(".") { s.removeLast() }
                return s
            }
            let mediaBox = "/MediaBox [ 0 0 \(points(page.size.width)) \(points(page.size.height)) ]"
            XCTAssertEqual(S.count(mediaBox, in: text), ChartKind.allCases.count, "page size \(page.rawValue)")
        }
    }

    func testDisclosurePerYearSVGCarriesTheComputedCountsAsTextAndOneMarkPerBar() throws {
        let survey = try S.builtin()
        let stats = Statistics(survey)
        let disclosed = survey.years.map { stats.statusCounts(year: $0, kind: .auditList).disclosed }
        let notDisclosed = survey.years.map { stats.statusCounts(year: $0, kind: .auditList).notDisclosed }
        // The figures the report's table gives for 2018-2022 (computed from the cells, not stored).
        XCTAssertEqual(disclosed, [19, 23, 22, 26, 21])

        let chart = ChartKind.disclosurePerYear.make(ChartData(survey), ChartOptions(kind: .auditList, language: .english))
        let url = dir.appendingPathComponent("disclosure.svg")
        try ChartExport.svg(chart, to: url.path)
        let svg = try String(contentsOf: url, encoding: .utf8)
        let texts = S.svgTexts(svg)
        for (year, count) in zip(survey.years, disclosed) {
            XCTAssertTrue(texts.contains(String(year)), "year \(year) is labelled")
            XCTAssertTrue(texts.contains(String(count)), "\(count) disclosed in \(year) is written on its bar")
        }
        for count in notDisclosed { XCTAssertTrue(texts.contains(String(count))) }
        XCTAssertTrue(texts.contains("Disclosed"))
        XCTAssertTrue(texts.contains("Not disclosed"))
        XCTAssertTrue(texts.contains("Disclosure per year"))

        // One mark of the status colour per year with a non-zero count, plus its legend swatch.
        let years = survey.years.count
        XCTAssertEqual(S.count(S.svgFill(Palette.fill(.disclosed)), in: svg), disclosed.filter { $0 > 0 }.count + 1)
        XCTAssertEqual(S.count(S.svgFill(Palette.fill(.notDisclosed)), in: svg), notDisclosed.filter { $0 > 0 }.count + 1)
        XCTAssertEqual(disclosed.count, years)
    }

    func testPDFTextCanBeExtractedWhenPdftotextIsInstalled() throws {
        guard let tool = S.pdftotext else {
            throw XCTSkip("pdftotext (poppler-utils) is not installed")
        }
        let survey = try S.builtin()
        let chart = ChartKind.disclosurePerYear.make(ChartData(survey), ChartOptions(kind: .auditList, language: .chinese))
        let url = dir.appendingPathComponent("disclosure.pdf")
        try ChartExport.pdf([chart], to: url.path, title: chart.header.title)
        let text = try S.pdfText(url, tool: tool)
        XCTAssertTrue(text.contains("已公开"), text)
        for count in [19, 23, 22, 26, 21] { XCTAssertTrue(text.contains(String(count)), "\(count) in the PDF text") }
    }

    func testChangingACellChangesTheChart() throws {
        var survey = try S.builtin()
        let data = ChartData(survey)
        let before = ChartKind.disclosurePerYear.make(data, ChartOptions(kind: .auditList, language: .english))
        // A jurisdiction that did not disclose its 2018 list now did.
        let index = try XCTUnwrap(survey.observations.firstIndex {
            $0.year == 2018 && $0.kind == .auditList && $0.status == .notDisclosed
        })
        survey.observations[index].status = .disclosed
        let after = ChartKind.disclosurePerYear.make(ChartData(survey), ChartOptions(kind: .auditList, language: .english))

        let textBefore = S.drawnText(before)
        let textAfter = S.drawnText(after)
        XCTAssertNotEqual(textBefore, textAfter)
        XCTAssertTrue(textBefore.contains("19") && textBefore.contains("12"))
        XCTAssertTrue(textAfter.contains("20") && textAfter.contains("11"), "2018: 20 disclosed, 11 not")
        XCTAssertNotEqual(try S.pixels(before), try S.pixels(after))

        // Every chart that shows the matrix reflects the edit.
        for kind in [ChartKind.matrix, .map, .mapYears, .ranking, .changes] {
            var options = kind.defaultOptions
            options.year = 2018
            XCTAssertNotEqual(try S.pixels(kind.make(data, options)), try S.pixels(kind.make(ChartData(survey), options)), kind.name)
        }
    }

    func testChartFiguresComeFromTheStatistics() throws {
        let survey = try S.builtin()
        let stats = Statistics(survey)
        let data = ChartData(survey, statistics: stats)
        let english = ChartOptions(language: .english)

        let phone = S.drawnText(ChartKind.phoneOutcomes.make(data, english))
        for o in stats.enterprises.phone.outcomes {
            let expected = (o.enterprises == 1 ? "1 enterprise" : "\(o.enterprises) enterprises") + ", "
                + (o.attempts == 1 ? "1 call" : "\(o.attempts) calls")
            XCTAssertTrue(phone.contains(expected), "\(o.outcome): \(expected) in \(phone)")
        }
        let ranking = S.drawnText(ChartKind.ranking.make(data, ChartKind.ranking.defaultOptions.with(language: .english)))
        let first = try XCTUnwrap(stats.ranking.first)
        let counts = try XCTUnwrap(stats.rate(of: first.jurisdiction)).combined
        XCTAssertTrue(ranking.contains("100% (\(counts.disclosed) of \(counts.ownCells))"), "\(ranking)")
        let map = S.drawnText(ChartKind.map.make(data, ChartOptions(year: 2021, kind: .auditList, language: .english)))
        XCTAssertTrue(map.contains("Disclosed (\(stats.statusCounts(year: 2021, kind: .auditList).disclosed))"), "\(map)")
        let labelling = S.drawnText(ChartKind.labelling.make(data, english))
        XCTAssertTrue(labelling.contains(String(stats.labelling(year: 2018).noList)))
        let subUnits = S.drawnText(ChartKind.subUnits.make(data, english))
        for s in stats.subUnits where s.basis == .reported {
            XCTAssertTrue(subUnits.contains { $0.contains("\(s.disclosed) of \(s.units) disclosed") && $0.contains("reported") },
                          "a tally is labelled as reported: \(subUnits)")
        }
        let timeline = S.drawnText(ChartKind.timeline.make(data, english))
        let undated = survey.regulations.filter {
            $0.adopted == nil && $0.promulgated == nil && $0.effective == nil && $0.amended.isEmpty && $0.repealed == nil
        }
        XCTAssertFalse(undated.isEmpty)
        XCTAssertTrue(timeline.contains { $0.hasPrefix("Without recorded dates") }, "undated rules are listed as such")
    }

    func testLabelsFollowTheChosenLanguageAndHanTextUsesASimplifiedChineseFont() throws {
        let data = ChartData(try S.builtin())
        Localizer.shared.language = .english
        let zh = S.drawnText(ChartKind.disclosurePerYear.make(data, ChartOptions(language: .chinese)))
        XCTAssertTrue(zh.contains("各年度公开情况"), "\(zh)")
        XCTAssertTrue(zh.contains("已公开"))
        XCTAssertEqual(Localizer.shared.language, .english, "making a chart restores the interface language")
        let en = S.drawnText(ChartKind.disclosurePerYear.make(data, ChartOptions(language: .english)))
        XCTAssertTrue(en.contains("Disclosure per year"))
        XCTAssertTrue(en.contains("Disclosed"))

        // The charts' first family is a Simplified Chinese font, and fontconfig has it.
        let description = pango_font_description_from_string(ChartType.families)!
        defer { pango_font_description_free(description) }
        let fontMap = pango_cairo_font_map_get_default()
        let context = pango_font_map_create_context(fontMap)!
        defer { unref(context) }
        pango_context_set_language(context, pango_language_from_string("zh-cn"))
        let font = try XCTUnwrap(pango_font_map_load_font(fontMap, context, description))
        defer { unref(font) }
        let loaded = pango_font_describe(font)!
        defer { pango_font_description_free(loaded) }
        let family = String(cString: pango_font_description_get_family(loaded))
        XCTAssertTrue(family.contains("CJK SC") || family.contains("Han Sans SC") || family.contains("Han Sans CN"),
                      "Han characters would be drawn with \(family): install fonts-noto-cjk")
    }

    func testChartsOfAnEmptyAndOfALargeSurveyDraw() throws {
        let empty = Survey(meta: SurveyMeta(title: "", dataSource: "数据来源：测试"), years: [], jurisdictions: [])
        let large = SyntheticSurvey.make(enterprises: 3_000, years: 2003...2022, seed: 7)
        for survey in [empty, large] {
            let data = ChartData(survey)
            for kind in ChartKind.allCases {
                let text = S.drawnText(kind.make(data, kind.defaultOptions))
                XCTAssertTrue(text.contains(survey.meta.dataSource), "\(kind.name): the source line is drawn")
                XCTAssertGreaterThan(try S.pixels(kind.make(data, kind.defaultOptions)).count, 0)
            }
        }
    }

    func testWritesAreWholeOrNotAtAll() throws {
        let url = dir.appendingPathComponent("chart.png")
        try Data("old".utf8).write(to: url)
        struct Interrupted: Error {}
        XCTAssertThrowsError(try ChartFileWriter.write(to: url.path) { temp in
            try Data("half".utf8).write(to: URL(fileURLWithPath: temp))
            throw Interrupted()
        })
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "old", "a failed export leaves the old file")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["chart.png"], "and no temporary file")

        let chart = ChartKind.timeline.make(ChartData(try S.builtin()), ChartOptions())
        XCTAssertThrowsError(try ChartExport.png(chart, to: dir.appendingPathComponent("missing/chart.png").path))
        XCTAssertThrowsError(try ChartExport.svg(chart, to: url.appendingPathComponent("below-a-file.svg").path))
        XCTAssertThrowsError(try ChartExport.png(chart, to: dir.path)) { error in
            XCTAssertTrue("\(error)".contains(self.dir.path), "\(error)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["chart.png"])
    }
}

extension ChartOptions {
    func with(language: Language) -> ChartOptions {
        var copy = self
        copy.language = language
        return copy
    }
}
