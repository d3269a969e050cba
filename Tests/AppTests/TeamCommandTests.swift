import Foundation
import Model
import XCTest

/// `gongkai set`, `log`, `compare`, `merge` and `merge-driver` as a user (and git) runs them.
final class TeamCommandTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-team-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The built `gongkai`, beside the test bundle.
    private var executable: String {
        var url = Bundle(for: Self.self).bundleURL.deletingLastPathComponent().appendingPathComponent("gongkai")
        if !FileManager.default.isExecutableFile(atPath: url.path) { url = Bundle.main.bundleURL.appendingPathComponent("gongkai") }
        return url.path
    }

    /// Runs a program in the test folder, with a home folder, an author and git's identity of its own.
    @discardableResult
    private func run(_ program: String, _ arguments: [String], author: String = "甲") throws -> Run {
        let environment: [String: String?] = [
            "HOME": dir.path, "XDG_CONFIG_HOME": dir.appendingPathComponent("config").path, "GONGKAI_AUTHOR": author,
            "GIT_AUTHOR_NAME": author, "GIT_COMMITTER_NAME": author, "GIT_AUTHOR_EMAIL": "team@example.org",
            "GIT_COMMITTER_EMAIL": "team@example.org", "GIT_CONFIG_NOSYSTEM": "1",
        ]
        let result = try GongkaiProcess.run(arguments, program: URL(fileURLWithPath: program.hasPrefix("/") ? program : "/usr/bin/" + program),
                                            environment: environment, directory: dir)
        return Run(status: result.status, stdout: result.text, stderr: result.stderr)
    }

    @discardableResult
    private func gongkai(_ arguments: String..., author: String = "甲") throws -> Run {
        try run(executable, arguments, author: author)
    }

    private func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    private func newSurvey(_ name: String) throws {
        XCTAssertEqual(try gongkai("new", path(name), "--years", "2020-2021").status, 0)
    }

    func testSetChangesOneCellAndIsLogged() throws {
        try newSurvey("s.gongkai")
        let set = try gongkai("set", path("s.gongkai"), "安徽", "2021", "audit_list", "disclosed", "--note", "见官网", author: "王芳")
        XCTAssertEqual(set.status, 0, set.stderr)
        let survey = try SurveyFile.load(from: URL(fileURLWithPath: path("s.gongkai")))
        XCTAssertEqual(survey.status("anhui", 2021, .auditList), .disclosed)
        XCTAssertEqual(survey.observation("anhui", 2021, .auditList)?.note, "见官网")
        XCTAssertEqual(survey.changeLog.entries.map(\.author), ["王芳", "王芳"])
        XCTAssertEqual(survey.changeLog.entries.first?.action, .set)

        let log = try gongkai("log", path("s.gongkai"), "--json", "--record", "observations/anhui/2021/audit_list/status")
        let entries = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [[String: String]])
        XCTAssertEqual(entries.count, 1)
        XCTAssertEqual(entries.first?["old"], "not_surveyed")
        XCTAssertEqual(entries.first?["new"], "disclosed")
        XCTAssertEqual(try gongkai("log", path("s.gongkai"), "--author", "someone else").stdout, "No changes logged.\n")

        for bad in [["nowhere", "2021", "audit_list", "disclosed"], ["anhui", "1999", "audit_list", "disclosed"],
                    ["anhui", "2021", "lists", "disclosed"], ["anhui", "2021", "audit_list", "yes"], ["anhui"]] {
            XCTAssertEqual(try run(executable, ["set", path("s.gongkai")] + bad).status, 2, "\(bad)")
        }
        XCTAssertEqual(try gongkai("set", path("missing.gongkai"), "anhui", "2021", "audit_list", "disclosed").status, 2)
    }

    /// `gongkai log --json`, `gongkai log --csv` and `gongkai export log` give the same columns
    /// (those of the change log view's Export: the `log` table), in the same order.
    func testTheLogAsJSONAndAsATableHasTheSameColumns() throws {
        try newSurvey("s.gongkai")
        XCTAssertEqual(try gongkai("set", path("s.gongkai"), "anhui", "2021", "audit_list", "disclosed", "--note", "见官网, 第 2 页", author: "王芳").status, 0)
        XCTAssertEqual(try gongkai("set", path("s.gongkai"), "beijing", "2020", "evaluation", "prefecture", author: "李明").status, 0)
        let json = try gongkai("log", path("s.gongkai"), "--json")
        XCTAssertEqual(json.status, 0, json.stderr)
        let objects = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: String]])
        XCTAssertEqual(objects.count, 3, "two statuses and a note")
        XCTAssertTrue(objects.allSatisfy { Set($0.keys) == Set(ChangeEntry.columnKeys) }, "\(objects)")
        let values = objects.map { o in ChangeEntry.columnKeys.map { o[$0] ?? "?" } }

        let export = try gongkai("export", "log", "--format", "csv", "--no-bom", path("s.gongkai"))
        XCTAssertEqual(export.status, 0, export.stderr)
        let table = try DelimitedReader.read(export.stdout, delimiter: ",").map(\.fields)
        XCTAssertEqual(table.first, ["Time", "Author", "Action", "Path", "Old value", "New value"])
        XCTAssertEqual(Array(table.dropFirst()), values, "the exported table holds what --json prints, column for column")

        let csv = try gongkai("log", path("s.gongkai"), "--csv", "--record", "observations/anhui")
        XCTAssertEqual(csv.status, 0, csv.stderr)
        let filtered = try DelimitedReader.read(csv.stdout, delimiter: ",").map(\.fields)
        XCTAssertEqual(filtered.first, table.first)
        XCTAssertEqual(Array(filtered.dropFirst()), values.filter { $0[3].hasPrefix("observations/anhui/") }, "--csv takes the filters")
        XCTAssertEqual(try gongkai("log", path("s.gongkai"), "--csv", "--json").status, 2)
    }

    func testCompareExitsWithTheAnswerAndGivesJSON() throws {
        try newSurvey("a.gongkai")
        try FileManager.default.copyItem(atPath: path("a.gongkai"), toPath: path("b.gongkai"))
        XCTAssertEqual(try gongkai("compare", path("a.gongkai"), path("b.gongkai")).status, 0)
        try gongkai("set", path("a.gongkai"), "anhui", "2021", "audit_list", "disclosed")
        try gongkai("set", path("b.gongkai"), "anhui", "2021", "audit_list", "not_disclosed")
        try gongkai("set", path("a.gongkai"), "beijing", "2021", "audit_list", "disclosed")
        try gongkai("set", path("b.gongkai"), "beijing", "2021", "audit_list", "disclosed")
        let compare = try gongkai("compare", path("a.gongkai"), path("b.gongkai"), "--json")
        XCTAssertEqual(compare.status, 1)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(compare.stdout.utf8)) as? [String: Any])
        let differences = try XCTUnwrap(object["differences"] as? [[String: String]])
        XCTAssertEqual(differences.map { $0["path"] }, ["observations/anhui/2021/audit_list/status"])
        XCTAssertEqual(differences.first?["a"], "disclosed")
        XCTAssertEqual(differences.first?["b"], "not_disclosed")
        let matrix = try XCTUnwrap(object["matrix"] as? [String: Any])
        XCTAssertEqual(matrix["units"] as? Int, 2)
        XCTAssertEqual(matrix["agreement"] as? Double, 0.5)
        XCTAssertNotNil(matrix["kappa"])
        XCTAssertNotNil(matrix["alpha"])
        XCTAssertEqual(try gongkai("compare", path("a.gongkai"), path("missing.gongkai")).status, 2)
    }

    func testMergeWritesTheResultAndKeepsConflicts() throws {
        try newSurvey("base.gongkai")
        for name in ["ours.gongkai", "theirs.gongkai"] { try FileManager.default.copyItem(atPath: path("base.gongkai"), toPath: path(name)) }
        try gongkai("set", path("ours.gongkai"), "anhui", "2021", "audit_list", "disclosed", author: "甲")
        try gongkai("set", path("theirs.gongkai"), "beijing", "2020", "evaluation", "disclosed", author: "乙")
        let clean = try gongkai("merge", path("base.gongkai"), path("ours.gongkai"), path("theirs.gongkai"), "-o", path("out.gongkai"))
        XCTAssertEqual(clean.status, 0, clean.stderr)
        let merged = try SurveyFile.load(from: URL(fileURLWithPath: path("out.gongkai")))
        XCTAssertEqual(merged.status("anhui", 2021, .auditList), .disclosed)
        XCTAssertEqual(merged.status("beijing", 2020, .evaluation), .disclosed)
        XCTAssertEqual(Set(merged.changeLog.entries.map(\.author)), ["甲", "乙"], "both logs are merged")

        try gongkai("set", path("theirs.gongkai"), "anhui", "2021", "audit_list", "not_disclosed", author: "乙")
        let conflicted = try gongkai("merge", path("base.gongkai"), path("ours.gongkai"), path("theirs.gongkai"), "-o", path("out.gongkai"))
        XCTAssertEqual(conflicted.status, 1)
        XCTAssertTrue(conflicted.stderr.contains("observations/anhui/2021/audit_list/status"), conflicted.stderr)
        let kept = try SurveyFile.load(from: URL(fileURLWithPath: path("out.gongkai")))
        XCTAssertEqual(kept.conflicts.map(\.path), ["observations/anhui/2021/audit_list/status"])
        XCTAssertEqual(try gongkai("merge", path("base.gongkai"), path("nope.gongkai"), path("theirs.gongkai"), "-o", path("x")).status, 2)
    }

    /// A repository whose `.gongkai` files merge with `gongkai merge-driver`, set up as the README says.
    func testGitMergesSeparateWorkCleanlyAndConflictsOnTheSameCell() throws {
        XCTAssertEqual(try run("git", ["init", "-q", "-b", "main"]).status, 0)
        try run("git", ["config", "merge.gongkai.name", "Gongkai survey merge"])
        try run("git", ["config", "merge.gongkai.driver", "\(executable) merge-driver %O %A %B"])
        try "*.gongkai merge=gongkai\n".write(toFile: path(".gitattributes"), atomically: true, encoding: .utf8)
        try newSurvey("survey.gongkai")
        try run("git", ["add", "."])
        XCTAssertEqual(try run("git", ["commit", "-qm", "base"]).status, 0)

        func branch(_ name: String, from start: String, set arguments: [String], author: String) throws {
            XCTAssertEqual(try run("git", ["checkout", "-q", "-b", name, start]).status, 0)
            XCTAssertEqual(try run(executable, ["set", path("survey.gongkai")] + arguments, author: author).status, 0)
            XCTAssertEqual(try run("git", ["commit", "-qam", name], author: author).status, 0)
        }
        // Different jurisdictions: a clean merge holding both.
        try branch("anhui", from: "main", set: ["anhui", "2021", "audit_list", "disclosed"], author: "甲")
        try branch("beijing", from: "main", set: ["beijing", "2021", "audit_list", "not_disclosed"], author: "乙")
        XCTAssertEqual(try run("git", ["checkout", "-q", "anhui"]).status, 0)
        let clean = try run("git", ["merge", "--no-edit", "beijing"])
        XCTAssertEqual(clean.status, 0, clean.stdout + clean.stderr)
        var merged = try SurveyFile.load(from: URL(fileURLWithPath: path("survey.gongkai")))
        XCTAssertEqual(merged.status("anhui", 2021, .auditList), .disclosed)
        XCTAssertEqual(merged.status("beijing", 2021, .auditList), .notDisclosed)
        XCTAssertTrue(merged.conflicts.isEmpty)

        // The same cell: git reports a conflict and the file keeps it for the window.
        try branch("mine", from: "main", set: ["anhui", "2020", "evaluation", "disclosed"], author: "甲")
        try branch("yours", from: "main", set: ["anhui", "2020", "evaluation", "prefecture"], author: "乙")
        XCTAssertEqual(try run("git", ["checkout", "-q", "mine"]).status, 0)
        let conflict = try run("git", ["merge", "--no-edit", "yours"])
        XCTAssertNotEqual(conflict.status, 0)
        XCTAssertTrue(try run("git", ["status", "--porcelain"]).stdout.contains("UU survey.gongkai"))
        merged = try SurveyFile.load(from: URL(fileURLWithPath: path("survey.gongkai")))
        XCTAssertEqual(merged.conflicts.map(\.path), ["observations/anhui/2020/evaluation/status"])
        XCTAssertEqual(merged.conflicts.first.map { MergeConflict.display($0.theirs) }, "prefecture")
    }
}
