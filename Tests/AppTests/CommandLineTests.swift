import Foundation
import Model
import XCTest

/// The `gongkai` executable as a user runs it: exit codes, what goes to stdout and stderr, and
/// the files it writes.
final class CommandLineTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    struct Run {
        var status: Int32
        var stdout: Data
        var stderr: String
        var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// The built `gongkai`, beside the test bundle.
    private var executable: URL {
        var url = Bundle(for: Self.self).bundleURL.deletingLastPathComponent().appendingPathComponent("gongkai")
        if !FileManager.default.isExecutableFile(atPath: url.path) {
            url = Bundle.main.bundleURL.appendingPathComponent("gongkai")
        }
        return url
    }

    func gongkai(_ arguments: String..., lang: String = "zh_CN.UTF-8") throws -> Run {
        let result = try GongkaiProcess.run(arguments, program: executable, lang: lang)
        return Run(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }

    func write(_ survey: Survey, _ name: String) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try SurveyFile.save(survey, to: url)
        return url
    }

    private func builtin() throws -> Survey { try SurveyFile.load(from: XCTUnwrap(BuiltinDataset.url)) }

    // MARK: check

    func testCheckOfTheBuiltinDatasetHasNoErrors() throws {
        let run = try gongkai("check")
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.text.contains("0 个错误"), run.text)
    }

    func testCheckExitsWith1OnErrorsAnd2OnAnUnreadableFile() throws {
        var survey = try builtin()
        survey.enterprises[0].year = 1999
        let bad = try write(survey, "bad.gongkai")
        let run = try gongkai("check", bad.path)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.text.contains("enterprise-year-outside-survey"), run.text)

        let broken = dir.appendingPathComponent("broken.gongkai")
        try Data("{\n  \"format\": \"gongkai-survey\",\n  \"version\": 1,\n  \"survey\": {\n".utf8).write(to: broken)
        let before = try Data(contentsOf: broken)
        let unreadable = try gongkai("check", broken.path, lang: "en_US.UTF-8")
        XCTAssertEqual(unreadable.status, 2)
        XCTAssertTrue(unreadable.stderr.contains("line"), unreadable.stderr)
        XCTAssertFalse(unreadable.stderr.contains("Fatal error"), "no stack trace for a user mistake")
        XCTAssertEqual(try Data(contentsOf: broken), before, "a failed load writes nothing")
        XCTAssertEqual(try gongkai("check", dir.appendingPathComponent("missing.gongkai").path).status, 2)
    }

    // MARK: stats

    func testStatsJSONEqualsTheModelsStatistics() throws {
        let run = try gongkai("stats", "--json")
        XCTAssertEqual(run.status, 0, run.stderr)
        let decoded = try JSONDecoder().decode(Statistics.self, from: run.stdout)
        XCTAssertEqual(decoded, Statistics(try builtin()))
        XCTAssertEqual(decoded.years.map { decoded.statusCounts(year: $0, kind: .auditList).disclosed }, [19, 23, 22, 26, 21])
    }

    func testStatsTextPrintsPerYearCounts() throws {
        let run = try gongkai("stats", "--lang", "en")
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.text.contains("2021\t26\t5\t1\t0\t0"), run.text)
    }

    // MARK: export

    func testExportMatrixLongForScripts() throws {
        let run = try gongkai("export", "matrix-long", "--no-bom")
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(lines.first, "jurisdiction,year,kind,status,note")
        XCTAssertEqual(lines.count, 1 + 32 * 5 * 2)
        XCTAssertTrue(lines.contains("安徽,2018,audit_list,not_disclosed,"))
        XCTAssertTrue(lines.contains("陕西,2018,evaluation,not_disclosed,自愿性地市级负责"))
        XCTAssertTrue(lines.contains("建设兵团,2022,evaluation,division,"))
        let statuses = Set(lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[3] })
        XCTAssertTrue(statuses.isSubset(of: ["disclosed", "not_disclosed", "prefecture", "division", "not_surveyed"]))
    }

    func testExportMatrixToAFileWithBOM() throws {
        let out = dir.appendingPathComponent("matrix.csv")
        let run = try gongkai("export", "matrix", "--output", out.path)
        XCTAssertEqual(run.status, 0, run.stderr)
        let data = try Data(contentsOf: out)
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("省份/年度,2018年度,,2019年度,"), text)
        XCTAssertTrue(text.contains("\r\n陕西,√,×（自愿性地市级负责）,√,√（自愿性地市级负责）,"), text)
    }

    func testExportNeutralisesHostileNamesAndWritesJSON() throws {
        var survey = try builtin()
        survey.enterprises[0].name = "=HYPERLINK(\"http://x\")"
        survey.enterprises[1].name = "@SUM(1+1)"
        let file = try write(survey, "hostile.gongkai")
        let csv = try gongkai("export", "enterprises", file.path)
        XCTAssertEqual(csv.status, 0, csv.stderr)
        XCTAssertTrue(csv.text.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), csv.text)
        XCTAssertTrue(csv.text.contains(",'@SUM(1+1),"), csv.text)
        let json = try gongkai("export", "summary", "--format", "json", file.path)
        XCTAssertEqual(json.status, 0, json.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        XCTAssertEqual(object["table"] as? String, "summary")
        XCTAssertEqual((object["rows"] as? [[Any]])?.count, 5)
    }

    func testExportRefusesAnUnknownTable() throws {
        let run = try gongkai("export", "nonsense")
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.stderr.contains("nonsense"), run.stderr)
        XCTAssertTrue(run.stdout.isEmpty)
    }

    // MARK: new

    func testNewMakesAnEmptySurveyAndRefusesToOverwrite() throws {
        let file = dir.appendingPathComponent("2023.gongkai")
        let run = try gongkai("new", file.path, "--years", "2023-2025")
        XCTAssertEqual(run.status, 0, run.stderr)
        let survey = try SurveyFile.load(from: file)
        XCTAssertEqual(survey.years, [2023, 2024, 2025])
        XCTAssertEqual(survey.jurisdictions.count, 32)
        XCTAssertTrue(survey.observations.isEmpty)
        XCTAssertTrue(survey.enterprises.isEmpty)
        XCTAssertTrue(Validator.validate(survey).filter { $0.severity == .error }.isEmpty)

        let before = try Data(contentsOf: file)
        let again = try gongkai("new", file.path, "--years", "2026")
        XCTAssertNotEqual(again.status, 0)
        XCTAssertEqual(try Data(contentsOf: file), before)
        XCTAssertNotEqual(try gongkai("new", dir.appendingPathComponent("x.gongkai").path, "--years", "20x3").status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.gongkai").path))
    }
}
