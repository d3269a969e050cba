import Foundation
import Glibc
import XCTest
@testable import Model

/// What a hostile or careless file does to loading: numbers outside their range, things that are
/// not regular files, fields Gongkai does not know, control characters. Each is a located error
/// (or a refusal naming the real cause), never a trap, a hang or silent loss.
final class RobustLoadTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-robust-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        Localizer.shared.language = .english
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
        Localizer.shared.followEnvironment()
    }

    // MARK: - Helpers

    /// The fixture survey's file, as a JSON object to change.
    static func fixtureObject(_ survey: Survey = StorageFixtures.survey()) throws -> [String: Any] {
        let data = try SurveyFile.encode(survey)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The fixture file with `change` applied to its "survey" object.
    static func fixture(_ change: (inout [String: Any]) -> Void) throws -> Data {
        var envelope = try fixtureObject()
        var survey = try XCTUnwrap(envelope["survey"] as? [String: Any])
        change(&survey)
        envelope["survey"] = survey
        return try JSONSerialization.data(withJSONObject: envelope, options: [.prettyPrinted, .sortedKeys])
    }

    /// Sets `key` of element `index` of the list `list` in a survey object.
    static func set(_ survey: inout [String: Any], _ list: String, _ index: Int, _ key: String, _ value: Any) {
        var items = survey[list] as? [[String: Any]] ?? []
        items[index][key] = value
        survey[list] = items
    }

    private func loadError(_ data: Data, file: StaticString = #filePath, line: UInt = #line) -> SurveyFileError? {
        do {
            _ = try SurveyFile.decode(data, source: "s.gongkai")
            XCTFail("the file should be refused", file: file, line: line)
        } catch let error as SurveyFileError {
            return error
        } catch {
            XCTFail("not a SurveyFileError: \(error)", file: file, line: line)
        }
        return nil
    }

    // MARK: - 1. Numbers are range-checked before any arithmetic

    func testYearsOutsideTheirRangeAreLocatedErrorsEverywhere() throws {
        let cases: [(String, (inout [String: Any]) -> Void)] = [
            ("survey.years[0]", { $0["years"] = [Int.min, 2020] }),
            ("survey.years[1]", { $0["years"] = [2019, Int.max] }),
            ("survey.observations[0].year", { Self.set(&$0, "observations", 0, "year", Int.min) }),
            ("survey.observations[1].year", { Self.set(&$0, "observations", 1, "year", 1948) }),
            ("survey.subUnitObservations[0].year", { Self.set(&$0, "subUnitObservations", 0, "year", 2201) }),
            ("survey.subUnitTallies[0].year", { Self.set(&$0, "subUnitTallies", 0, "year", -1) }),
            ("survey.enterprises[0].year", { Self.set(&$0, "enterprises", 0, "year", Int.min) }),
            ("survey.enterprises[1].year", { Self.set(&$0, "enterprises", 1, "year", 99_999) }),
        ]
        for (path, change) in cases {
            let error = try XCTUnwrap(loadError(try Self.fixture(change)), path)
            XCTAssertEqual(error.kind, .invalidValue, path)
            XCTAssertEqual(error.path, path)
            XCTAssertNotNil(error.line, path)
            XCTAssertNotNil(error.column, path)
            XCTAssertTrue(error.message.contains("between 1949 and 2200"), error.message)
        }
        // The bounds themselves are allowed.
        XCTAssertNoThrow(try SurveyFile.decode(try Self.fixture { $0["years"] = [1949, 2019, 2020, 2200] }, source: "s"))
    }

    func testOtherWholeNumbersAreBounded() throws {
        for (path, change) in [
            ("survey.subUnitTallies[0].units", { (s: inout [String: Any]) in Self.set(&s, "subUnitTallies", 0, "units", Int.max) }),
            ("survey.subUnitTallies[0].disclosed", { (s: inout [String: Any]) in Self.set(&s, "subUnitTallies", 0, "disclosed", -5_000_000_000) }),
        ] {
            let error = try XCTUnwrap(loadError(try Self.fixture(change)))
            XCTAssertEqual(error.kind, .invalidValue)
            XCTAssertEqual(error.path, path)
            XCTAssertNotNil(error.line)
        }
    }

    func testAYearInALongEnterpriseListIsLocated() throws {
        // 5,000 enterprises: decoded in parallel (and parsed in split chunks), directly.
        var survey = StorageFixtures.survey()
        survey.enterprises = (0..<5_000).map(StorageFixtures.enterprise)
        let text = String(decoding: try SurveyFile.encode(survey), as: UTF8.self)
        // Enterprise 4321's year (2019, as every fixture enterprise has) becomes -2^63.
        let marker = "\"id\": \"E004321\""
        let idRange = try XCTUnwrap(text.range(of: marker))
        let yearRange = try XCTUnwrap(text.range(of: "\"year\": 2019", range: idRange.upperBound..<text.endIndex))
        let changed = text.replacingCharacters(in: yearRange, with: "\"year\": -9223372036854775808")
        let error = try XCTUnwrap(loadError(Data(changed.utf8)))
        XCTAssertEqual(error.kind, .invalidValue)
        XCTAssertEqual(error.path, "survey.enterprises[4321].year")
        XCTAssertEqual(error.line, changed[..<yearRange.lowerBound].filter { $0 == "\n" }.count + 1)
    }

    func testValidationOfExtremeYearsMadeInCodeDoesNotTrap() {
        var survey = StorageFixtures.survey()
        survey.years = [Int.min, Int.max]
        survey.observations[0].year = Int.min
        let problems = Validator.validate(survey)
        let outside = problems.filter { $0.code == .observationYearOutsideSurvey }.map(\.location)
        XCTAssertFalse(outside.contains(.cell(jurisdiction: "beijing", year: Int.min, kind: .auditList)), "\(outside)")
        XCTAssertTrue(outside.contains(.cell(jurisdiction: "anhui", year: 2019, kind: .evaluation)), "\(outside)")
    }

    // MARK: - 4. Bounds on what a file declares

    func testAYearsListLongerThanTheLimitIsRefused() throws {
        let years = Array(1949...2200)
        let error = try XCTUnwrap(loadError(try Self.fixture { $0["years"] = years }))
        XCTAssertEqual(error.kind, .invalidValue)
        XCTAssertEqual(error.path, "survey.years")
        XCTAssertTrue(error.message.contains("at most 200 years"), error.message)
        XCTAssertNoThrow(try SurveyFile.decode(try Self.fixture { $0["years"] = Array(2000..<2200) }, source: "s"))
    }

    // MARK: - 2. Not a regular file: refused before opening

    func testAFIFOIsRefusedWithoutBlocking() throws {
        let fifo = dir.appendingPathComponent("pipe.gongkai")
        XCTAssertEqual(mkfifo(fifo.path, 0o600), 0)
        XCTAssertThrowsError(try SurveyFile.load(from: fifo)) { error in
            let e = error as? SurveyFileError
            XCTAssertEqual(e?.kind, .notAFile)
            XCTAssertTrue(e?.message.contains("FIFO") ?? false, "\(error)")
        }
        XCTAssertThrowsError(try ListFile.read(fifo.path)) { error in
            XCTAssertTrue("\(error.localizedDescription)".contains("FIFO"), "\(error)")
        }
    }

    func testADeviceIsRefusedNamingIt() throws {
        XCTAssertThrowsError(try SurveyFile.load(from: URL(fileURLWithPath: "/dev/zero"))) { error in
            let e = error as? SurveyFileError
            XCTAssertEqual(e?.kind, .notAFile)
            XCTAssertTrue(e?.message.contains("character device") ?? false, "\(error)")
            XCTAssertFalse(e?.message.contains("permission") ?? true, "\(error)")
        }
        XCTAssertThrowsError(try ListFile.read("/dev/zero")) { error in
            XCTAssertTrue(error.localizedDescription.contains("character device"), "\(error)")
        }
    }

    func testAFolderIsRefusedNamingIt() throws {
        XCTAssertThrowsError(try SurveyFile.load(from: dir)) { error in
            XCTAssertEqual((error as? SurveyFileError)?.kind, .notAFile)
            XCTAssertTrue(error.localizedDescription.contains("it is a folder"), "\(error)")
        }
        XCTAssertThrowsError(try ListFile.read(dir.path)) { error in
            XCTAssertTrue(error.localizedDescription.contains("it is a folder"), "\(error)")
            XCTAssertFalse(error.localizedDescription.contains("NSCocoaErrorDomain"), "\(error)")
        }
        let symlink = dir.appendingPathComponent("link.gongkai")
        try FileManager.default.createSymbolicLink(atPath: symlink.path, withDestinationPath: "/dev/null")
        XCTAssertThrowsError(try SurveyFile.load(from: symlink)) { error in
            XCTAssertTrue(error.localizedDescription.contains("character device"), "\(error)")
        }
    }

    func testAListThatIsARegularFileIsRead() throws {
        let url = dir.appendingPathComponent("list.csv")
        try Data("企业名称\n甲公司\n".utf8).write(to: url)
        XCTAssertEqual(try ListFile.read(url.path), Data("企业名称\n甲公司\n".utf8))
        XCTAssertThrowsError(try ListFile.read(dir.appendingPathComponent("missing.csv").path)) { error in
            XCTAssertTrue(error.localizedDescription.contains("does not exist"), "\(error)")
        }
    }

    // MARK: - 5. Unknown fields are never dropped silently

    func testAnUnknownFieldIsALocatedError() throws {
        let cases: [(String, String, (inout [String: Any]) -> Void)] = [
            ("survey.enterprises[1].nmae", "nmae", { Self.set(&$0, "enterprises", 1, "nmae", "typo") }),
            ("survey.observations[2].stauts", "stauts", { Self.set(&$0, "observations", 2, "stauts", "disclosed") }),
            ("survey.meta.titel", "titel", { s in var meta = s["meta"] as? [String: Any] ?? [:]; meta["titel"] = "x"; s["meta"] = meta }),
            ("survey.extra", "extra", { $0["extra"] = [1, 2] }),
            ("survey.jurisdictions[0].tile.colum", "colum", { s in
                var items = s["jurisdictions"] as? [[String: Any]] ?? []
                var tile = items[0]["tile"] as? [String: Any] ?? [:]
                tile["colum"] = 3
                items[0]["tile"] = tile
                s["jurisdictions"] = items
            }),
        ]
        for (path, key, change) in cases {
            let error = try XCTUnwrap(loadError(try Self.fixture(change)), path)
            XCTAssertEqual(error.kind, .unknownKey, path)
            XCTAssertEqual(error.path, path)
            XCTAssertEqual(error.found, key)
            XCTAssertNotNil(error.line, path)
            XCTAssertTrue(error.message.contains("\"\(key)\""), error.message)
        }
    }

    func testAnUnknownTopLevelFieldIsRefused() throws {
        var envelope = try Self.fixtureObject()
        envelope["comment"] = "hello"
        let error = try XCTUnwrap(loadError(try JSONSerialization.data(withJSONObject: envelope, options: [.prettyPrinted])))
        XCTAssertEqual(error.kind, .unknownKey)
        XCTAssertEqual(error.path, "comment")
    }

    func testAnUnknownFieldInALongEnterpriseListIsLocated() throws {
        var survey = StorageFixtures.survey()
        survey.enterprises = (0..<5_000).map(StorageFixtures.enterprise)
        let text = String(decoding: try SurveyFile.encode(survey), as: UTF8.self)
        let marker = "\"id\": \"E003000\","
        let changed = text.replacingOccurrences(of: marker, with: marker + " \"nmae\": \"typo\",")
        let error = try XCTUnwrap(loadError(Data(changed.utf8)))
        XCTAssertEqual(error.kind, .unknownKey)
        XCTAssertEqual(error.path, "survey.enterprises[3000].nmae")
    }

    func testEveryFieldTheFormatWritesIsKnown() throws {
        // The fixture has one of every record, with most optional fields: it loads as it was saved.
        let survey = StorageFixtures.survey()
        var canonical = survey
        canonical.canonicalize()
        XCTAssertEqual(try SurveyFile.decode(try SurveyFile.encode(survey), source: "s"), canonical)
        let builtin = try XCTUnwrap(BuiltinDataset.url)
        XCTAssertNoThrow(try SurveyFile.load(from: builtin))
    }

    // MARK: - 6. Control characters in messages

    func testADuplicateKeyWithALineBreakGivesAOneLineMessage() throws {
        let text = #"{"format": "gongkai-survey", "ver\nsion": 1, "ver\nsion": 2}"#
        let error = try XCTUnwrap(loadError(Data(text.utf8)))
        XCTAssertEqual(error.kind, .duplicateKey)
        XCTAssertFalse(error.message.contains("\n"), error.message)
        XCTAssertTrue(error.message.contains(#"ver\u{A}sion"#), error.message)
    }

    func testEscapeSequencesInAFileNeverReachAMessage() throws {
        let data = try Self.fixture { Self.set(&$0, "enterprises", 0, "n\u{1B}[2Jame", "x") }
        let error = try XCTUnwrap(loadError(data))
        XCTAssertFalse(error.message.unicodeScalars.contains { $0.value < 0x20 }, error.message)
        XCTAssertTrue(error.message.contains(#"\u{1B}[2J"#), error.message)
    }
}
