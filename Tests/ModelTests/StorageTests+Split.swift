import Foundation
import XCTest
@testable import Model

/// Long record lists are parsed on several cores (`JSONParser`'s split arrays): the same surveys
/// load, and every error is reported exactly as by the one-pass parse.
final class SplitParseStorageTests: XCTestCase {
    /// A survey whose enterprise list is long enough to be split.
    private static let survey: Survey = {
        var survey = StorageFixtures.survey()
        survey.enterprises += RecordCodingStorageTests.variedEnterprises()
        survey.enterprises += (0..<6000).map { StorageFixtures.enterprise($0) }
        return survey
    }()

    private static let text: String = {
        String(decoding: try! SurveyFile.encode(survey), as: UTF8.self)
    }()

    private var canonical: Survey {
        var s = Self.survey
        s.canonicalize()
        return s
    }

    private func splitTape<T>(_ text: String, _ body: (JSONTape) throws -> T) throws -> T {
        try Array(text.utf8).withUnsafeBytes { try body(try JSONParser.parse($0, splitDepth: 2)) }
    }

    func testLongListsAreParsedOnSeveralCoresAndLoad() throws {
        try splitTape(Self.text) { tape in
            XCTAssertEqual(tape.splitArrays.count, 1, "the enterprise list is split")
            let split = try XCTUnwrap(tape.splitArrays.values.first)
            XCTAssertGreaterThan(split.chunks.count, 1)
            XCTAssertEqual(split.counts.reduce(0, +), Self.survey.enterprises.count)
        }
        XCTAssertEqual(try SurveyFile.decode(Data(Self.text.utf8), source: "split"), canonical)
        let whole = try Array(Self.text.utf8).withUnsafeBytes { try SurveyDecoding.decode($0, source: "whole", splitting: false) }
        XCTAssertEqual(whole, canonical)
    }

    func testOtherLayoutsLoadInOnePass() throws {
        // No indentation at all (raw line breaks cannot be inside text, so this only removes layout).
        let minified = Self.text.replacingOccurrences(of: "\n *", with: "", options: .regularExpression)
        try splitTape(minified) { XCTAssertTrue($0.splitArrays.isEmpty) }
        XCTAssertEqual(try SurveyFile.decode(Data(minified.utf8), source: "min"), canonical)

        // A line that looks like the end of the list, inside an element: the split fails and the
        // list is parsed in one pass.
        let misleading = Self.text.replacingOccurrences(
            of: "\"id\": \"E005500\",", with: "\"id\": \"E005500\",\n\"urls\": [\n    ],")
        XCTAssertNotEqual(misleading, Self.text)
        try splitTape(misleading) { XCTAssertTrue($0.splitArrays.isEmpty) }
        XCTAssertEqual(try SurveyFile.decode(Data(misleading.utf8), source: "x"), canonical)
    }

    func testErrorsInsideALongListAreReportedAsInOnePass() throws {
        let text = Self.text
        let mutations: [(String, String, String)] = [
            ("type", "\"id\": \"E004500\"", "\"id\": 4500"),
            ("missing comma", "\"id\": \"E004500\",", "\"id\": \"E004500\""),
            ("duplicate key", "\"id\": \"E004500\",", "\"id\": \"E004500\", \"id\": \"x\","),
            ("line break in text", "\"name\": \"企业4500\"", "\"name\": \"企业\n4500\""),
            ("bad escape", "\"name\": \"企业4500\"", "\"name\": \"企业\\q4500\""),
            ("bad reasons", "\"name\": \"企业4506\",\n        \"reasons\": \"1\"", "\"name\": \"企业4506\",\n        \"reasons\": \"9\""),
            ("bad channel", "\"company_website\"\n        ],\n        \"id\": \"E004502\"", "\"nowhere\"\n        ],\n        \"id\": \"E004502\""),
            ("missing key", "\"id\": \"E004503\",", ""),
            ("no comma between elements", "},\n      {\n        \"channelsSearched\": [\n          \"company_website\"\n        ],\n        \"id\": \"E004504\"",
             "}\n      {\n        \"channelsSearched\": [\n          \"company_website\"\n        ],\n        \"id\": \"E004504\""),
            ("trailing comma", "}\n    ],\n    \"jurisdictions\"", "},\n    ],\n    \"jurisdictions\""),
            ("unclosed element", "\"id\": \"E004505\",", "\"id\": \"E004505\", \"o\": {,"),
        ]
        for (what, old, new) in mutations {
            XCTAssertNotNil(text.range(of: old), "\(what): the fixture lacks \(old)")
            var mutated = text
            mutated.replaceSubrange(mutated.range(of: old)!, with: new)
            try compareErrors(mutated, what)
        }
        // Cut off in the middle of the list.
        let cut = String(decoding: Array(text.utf8).prefix(text.utf8.count * 6 / 10), as: UTF8.self)
        try compareErrors(cut, "cut off")
    }

    /// Loading `text` fails, with exactly the error the one-pass parse and decoding give.
    private func compareErrors(_ text: String, _ what: String) throws {
        let bytes = Array(text.utf8)
        func error(splitting: Bool) -> SurveyFileError? {
            do {
                _ = try bytes.withUnsafeBytes { try SurveyDecoding.decode($0, source: "f", splitting: splitting) }
                XCTFail("\(what): loading should fail")
            } catch let error as SurveyFileError {
                return error
            } catch {
                XCTFail("\(what): \(error)")
            }
            return nil
        }
        let split = try XCTUnwrap(error(splitting: true), what)
        let whole = try XCTUnwrap(error(splitting: false), what)
        XCTAssertEqual(split.message, whole.message, what)
        XCTAssertEqual(split.kind, whole.kind, what)
        XCTAssertEqual(split.line, whole.line, what)
        XCTAssertEqual(split.column, whole.column, what)
        XCTAssertEqual(split.path, whole.path, what)
        XCTAssertNotNil(whole.line, what)
    }
}
