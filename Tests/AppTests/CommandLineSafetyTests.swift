import Foundation
import Glibc
import Model
import XCTest

/// The command line as a careless or hostile user meets it: output that cannot be written,
/// numbers out of range, exports aimed at a survey or at something that is not a file, and two
/// commands changing one survey at once. Nothing is lost, nothing crashes, and the message is clear.
final class CommandLineSafetyTests: XCTestCase {
    private var dir: URL!
    private var survey: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-cli-safety-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        survey = dir.appendingPathComponent("s.gongkai")
        var s = try SurveyFile.load(from: XCTUnwrap(BuiltinDataset.url))
        s.enterprises = Array(s.enterprises.prefix(3))
        let kept = Set(s.enterprises.map(\.id))
        s.reportedData.verdicts.removeAll { !kept.contains($0.enterprise) }  // verdicts of the enterprises kept
        try SurveyFile.save(s, to: survey)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    private func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    private func run(_ arguments: String...) throws -> GongkaiProcess.Result { try run(arguments) }

    private func run(_ arguments: [String], stdout: GongkaiProcess.Stdout = .pipe) throws -> GongkaiProcess.Result {
        let p = GongkaiProcess(arguments, stdout: stdout)
        try p.start()
        let result = p.wait()
        XCTAssertFalse(result.timedOut, "gongkai \(arguments.joined(separator: " ")) did not end")
        return result
    }

    // MARK: 1. Standard output that cannot be written

    func testAFailedWriteToStandardOutputIsExit1WithOneLineOnStandardError() throws {
        let commands: [[String]] = [["stats"], ["stats", "--json"], ["check"], ["chart", "--list"],
                                    ["export", "matrix"], ["export", "summary", "-o", "-", "--format", "json"],
                                    ["export", "all", "--format", "xlsx", "-o", "-"], ["--help"], ["stats", "--help"]]
        for arguments in commands {
            for stdout in [GongkaiProcess.Stdout.file("/dev/full"), .closed] {
                let p = GongkaiProcess(arguments, stdout: stdout)
                try p.start()
                let result = p.wait()
                let shown = "gongkai \(arguments.joined(separator: " ")) with stdout \(stdout)"
                XCTAssertEqual(result.status, 1, "\(shown): \(result.stderr)")
                XCTAssertEqual(result.stderrLines.count, 1, "\(shown): \(result.stderr)")
                XCTAssertTrue(result.stderr.hasPrefix("gongkai: Cannot write to standard output: "), "\(shown): \(result.stderr)")
            }
        }
    }

    // MARK: 2. Numeric options

    func testEveryNumericOptionIsCheckedBeforeAnyWork() throws {
        let refused: [[String]] = [
            ["bench", "--years", "0"], ["bench", "--years", "100000000"], ["bench", "--enterprises", "-1"],
            ["bench", "--enterprises", "100000000"], ["bench", "--runs", "0"], ["bench", "--runs", "9223372036854775807"],
            ["chart", "coverage", "-o", path("c.png"), "--scale", "0"], ["chart", "coverage", "-o", path("c.png"), "--scale", "5"],
            ["chart", "coverage", "-o", path("c.png"), "--scale", "nan"],
            ["chart", "coverage", "-o", path("c.png"), "--year", "-9223372036854775808"],
            ["chart", "--bench", "--enterprises", "1000000000"], ["chart", "--bench", "--runs", "0"],
            ["export", "matrix", "--synthetic", "-5"], ["export", "matrix", "--synthetic", "1000000000"],
            ["import", "enterprises", path("list.csv"), "--jurisdiction", "河南", "--year", "0", "--into", survey.path],
            ["import", "enterprises", path("list.csv"), "--jurisdiction", "河南", "--year", "9223372036854775807", "--into", survey.path],
            ["years", survey.path, "--remove", "0"], ["years", survey.path, "--remove", "-9223372036854775808"],
        ]
        let before = try Data(contentsOf: survey)
        for arguments in refused {
            let result = try run(arguments)
            XCTAssertEqual(result.status, 64, "gongkai \(arguments.joined(separator: " ")): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("must be between") || result.stderr.contains("Error:"),
                          "gongkai \(arguments.joined(separator: " ")): \(result.stderr)")
        }
        for years in ["0-100000000", "2020-9223372036854775807", "1-2"] {
            let result = try run(["new", path("n.gongkai"), "--years", years])
            XCTAssertEqual(result.status, 2, "new --years \(years): \(result.stderr)")
        }
        XCTAssertEqual(try Data(contentsOf: survey), before)
        XCTAssertEqual(try listing(), ["s.gongkai"], "nothing was written")
    }

    // MARK: 4. Exports never replace a survey or something that is not a file

    func testExportAndChartRefuseToWriteOverASurvey() throws {
        let copy = path("copy.json")
        try FileManager.default.copyItem(atPath: survey.path, toPath: copy)
        try FileManager.default.copyItem(atPath: survey.path, toPath: path("s.gongkai~"))
        let bytes = try Data(contentsOf: survey)
        var attempts: [[String]] = []
        for format in ["csv", "xlsx", "json", "html", "md"] {
            attempts.append(["export", "matrix", "--format", format, "-o", survey.path, survey.path])
            attempts.append(["export", "matrix", "--format", format, "-o", copy, survey.path])
        }
        attempts.append(["export", "matrix", "-o", path("s.gongkai~"), survey.path])
        attempts.append(["export", "all", "--format", "xlsx", "-o", path("S.GONGKAI")])
        for format in ["png", "svg", "pdf"] {
            attempts.append(["chart", "coverage", "--format", format, "-o", survey.path, survey.path])
            attempts.append(["chart", "coverage", "--format", format, "-o", copy, survey.path])
        }
        attempts.append(["chart", "--all", "-o", survey.path])
        attempts.append(["export", "all", "--format", "csv", "-o", copy])
        for arguments in attempts {
            let result = try run(arguments)
            XCTAssertEqual(result.status, 1, "gongkai \(arguments.joined(separator: " ")): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("it is a survey file"), "gongkai \(arguments.joined(separator: " ")): \(result.stderr)")
        }
        XCTAssertEqual(try Data(contentsOf: survey), bytes)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: copy)), bytes)
        XCTAssertEqual(try listing(), ["copy.json", "s.gongkai", "s.gongkai~"], "nothing else was written")
    }

    func testExportAndChartRefuseWhatIsNotARegularFileWithoutBlocking() throws {
        XCTAssertEqual(mkfifo(path("fifo.csv"), 0o644), 0)
        try FileManager.default.createDirectory(atPath: path("folder.csv"), withIntermediateDirectories: false)
        let socketPath = path("socket.csv")
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, byte) in socketPath.utf8.prefix(raw.count - 1).enumerated() { raw[i] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        XCTAssertEqual(bound, 0, "a socket to export over")
        try FileManager.default.createSymbolicLink(atPath: path("link-to-fifo.csv"), withDestinationPath: "fifo.csv")

        for target in ["fifo.csv", "folder.csv", "socket.csv", "link-to-fifo.csv"].map(path) + ["/dev/null"] {
            for arguments in [["export", "matrix", "-o", target, survey.path], ["export", "matrix", "--format", "xlsx", "-o", target],
                              ["chart", "coverage", "--format", "png", "-o", target]] {
                let result = try run(arguments)
                XCTAssertEqual(result.status, 1, "gongkai \(arguments.joined(separator: " ")): \(result.stderr)")
                XCTAssertTrue(result.stderr.contains("Will not write over"), "gongkai \(arguments.joined(separator: " ")): \(result.stderr)")
            }
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: path("folder.csv")), [])
        XCTAssertEqual(try listing(), ["fifo.csv", "folder.csv", "link-to-fifo.csv", "s.gongkai", "socket.csv"])
    }

    func testDashWritesToStandardOutput() throws {
        let csv = try run("export", "matrix", "-o", "-", survey.path)
        XCTAssertEqual(csv.status, 0, csv.stderr)
        XCTAssertTrue(csv.text.contains("2018"), csv.text)
        let xlsx = try run("export", "matrix", "--format", "xlsx", "-o", "-", survey.path)
        XCTAssertEqual(xlsx.status, 0, xlsx.stderr)
        XCTAssertEqual(Array(xlsx.stdout.prefix(4)), [0x50, 0x4B, 0x03, 0x04], "a zip (XLSX) on stdout")
        let png = try run("chart", "coverage", "--format", "png", "-o", "-", survey.path)
        XCTAssertEqual(png.status, 0, png.stderr)
        XCTAssertEqual(Array(png.stdout.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let pdf = try run("chart", "--all", "--format", "pdf", "-o", "-", survey.path)
        XCTAssertEqual(pdf.status, 0, pdf.stderr)
        XCTAssertEqual(String(decoding: pdf.stdout.prefix(5), as: UTF8.self), "%PDF-")
        XCTAssertFalse(FileManager.default.fileExists(atPath: "-"), "no file named -")
        XCTAssertEqual(try listing(), ["s.gongkai"])
    }

    func testAnOutputSymlinkIsWrittenThrough() throws {
        try Data("old".utf8).write(to: URL(fileURLWithPath: path("target.csv")))
        try FileManager.default.createSymbolicLink(atPath: path("link.csv"), withDestinationPath: "target.csv")
        try Data("old".utf8).write(to: URL(fileURLWithPath: path("target.png")))
        try FileManager.default.createSymbolicLink(atPath: path("link.png"), withDestinationPath: "target.png")

        XCTAssertEqual(try run("export", "matrix", "-o", path("link.csv"), survey.path).status, 0)
        XCTAssertEqual(try run("chart", "coverage", "-o", path("link.png"), survey.path).status, 0)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: path("link.csv")), "target.csv")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: path("link.png")), "target.png")
        XCTAssertTrue(try String(contentsOfFile: path("target.csv"), encoding: .utf8).contains("2018"))
        XCTAssertEqual(Array(try Data(contentsOf: URL(fileURLWithPath: path("target.png"))).prefix(4)), [0x89, 0x50, 0x4E, 0x47])
    }

    // MARK: 5. A failed export of all tables leaves nothing

    func testAFailedExportOfAllTablesLeavesNothingBehind() throws {
        let out = path("tables")
        try FileManager.default.createDirectory(atPath: out + "/summary.csv", withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: out + "/matrix.csv"))
        let result = try run("export", "all", "-o", out, "--force", survey.path)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("summary.csv"), result.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out).sorted(), ["matrix.csv", "summary.csv"])
        XCTAssertEqual(try String(contentsOfFile: out + "/matrix.csv", encoding: .utf8), "mine")
    }

    // MARK: 7. Two writers at once

    func testConcurrentImportsEachLandOrAreRefusedNeverLost() throws {
        for (name, prefix) in [("a.csv", "甲"), ("b.csv", "乙")] {
            let rows = (1...40).map { "\($0),\(prefix)第\($0)号清洁生产有限公司,郑州市" }
            try Data(("序号,企业名称,所在地\n" + rows.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path(name)))
        }
        var landed = [0, 0], refused = 0
        for trial in 0..<8 {
            let file = path("t\(trial).gongkai")
            try FileManager.default.copyItem(atPath: survey.path, toPath: file)
            let before = try SurveyFile.load(from: URL(fileURLWithPath: file)).enterprises.count
            let imports = ["a.csv", "b.csv"].map {
                GongkaiProcess(["import", "enterprises", path($0), "--jurisdiction", "河南", "--year", "2021", "--into", file])
            }
            for p in imports { try p.start() }
            let results = imports.map { $0.wait() }
            let after = try SurveyFile.load(from: URL(fileURLWithPath: file))
            var expected = before
            for (i, (result, prefix)) in zip(results, ["甲", "乙"]).enumerated() {
                XCTAssertFalse(result.timedOut)
                let present = after.enterprises.contains { $0.name.hasPrefix(prefix) }
                if result.status == 0 {
                    landed[i] += 1
                    expected += 40
                    XCTAssertTrue(present, "trial \(trial): import \(prefix) said it succeeded; its rows must be in the file")
                } else {
                    refused += 1
                    XCTAssertEqual(result.status, 1, result.stderr)
                    XCTAssertFalse(present, "trial \(trial): a refused import writes nothing")
                    XCTAssertTrue(result.stderr.contains("Nothing was written"), result.stderr)
                }
            }
            XCTAssertTrue(results.contains { $0.status == 0 }, "trial \(trial): at least one import lands")
            XCTAssertEqual(after.enterprises.count, expected, "trial \(trial): no row lost")
        }
        XCTAssertEqual(try listing().filter { $0.hasPrefix(".") }, [], "no lock or temporary file is left")
        // Both outcomes are accepted; which occurs depends on the scheduler. Reported for the record.
        print("concurrent imports: \(landed) landed, \(refused) refused")
    }

    func testFmtAndYearsRefuseAFileChangedWhileTheyWorked() throws {
        // The file changes between the command's load and its save: simulated by a second writer
        // holding the lock while it replaces the file, so the command waits for the lock and then
        // finds another version.
        for arguments in [["fmt", survey.path], ["years", survey.path, "--add", "2023"]] {
            let lock = try SurveyFileLock.acquire(forSurveyAt: survey.path)
            let command = GongkaiProcess(arguments)
            try command.start()
            var changed = try SurveyFile.load(from: survey)
            changed.meta.title = "changed by another program: \(arguments[0])"
            usleep(500_000)  // let the command read the old version (if it has not yet, it reads this one and succeeds)
            try SurveyFile.encode(changed).write(to: survey, options: .atomic)
            lock.release()
            let result = command.wait()
            let kept = try SurveyFile.load(from: survey)
            XCTAssertEqual(kept.meta.title, changed.meta.title, "\(arguments[0]): the other program's version stays")
            if result.status != 0 {
                XCTAssertEqual(result.status, 1)
                XCTAssertTrue(result.stderr.contains("no longer the version that was opened"), result.stderr)
                XCTAssertEqual(kept.years, changed.years, "nothing was written")
            }
        }
    }

    // MARK: 8. A name too long for the temporary file

    func testANameTooLongForATemporaryFileFailsClearlyAndLosesNothing() throws {
        let long = path(String(repeating: "a", count: 247) + ".gongkai")
        try FileManager.default.copyItem(atPath: survey.path, toPath: long)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: long))
        let result = try run("fmt", long)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderrLines.count, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("creating the temporary file"), result.stderr)
        XCTAssertTrue(result.stderr.contains("File name too long"), result.stderr)
        XCTAssertTrue(result.stderr.contains("The file on disk was not changed."), result.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: long)), bytes)
        let left = try listing()
        XCTAssertEqual(left.count, 2, "nothing else is left: \(left)")
    }

    // MARK: Stale temporary files

    func testCheckRemovesTheSurveysStaleTemporaryFile() throws {
        try Data("cut off".utf8).write(to: URL(fileURLWithPath: path(".s.gongkai.tmp-0badf00d")))
        try Data("someone else's".utf8).write(to: URL(fileURLWithPath: path(".t.gongkai.tmp-0badf00d")))
        XCTAssertEqual(try run("check", survey.path).status, 0)
        XCTAssertEqual(try listing(), [".t.gongkai.tmp-0badf00d", "s.gongkai"])
    }

    private func listing() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    }
}
