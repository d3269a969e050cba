import Foundation
import XCTest
@testable import Model

/// The JSON machinery under `SurveyFile`: the canonical encoder's containers, parallel chunks,
/// the parser's escapes and nesting, and the UTF-8 check.
final class JSONStorageTests: XCTestCase {
    func testParallelChunksGiveTheSameBytesAndValues() throws {
        var survey = StorageFixtures.survey()
        survey.enterprises = (0..<600).map { StorageFixtures.enterprise($0) }
        var canonical = survey
        canonical.canonicalize()
        let envelope = StorageFixtures.Envelope(survey: canonical)
        let sequential = try CanonicalJSON.encode(envelope, parallelThreshold: .max)
        let parallel = try CanonicalJSON.encode(envelope, parallelThreshold: 16)
        XCTAssertEqual(sequential, parallel)

        let decoded: Survey = try sequential.withUnsafeBytes { bytes in
            let tape = try JSONParser.parse(bytes)
            let node = tape.member("survey", inObject: 0)!
            return try TapeDecoder.decode(Survey.self, tape: tape, node: node, basePath: [SurveyDecoding.NamedKey("survey")],
                                          parallelThreshold: 16)
        }
        XCTAssertEqual(decoded, canonical)
    }

    func testParallelDecodingReportsTheFirstBadElement() throws {
        var survey = StorageFixtures.survey()
        survey.enterprises = (0..<600).map { StorageFixtures.enterprise($0) }
        var text = String(decoding: try SurveyFile.encode(survey), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"id\": \"E000450\"", with: "\"id\": 450")
        text = text.replacingOccurrences(of: "\"id\": \"E000250\"", with: "\"id\": 250")
        let bytes = Array(text.utf8)
        XCTAssertThrowsError(try bytes.withUnsafeBytes { raw in
            let tape = try JSONParser.parse(raw)
            _ = try TapeDecoder.decode(Survey.self, tape: tape, node: tape.member("survey", inObject: 0)!,
                                       basePath: [SurveyDecoding.NamedKey("survey")], parallelThreshold: 16)
        }) { error in
            guard case DecodingError.typeMismatch(_, let context) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(JSONLocation.format(context.codingPath), "survey.enterprises[250].id")
        }
    }

    func testSavedFileHasTheBytesOfTheSequentialEncoding() throws {
        // Enough enterprises for `save` to encode them in parallel pieces and write them piece by piece.
        var survey = StorageFixtures.survey()
        survey.enterprises += (0..<(ParallelCoding.defaultThreshold + 900)).map { StorageFixtures.enterprise($0) }
        var canonical = survey
        canonical.canonicalize()
        let sequential = try CanonicalJSON.encode(StorageFixtures.Envelope(survey: canonical), parallelThreshold: .max) + [0x0A]
        let pieces = try SurveyFile.encodePieces(survey)
        XCTAssertGreaterThan(pieces.splices.first?.pieces.count ?? 0, 3, "the enterprises are encoded in several pieces")
        XCTAssertEqual(pieces.count, sequential.count)
        XCTAssertEqual(Array(try SurveyFile.encode(survey)), sequential)

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pieces-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("big.gongkai")
        try SurveyFile.save(survey, to: url)
        XCTAssertEqual(Array(try Data(contentsOf: url)), sequential)
        XCTAssertEqual(try SurveyFile.load(from: url), canonical)
    }

    func testPiecesEncodedApartKeepTheirPlaceWhenContainersMove() throws {
        // Objects whose keys come out of order (so they are rebuilt), nested containers and
        // deferred array elements (written apart and spliced in), around arrays encoded in pieces.
        let value = [Holder(n: 1), Holder(n: 2), Holder(n: 3)]
        let sequential = try CanonicalJSON.encode(Top(holders: value), parallelThreshold: .max)
        let parallel = try CanonicalJSON.encodePieces(Top(holders: value), parallelThreshold: 16)
        XCTAssertFalse(parallel.splices.isEmpty)
        XCTAssertEqual(parallel.joined(), sequential)
        XCTAssertEqual(try CanonicalJSON.encode(Top(holders: value), parallelThreshold: 16), sequential)
        let text = String(decoding: sequential, as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("{\n  \"a\": [\n    {\n      \"channelsSearched\": [\n        \"company_website\"\n      ],\n      \"id\": \"E000000\","), text)
        XCTAssertTrue(text.hasSuffix("\n  \"z\": \"last\"\n}"), text)

        let list = TopList(holders: value + [Holder(n: 4)])
        let sequentialList = try CanonicalJSON.encode(list, parallelThreshold: .max)
        let parallelList = try CanonicalJSON.encodePieces(list, parallelThreshold: 16)
        XCTAssertGreaterThan(parallelList.splices.count, 1)
        XCTAssertEqual(parallelList.joined(), sequentialList)
    }

    /// A list whose elements alternate between deferred ones (nested containers) and objects
    /// written in place that hold arrays encoded in pieces.
    private struct TopList: Encodable {
        var holders: [Holder]
        enum K: String, CodingKey { case z }
        func encode(to encoder: Encoder) throws {
            var list = encoder.unkeyedContainer()
            for (i, holder) in holders.enumerated() {
                if i % 2 == 0 {
                    var element = list.nestedContainer(keyedBy: K.self)
                    try element.encode(holder, forKey: .z)
                } else {
                    try list.encode(holder)
                }
            }
        }
    }

    /// Keys written out of order; a nested container written before a long array; an unkeyed
    /// nested container whose elements are deferred or not.
    private struct Top: Encodable {
        var holders: [Holder]
        enum K: String, CodingKey { case z, nested, a, list, inPlace }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: K.self)
            try c.encode("last", forKey: .z)
            try c.encode(Holder(n: 2), forKey: .inPlace)
            var nested = c.nestedContainer(keyedBy: K.self, forKey: .nested)
            try nested.encode((0..<40).map { StorageFixtures.enterprise($0) }, forKey: .list)
            try nested.encode(1, forKey: .a)
            var list = c.nestedUnkeyedContainer(forKey: .list)
            for (i, holder) in holders.enumerated() {
                if i % 2 == 0 {
                    var element = list.nestedContainer(keyedBy: K.self)
                    try element.encode(holder, forKey: .z)
                } else {
                    try list.encode(holder)
                }
            }
            try c.encode((0..<50).map { StorageFixtures.enterprise($0) }, forKey: .a)
        }
    }

    private struct Holder: Encodable {
        var n: Int
        enum K: String, CodingKey { case z, records, a }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: K.self)
            try c.encode(n, forKey: .z)
            try c.encode((0..<(20 * n)).map { StorageFixtures.enterprise($0) }, forKey: .records)
            try c.encode(-n, forKey: .a)
        }
    }

    func testEncodersAreFreedAfterEncoding() throws {
        // Spare encoders refer to their buffer, which keeps them for reuse: the cycle must be broken.
        final class Probe: Encodable, @unchecked Sendable {
            weak var encoder: AnyObject?
            func encode(to encoder: Encoder) throws {
                self.encoder = encoder as AnyObject
                var c = encoder.singleValueContainer()
                try c.encode(1)
            }
        }
        struct Wrapper: Encodable {
            var probes: [Probe]
            var records: [Enterprise]
        }
        let probes = [Probe(), Probe()]
        _ = try CanonicalJSON.encode(Wrapper(probes: probes, records: (0..<40).map { StorageFixtures.enterprise($0) }),
                                     parallelThreshold: 16)
        XCTAssertNil(probes[0].encoder)
        XCTAssertNil(probes[1].encoder)
    }

    func testNestedContainersSuperEncodersAndRepeatedKeys() throws {
        let bytes = try CanonicalJSON.encode(Nested(a: 2, x: 3, flag: true))
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), """
            {
              "a": 2,
              "list": [
                "one",
                {
                  "x": 3
                },
                "two"
              ],
              "nested": {
                "x": "x",
                "y": "y"
              },
              "super": true,
              "z": 5
            }
            """)
        let decoded = try bytes.withUnsafeBytes { raw in
            try TapeDecoder.decode(Nested.self, tape: try JSONParser.parse(raw), node: 0, basePath: [])
        }
        XCTAssertEqual(decoded, Nested(a: 2, x: 3, flag: true))
    }

    /// Uses every kind of container, writes keys out of order and one key twice (the last one wins).
    private struct Nested: Codable, Equatable {
        var a: Int
        var x: Int
        var flag: Bool
        enum K: String, CodingKey { case z, a, nested, list }
        enum N: String, CodingKey { case y, x }

        init(a: Int, x: Int, flag: Bool) { self.a = a; self.x = x; self.flag = flag }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: K.self)
            try c.encode(1, forKey: .z)
            var nested = c.nestedContainer(keyedBy: N.self, forKey: .nested)
            var list = c.nestedUnkeyedContainer(forKey: .list)
            try c.encode(a, forKey: .a)
            try nested.encode("y", forKey: .y)
            try nested.encode("x", forKey: .x)
            try list.encode("one")
            var element = list.nestedContainer(keyedBy: N.self)
            try list.encode("two")
            try element.encode(x, forKey: .x)
            var single = c.superEncoder().singleValueContainer()
            try single.encode(flag)
            try c.encode(5, forKey: .z)
        }

        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: K.self)
            a = try c.decode(Int.self, forKey: .a)
            XCTAssertEqual(try c.nestedContainer(keyedBy: N.self, forKey: .nested).decode(String.self, forKey: .y), "y")
            var list = try c.nestedUnkeyedContainer(forKey: .list)
            XCTAssertEqual(try list.decode(String.self), "one")
            x = try list.nestedContainer(keyedBy: N.self).decode(Int.self, forKey: .x)
            XCTAssertEqual(try list.decode(String.self), "two")
            XCTAssertTrue(list.isAtEnd)
            flag = try c.superDecoder().singleValueContainer().decode(Bool.self)
            XCTAssertEqual(try c.decode(Int.self, forKey: .z), 5, "the last of a repeated key wins (and every member is read)")
            XCTAssertEqual(Set(c.allKeys.map(\.stringValue)), ["a", "list", "nested", "z"])
        }
    }

    func testEncodingAnInfiniteNumberFails() {
        struct Bad: Encodable { var x = Double.infinity }
        XCTAssertThrowsError(try CanonicalJSON.encode(Bad())) { error in
            guard case EncodingError.invalidValue = error else { return XCTFail("\(error)") }
        }
    }

    func testUTF8ValidatorRejectsIllFormedSequences() {
        func bad(_ bytes: [UInt8]) -> Int? { bytes.withUnsafeBytes { UTF8Validation.firstInvalidByte(in: $0) } }
        XCTAssertNil(bad(Array("ascii 中文 😀 é".utf8)))
        XCTAssertEqual(bad([0x41, 0xC0, 0x80]), 1, "overlong")
        XCTAssertEqual(bad([0x41, 0x42, 0xED, 0xA0, 0x80]), 2, "surrogate")
        XCTAssertEqual(bad([0xF4, 0x90, 0x80, 0x80]), 0, "above U+10FFFF")
        XCTAssertEqual(bad(Array("12345678abc".utf8) + [0xE4, 0xB8]), 11, "cut at the end")
        XCTAssertEqual(bad([0x80]), 0, "lone continuation byte")
    }

    func testDeepNestingDoesNotOverflowTheStack() {
        let data = Data(("{\"a\": " + String(repeating: "[", count: 200_000)).utf8)
        XCTAssertThrowsError(try SurveyFile.decode(data, source: "deep")) { error in
            XCTAssertEqual((error as? SurveyFileError)?.kind, .truncatedJSON)
            XCTAssertEqual((error as? SurveyFileError)?.openContainers, 200_001)
            XCTAssertTrue((error as? SurveyFileError)?.message.contains("200001") ?? false, "names the count in any language")
        }
    }

    func testDuplicateKeysAreFoundInAnyOrder() throws {
        func duplicate(_ text: String) -> String? {
            do {
                _ = try Array(text.utf8).withUnsafeBytes { try JSONParser.parse($0) }
                return nil
            } catch let error as JSONSyntaxError {
                guard case .duplicateKey(let key) = error.problem else { return "other error" }
                return key
            } catch {
                return "other error"
            }
        }
        XCTAssertNil(duplicate(#"{"a": 1, "ab": 2, "b": {"a": 1, "b": 2}, "ba": 3}"#))
        XCTAssertEqual(duplicate(#"{"a": 1, "b": 2, "b": 3}"#), "b")
        XCTAssertEqual(duplicate(#"{"b": 1, "a": 2, "b": 3}"#), "b")
        XCTAssertEqual(duplicate(#"{"a": 1, "\u0061": 2}"#), "a")
        XCTAssertEqual(duplicate(#"{"a": 1, "b": 2, "c": {"x": 1, "x": 2}}"#), "x")
        let many = (0..<40).map { "\"k\($0)\": \($0)" }
        XCTAssertNil(duplicate("{" + many.joined(separator: ", ") + "}"))
        XCTAssertEqual(duplicate("{" + (many + [#""k7": 0"#]).joined(separator: ", ") + "}"), "k7")
    }

    func testEscapesDecode() throws {
        let bytes = Array("{\"k\": \"\\u4e2d\\ud83d\\ude00\\n\\/\"}".utf8)
        let text = try bytes.withUnsafeBytes { raw -> String in
            let tape = try JSONParser.parse(raw)
            return tape.string(at: tape.member("k", inObject: 0)!)
        }
        XCTAssertEqual(text, "中😀\n/")
    }
}
