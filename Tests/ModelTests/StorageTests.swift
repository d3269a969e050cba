import Foundation
import XCTest
@testable import Model

/// The `.gongkai` format: canonical encoding, round trips, and every kind of load error with its place.
final class StorageTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        Localizer.shared.language = .english  // the tests read the English messages
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("storage-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        Localizer.shared.followEnvironment()
        try? FileManager.default.removeItem(at: dir)
    }

    // MARK: - Encoding

    func testRoundTripGivesTheCanonicalSurvey() throws {
        let survey = StorageFixtures.survey()
        let decoded = try SurveyFile.decode(try SurveyFile.encode(survey), source: "mem")
        var canonical = survey
        canonical.canonicalize()
        XCTAssertEqual(decoded, canonical)
        XCTAssertEqual(decoded.enterprises[1].notes, "Quote \" backslash \\ tab \t newline \n ctrl \u{01} 😀 / 中文")
    }

    func testEncodingIsByteStableAndCanonical() throws {
        let survey = StorageFixtures.survey()
        let first = try SurveyFile.encode(survey)
        XCTAssertEqual(first, try SurveyFile.encode(survey))
        var shuffled = survey
        shuffled.observations.reverse()
        shuffled.years.reverse()
        XCTAssertEqual(first, try SurveyFile.encode(shuffled), "record order must not change the bytes")

        let text = String(decoding: first, as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("{\n  \"format\": \"gongkai-survey\",\n  \"survey\": {\n"))
        XCTAssertTrue(text.hasSuffix("\n  \"version\": 1\n}\n"))
        XCTAssertTrue(text.contains("\"url\": \"https://example.gov.cn/a/b.html\""), "slashes are not escaped")
        XCTAssertTrue(text.contains("\\\"") && text.contains("\\u0001") && text.contains("😀"))
        let keys = ["\"enterprises\"", "\"jurisdictions\"", "\"meta\"", "\"observations\"", "\"years\""]
        let positions = keys.map { text.range(of: $0)!.lowerBound }
        XCTAssertEqual(positions, positions.sorted(), "keys are sorted")
    }

    func testOutputIsReadableByFoundation() throws {
        struct Envelope: Decodable { var format: String; var version: Int; var survey: Survey }
        let survey = StorageFixtures.survey()
        let data = try SurveyFile.encode(survey)
        let envelope = try JSONDecoder().decode(Envelope.self, from: data)
        var canonical = survey
        canonical.canonicalize()
        XCTAssertEqual(envelope.survey, canonical)
        XCTAssertEqual(envelope.format, SurveyFile.formatName)
        XCTAssertEqual(envelope.version, SurveyFile.currentVersion)
    }

    // MARK: - Load errors: the file itself

    func testMissingFile() {
        let url = dir.appendingPathComponent("nothing.gongkai")
        let error = loadError(url)
        XCTAssertEqual(error?.kind, .fileNotFound)
        XCTAssertEqual(error?.file, url.path)
        XCTAssertEqual(error?.message, "The file “\(url.path)” does not exist.")
    }

    func testPermissionDenied() throws {
        let url = dir.appendingPathComponent("locked.gongkai")
        try SurveyFile.save(StorageFixtures.survey(), to: url)
        let fs = FaultyFileSystem()
        fs.faults[.openForReading] = .fail(EACCES)
        let error = loadError(url, fileSystem: fs)
        XCTAssertEqual(error?.kind, .permissionDenied)
        XCTAssertEqual(error?.systemError, EACCES)
        XCTAssertTrue(error!.message.contains("permission"))
    }

    func testFolderIsNotAFile() {
        XCTAssertEqual(loadError(dir)?.kind, .notAFile)
        XCTAssertTrue(loadError(dir)!.message.contains("folder"))
    }

    func testOversizedSparseFileIsRefusedWithoutReading() throws {
        let url = dir.appendingPathComponent("huge.gongkai")
        XCTAssertTrue(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 300 * 1024 * 1024)  // sparse: costs no disk
        try handle.close()
        let fs = FaultyFileSystem()
        let error = loadError(url, fileSystem: fs)
        XCTAssertEqual(error?.kind, .tooLarge)
        XCTAssertEqual(error?.size, 300 * 1024 * 1024)
        XCTAssertEqual(fs.calls[.read, default: 0], 0, "the file must not be read")
        XCTAssertTrue(error!.message.contains("256 MiB"))
    }

    func testReadErrorIsUnreadable() throws {
        let url = dir.appendingPathComponent("bad-disk.gongkai")
        try SurveyFile.save(StorageFixtures.survey(), to: url)
        let fs = FaultyFileSystem()
        fs.faults[.read] = .fail(EIO)
        XCTAssertEqual(loadError(url, fileSystem: fs)?.kind, .unreadable)
    }

    func testEmptyFile() {
        XCTAssertEqual(decodeError("")?.kind, .empty)
        XCTAssertEqual(decodeError(" \n\t\n")?.kind, .empty)
    }

    func testInvalidUTF8GivesOffsetAndLine() {
        var bytes = Array("{\n  \"format\": \"gongkai-survey\",\n  \"x\": \"ab".utf8)
        let offset = bytes.count
        bytes += [0xC3, 0x28] + Array("\"\n}".utf8)
        let error = decodeError(Data(bytes))
        XCTAssertEqual(error?.kind, .invalidUTF8)
        XCTAssertEqual(error?.byteOffset, offset)
        XCTAssertEqual(error?.line, 3)
        XCTAssertEqual(error?.column, 11)
        XCTAssertEqual(error?.found, "0xC3")
    }

    // MARK: - Load errors: JSON syntax

    func testMalformedJSONGivesLineAndColumn() {
        let text = "{\n  \"format\": \"gongkai-survey\"\n  \"version\": 1\n}\n"
        let error = decodeError(text)
        XCTAssertEqual(error?.kind, .malformedJSON)
        XCTAssertEqual(error?.line, 3)
        XCTAssertEqual(error?.column, 3)
        XCTAssertEqual(error?.expected, "',' or '}' after the value")
        XCTAssertEqual(error?.found, "'\"'")
        XCTAssertEqual(error?.path, "format")
        XCTAssertTrue(error!.message.contains("line 3, column 3"))
    }

    func testColumnsCountCharactersNotBytes() {
        let error = decodeError("{\"名称\": \"中文\" x}")
        XCTAssertEqual(error?.kind, .malformedJSON)
        XCTAssertEqual(error?.column, 13)
    }

    func testBadStringsAndNumbers() {
        XCTAssertEqual(decodeError("{\n\"a\": \"x\ny\"}")?.line, 2)  // raw line break inside text
        XCTAssertEqual(decodeError("{\"a\": \"\\q\"}")?.kind, .malformedJSON)
        XCTAssertEqual(decodeError("{\"a\": \"\\udc00\"}")?.kind, .malformedJSON)
        XCTAssertEqual(decodeError("{\"a\": 012}")?.kind, .malformedJSON)
        XCTAssertEqual(decodeError("{\"a\": 1.}")?.column, 9)
        XCTAssertEqual(decodeError("{\"a\": tru }")?.kind, .malformedJSON)
        XCTAssertEqual(decodeError("{\"a\": 1} x")?.expected, "the end of the file after the complete JSON document")
    }

    func testTruncatedFileGivesLineNumber() throws {
        let data = try SurveyFile.encode(StorageFixtures.survey())
        let middle = decodeError(data.prefix(data.count / 2))
        XCTAssertEqual(middle?.kind, .truncatedJSON)
        XCTAssertTrue(middle!.message.contains("ends too early, at line \(data.prefix(data.count / 2).filter { $0 == 0x0A }.count + 1)"))
        XCTAssertTrue(middle!.message.contains("survey.gongkai~") == false && middle!.message.contains("test.gongkai~"), "names the backup")

        // Every cut, including those inside a multi-byte character, reads as cut off at the end's line.
        // (The last cut only drops the final newline, which leaves a complete document.)
        for cut in 1..<(data.count - 1) {
            let prefix = data.prefix(cut)
            guard let error = decodeError(prefix) else { return }
            XCTAssertEqual(error.kind, .truncatedJSON, "cut at \(cut): \(error.message)")
            XCTAssertEqual(error.line, prefix.filter { $0 == 0x0A }.count + 1, "cut at \(cut)")
        }
    }

    func testDuplicateKeyIsRefused() {
        let text = "{\n  \"format\": \"gongkai-survey\",\n  \"survey\": {\"meta\": {}, \"meta\": {}},\n  \"version\": 1\n}"
        let error = decodeError(text)
        XCTAssertEqual(error?.kind, .duplicateKey)
        XCTAssertEqual(error?.path, "survey.meta")
        XCTAssertEqual(error?.line, 3)
        XCTAssertEqual(error?.column, 26)
    }

    func testByteOrderMarkIsAccepted() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + (try SurveyFile.encode(StorageFixtures.survey()))
        XCTAssertEqual(try SurveyFile.decode(data, source: "bom").meta, StorageFixtures.survey().meta)
        let error = decodeError(Data([0xEF, 0xBB, 0xBF]) + Data("{\n  x".utf8))
        XCTAssertEqual(error?.line, 2)
        XCTAssertEqual(error?.column, 3)
        XCTAssertEqual(error?.byteOffset, 7)
    }

    // MARK: - Load errors: envelope

    func testNotAGongkaiFile() {
        XCTAssertEqual(decodeError("[1, 2]")?.kind, .notGongkaiFile)
        XCTAssertEqual(decodeError("name,year\nA,2019\n")?.kind, .notGongkaiFile)
        XCTAssertEqual(decodeError("{\"version\": 1, \"survey\": {}}")?.kind, .notGongkaiFile)
        let other = decodeError("{\n\"format\": \"other-app\", \"version\": 1}")
        XCTAssertEqual(other?.kind, .notGongkaiFile)
        XCTAssertEqual(other?.line, 2)
        XCTAssertTrue(other!.message.contains("\"other-app\""))
    }

    func testNewerVersionIsRefused() {
        let error = decodeError("{\"format\": \"gongkai-survey\", \"version\": 3, \"survey\": {\"future\": true}}")
        XCTAssertEqual(error?.kind, .newerVersion)
        XCTAssertEqual(error?.version, 3)
        XCTAssertTrue(error!.message.contains("was written by a newer version of Gongkai (format version 3; this version reads up to 1)"))
    }

    func testVersionMustBeAWholeNumber() {
        for bad in ["\"1\"", "1.5", "0", "-1", "1e0", "null"] {
            let error = decodeError("{\"format\": \"gongkai-survey\", \"version\": \(bad), \"survey\": {}}")
            XCTAssertEqual(error?.kind, .invalidVersion, bad)
            XCTAssertEqual(error?.path, "version")
        }
        XCTAssertEqual(decodeError("{\"format\": \"gongkai-survey\", \"survey\": {}}")?.kind, .invalidVersion)
    }

    // MARK: - Load errors: the survey's types

    func testWrongTypeGivesPathAndLine() throws {
        let (text, line, column) = try mutated("\"year\": 2017", "\"year\": \"2017\"", marker: "\"2017\"")
        let error = decodeError(text)
        XCTAssertEqual(error?.kind, .wrongType)
        XCTAssertEqual(error?.path, "survey.enterprises[0].year")
        XCTAssertEqual(error?.line, line)
        XCTAssertEqual(error?.column, column)
        XCTAssertEqual(error?.expected, "a whole number")
        XCTAssertEqual(error?.found, "text (\"2017\")")
    }

    func testMissingKeyGivesTheObject() throws {
        let (text, line, _) = try mutated("\"name\": \"乙化工有限公司\",", "", marker: "\"id\": \"e2\"")
        let error = decodeError(text)
        XCTAssertEqual(error?.kind, .missingKey)
        XCTAssertEqual(error?.path, "survey.enterprises[1].name")
        XCTAssertEqual(error?.line, line - 1, "the line of the object's opening brace")
        XCTAssertTrue(error!.message.contains("missing the required field \"name\" in survey.enterprises[1]"))
    }

    func testBadEnumValueListsTheAllowedValues() throws {
        let (text, line, _) = try mutated("\"status\": \"disclosed\"", "\"status\": \"dislosed\"", marker: "\"dislosed\"")
        let error = decodeError(text)
        XCTAssertEqual(error?.kind, .invalidValue)
        XCTAssertEqual(error?.path, "survey.observations[0].status")
        XCTAssertEqual(error?.line, line)
        XCTAssertEqual(error?.found, "\"dislosed\"")
        XCTAssertEqual(error?.expected, "disclosed, not_disclosed, prefecture, division, not_surveyed")
    }

    func testBadDomainValueKeepsItsExplanation() throws {
        let (text, _, _) = try mutated("\"dateChecked\": \"2019-05\"", "\"dateChecked\": \"2019-13\"", marker: "2019-13")
        let error = decodeError(text)
        XCTAssertEqual(error?.kind, .invalidValue)
        XCTAssertEqual(error?.path, "survey.observations[0].evidence[0].dateChecked")
        XCTAssertTrue(error!.message.contains("2016-07"), error!.message)
    }

    func testNullWhereAValueIsRequired() throws {
        let (text, _, _) = try mutated("\"id\": \"e2\"", "\"id\": null", marker: "null")
        let error = decodeError(text)
        XCTAssertEqual(error?.kind, .wrongType)
        XCTAssertEqual(error?.found, "null")
        XCTAssertEqual(error?.path, "survey.enterprises[1].id")
    }

    func testFailedLoadsWriteNothing() throws {
        let bad = dir.appendingPathComponent("bad.gongkai")
        try Data("{\"format\": \"gongkai-survey\", \"version\": 1, \"survey\": {\"meta\": 1".utf8).write(to: bad)
        let before = try listing()
        for url in [bad, dir.appendingPathComponent("missing.gongkai"), dir!] {
            XCTAssertNotNil(loadError(url))
        }
        XCTAssertEqual(try listing(), before)
        XCTAssertEqual(try Data(contentsOf: bad), Data("{\"format\": \"gongkai-survey\", \"version\": 1, \"survey\": {\"meta\": 1".utf8))
    }

    // MARK: - Helpers

    private func loadError(_ url: URL, fileSystem: any FileSystemOps = RealFileSystem()) -> SurveyFileError? {
        do {
            _ = try SurveyFile.load(from: url, fileSystem: fileSystem)
            XCTFail("loading \(url.path) should fail")
        } catch let error as SurveyFileError {
            return error
        } catch {
            XCTFail("unexpected \(error)")
        }
        return nil
    }

    private func decodeError(_ text: String) -> SurveyFileError? { decodeError(Data(text.utf8)) }

    private func decodeError(_ data: Data) -> SurveyFileError? {
        do {
            _ = try SurveyFile.decode(data, source: "test.gongkai")
            XCTFail("decoding should fail")
        } catch let error as SurveyFileError {
            XCTAssertEqual(error.file, "test.gongkai")
            return error
        } catch {
            XCTFail("unexpected \(error)")
        }
        return nil
    }

    /// The fixture survey's file with `old` replaced by `new`, and the line and column of `marker` in it.
    private func mutated(_ old: String, _ new: String, marker: String) throws -> (String, Int, Int) {
        let original = String(decoding: try SurveyFile.encode(StorageFixtures.survey()), as: UTF8.self)
        XCTAssertTrue(original.contains(old), "fixture lacks \(old)")
        var text = original
        text.replaceSubrange(text.range(of: old)!, with: new)
        let before = text[..<text.range(of: marker)!.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let column = before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
        return (text, line, column)
    }

    private func listing() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    }
}
