import ArgumentParser
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

/// UI tests of the main window. They need a display: run them with `make test`, which starts
/// Xvfb and a D-Bus session. Without one they fail (they do not skip).
///
/// XCTest runs tests on the main thread, where GTK lives: each test enters the main actor with
/// `onMain`.
final class MainWindowTests: XCTestCase {
    override func tearDown() {
        Localizer.shared.followEnvironment()
        super.tearDown()
    }

    /// Runs a test body on the main actor after making sure GTK has a display.
    private func onMain(_ body: @MainActor () throws -> Void) throws {
        XCTAssertTrue(Thread.isMainThread, "UI tests must run on the main thread")
        try MainActor.assumeIsolated {
            try Self.requireGtk()
            try body()
        }
    }

    func testHeaderBarNamesTheSurveyItsSizeAndFile() throws { try onMain {
        Localizer.shared.language = .chinese
        let window = MainWindow(survey: Fixtures.survey, fileURL: URL(fileURLWithPath: "/tmp/样例.gongkai"))
        defer { gtk_window_destroy(window.window.window) }
        window.present()
        try Self.waitForFirstFrame(window)

        XCTAssertTrue(window.headerTitle.contains(Fixtures.survey.meta.title), window.headerTitle)
        XCTAssertTrue(window.headerSubtitle.contains("2"), window.headerSubtitle)
        XCTAssertTrue(window.headerSubtitle.contains("样例.gongkai"), window.headerSubtitle)
        XCTAssertEqual(window.visibleSectionID, "overview")

        window.display(Fixtures.survey, fileURL: nil)
        XCTAssertTrue(window.headerSubtitle.contains("未命名"), window.headerSubtitle)
    } }

    func testTheOverviewShowsTheDisclosedCountsPerYearAndFollowsEdits() throws { try onMain {
        Localizer.shared.language = .chinese
        let window = MainWindow(survey: WindowTestCase.builtinSurvey, fileURL: nil)
        defer { gtk_window_destroy(window.window.window) }
        let overview = try XCTUnwrap(window.sections.first { $0.id == "overview" })
        @MainActor func texts() -> [String] {
            var out: [String] = []
            @MainActor func walk(_ w: UnsafeMutablePointer<GtkWidget>) {
                let instance = UnsafeMutableRawPointer(w).assumingMemoryBound(to: GTypeInstance.self)
                if g_type_check_instance_is_a(instance, gtk_label_get_type()) != 0 { out.append(Widgets.text(ofLabel: w)) }
                var child = gtk_widget_get_first_child(w)
                while let c = child { walk(c); child = gtk_widget_get_next_sibling(c) }
            }
            walk(overview.widget)
            return out
        }
        let stats = Statistics(window.survey)
        XCTAssertTrue(texts().contains("各年度公开的省级单位数"))
        // Each year's row: the year, then the audit-list and evaluation counts out of 32.
        let shown = texts()
        for year in stats.byYear {
            let i = try XCTUnwrap(shown.firstIndex(of: String(year.year)), "\(year.year)")
            XCTAssertEqual(Array(shown[(i + 1)...(i + 2)]),
                           ["\(year.auditList.status.disclosed) / 32", "\(year.evaluation.status.disclosed) / 32"])
        }
        XCTAssertEqual(stats.byYear.map(\.auditList.status.disclosed), [19, 23, 22, 26, 21], "the report's table")

        // An edit changes the figure at once.
        let cell = try XCTUnwrap(window.survey.observations.first { $0.jurisdiction == "anhui" && $0.year == 2018 && $0.kind == .auditList })
        var changed = cell
        changed.status = .disclosed
        XCTAssertTrue(window.controller.perform(.setCells([CellChange(changed)]), label: "edit"))
        let after = texts()
        let i = try XCTUnwrap(after.firstIndex(of: "2018"))
        XCTAssertEqual(after[i + 1], "20 / 32")
    } }

    func testScreenshotOfTheDrawnWindowIsAPlausiblePNG() throws { try onMain {
        let window = MainWindow(survey: Fixtures.survey, fileURL: nil)
        defer { gtk_window_destroy(window.window.window) }
        window.present()
        try Self.waitForFirstFrame(window)

        let folder = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("overview.png")
        try Screenshot.save(window.window, to: url)
        let (width, height, bytes) = try Self.pngSize(url)
        XCTAssertEqual(width, Int(gtk_widget_get_width(window.window)))
        XCTAssertEqual(height, Int(gtk_widget_get_height(window.window)))
        XCTAssertGreaterThan(width, 600)
        XCTAssertGreaterThan(height, 400)
        XCTAssertGreaterThan(bytes, 10_000, "a drawn window compresses to more than a blank image")
    } }

    func testApplicationScreenshotModeWritesOnePNGPerSectionAndQuits() throws { try onMain {
        let folder = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let directory = folder.appendingPathComponent("shots")
        let app = GongkaiApplication(.init(survey: Fixtures.survey, fileURL: nil, screenshotDirectory: directory))
        XCTAssertEqual(app.run(), 0)
        let ids = try XCTUnwrap(app.mainWindow).sections.map(\.id)
        XCTAssertEqual(ids.first, "overview")
        for id in ids {
            let (width, height, _) = try Self.pngSize(directory.appendingPathComponent("\(id).png"))
            XCTAssertGreaterThan(width, 600)
            XCTAssertGreaterThan(height, 400)
        }
    } }

    // MARK: Helpers

    @MainActor private static func requireGtk() throws { try WindowTestCase.requireGtk() }

    @MainActor private static func waitForFirstFrame(_ window: MainWindow) throws {
        try WindowTestCase.waitForFirstFrame(window)
    }

    private static func temporaryDirectory() throws -> URL { try WindowTestCase.temporaryDirectory() }

    /// The width and height from a PNG's IHDR chunk, and the file's size.
    private static func pngSize(_ url: URL) throws -> (Int, Int, Int) {
        let data = try Data(contentsOf: url)
        XCTAssertGreaterThan(data.count, 24, "\(url.path) is too short for a PNG")
        guard data.count > 24 else { return (0, 0, data.count) }
        XCTAssertEqual(Array(data.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "not a PNG")
        let be = { (at: Int) in data[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (be(16), be(20), data.count)
    }
}

/// The pieces around the window that need no display: the title, the overview's facts and the
/// command line.
final class LaunchTests: XCTestCase {
    override func tearDown() {
        Localizer.shared.followEnvironment()
        super.tearDown()
    }

    func testWindowTitleUsesUntitledWithoutAFile() {
        Localizer.shared.language = .chinese
        let title = WindowTitle(survey: Fixtures.survey, fileURL: nil)
        XCTAssertEqual(title.title, Fixtures.survey.meta.title)
        XCTAssertTrue(title.subtitle.hasSuffix("未命名"), title.subtitle)
        Localizer.shared.language = .english
        XCTAssertEqual(WindowTitle(survey: Fixtures.survey, fileURL: URL(fileURLWithPath: "/a/b.gongkai")).subtitle,
                       "2 jurisdictions · b.gongkai")
    }

    func testOverviewFactsAreComputedFromTheSurvey() {
        let facts = OverviewFacts(Fixtures.survey)
        XCTAssertEqual(facts.jurisdictions, 2)
        XCTAssertEqual(facts.observations, 3)
        XCTAssertEqual(facts.enterprises, 1)
        XCTAssertEqual(facts.regulations, 1)
        XCTAssertEqual(facts.years, "2020–2021")
        // The data source in the interface's language: the built-in survey's English line in English.
        let builtin = WindowTestCase.builtinSurvey
        Localizer.shared.language = .english
        XCTAssertEqual(OverviewFacts(builtin).dataSource, builtin.meta.dataSourceEnglish)
        Localizer.shared.language = .chinese
        XCTAssertEqual(OverviewFacts(builtin).dataSource, builtin.meta.dataSource)
        Localizer.shared.followEnvironment()
        XCTAssertEqual(YearsText.compact([2022, 2016, 2018, 2019, 2020, 2018]), "2016, 2018–2020, 2022")
        XCTAssertEqual(YearsText.compact([]), "")
    }

    func testHanCharactersPreferSimplifiedChineseFontsAfterTheInterfaceFont() {
        let families = MainActor.assumeIsolated { Stylesheet.fontFamilies(interfaceFont: "Sans 10") }
        XCTAssertNotEqual(families.first, "Sans", "a generic family must be resolved to the font it stands for")
        XCTAssertEqual(families.last, "sans-serif")
        XCTAssertTrue(families.contains("Noto Sans CJK SC"))
        let rule = MainActor.assumeIsolated { Stylesheet.fontRule(["A \"B\"", "Noto Sans CJK SC", "sans-serif"]) }
        XCTAssertEqual(rule, #"window, tooltip, popover { font-family: "A \"B\"", "Noto Sans CJK SC", sans-serif; }"#)
    }

    func testCommandLineOpensTheWindowByDefaultAndTakesAFile() throws {
        XCTAssertTrue(try GongkaiCommand.parseAsRoot([]) is OpenCommand)
        let withFile = try XCTUnwrap(try GongkaiCommand.parseAsRoot(["some.gongkai"]) as? OpenCommand)
        XCTAssertEqual(withFile.input.file, "some.gongkai")
        let shots = try XCTUnwrap(try GongkaiCommand.parseAsRoot(["--screenshot", "out", "--lang", "en"]) as? OpenCommand)
        XCTAssertEqual(shots.screenshot, "out")
        XCTAssertNil(shots.input.file)
        XCTAssertEqual(shots.language.lang, "en")
        XCTAssertThrowsError(try GongkaiCommand.parseAsRoot(["a.gongkai", "b.gongkai"]))
    }

    func testSubcommandsAreFoundByName() throws {
        XCTAssertTrue(try GongkaiCommand.parseAsRoot(["check", "some.gongkai"]) is CheckCommand)
        XCTAssertTrue(try GongkaiCommand.parseAsRoot(["open", "check"]) is OpenCommand)
    }

    func testAMissingFileExitsWithStatus2() throws {
        // In-process, with a display and no terminal: the error window would wait for a click.
        setenv("GONGKAI_NO_ERROR_WINDOW", "1", 1)
        defer { unsetenv("GONGKAI_NO_ERROR_WINDOW") }
        let command = try XCTUnwrap(try GongkaiCommand.parseAsRoot(["/nonexistent/x.gongkai"]) as? OpenCommand)
        XCTAssertThrowsError(try command.run()) { error in
            XCTAssertEqual((error as? ExitCode)?.rawValue, 2, "\(error)")
        }
    }
}

/// A small survey built in code.
private enum Fixtures {
    static let survey: Survey = {
        let anhui = Jurisdiction(id: "anhui", name: "安徽省", shortName: "安徽", englishName: "Anhui", kind: .province,
                                 region: .central, tile: TilePosition(column: 8, row: 4))
        let beijing = Jurisdiction(id: "beijing", name: "北京市", shortName: "北京", englishName: "Beijing",
                                   kind: .municipality, region: .east, tile: TilePosition(column: 8, row: 2))
        return Survey(
            meta: SurveyMeta(title: "测试调研（2020-2021年度）", organisation: "上海青悦", authors: ["张三", "李四"],
                             dataSource: "数据来源：测试"),
            years: [2020, 2021],
            jurisdictions: [anhui, beijing],
            observations: [
                Observation(jurisdiction: "anhui", year: 2020, kind: .auditList, status: .disclosed),
                Observation(jurisdiction: "anhui", year: 2021, kind: .auditList, status: .notDisclosed),
                Observation(jurisdiction: "beijing", year: 2020, kind: .evaluation, status: .disclosed),
            ],
            enterprises: [Enterprise(id: "e1", name: "某化工有限公司", jurisdiction: "anhui", year: 2020)],
            regulations: [Regulation(id: Regulation.auditMeasuresID, title: "清洁生产审核办法", level: .departmentalRule)])
    }()
}
