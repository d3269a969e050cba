import XCTest
@testable import Model

/// Import of published enterprise lists: encodings, header recognition, duplicates, bad rows, and
/// that nothing changes until the edit is performed.
final class ImportTests: EnglishTestCase {
    private func builtin() throws -> Survey { try SurveyFile.load(from: XCTUnwrap(BuiltinDataset.url)) }

    private let list = """
    序号,企业名称,所在地,审核类型,所属行业
    1,河南甲化工有限公司,郑州市,双超,化工
    2,"河南乙钢铁有限公司, 二厂",安阳市,1+2,钢铁
    3,河南丙制药有限公司,新乡市,"（三）",医药
    4,河南丁水泥有限公司,焦作市,,建材
    5,,洛阳市,1,
    6,河南戊纸业有限公司,开封市,不知道,造纸
    7,河南甲化工有限公司,郑州市,双超,化工
    """

    func testGB18030ListIsDecodedAndRead() throws {
        let data = try XCTUnwrap(list.data(using: TextDecoding.gb18030))
        XCTAssertNil(String(validating: [UInt8](data), as: UTF8.self), "the fixture really is GB18030, not UTF-8")
        let plan = try EnterpriseImport(data: data, into: try builtin(), jurisdiction: "河南", year: 2021)
        XCTAssertEqual(plan.encoding, .gb18030)
        XCTAssertEqual(plan.added.map(\.name), ["河南甲化工有限公司", "河南乙钢铁有限公司, 二厂", "河南丙制药有限公司", "河南丁水泥有限公司"])
        XCTAssertEqual(plan.added.map(\.city), ["郑州市", "安阳市", "新乡市", "焦作市"])
        XCTAssertEqual(plan.added.map { $0.reasons?.description }, ["1", "1+2", "3", nil])
        XCTAssertEqual(plan.added.map(\.industry), ["化工", "钢铁", "医药", "建材"])
        XCTAssertTrue(plan.added.allSatisfy { $0.jurisdiction == "henan" && $0.year == 2021 })
        XCTAssertEqual(plan.badRows.map(\.line), [6, 7], "no name on line 6; unreadable reasons on line 7")
        XCTAssertEqual(plan.duplicates.map(\.line), [8], "the same enterprise twice in the file")
        XCTAssertTrue(plan.summary.contains("Line 7: bad row"), plan.summary)
    }

    func testUTF8WithAndWithoutBOMAndTSV() throws {
        let survey = try builtin()
        let utf8 = try EnterpriseImport(data: Data(list.utf8), into: survey, jurisdiction: "henan", year: 2021)
        XCTAssertEqual(utf8.encoding, .utf8)
        XCTAssertEqual(utf8.added.count, 4)
        let bom = try EnterpriseImport(data: Data([0xEF, 0xBB, 0xBF] + Array(list.utf8)), into: survey, jurisdiction: "河南省", year: 2021)
        XCTAssertEqual(bom.encoding, .utf8BOM)
        XCTAssertEqual(bom.header.first, "序号", "the BOM is not part of the first header")
        XCTAssertEqual(bom.added.map(\.name), utf8.added.map(\.name))
        let tsv = "企业名称\t所在地市\t类别\n甲公司\t郑州市\t高耗能\n"
        let plan = try EnterpriseImport(data: Data(tsv.utf8), into: survey, jurisdiction: "Henan", year: 2020)
        XCTAssertEqual(plan.added.first?.city, "郑州市")
        XCTAssertEqual(plan.added.first?.reasons, ReasonSet([.energy]))
    }

    func testDuplicatesOfExistingSamplesAndDryRunChangesNothing() throws {
        var survey = try builtin()
        survey.enterprises.append(Enterprise(id: "x1", name: "河南甲化工有限公司", jurisdiction: "henan", year: 2021))
        let before = survey
        let plan = try EnterpriseImport(data: Data(list.utf8), into: survey, jurisdiction: "河南", year: 2021)
        XCTAssertEqual(plan.duplicates.map(\.line), [2, 8])
        XCTAssertFalse(plan.added.contains { $0.name == "河南甲化工有限公司" })
        XCTAssertEqual(survey, before, "building the plan (a dry run) changes nothing")
        // The same list for another year is not a duplicate.
        XCTAssertEqual(try EnterpriseImport(data: Data(list.utf8), into: survey, jurisdiction: "河南", year: 2022).duplicates.map(\.line), [8])
    }

    func testImportIsOneUndoableStepWithFreshIDs() throws {
        let survey = try builtin()
        let plan = try EnterpriseImport(data: Data(list.utf8), into: survey, jurisdiction: "河南", year: 2021)
        let document = SurveyDocument(survey: survey)
        try document.perform(plan.edit, label: "import")
        XCTAssertEqual(document.survey.enterprises.count, survey.enterprises.count + 4)
        XCTAssertEqual(Set(document.survey.enterprises.map(\.id)).count, document.survey.enterprises.count)
        XCTAssertTrue(Validator.validate(document.survey).filter { $0.severity == .error }.isEmpty)
        try document.undo()
        XCTAssertEqual(document.survey.enterprises, survey.enterprises)
    }

    func testClearMessagesForUnusableInput() throws {
        let survey = try builtin()
        XCTAssertThrowsError(try EnterpriseImport(data: Data("a,b\n1,2\n".utf8), into: survey, jurisdiction: "河南", year: 2021)) {
            XCTAssertTrue(($0 as? EnterpriseImport.Failure)?.message.contains("enterprise names") ?? false, "\($0)")
        }
        XCTAssertThrowsError(try EnterpriseImport(data: Data(list.utf8), into: survey, jurisdiction: "火星", year: 2021))
        XCTAssertThrowsError(try EnterpriseImport(data: Data(list.utf8), into: survey, jurisdiction: "河南", year: 1999))
        XCTAssertThrowsError(try EnterpriseImport(data: Data("企业名称\n\"未闭合\n".utf8), into: survey, jurisdiction: "河南", year: 2021)) {
            XCTAssertTrue(($0 as? EnterpriseImport.Failure)?.message.contains("Line 2") ?? false, "\($0)")
        }
        XCTAssertThrowsError(try EnterpriseImport(data: Data(), into: survey, jurisdiction: "河南", year: 2021))
    }

    func testReasonTexts() {
        XCTAssertEqual(ReasonText.parse("双超")?.description, "1")
        XCTAssertEqual(ReasonText.parse("双有")?.description, "3")
        XCTAssertEqual(ReasonText.parse("高耗能")?.description, "2")
        XCTAssertEqual(ReasonText.parse("1+2+3")?.description, "1+2+3")
        XCTAssertEqual(ReasonText.parse("第一类、第三类")?.description, "1+3")
        XCTAssertEqual(ReasonText.parse("双超、双有")?.description, "1+3")
        XCTAssertNil(ReasonText.parse("自愿"))
        XCTAssertNil(ReasonText.parse(""))
    }

    func testDelimitedReaderFollowsRFC4180() throws {
        let records = try DelimitedReader.read("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",z\r\n\r\n")
        XCTAssertEqual(records.map(\.fields), [["a", "b"], ["x, y", "say \"hi\""], ["two\nlines", "z"]])
        XCTAssertEqual(records.map(\.line), [1, 2, 3])
    }
}
