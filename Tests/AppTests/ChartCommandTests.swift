import Foundation
import Model
import XCTest

/// `gongkai chart` as a user runs it: names, formats, folders, handouts, errors and exit codes.
final class ChartCommandTests: XCTestCase {
    private var dir: URL!
    private typealias S = ChartTestSupport

    override func setUpWithError() throws { dir = try S.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The built `gongkai`, beside the test bundle.
    private var executable: URL {
        var url = Bundle(for: Self.self).bundleURL.deletingLastPathComponent().appendingPathComponent("gongkai")
        if !FileManager.default.isExecutableFile(atPath: url.path) {
            url = Bundle.main.bundleURL.appendingPathComponent("gongkai")
        }
        return url
    }

    private func gongkai(_ arguments: String...) throws -> Run {
        let result = try GongkaiProcess.run(arguments, program: executable)
        return Run(status: result.status, stdout: result.text, stderr: result.stderr)
    }

    private func files() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    }

    func testListNamesEveryChart() throws {
        let run = try gongkai("chart", "--list")
        XCTAssertEqual(run.status, 0, run.stderr)
        for kind in ChartKindNames.all { XCTAssertTrue(run.stdout.contains(kind), kind) }
        XCTAssertTrue(run.stdout.contains("Disclosure per year"))
        let zh = try gongkai("chart", "--list", "--lang", "zh")
        XCTAssertTrue(zh.stdout.contains("各年度公开情况"), zh.stdout)
    }

    func testOneChartInEachFormatFromTheExtensionOrTheFormatOption() throws {
        var run = try gongkai("chart", "map", "--year", "2019", "--kind", "evaluation", "--scale", "1",
                              "--output", dir.appendingPathComponent("map.png").path)
        XCTAssertEqual(run.status, 0, run.stderr)
        let size = try S.pngSize(dir.appendingPathComponent("map.png"))
        XCTAssertEqual(size.width, 1280)
        XCTAssertEqual(size.height, 720)

        run = try gongkai("chart", "disclosure-per-year", "--kind", "audit_list", "--lang", "en",
                          "--output", dir.appendingPathComponent("d.svg").path)
        XCTAssertEqual(run.status, 0, run.stderr)
        let texts = S.svgTexts(try String(contentsOf: dir.appendingPathComponent("d.svg"), encoding: .utf8))
        for count in ["19", "23", "22", "26", "21"] { XCTAssertTrue(texts.contains(count), count) }

        run = try gongkai("chart", "ranking", "--format", "pdf", "--page", "wide",
                          "--output", dir.appendingPathComponent("ranking").path)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try S.pdfPageCount(dir.appendingPathComponent("ranking")), 1)

        // A survey file given after the name.
        let file = dir.appendingPathComponent("survey.gongkai")
        try SurveyFile.save(S.builtin(), to: file)
        run = try gongkai("chart", "timeline", "--output", dir.appendingPathComponent("t.png").path, file.path)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try S.pngSize(dir.appendingPathComponent("t.png")).width, 2560, "2× by default")
    }

    func testAllChartsToAHandoutPDFOrAFolder() throws {
        var run = try gongkai("chart", "--all", "--output", dir.appendingPathComponent("handout.pdf").path)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try S.pdfPageCount(dir.appendingPathComponent("handout.pdf")), ChartKindNames.all.count)

        run = try gongkai("chart", "--all", "--scale", "1", "--output", dir.appendingPathComponent("png").path)
        XCTAssertEqual(run.status, 0, run.stderr)
        let pngs = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("png").path).sorted()
        XCTAssertEqual(pngs, ChartKindNames.all.map { "\($0).png" }.sorted())

        run = try gongkai("chart", "--all", "--format", "svg", "--output", dir.appendingPathComponent("svg").path)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("svg").path).count,
                       ChartKindNames.all.count)
    }

    func testErrorsAreClearAndExitNonZeroWithoutWritingAnything() throws {
        var run = try gongkai("chart", "pie", "--output", dir.appendingPathComponent("x.png").path)
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.stderr.contains("unknown chart \"pie\""), run.stderr)

        run = try gongkai("chart", "map", "--year", "2017", "--output", dir.appendingPathComponent("x.png").path)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("2017 is not one of the survey's years"), run.stderr)

        run = try gongkai("chart", "map", "--output", dir.appendingPathComponent("no/such/folder/x.png").path)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("Cannot write"), run.stderr)

        run = try gongkai("chart", "map", "--output", dir.appendingPathComponent("x.gif").path)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("--format"), run.stderr)

        run = try gongkai("chart", "map", "--scale", "9", "--output", dir.appendingPathComponent("x.png").path)
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.stderr.contains("--scale"), run.stderr)

        run = try gongkai("chart", "map")
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.stderr.contains("--output"), run.stderr)

        run = try gongkai("chart", "map", "--output", dir.appendingPathComponent("x.png").path,
                          dir.appendingPathComponent("missing.gongkai").path)
        XCTAssertEqual(run.status, 2, "an unreadable survey exits 2 like every command")
        XCTAssertEqual(try files(), [], "nothing was written, not even a temporary file")

        // A file in the way of a folder.
        try Data("x".utf8).write(to: dir.appendingPathComponent("plain"))
        run = try gongkai("chart", "--all", "--output", dir.appendingPathComponent("plain").path)
        XCTAssertNotEqual(run.status, 0)
        XCTAssertEqual(try files(), ["plain"])
    }

    func testAnExistingFileIsReplacedWhole() throws {
        let url = dir.appendingPathComponent("chart.png")
        try Data("old".utf8).write(to: url)
        let run = try gongkai("chart", "changes", "--scale", "1", "--output", url.path)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try S.pngSize(url).width, 1280)
        XCTAssertEqual(try files(), ["chart.png"])
    }
}

/// The chart names the command line promises (stable: scripts and file names use them).
enum ChartKindNames {
    static let all = ["disclosure-per-year", "matrix", "map", "map-years", "coverage", "labelling", "ranking",
                      "enterprise-completeness", "item-rates", "phone-outcomes", "sub-units", "timeline", "changes"]
}
