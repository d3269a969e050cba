import Foundation
import XCTest
@testable import Model

/// Lists that are not what they seem: undecodable encodings, absurd sizes, control characters, and
/// the second list into the same jurisdiction and year (new ids without stepping past old ones).
final class RobustImportTests: EnglishTestCase {
    private func builtin() throws -> Survey { try SurveyFile.load(from: XCTUnwrap(BuiltinDataset.url)) }

    private func failure(_ data: Data, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        do {
            _ = try EnterpriseImport(data: data, into: try builtin(), jurisdiction: "河南", year: 2021)
            XCTFail("the list should be refused", file: file, line: line)
            return ""
        } catch let failure as EnterpriseImport.Failure {
            return failure.message
        }
    }

    // MARK: - 3. Undecodable lists name the cause

    func testUTF16WithoutAByteOrderMarkNamesTheCause() throws {
        let text = "企业名称,所在地\r\n河南甲化工有限公司,郑州市\r\n"
        let little = try XCTUnwrap(text.data(using: .utf16LittleEndian))
        let big = try XCTUnwrap(text.data(using: .utf16BigEndian))
        let l = try failure(little)
        XCTAssertTrue(l.contains("UTF-16 (little-endian)") && l.contains("byte-order mark"), l)
        XCTAssertFalse(l.contains("No column holds"), l)
        let b = try failure(big)
        XCTAssertTrue(b.contains("UTF-16 (big-endian)"), b)
        // With a byte-order mark it is read.
        let withBOM = Data([0xFF, 0xFE]) + little
        XCTAssertEqual(try EnterpriseImport(data: withBOM, into: try builtin(), jurisdiction: "河南", year: 2021).added.count, 1)
    }

    func testBinaryFilesAndWorkbooksNameTheCause() throws {
        XCTAssertTrue(try failure(Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00])).contains(".xlsx"))
        XCTAssertTrue(try failure(Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1])).contains(".xls"))
        let binary = Data((0..<512).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        XCTAssertTrue(try failure(binary).contains("NUL byte"))
    }

    // MARK: - 4. Bounds on a list's shape

    func testAHeaderWithTooManyColumnsIsALocatedError() throws {
        let header = (0..<2_000_000).map { _ in "a" }.joined(separator: ",")
        let message = try failure(Data(("企业名称," + header + "\n甲公司\n").utf8))
        XCTAssertTrue(message.contains("Line 1") && message.contains("1000 columns"), message)
        // A list of exactly 1,000 columns is read.
        let wide = "企业名称," + (1..<1_000).map { "c\($0)" }.joined(separator: ",") + "\n甲公司\n"
        XCTAssertEqual(try DelimitedReader.read(wide).first?.fields.count, 1_000)
    }

    func testAGiantFieldIsALocatedError() throws {
        let giant = String(repeating: "长", count: 30_000)  // 90,000 bytes of UTF-8
        let message = try failure(Data("企业名称,备注\n甲公司,ok\n乙公司,\"\(giant)\"\n".utf8))
        XCTAssertTrue(message.contains("Line 3, column 2") && message.contains("64 KiB"), message)
        XCTAssertThrowsError(try DelimitedReader.read("名称\n" + String(repeating: "x", count: 70_000))) { error in
            XCTAssertEqual((error as? DelimitedReader.Failure)?.line, 2)
        }
    }

    // MARK: - 6. Control characters

    func testControlCharactersInAListAreEscapedInTheReport() throws {
        let list = "企业名称,备注\n\"甲\u{1B}[2J公司\r伪造\",x\n,\u{1B}]0;title\u{07}\n"
        let plan = try EnterpriseImport(data: Data(list.utf8), into: try builtin(), jurisdiction: "河南", year: 2021)
        XCTAssertEqual(plan.added.first?.name, "甲\u{1B}[2J公司\r伪造", "the data itself is kept as it was")
        XCTAssertFalse(plan.summary.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x0D || $0.value == 0x07 }, plan.summary)
        let message = try failure(Data("名\u{1B}[31m称\n甲\n".utf8))
        XCTAssertFalse(message.contains("\u{1B}"), message)
    }

    // MARK: - 8. A second list into the same jurisdiction and year

    func testASecondListTakesTheNextFreeIds() throws {
        var survey = try builtin()
        let first = (1...300).map { "第\($0)号公司" }
        let plan1 = try EnterpriseImport(data: Data((["企业名称"] + first).joined(separator: "\n").utf8), into: survey,
                                         jurisdiction: "河南", year: 2021)
        XCTAssertEqual(plan1.added.first?.id, "henan-2021-1")
        let document = SurveyDocument(survey: survey)
        try document.perform(plan1.edit, label: "first")
        survey = document.survey
        let second = (301...600).map { "第\($0)号公司" }
        let plan2 = try EnterpriseImport(data: Data((["企业名称"] + first.prefix(2) + second).joined(separator: "\n").utf8),
                                         into: survey, jurisdiction: "河南", year: 2021)
        XCTAssertEqual(plan2.duplicates.count, 2)
        XCTAssertEqual(plan2.added.map(\.id), (301...600).map { "henan-2021-\($0)" })
        // Ids stay unique when the survey's ids have gaps and strangers in between.
        survey.enterprises.removeAll { $0.id == "henan-2021-5" }
        let plan3 = try EnterpriseImport(data: Data("企业名称\n新甲\n新乙\n".utf8), into: survey, jurisdiction: "河南", year: 2021)
        XCTAssertEqual(plan3.added.map(\.id), ["henan-2021-5", "henan-2021-301"])
        try document.perform(plan2.edit, label: "second")
        XCTAssertEqual(Set(document.survey.enterprises.map(\.id)).count, document.survey.enterprises.count)
    }
}

/// The one place control characters are escaped, and the exports that use it.
final class PrintableTests: XCTestCase {
    func testControlCharactersBecomeVisibleEscapes() {
        XCTAssertEqual(Printable.escaped("a\u{1B}[2Jb"), #"a\u{1B}[2Jb"#)
        XCTAssertEqual(Printable.escaped("ver\nsion"), #"ver\u{A}sion"#)
        XCTAssertEqual(Printable.escaped("x\u{9B}y\u{202E}z\u{7F}"), #"x\u{9B}y\u{202E}z\u{7F}"#)
        XCTAssertEqual(Printable.escaped("中文 \\ plain"), "中文 \\ plain")
        XCTAssertEqual(Printable.escaped("line\nbreak\r\ttab\u{1B}", keepingLineBreaks: true), "line\nbreak\r\ttab\\u{1B}")
        XCTAssertEqual(Printable.terminalText("a\tb\nc\rd\u{1B}"), "a\tb\n" + #"c\u{D}d\u{1B}"#)
        // The fast scan agrees with the escaping on every scalar that matters.
        for value: UInt32 in [0, 0x1F, 0x20, 0x7E, 0x7F, 0x80, 0x9F, 0xA0, 0x2029, 0x202A, 0x202E, 0x202F, 0x2065, 0x2066, 0x2069, 0x206A] {
            let s = String(Character(Unicode.Scalar(value)!))
            XCTAssertEqual(Printable.needsEscaping(s), Printable.isEscaped(Unicode.Scalar(value)!), String(value, radix: 16))
        }
    }

    func testProblemsAndExportsEscapeControlCharacters() throws {
        var survey = StorageFixtures.survey()
        survey.jurisdictions[0].shortName = "安\u{1B}[2J0 errors\r徽"
        survey.observations.append(Observation(jurisdiction: "anhui", year: 1999, kind: .auditList, status: .notDisclosed))
        let problems = Validator.validate(survey)
        XCTAssertFalse(problems.isEmpty)
        for p in problems { XCTAssertFalse(p.message.unicodeScalars.contains { $0.value < 0x20 }, p.message) }
        XCTAssertTrue(problems.contains { $0.message.contains(#"\u{1B}[2J"#) })

        let table = TableBuilder(survey).enterprises()
        var notes = survey
        notes.enterprises[0].notes = "first line\nsecond\u{1B}[31m red"
        let csv = String(decoding: CSVWriter().data(TableBuilder(notes).enterprises()), as: UTF8.self)
        XCTAssertTrue(csv.contains("first line\nsecond\\u{1B}[31m red"), csv)
        XCTAssertFalse(csv.contains("\u{1B}"))
        let html = HTMLWriter(info: ExportInfo(title: "t")).document([TableBuilder(notes).enterprises()])
        XCTAssertFalse(html.contains("\u{1B}"))
        let markdown = MarkdownWriter(info: ExportInfo(title: "t")).document([TableBuilder(notes).enterprises(), table])
        XCTAssertFalse(markdown.contains("\u{1B}"))
    }
}
