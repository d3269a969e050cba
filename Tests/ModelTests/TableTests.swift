import XCTest
@testable import Model

/// Tables built from a survey, and the CSV and JSON writers.
final class TableTests: ChineseTestCase {
    private func csv(_ table: Table, bom: Bool = false) -> String {
        String(decoding: CSVWriter(byteOrderMark: bom).data(table), as: UTF8.self)
    }

    func testCSVQuotesFieldsAndEndsRecordsWithCRLF() {
        let table = Table(id: "t", title: "t", columns: ["a", "b"], rows: [
            [.text("plain"), .text("with, comma")],
            [.text("say \"hi\""), .text("two\nlines")],
            [.int(42), TableCell(.empty)],
        ])
        XCTAssertEqual(csv(table), "a,b\r\nplain,\"with, comma\"\r\n\"say \"\"hi\"\"\",\"two\nlines\"\r\n42,\r\n")
    }

    func testCSVStartsWithAByteOrderMarkByDefault() {
        let data = CSVWriter().data(Table(id: "t", title: "t", columns: ["省份"], rows: []))
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertEqual(String(decoding: data.dropFirst(3), as: UTF8.self), "省份\r\n")
        XCTAssertEqual(Array(CSVWriter(byteOrderMark: false).data(Table(id: "t", title: "t", columns: ["x"], rows: [])).prefix(1)), [UInt8(ascii: "x")])
    }

    func testFormulaLikeTextIsNeutralisedButNumbersAreNot() {
        let hostile = ["=HYPERLINK(\"http://evil\",\"x\")", "+1+2", "-3", "@SUM(A1:A2)", "\tTAB", "\rCR"]
        let table = Table(id: "t", title: "t", columns: ["v"], rows: hostile.map { [.text($0)] } + [[.int(-5)]])
        let lines = csv(table).components(separatedBy: "\r\n")
        XCTAssertEqual(lines[1], "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"")
        XCTAssertEqual(lines[2], "'+1+2")
        XCTAssertEqual(lines[3], "'-3")
        XCTAssertEqual(lines[4], "'@SUM(A1:A2)")
        XCTAssertEqual(lines[5], "'\tTAB")
        XCTAssertTrue(lines[6].hasPrefix("\"'\r"), lines[6])
        XCTAssertTrue(csv(table).hasSuffix("-5\r\n"), "a number is written as it is")
    }

    func testMatrixHasTheReportsLayout() {
        var survey = TestFixtures.survey()
        survey.observations[0].note = "自愿性地市级负责"
        let table = TableBuilder(survey).matrix().placingNotes(.inline)
        XCTAssertEqual(table.header.count, 2)
        XCTAssertEqual(table.header[0].first?.text, "省份/年度")
        XCTAssertEqual(table.header[0].dropFirst().map(\.span), Array(repeating: 2, count: survey.years.count))
        XCTAssertEqual(table.header[0][1].text, "\(survey.years[0])年度")
        XCTAssertEqual(table.header[1][1].text, "审核企业名单公开")
        XCTAssertEqual(table.header[1][2].text, "评估与验收结果公开")
        XCTAssertEqual(table.columnCount, 1 + survey.years.count * 2)
        XCTAssertEqual(table.rowCount, survey.jurisdictions.count)
        let first = survey.observations[0]
        let row = try! XCTUnwrap(table.rows.first { $0[0].value.plainText == survey.jurisdiction(first.jurisdiction)!.shortName })
        let column = 1 + survey.years.firstIndex(of: first.year)! * 2 + first.kind.sortIndex
        XCTAssertEqual(row[column].value.plainText, first.status.symbol + "（自愿性地市级负责）")
        XCTAssertEqual(row[column].status, first.status)
    }

    func testMatrixCellStyles() {
        XCTAssertEqual(MatrixCellStyle.symbols.text(for: .disclosed), "√")
        XCTAssertEqual(MatrixCellStyle.symbols.text(for: .notDisclosed), "×")
        XCTAssertEqual(MatrixCellStyle.symbols.text(for: .prefecture), "地市级负责")
        XCTAssertEqual(MatrixCellStyle.symbols.text(for: .division), "师市级负责")
        XCTAssertEqual(MatrixCellStyle.yesNo.text(for: .disclosed), "是")
        XCTAssertEqual(MatrixCellStyle.yesNo.text(for: .notDisclosed), "否")
        XCTAssertEqual(MatrixCellStyle.words.text(for: .notSurveyed), "")
        Localizer.shared.language = .english
        XCTAssertEqual(MatrixCellStyle.yesNo.text(for: .disclosed), "Yes")
        XCTAssertEqual(MatrixCellStyle.words.text(for: .notDisclosed), "Not disclosed")
    }

    func testMatrixLongHasOneRowPerCellWithCodes() {
        let survey = TestFixtures.survey()
        let table = TableBuilder(survey).matrixLong()
        XCTAssertEqual(table.expandedHeader, [["jurisdiction", "year", "kind", "status", "note"]])
        XCTAssertEqual(table.rowCount, survey.jurisdictions.count * survey.years.count * 2)
        let index = CellIndex(survey)
        for row in table.rows {
            let j = survey.jurisdictions.first { $0.shortName == row[0].value.plainText }!
            guard case .integer(let year) = row[1].value else { return XCTFail("year is a number") }
            let kind = DisclosureKind(rawValue: row[2].value.plainText)!
            XCTAssertEqual(row[3].value.plainText, index.status(j.id, year, kind, in: survey).rawValue)
        }
    }

    func testSummaryTableEqualsTheStatistics() {
        let survey = SyntheticSurvey.make(enterprises: 50, years: 2018...2022, seed: 7)
        let stats = Statistics(survey)
        let table = TableBuilder(survey).summary()
        XCTAssertEqual(table.rowCount, survey.years.count)
        let statuses: [DisclosureStatus] = [.disclosed, .notDisclosed, .prefecture, .division, .notSurveyed]
        for (i, year) in survey.years.enumerated() {
            let row = table.row(i)
            XCTAssertEqual(row[0].value, .integer(year))
            var column = 1
            for kind in DisclosureKind.allCases {
                for status in statuses {
                    let count = stats.statusCounts(year: year, kind: kind)[status]
                    XCTAssertEqual(row[column].value, .integer(count), "\(year) \(kind) \(status)")
                    XCTAssertEqual(row[column + 1].value, .percent(Double(count) / Double(survey.jurisdictions.count)), "its share beside it")
                    column += 2
                }
            }
        }
    }

    func testEnterprisesTableShowsTheChecklistAndDerivedCompleteness() {
        var survey = TestFixtures.survey()
        let e = Enterprise(id: "e1", name: "=HYPERLINK(\"x\")", jurisdiction: survey.jurisdictions[0].id, year: survey.years[0],
                           reasons: ReasonSet([.pollution]), foundAt: [.companyWebsite],
                           disclosedItems: DisclosureItem.required(for: ReasonSet([.pollution])))
        survey.enterprises = [e]
        let table = TableBuilder(survey).enterprises()
        XCTAssertEqual(table.rowCount, 1)
        let header = table.expandedHeader[0]
        let row = table.row(0)
        func cell(_ heading: String) -> String {
            guard let i = header.firstIndex(of: heading) else { XCTFail("no column \(heading) in \(header)"); return "" }
            return row[i].value.plainText
        }
        XCTAssertEqual(cell(tr("Completeness")), "公开完全")
        XCTAssertEqual(cell("排放方式"), "√")
        XCTAssertEqual(cell("单位产值能耗"), "—", "not required for reason 1")
        XCTAssertTrue(csv(table).contains("'=HYPERLINK"), "a hostile name is neutralised in CSV")
    }

    /// Issue 13: the survey's data-source line goes with the JSON export (CSV stays data only: scripts read it).
    func testJSONCarriesTheSourceLine() throws {
        let table = Table(id: "t", title: "t", columns: ["省份"], rows: [[TableCell(.text("安徽"))]])
        XCTAssertEqual(TableJSON.object(table, source: "数据来源：测试")["source"] as? String, "数据来源：测试")
        XCTAssertNil(TableJSON.object(table)["source"])
    }

    func testTableJSONJoinsMergedHeadings() throws {
        let survey = TestFixtures.survey()
        let object = TableJSON.object(TableBuilder(survey).matrix())
        let columns = try XCTUnwrap(object["columns"] as? [String])
        XCTAssertEqual(columns[0], "省份/年度")
        XCTAssertEqual(columns[1], "\(survey.years[0])年度 审核企业名单公开")
        XCTAssertEqual(columns[2], "\(survey.years[0])年度 评估与验收结果公开")
        let rows = try XCTUnwrap(object["rows"] as? [[Any]])
        XCTAssertEqual(rows.count, survey.jurisdictions.count)
    }

    func testEveryNamedTableBuilds() {
        var survey = try! SurveyFile.load(from: BuiltinDataset.url!)
        // The built-in dataset has no change log; one logged change gives the log table a row.
        survey.changeLog.entries = [ChangeEntry(time: "2026-12-06T10:00:00Z", author: "王芳", action: .edit,
                                                path: "observations/anhui/2021/audit_list/note", old: "", new: "见官网")]
        let builder = TableBuilder(survey)
        for id in TableBuilder.tableIDs {
            let table = builder.table(named: id)
            XCTAssertNotNil(table, id)
            XCTAssertGreaterThan(table?.rowCount ?? 0, 0, id)
            for row in table?.rows ?? [] { XCTAssertEqual(row.count, table?.columnCount, id) }
        }
        XCTAssertNil(builder.table(named: "nonsense"))
    }
}
