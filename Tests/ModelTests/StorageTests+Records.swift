import Foundation
import XCTest
@testable import Model

/// Enterprises written and read directly (`EnterpriseCoding.swift`) give exactly what their
/// `Codable` conformance gives, and anything unusual is left to `Codable`.
final class RecordCodingStorageTests: XCTestCase {
    /// Enterprises of every shape: each optional member set and unset, lists empty and full, text
    /// that needs escapes, numbers of every sign.
    static func variedEnterprises() -> [Enterprise] {
        let texts = ["甲化工有限公司", "Quote \" backslash \\ tab \t newline \n ctrl \u{01}\u{1F} 😀 / 中文", "", "=cmd", "a,b"]
        let reasonSets = [ReasonSet([.pollution]), ReasonSet([.energy, .toxic]), .all, ReasonSet([.toxic])]
        return (0..<96).map { i in
            func bit(_ n: Int) -> Bool { i & (1 << n) != 0 }
            var e = Enterprise(id: "E\(i)", name: texts[i % texts.count], jurisdiction: i % 3 == 0 ? "anhui" : "beijing")
            if bit(0) { e.city = texts[(i + 1) % texts.count] }
            if bit(1) { e.year = [2019, 1949, 2200, 2100][i % 4] }  // years are 1949–2200 (SurveyLimits)
            if bit(2) { e.reasons = reasonSets[i % reasonSets.count] }
            if bit(3) {
                e.industry = "化工"
                e.parentCompany = texts[(i + 3) % texts.count]
            }
            if bit(4) {
                e.channelsSearched = Array(Channel.allCases.prefix(i % Channel.allCases.count + 1))
                e.foundAt = [.other, .companyWebsite]
            }
            if bit(5) {
                e.urls = ["https://example.cn/\(i)/a.html", texts[i % texts.count]]
                e.disclosedItems = Array(DisclosureItem.allCases.suffix(i % DisclosureItem.allCases.count + 1))
                e.phoneAttempts = [
                    PhoneAttempt(date: PartialDate(year: 2020, month: 2, day: 29), outcome: .confidential, note: "n \"q\""),
                    PhoneAttempt(outcome: PhoneOutcome.allCases[i % PhoneOutcome.allCases.count]),
                    PhoneAttempt(date: PartialDate(year: 2021, month: 7), outcome: .informationProvided, note: ""),
                ]
            }
            if bit(6) || i % 7 == 0 { e.notes = texts[(i + 2) % texts.count] }
            return e
        }
    }

    func testDirectCodingKnowsEveryStoredProperty() {
        let message = "the type changed: make EnterpriseCoding.swift (encodeDirectly and decodeDirectly) follow its Codable conformance"
        XCTAssertEqual(Mirror(reflecting: Enterprise(id: "", name: "", jurisdiction: "")).children.compactMap(\.label),
                       ["id", "name", "jurisdiction", "city", "year", "reasons", "industry", "parentCompany", "channelsSearched",
                        "foundAt", "urls", "disclosedItems", "phoneAttempts", "notes"], message)
        XCTAssertEqual(Mirror(reflecting: PhoneAttempt(outcome: .confidential)).children.compactMap(\.label),
                       ["date", "outcome", "note"], message)
    }

    func testDirectEncodingWritesTheBytesOfCodable() throws {
        let enterprises = Self.variedEnterprises()
        for depth in 0..<4 {
            for e in enterprises {
                let viaCodable = try CanonicalJSON.encode(Wrapped(value: e, depth: depth))
                let out = JSONOutput()
                Wrapped<Enterprise>.open(out, depth: depth)
                Enterprise.encodeDirectly(e, to: out, depth: depth)
                Wrapped<Enterprise>.close(out, depth: depth)
                XCTAssertEqual(String(decoding: out.bytes, as: UTF8.self), String(decoding: viaCodable, as: UTF8.self), "\(e.id)")
            }
        }
    }

    func testDirectDecodingReadsWhatCodableReads() throws {
        let enterprises = Self.variedEnterprises()
        let bytes = try CanonicalJSON.encode(enterprises)
        try bytes.withUnsafeBytes { raw in
            let tape = try JSONParser.parse(raw)
            var node = 1
            for e in enterprises {
                let direct = try XCTUnwrap(Enterprise.decodeDirectly(from: tape, node: node), "\(e.id) is read directly")
                XCTAssertEqual(direct, e)
                XCTAssertEqual(direct, try TapeDecoder.decode(Enterprise.self, tape: tape, node: node, basePath: []))
                node = tape.next(node)
            }
        }
    }

    /// Valid but not canonical: not read directly, and read by `Codable` as before.
    func testUnusualEnterprisesAreLeftToCodable() throws {
        let unusual = [
            #"{"id": "E1", "name": "n", "jurisdiction": "j", "year": 2.019e3}"#,
            #"{"id": "E1", "name": "n", "jurisdiction": "j", "year": 2019.0}"#,
            #"{"\u0069d": "E1", "name": "n", "jurisdiction": "j"}"#,
            #"{"id": "E1", "name": "n", "jurisdiction": "j", "channelsSearched": ["company\u005fwebsite"]}"#,
            #"{"id": "E1", "name": "n", "jurisdiction": "j", "reasons": "3、1"}"#,
        ]
        for text in unusual {
            try Array(text.utf8).withUnsafeBytes { raw in
                let tape = try JSONParser.parse(raw)
                let viaCodable = try TapeDecoder.decode(Enterprise.self, tape: tape, node: 0, basePath: [])
                let direct = Enterprise.decodeDirectly(from: tape, node: 0)
                XCTAssertTrue(direct == nil || direct == viaCodable, text)
            }
        }
        // Read directly, as `decodeIfPresent` reads them: null members and absent ones.
        let plain = #"{"id": "E1", "name": "n", "jurisdiction": "j", "city": null, "year": 2019, "urls": null, "phoneAttempts": [{"outcome": "confidential", "date": null}]}"#
        try Array(plain.utf8).withUnsafeBytes { raw in
            let tape = try JSONParser.parse(raw)
            let direct = try XCTUnwrap(Enterprise.decodeDirectly(from: tape, node: 0))
            XCTAssertEqual(direct, try TapeDecoder.decode(Enterprise.self, tape: tape, node: 0, basePath: []))
        }
    }

    /// Members Gongkai does not know: not read directly, and refused by `Codable` (never dropped).
    func testUnknownMembersAreRefused() throws {
        for (text, key) in [(#"{"id": "E1", "name": "n", "jurisdiction": "j", "extra": [1, {"a": null}]}"#, "extra"),
                            (#"{"id": "E1", "name": "n", "jurisdiction": "j", "phoneAttempts": [{"outcome": "confidential", "x": 1}]}"#, "x")] {
            try Array(text.utf8).withUnsafeBytes { raw in
                let tape = try JSONParser.parse(raw)
                XCTAssertNil(Enterprise.decodeDirectly(from: tape, node: 0), text)
                XCTAssertThrowsError(try TapeDecoder.decode(Enterprise.self, tape: tape, node: 0, basePath: []), text) { error in
                    XCTAssertEqual((error as? UnknownKeyError)?.key, key)
                }
            }
        }
    }

    /// Wrong values: not read directly, so `Codable` throws its located error.
    func testWrongEnterprisesAreLeftToCodable() throws {
        let wrong = [
            #"{"id": 1, "name": "n", "jurisdiction": "j"}"#,
            #"{"name": "n", "jurisdiction": "j"}"#,
            #"{"id": "E1", "name": "n", "jurisdiction": "j", "year": "2019"}"#,
            #"{"id": "E1", "name": "n", "jurisdiction": "j", "year": 99999999999999999999}"#,
            #"{"id": "E1", "name": "n", "jurisdiction": "j", "year": -9223372036854775808}"#,
            #"{"id": "E1", "name": "n", "jurisdiction": "j", "year": 1948}"#,
            #"{"id": "E1", "name": "n", "jurisdiction": "j", "reasons": "9"}"#,
            #"{"id": "E1", "name": "n", "jurisdiction": "j", "foundAt": ["nowhere"]}"#,
            #"{"id": "E1", "name": "n", "jurisdiction": "j", "urls": "https://a"}"#,
            #"{"id": "E1", "name": "n", "jurisdiction": "j", "phoneAttempts": [{"date": "2020-13"}]}"#,
            #"{"id": "E1", "name": "n", "jurisdiction": "j", "phoneAttempts": [{"outcome": "confidential", "date": "2020-02-30"}]}"#,
            #"[]"#,
        ]
        for text in wrong {
            try Array(text.utf8).withUnsafeBytes { raw in
                let tape = try JSONParser.parse(raw)
                XCTAssertNil(Enterprise.decodeDirectly(from: tape, node: 0), text)
                XCTAssertThrowsError(try TapeDecoder.decode(Enterprise.self, tape: tape, node: 0, basePath: []), text)
            }
        }
    }

    /// `value` as the only element of `depth` nested lists, so that it is written at that depth.
    private struct Wrapped<T: Encodable>: Encodable {
        var value: T
        var depth: Int

        func encode(to encoder: Encoder) throws {
            guard depth > 0 else { return try value.encode(to: encoder) }
            var list = encoder.unkeyedContainer()
            try list.encode(Wrapped(value: value, depth: depth - 1))
        }

        /// The bytes `CanonicalEncoder` writes before the value.
        static func open(_ out: JSONOutput, depth: Int) {
            for level in 0..<depth {
                out.byte(UInt8(ascii: "["))
                out.newline(depth: level + 1)
            }
        }

        /// The bytes it writes after the value.
        static func close(_ out: JSONOutput, depth: Int) {
            for level in (0..<depth).reversed() {
                out.newline(depth: level)
                out.byte(UInt8(ascii: "]"))
            }
        }
    }
}
