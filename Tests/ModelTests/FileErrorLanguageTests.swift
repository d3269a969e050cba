import Foundation
import XCTest
@testable import Model

/// A file that cannot be loaded is explained entirely in the interface language: the parser's and
/// the decoder's fragments (what was expected, what was found, what is wrong inside a text) are
/// translated like the sentence around them, and the cut-off file's message reads as one sentence.
final class FileErrorLanguageTests: ChineseTestCase {
    /// English fragments the Chinese messages used to contain.
    private static let englishFragments = [
        "expected", "found", "the closing", "still open", "is missing", "a number", "text (", "a list", "an object",
        "there is", "a key", "after the value", "a whole number", "true or false", "inside text", "escape", "it does not",
    ]

    // MARK: - Cut-off files

    func testTruncatedFileInChinese() throws {
        let error = try XCTUnwrap(decodeError(#"{"format": "gongkai-survey", "survey": {"meta": {"title": "调研"#))
        XCTAssertEqual(error.kind, .truncatedJSON)
        XCTAssertEqual(error.openContainers, 3)
        XCTAssertTrue(error.message.contains("过早结束"), error.message)
        XCTAssertTrue(error.message.contains("JSON 不完整：缺少文本结尾的引号 '\"'，还有 3 个对象或列表未闭合。"), error.message)
        assertChinese(error)

        let one = try XCTUnwrap(decodeError(#"{"format": "gongkai-survey", "version": 1,"#))
        XCTAssertEqual(one.openContainers, 1)
        XCTAssertTrue(one.message.contains("JSON 不完整：缺少双引号中的键，还有 1 个对象或列表未闭合。"), one.message)
        assertChinese(one)
    }

    func testTruncatedFileInEnglishIsOneSentence() throws {
        Localizer.shared.language = .english
        let error = try XCTUnwrap(decodeError(#"{"format": "gongkai-survey", "survey": {"meta": {"title": "调研"#))
        XCTAssertTrue(error.message.contains(
            "the JSON is incomplete: the closing '\"' of the text is missing, and 3 objects or lists are still open. The file was probably cut off"),
                      error.message)
        XCTAssertFalse(error.message.contains("(the closing"), error.message)
        XCTAssertFalse(error.message.contains("open is missing"), error.message)

        let one = try XCTUnwrap(decodeError(#"{"format": "gongkai-survey", "version": 1,"#))
        XCTAssertTrue(one.message.contains(
            "the JSON is incomplete: a key in double quotes is missing, and 1 object or list is still open. "), one.message)
        XCTAssertEqual(decodeError("{\n")?.message.contains("a key or '}' is missing, and 1 object or list is still open."), true)
    }

    func testEveryCutOfTheBuiltInDatasetReadsInChinese() throws {
        let url = try XCTUnwrap(BuiltinDataset.url, "the built-in dataset is missing from the bundle")
        let data = try Data(contentsOf: url)
        let cut = try XCTUnwrap(decodeError(data.prefix(5000)))
        XCTAssertEqual(cut.kind, .truncatedJSON)
        assertChinese(cut)

        // Cuts all through a small survey: inside keys, texts, numbers, true/false, between values.
        let fixture = try SurveyFile.encode(StorageFixtures.survey())
        for length in stride(from: 1, to: fixture.count - 1, by: 3) {
            guard let error = decodeError(fixture.prefix(length)) else { continue }
            XCTAssertEqual(error.kind, .truncatedJSON, "cut at \(length): \(error.message)")
            assertChinese(error, "cut at \(length)")
        }
    }

    // MARK: - Wrong types

    func testWrongTypesInChinese() throws {
        let number = try XCTUnwrap(decodeError(#"{"format":"gongkai-survey","version":1,"survey":{"meta":{"title":5}}}"#))
        XCTAssertEqual(number.kind, .wrongType)
        XCTAssertEqual(number.expected, "文本")
        XCTAssertEqual(number.found, "数字（5）")
        XCTAssertTrue(number.message.contains("应为文本，实际为数字（5）"), number.message)
        assertChinese(number)

        let list = try XCTUnwrap(decodeError(#"{"format":"gongkai-survey","version":1,"survey":{"meta":[]}}"#))
        XCTAssertEqual(list.kind, .wrongType)
        XCTAssertTrue(list.message.contains("应为对象（{…}），实际为列表（[…]）"), list.message)
        assertChinese(list)

        let text = try XCTUnwrap(decodeError(try mutated("\"year\": 2017", "\"year\": \"2017\"")))
        XCTAssertEqual(text.kind, .wrongType)
        XCTAssertTrue(text.message.contains("应为整数，实际为文本（\"2017\"）"), text.message)
        assertChinese(text)

        let fraction = try XCTUnwrap(decodeError(try mutated("\"year\": 2017", "\"year\": 2017.5")))
        XCTAssertEqual(fraction.kind, .invalidValue)
        XCTAssertTrue(fraction.message.contains("应为整数，实际为2017.5"), fraction.message)
        assertChinese(fraction)

        let huge = try XCTUnwrap(decodeError(try mutated("\"year\": 2017", "\"year\": 123456789012345678901234567890")))
        XCTAssertEqual(huge.kind, .invalidValue)
        XCTAssertTrue(huge.message.contains("对此字段来说过大或过小"), huge.message)
        assertChinese(huge)
    }

    func testWrongTypeInEnglish() throws {
        Localizer.shared.language = .english
        let error = try XCTUnwrap(decodeError(#"{"format":"gongkai-survey","version":1,"survey":{"meta":{"title":5}}}"#))
        XCTAssertTrue(error.message.contains("expected text, found a number (5)."), error.message)
    }

    // MARK: - Malformed JSON, texts and numbers

    func testMalformedJSONInChinese() throws {
        let comma = try XCTUnwrap(decodeError(#"{"format": "gongkai-survey", "version": 1,}"#))
        XCTAssertEqual(comma.kind, .malformedJSON)
        XCTAssertTrue(comma.message.contains("应为双引号中的键，实际为'}'"), comma.message)
        assertChinese(comma)

        let missingComma = try XCTUnwrap(decodeError("{\"format\": \"gongkai-survey\"\n  \"version\": 1}"))
        XCTAssertTrue(missingComma.message.contains("应为值后面的 ',' 或 '}'，实际为'\"'"), missingComma.message)
        assertChinese(missingComma)

        let value = try XCTUnwrap(decodeError(#"{"format": nope}"#))
        XCTAssertTrue(value.message.contains("应为值（双引号中的文本、数字、对象、列表、true、false 或 null）"), value.message)
        assertChinese(value)

        let trailing = try XCTUnwrap(decodeError(#"{"format": "gongkai-survey"} x"#))
        XCTAssertTrue(trailing.message.contains("完整的 JSON 文档之后的文件结尾"), trailing.message)
        assertChinese(trailing)

        let number = try XCTUnwrap(decodeError("{\"version\": -\n}"))
        XCTAssertTrue(number.message.contains("数字格式错误（应为数字的位置出现了换行符）"), number.message)
        assertChinese(number)

        let notAnObject = try XCTUnwrap(decodeError("[1, 2]"))
        XCTAssertEqual(notAnObject.kind, .notGongkaiFile)
        XCTAssertTrue(notAnObject.message.contains("它不以 '{' 开头（第 1 行第 1 列为 '['）"), notAnObject.message)
        assertChinese(notAnObject)
    }

    func testMalformedJSONInEnglish() throws {
        Localizer.shared.language = .english
        let error = try XCTUnwrap(decodeError(#"{"format": "gongkai-survey", "version": 1,}"#))
        XCTAssertTrue(error.message.contains("expected a key in double quotes but found '}'."), error.message)
    }

    func testBadTextsInChinese() throws {
        let escape = try XCTUnwrap(decodeError(#"{"format": "a\qb"}"#))
        XCTAssertEqual(escape.kind, .malformedJSON)
        XCTAssertTrue(escape.message.contains("有无效的转义；可用的转义有"), escape.message)
        assertChinese(escape)

        let unicode = try XCTUnwrap(decodeError(#"{"format": "\u12G4"}"#))
        XCTAssertTrue(unicode.message.contains("有无效的 \\u 转义；它需要四位十六进制数字"), unicode.message)
        assertChinese(unicode)

        let surrogate = try XCTUnwrap(decodeError(#"{"format": "\udc00"}"#))
        XCTAssertTrue(surrogate.message.contains("有不成对的代理项转义 \\uDC00"), surrogate.message)
        assertChinese(surrogate)

        let tab = try XCTUnwrap(decodeError("{\"format\": \"a\tb\"}"))
        XCTAssertTrue(tab.message.contains("文本中有控制字符 U+0009；"), tab.message)
        assertChinese(tab)

        let lineBreak = try XCTUnwrap(decodeError("{\"format\": \"a\nb\"}"))
        XCTAssertTrue(lineBreak.message.contains("文本中有换行符；"), lineBreak.message)
        assertChinese(lineBreak)
    }

    // MARK: - The envelope

    func testBadFormatAndVersionInChinese() throws {
        let version = try XCTUnwrap(decodeError(#"{"format":"gongkai-survey","version":"1","survey":{}}"#))
        XCTAssertEqual(version.kind, .invalidVersion)
        XCTAssertTrue(version.message.contains("应为不小于 1 的整数（如 1），实际为文本（\"1\"）"), version.message)
        assertChinese(version)

        let noVersion = try XCTUnwrap(decodeError(#"{"format":"gongkai-survey","survey":{}}"#))
        XCTAssertEqual(noVersion.kind, .invalidVersion)
        XCTAssertTrue(noVersion.message.contains("缺少 \"version\" 字段"), noVersion.message)
        assertChinese(noVersion)

        let format = try XCTUnwrap(decodeError(#"{"format":"other-app","version":1}"#))
        XCTAssertEqual(format.kind, .notGongkaiFile)
        XCTAssertTrue(format.message.contains("其 \"format\" 在第 1 行为 文本（\"other-app\"），而不是 \"gongkai-survey\""), format.message)
        assertChinese(format)

        let noFormat = try XCTUnwrap(decodeError(#"{"version":1}"#))
        XCTAssertTrue(noFormat.message.contains("其中没有 \"format\" 字段"), noFormat.message)
        assertChinese(noFormat)
    }

    // MARK: - Helpers

    private func decodeError(_ text: String) -> SurveyFileError? { decodeError(Data(text.utf8)) }

    private func decodeError(_ data: Data) -> SurveyFileError? {
        do {
            _ = try SurveyFile.decode(data, source: "调研.gongkai")
            return nil
        } catch {
            XCTAssertTrue(error is SurveyFileError, "\(error)")
            return error as? SurveyFileError
        }
    }

    /// The fixture survey's file with `old` replaced by `new`.
    private func mutated(_ old: String, _ new: String) throws -> String {
        let original = String(decoding: try SurveyFile.encode(StorageFixtures.survey()), as: UTF8.self)
        let range = try XCTUnwrap(original.range(of: old), "fixture lacks \(old)")
        return original.replacingCharacters(in: range, with: new)
    }

    /// Asserts the message has none of the old English fragments and no ASCII word of three or
    /// more letters outside the file's name, the JSON path, quoted file content and escapes
    /// (JSON's own words `JSON`, `true`, `false`, `null` are allowed).
    private func assertChinese(_ error: SurveyFileError, _ context: String = "", file: StaticString = #filePath, line: UInt = #line) {
        let message = error.message
        var rest = message
        if let path = error.path, !path.isEmpty { rest = rest.replacingOccurrences(of: path, with: " ") }
        for pattern in [#"“[^”]*”"#, #"\\(u[0-9A-Fa-fX]{4}|.)"#, #"'[^']*'"#, #""[^"]*""#] {
            rest = rest.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        for fragment in Self.englishFragments where rest.contains(fragment) {
            XCTFail("\(context) \"\(fragment)\" in: \(message)", file: file, line: line)
        }
        let allowed: Set<String> = ["JSON", "true", "false", "null"]
        let words = rest.split(whereSeparator: { !($0.isASCII && $0.isLetter) }).map(String.init)
            .filter { $0.count >= 3 && !allowed.contains($0) }
        XCTAssertEqual(words, [], "\(context) English words in: \(message)", file: file, line: line)
    }
}
