import Foundation
import Glibc
import Model
import XCTest

/// The `gongkai` executable given what is not a survey or a list: a FIFO, a device, a folder, a
/// crafted file. Each run has a time limit, so a command that blocks fails the test instead of
/// hanging the suite.
final class CommandLineLoadTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-cli-load-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var timedOut: Bool
    }

    private var executable: URL {
        var url = Bundle(for: Self.self).bundleURL.deletingLastPathComponent().appendingPathComponent("gongkai")
        if !FileManager.default.isExecutableFile(atPath: url.path) {
            url = Bundle.main.bundleURL.appendingPathComponent("gongkai")
        }
        return url
    }

    /// Runs `gongkai` in English; kills it after `limit` seconds (then `timedOut` is true).
    private func gongkai(_ arguments: String..., limit: TimeInterval = 30) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments + ["--lang", "en"]
        let out = dir.appendingPathComponent("stdout-\(UUID().uuidString)")
        let err = dir.appendingPathComponent("stderr-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        let timedOut = finished.wait(timeout: .now() + limit) == .timedOut
        if timedOut {
            process.terminate()
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
        }
        return Run(status: process.terminationStatus,
                   stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                   stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self), timedOut: timedOut)
    }

    private func fifo(_ name: String) throws -> String {
        let path = dir.appendingPathComponent(name).path
        XCTAssertEqual(mkfifo(path, 0o600), 0)
        return path
    }

    private func survey() throws -> String {
        let url = dir.appendingPathComponent("s.gongkai")
        try SurveyFile.save(try SurveyFile.load(from: XCTUnwrap(BuiltinDataset.url)), to: url)
        return url.path
    }

    // MARK: - Not a regular file

    func testCheckRefusesAFIFOADeviceAndAFolderWithoutBlocking() throws {
        for (path, cause) in [(try fifo("pipe.gongkai"), "FIFO"), ("/dev/zero", "character device"), (dir.path, "is a folder")] {
            let run = try gongkai("check", path)
            XCTAssertFalse(run.timedOut, "gongkai check \(path) blocked")
            XCTAssertEqual(run.status, 2, run.stderr)
            XCTAssertTrue(run.stderr.contains(cause), run.stderr)
            XCTAssertFalse(run.stderr.contains("permission") || run.stderr.contains("NSCocoaErrorDomain"), run.stderr)
        }
    }

    func testImportRefusesAFIFOADeviceAndAFolderAsTheListWithoutBlocking() throws {
        let target = try survey()
        let before = try Data(contentsOf: URL(fileURLWithPath: target))
        for (path, cause) in [(try fifo("list.csv"), "FIFO"), ("/dev/zero", "character device"), (dir.path, "is a folder")] {
            let run = try gongkai("import", "enterprises", path, "--jurisdiction", "河南", "--year", "2021", "--into", target)
            XCTAssertFalse(run.timedOut, "gongkai import \(path) blocked")
            XCTAssertEqual(run.status, 2, run.stderr)
            XCTAssertTrue(run.stderr.contains(cause), run.stderr)
            XCTAssertFalse(run.stderr.contains("permission") || run.stderr.contains("NSCocoaErrorDomain"), run.stderr)
        }
        // A FIFO as the survey to import into.
        let list = dir.appendingPathComponent("list.txt")
        try Data("企业名称\n甲公司\n".utf8).write(to: list)
        let run = try gongkai("import", "enterprises", list.path, "--jurisdiction", "河南", "--year", "2021", "--into", try fifo("into.gongkai"))
        XCTAssertFalse(run.timedOut)
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.contains("FIFO"), run.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: target)), before, "nothing was written")
    }

    // MARK: - Crafted files

    func testAYearOfMinusTwoToThe63IsALoadErrorNotACrash() throws {
        let url = dir.appendingPathComponent("year.gongkai")
        var text = String(decoding: try Data(contentsOf: try XCTUnwrap(BuiltinDataset.url)), as: UTF8.self)
        let years = try XCTUnwrap(text.range(of: "\"years\": [\n      2018"))
        text.replaceSubrange(years, with: "\"years\": [\n      -9223372036854775808")
        try Data(text.utf8).write(to: url)
        let run = try gongkai("check", url.path)
        XCTAssertEqual(run.status, 2, "exit 2 (cannot be read), not a trap: \(run.stderr)")
        XCTAssertTrue(run.stderr.contains("survey.years[0]") && run.stderr.contains("between 1949 and 2200"), run.stderr)
    }

    func testEscapeSequencesInAFileCannotFakeTheReport() throws {
        var survey = try SurveyFile.load(from: XCTUnwrap(BuiltinDataset.url))
        // In whichever language the report names it.
        survey.jurisdictions[0].shortName = "\u{1B}[2J\u{1B}[H0 errors, 0 warnings\r"
        survey.jurisdictions[0].englishName = survey.jurisdictions[0].shortName
        survey.observations.append(Observation(jurisdiction: survey.jurisdictions[0].id, year: 2030, kind: .auditList, status: .notDisclosed))
        let url = dir.appendingPathComponent("ansi.gongkai")
        try SurveyFile.save(survey, to: url)
        let run = try gongkai("check", url.path)
        XCTAssertEqual(run.status, 1)
        XCTAssertFalse(run.stdout.contains("\u{1B}") || run.stdout.contains("\r"), run.stdout)
        XCTAssertTrue(run.stdout.contains(#"\u{1B}[2J"#), run.stdout)
        let stats = try gongkai("stats", url.path)
        XCTAssertEqual(stats.status, 0, stats.stderr)
        XCTAssertFalse(stats.stdout.contains("\u{1B}") || stats.stdout.contains("\r"))
        // Every line of the check report is one problem or the summary.
        let lines = run.stdout.split(separator: "\n")
        XCTAssertTrue(lines.dropLast().allSatisfy { $0.hasPrefix("error: ") || $0.hasPrefix("warning: ") || $0.hasPrefix("info: ") }, run.stdout)
    }

    func testCheckCountsUnenteredCellsAsInformationWithoutFailing() throws {
        let url = dir.appendingPathComponent("new.gongkai")
        let made = try gongkai("new", url.path, "--years", "2023-2024")
        XCTAssertEqual(made.status, 0, made.stderr)
        let run = try gongkai("check", url.path)
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.contains("info: [cells-not-entered] Not yet entered: 128 of the 128 cells"), run.stdout)
        XCTAssertTrue(run.stdout.contains("0 errors, 0 warnings"), run.stdout)
    }
}
