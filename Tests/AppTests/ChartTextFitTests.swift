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

/// Nothing on a chart is ever cut (issue 15): every chart, in Chinese and English, on screen and
/// in briefing type, at 1280×720, 1920×1080, 2560×1440 and A4 landscape, with the user's long
/// titles, findings and notes, draws every text whole — no layout is ellipsized and none reaches
/// past the page (the canvas checks each text it draws).
final class ChartTextFitTests: XCTestCase {
    static let sizes: [(String, Double, Double)] = [
        ("1280×720", 1280, 720), ("1920×1080", 1920, 1080), ("2560×1440", 2560, 1440), ("A4 landscape", 842, 595),
    ]

    /// The built-in survey with a note on a year and on a jurisdiction of every chart that takes
    /// notes, and long titles and findings of the user's own on some.
    static func annotatedSurvey() throws -> Survey {
        var survey = try ChartTestSupport.builtin()
        var p = ChartPresentation()
        let data = ChartData(survey)
        for kind in ChartKind.allCases {
            let points = data.notePoints(kind)
            if let year = points.first(where: { if case .year = $0 { return true } else { return false } }) {
                p.add(ChartAnnotation(chart: kind.name, point: year, text: "新的省级办法在这一年施行，名单随之增加 (a new provincial rule took effect)"))
            }
            if let j = points.first(where: { if case .jurisdiction("jiangsu") = $0 { return true } else { return false } }) {
                p.add(ChartAnnotation(chart: kind.name, point: j, text: "全部由地市公开"))
            }
        }
        for kind in [ChartKind.ranking, .timeline, .matrix] {
            p.setOverride(kind.name, title: "各省级单位清洁生产审核信息公开情况排名与变化 — a deliberately long title of the user's own that cannot fit on one line",
                          finding: "江苏的全部名单由地市公开，因此没有公开率；北京连续五年公开，排名第一 — and the finding goes on in English too")
        }
        survey.meta.charts = p
        return survey
    }

    private func cutTexts(_ chart: any Chart, width: Double, height: Double) -> (ChartTextRecorder, [CheckedText]) {
        let recorder = ChartTestSupport.recorded(chart, width: width, height: height)
        return (recorder, recorder.cutTexts)
    }

    func testNoTextIsCutOnAnyChartAtAnySizeInEitherLanguage() throws {
        let data = ChartData(try Self.annotatedSurvey())
        var checkedTexts = 0
        for kind in ChartKind.allCases {
            var variants = [kind.defaultOptions, ChartOptions()]
            if kind.options.contains(.groupByRegion) { variants.append(ChartOptions(includeDelegated: false, groupByRegion: true)) }
            for language in [Language.chinese, .english] {
                for base in variants {
                    for large in [false, true] {
                        var options = base
                        options.language = language
                        options.largeType = large
                        let chart = kind.make(data, options)
                        for (name, w, h) in Self.sizes {
                            let (recorder, cut) = cutTexts(chart, width: w, height: h)
                            checkedTexts += recorder.checked.count
                            XCTAssertEqual(cut.map(\.text), [], "\(kind.name) \(language) \(large ? "briefing" : "screen") \(name)")
                        }
                    }
                }
            }
        }
        XCTAssertGreaterThan(checkedTexts, 10_000, "the canvas checked what it drew")
    }

    /// The briefing's ranking at 1280×720 wrote 「无公开率：全部由下级…」: the row without a rate
    /// now writes its text in its empty track, whole.
    func testTheRankingsRowWithoutARateIsWrittenWholeInBriefingType() throws {
        let data = ChartData(try ChartTestSupport.builtin())
        for language in [Language.chinese, .english] {
            var options = ChartKind.ranking.defaultOptions
            options.language = language
            options.largeType = true
            let chart = ChartKind.ranking.make(data, options)
            let expected = Localizer.with(language: language) { tr("no rate: every cell delegated") }
            let (recorder, cut) = cutTexts(chart, width: 1280, height: 720)
            XCTAssertEqual(cut.map(\.text), [])
            let drawn = recorder.checked.filter { $0.text == expected }
            XCTAssertFalse(drawn.isEmpty, "\(language): \(expected) is drawn")
            XCTAssertTrue(drawn.allSatisfy { !$0.ellipsized }, "\(language)")
        }
    }

    func testALabelTooLongForItsPlaceWrapsInsteadOfBeingCut() {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1280, 720)!
        defer { cairo_surface_destroy(surface) }
        let cr = cairo_create(surface)!
        defer { cairo_destroy(cr) }
        let recorder = ChartTextRecorder()
        var rect = ChartRect(x: 0, y: 0, width: 0, height: 0)
        var single = 0.0
        ChartCanvas.draw(cr, width: 1280, height: 720, recorder: recorder) { canvas in
            single = canvas.lineHeight(ChartType.label)
            rect = canvas.text("全部由下级单位公开，本级没有公开率 and so on", x: 100, y: 100, ChartType.label, maxWidth: 120)
        }
        XCTAssertLessThanOrEqual(rect.width, 120.5)
        XCTAssertGreaterThan(rect.height, single * 1.5, "on several lines")
        XCTAssertEqual(recorder.cutTexts, [])
        XCTAssertEqual(recorder.items.map(\.text).joined(), "全部由下级单位公开，本级没有公开率 and so on", "every character drawn")
    }

    func testNotesAreDrawnOnTheirPointsAndListedWithTheirText() throws {
        let data = ChartData(try Self.annotatedSurvey())
        for kind in ChartKind.allCases where kind.takesNotes && data.emptyReason(kind) == nil {
            for language in [Language.chinese, .english] {
                let chart = kind.make(data, ChartOptions(language: language))
                let notes = chart.header.notes
                XCTAssertFalse(notes.isEmpty, kind.name)
                let (recorder, _) = cutTexts(chart, width: 1920, height: 1080)
                let drawn = recorder.strings.joined().filter { !$0.isWhitespace }
                for note in notes {
                    // Put together in the chart's language, whatever the interface's.
                    XCTAssertEqual(note.line.contains("："), language == .chinese, "\(kind.name): \(note.line)")
                    XCTAssertTrue(drawn.contains(note.text.filter { !$0.isWhitespace }), "\(kind.name): \(note.text)")
                    XCTAssertTrue(drawn.contains(note.pointLabel.filter { !$0.isWhitespace }), "\(kind.name): \(note.pointLabel)")
                }
                // Each note is marked on its point (every map of the small multiples marks a jurisdiction).
                for number in 1...notes.count {
                    XCTAssertTrue(recorder.markedNotes.contains(number), "\(kind.name) \(language): note \(number) marked")
                }
            }
        }
    }

    func testTheUsersTitleAndFindingReplaceTheComputedOnesEverywhere() throws {
        let survey = try Self.annotatedSurvey()
        let data = ChartData(survey)
        let chart = ChartKind.ranking.make(data, ChartOptions(language: .english))
        let o = try XCTUnwrap(survey.meta.charts?.override("ranking"))
        XCTAssertEqual(chart.header.title, o.title)
        XCTAssertEqual(chart.header.finding, o.finding)
        XCTAssertEqual(ChartKind.ranking.computedHeader(data, ChartOptions(language: .english)).title, "Ranking by disclosure rate")
        // In an SVG export the title is text, whole.
        let dir = try ChartTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("ranking.svg")
        try ChartExport.write(chart, format: .svg, to: url.path)
        let texts = ChartTestSupport.svgTexts(try String(contentsOf: url, encoding: .utf8)).joined()
        XCTAssertTrue(texts.filter { !$0.isWhitespace }.contains(try XCTUnwrap(o.title).filter { !$0.isWhitespace }))
        XCTAssertTrue(texts.contains("全部由地市公开"), "the note is in the SVG")
    }
}

/// A chart's language is a parameter of the chart (issue 12): charts in Chinese and English made
/// at once on several threads each take their own language, notes included, and the process's
/// language is left alone.
final class ChartLanguageParameterTests: XCTestCase {
    func testChartsInTwoLanguagesMadeAtOnceEachKeepTheirOwn() throws {
        let data = ChartData(try ChartTextFitTests.annotatedSurvey())
        let before = Localizer.shared.language
        let kinds = ChartKind.allCases
        let results = ResultBox(count: kinds.count * 2 * 4)
        DispatchQueue.concurrentPerform(iterations: kinds.count * 2 * 4) { i in
            let kind = kinds[i % kinds.count]
            let language: Language = (i / kinds.count) % 2 == 0 ? .english : .chinese
            let chart = kind.make(data, ChartOptions(language: language))
            results.set(i, (kind, language, chart.header))
        }
        XCTAssertEqual(Localizer.shared.language, before)
        for (kind, language, header) in results.values {
            let expected = kind.computedHeader(data, ChartOptions(language: language))
            XCTAssertEqual(header.subtitle, expected.subtitle, "\(kind.name) \(language)")
            XCTAssertEqual(header.note, expected.note, "\(kind.name) \(language)")
            let hasHan = { (s: String) in s.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF } }
            XCTAssertEqual(hasHan(header.subtitle), language == .chinese, "\(kind.name) \(language): \(header.subtitle)")
            for note in header.notes {
                XCTAssertEqual(note.line.contains("："), language == .chinese, "\(kind.name): \(note.line)")
            }
        }
    }
}

private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Int: (ChartKind, Language, ChartHeader)] = [:]
    init(count: Int) {}
    func set(_ i: Int, _ value: (ChartKind, Language, ChartHeader)) { lock.withLock { items[i] = value } }
    var values: [(ChartKind, Language, ChartHeader)] { lock.withLock { items.sorted { $0.key < $1.key }.map(\.value) } }
}
