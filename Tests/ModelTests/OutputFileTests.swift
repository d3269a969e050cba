import Foundation
import Glibc
import XCTest
@testable import Model

/// Where exports may be written (`OutputFile`): never over a survey or a non-file, through
/// symbolic links, and a folder of files written as one step.
final class OutputFileTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        Localizer.shared.language = .english
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("output-file-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        Localizer.shared.followEnvironment()
        try? FileManager.default.removeItem(at: dir)
    }

    private func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    private func listing(_ folder: String? = nil) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder ?? dir.path).sorted()
    }

    private func refusal(_ target: String) -> OutputFileError.Kind? {
        do {
            try OutputFile.checkReplaceable(target)
            return nil
        } catch let error as OutputFileError {
            return error.kind
        } catch {
            XCTFail("\(error)")
            return nil
        }
    }

    func testSurveysAreRecognisedByNameAndByContent() throws {
        let survey = try SurveyFile.encode(StorageFixtures.survey())
        try survey.write(to: URL(fileURLWithPath: path("survey.json")))
        // The envelope's "format" last, after a long survey: found in the last bytes.
        let body = String(repeating: " ", count: 100_000)
        try Data("\u{FEFF}\n {\"survey\": {\(body)}, \"version\": 1, \"format\": \"gongkai-survey\"}\n".utf8)
            .write(to: URL(fileURLWithPath: path("reordered.txt")))
        try Data("a,b\n".utf8).write(to: URL(fileURLWithPath: path("table.csv")))
        try Data("\"gongkai-survey\" is a word in this CSV\n".utf8).write(to: URL(fileURLWithPath: path("mentions.csv")))

        XCTAssertEqual(refusal(path("survey.json")), .wouldReplaceSurvey)
        XCTAssertEqual(refusal(path("reordered.txt")), .wouldReplaceSurvey)
        XCTAssertEqual(refusal(path("new.gongkai")), .wouldReplaceSurvey, "a .gongkai name even when no file is there")
        XCTAssertEqual(refusal(path("OLD.GONGKAI~")), .wouldReplaceSurvey)
        XCTAssertNil(refusal(path("table.csv")))
        XCTAssertNil(refusal(path("mentions.csv")), "text that is not a JSON object is not a survey")
        XCTAssertNil(refusal(path("missing.csv")))
    }

    func testOnlyRegularFilesAreReplacedAndLinksAreFollowed() throws {
        XCTAssertEqual(mkfifo(path("fifo"), 0o644), 0)
        try FileManager.default.createDirectory(atPath: path("folder"), withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: path("to-fifo.csv"), withDestinationPath: "fifo")
        try FileManager.default.createSymbolicLink(atPath: path("to-survey.csv"), withDestinationPath: "s.gongkai")
        XCTAssertEqual(refusal(path("fifo")), .notRegularFile)
        XCTAssertEqual(refusal(path("folder")), .notRegularFile)
        XCTAssertEqual(refusal("/dev/null"), .notRegularFile)
        XCTAssertEqual(refusal(path("to-fifo.csv")), .notRegularFile)
        XCTAssertEqual(refusal(path("to-survey.csv")), .wouldReplaceSurvey)

        try Data("old".utf8).write(to: URL(fileURLWithPath: path("target.csv")))
        XCTAssertEqual(chmod(path("target.csv"), 0o600), 0)
        try FileManager.default.createSymbolicLink(atPath: path("link.csv"), withDestinationPath: "target.csv")
        try OutputFile.replace(path("link.csv"), with: Data("new".utf8))
        XCTAssertEqual(try String(contentsOfFile: path("target.csv"), encoding: .utf8), "new")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: path("link.csv")), "target.csv")
        var st = stat()
        XCTAssertEqual(stat(path("target.csv"), &st), 0)
        XCTAssertEqual(st.st_mode & 0o777, 0o600, "the target keeps its permissions")
    }

    func testAFolderOfFilesIsWrittenAsOneStep() throws {
        struct Broken: Error {}
        let names = ["a.csv", "b.csv", "c.csv"]
        func fill(failingAt failing: String?) -> (String, String) throws -> Void {
            { name, temp in
                if name == failing { throw Broken() }
                try Data("new \(name)".utf8).write(to: URL(fileURLWithPath: temp))
            }
        }

        // A new folder: nothing at all after a failure half-way, the whole folder after success.
        let fresh = path("fresh/tables")
        XCTAssertThrowsError(try OutputFile.replaceFiles(in: fresh, names: names, force: false, write: fill(failingAt: "c.csv")))
        XCTAssertFalse(FileManager.default.fileExists(atPath: fresh))
        XCTAssertEqual(try listing(path("fresh")), [], "no temporary folder left")
        let written = try OutputFile.replaceFiles(in: fresh, names: names, force: false, write: fill(failingAt: nil))
        XCTAssertEqual(written, names.map { fresh + "/" + $0 })
        XCTAssertEqual(try listing(fresh), names)

        // An existing folder: a failure half-way leaves it exactly as it was.
        let existing = path("existing")
        try FileManager.default.createDirectory(atPath: existing, withIntermediateDirectories: false)
        try Data("old".utf8).write(to: URL(fileURLWithPath: existing + "/a.csv"))
        try Data("mine".utf8).write(to: URL(fileURLWithPath: existing + "/notes.txt"))
        XCTAssertThrowsError(try OutputFile.replaceFiles(in: existing, names: names, force: true, write: fill(failingAt: "b.csv")))
        XCTAssertEqual(try listing(existing), ["a.csv", "notes.txt"])
        XCTAssertEqual(try String(contentsOfFile: existing + "/a.csv", encoding: .utf8), "old")
        XCTAssertThrowsError(try OutputFile.replaceFiles(in: existing, names: names, force: false, write: fill(failingAt: nil))) { error in
            XCTAssertEqual((error as? OutputFileError)?.kind, .exists)
        }
        try OutputFile.replaceFiles(in: existing, names: names, force: true, write: fill(failingAt: nil))
        XCTAssertEqual(try listing(existing), ["a.csv", "b.csv", "c.csv", "notes.txt"])
        XCTAssertEqual(try String(contentsOfFile: existing + "/a.csv", encoding: .utf8), "new a.csv")
        XCTAssertEqual(try String(contentsOfFile: existing + "/notes.txt", encoding: .utf8), "mine")
    }
}
