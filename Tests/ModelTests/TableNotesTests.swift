import Foundation
import XCTest
@testable import Model

/// Cell notes placed as footnotes, inline or not at all; numbered captions; the summary's shares;
/// the cross-tab by region; the tables' language passed in rather than switched.
final class TableNotesTests: XCTestCase {
    override func setUp() { Localizer.shared.language = .chinese }
    override func tearDown() { Localizer.shared.followEnvironment() }

    private func builtin() throws -> Survey { try SurveyFile.load(from: XCTUnwrap(BuiltinDataset.url)) }

    func testMatrixNotesBecomeNumberedFootnotesSharedByEqualText() throws {
        var survey = TestFixtures.survey()
        survey.observations[0].note = "甲"
        survey.observations[1].note = "乙"
        survey.observations[2].note = "甲"
        let builder = TableBuilder(survey)
        let table = try XCTUnwrap(builder.table(named: "matrix", notes: .footnotes))
        XCTAssertEqual(Set(table.footnotes), ["甲", "乙"], "one number per different note")
        let marked = table.rows.flatMap { $0 }.filter { $0.footnote != nil }
        XCTAssertEqual(marked.count, 3)
        XCTAssertEqual(Set(marked.compactMap(\.footnote)), [1, 2])
        XCTAssertTrue(marked.allSatisfy { !$0.value.plainText.contains("（") }, "the cell keeps its status alone")
        XCTAssertEqual(marked[0].plainText, marked[0].value.plainText + TableCaption.superscript(marked[0].footnote!))

        let inline = try XCTUnwrap(builder.table(named: "matrix", notes: .inline))
        XCTAssertTrue(inline.footnotes.isEmpty)
        XCTAssertEqual(inline.rows.flatMap { $0 }.filter { $0.value.plainText.hasSuffix("（甲）") }.count, 2)
        let none = try XCTUnwrap(builder.table(named: "matrix", notes: NotePlacement.none))
        XCTAssertTrue(none.footnotes.isEmpty)
        XCTAssertFalse(none.rows.flatMap { $0 }.contains { $0.note != nil || $0.footnote != nil || $0.value.plainText.contains("（") })
    }

    func testQinghaisRowIsOneLinePerCellWithFootnotes() throws {
        let survey = try builtin()
        let table = try XCTUnwrap(TableBuilder(survey).table(named: "matrix", notes: .footnotes))
        let qinghai = try XCTUnwrap(table.rows.first { $0[0].value.plainText == "青海" })
        XCTAssertTrue(qinghai.contains { $0.footnote != nil }, "青海's notes are footnotes")
        XCTAssertFalse(qinghai.contains { $0.plainText.contains("\n") || $0.plainText.count > 12 }, "\(qinghai.map(\.plainText))")
    }

    func testCaptionsAndSuperscripts() {
        XCTAssertEqual(TableCaption.table(3, "标题"), "表3 标题")
        XCTAssertEqual(TableCaption.figure(12, "图题"), "图12 图题")
        XCTAssertEqual(TableCaption.superscript(120), "¹²⁰")
        Localizer.shared.language = .english
        XCTAssertEqual(TableCaption.table(3, "Title"), "Table 3. Title")
        let numbered = TableCaption.numbered([TableBuilder(TestFixtures.survey()).summary(), TableBuilder(TestFixtures.survey()).coverage()])
        XCTAssertEqual(numbered.map(\.number), [1, 2])
        XCTAssertEqual(numbered[1].caption, "Table 2. Coverage of disclosed lists")
    }

    func testSummarySharesAreTheCountsOverTheJurisdictions() throws {
        let survey = try builtin()
        let stats = Statistics(survey)
        let table = TableBuilder(survey).summary()
        XCTAssertEqual(table.header.count, 3)
        for (i, year) in stats.years.enumerated() {
            let row = table.rows[i]
            let counts = stats.statusCounts(year: year, kind: .auditList)
            XCTAssertEqual(row[1].value, .integer(counts[.disclosed]))
            guard case .percent(let share) = row[2].value else { return XCTFail("a share beside the count") }
            XCTAssertEqual(share, Double(counts[.disclosed]) / Double(survey.jurisdictions.count), accuracy: 1e-12)
        }
    }

    func testRegionsCrossTabComesFromEachJurisdictionsRegion() throws {
        var survey = try builtin()
        let table = TableBuilder(survey).regions()
        let year = survey.years[0]
        let rowsOfYear = Array(table.rows.prefix(Region.allCases.count + 1))
        XCTAssertEqual(rowsOfYear.map { $0[1].value.plainText }, ["东部", "中部", "西部", "东北", "全部省级单位"])
        XCTAssertEqual(rowsOfYear.map { $0[2].value }, [.integer(10), .integer(6), .integer(13), .integer(3), .integer(32)],
                       "the NBS grouping, the Corps in the west")
        let index = CellIndex(survey)
        let disclosedInEast = survey.jurisdictions.filter {
            $0.region == .east && index.observation($0.id, year, .auditList, in: survey)?.status == .disclosed
        }.count
        XCTAssertEqual(rowsOfYear[0][3].value, .integer(disclosedInEast))
        let sum = rowsOfYear.prefix(4).reduce(0) { total, row in if case .integer(let n) = row[3].value { return total + n } else { return total } }
        XCTAssertEqual(rowsOfYear[4][3].value, .integer(sum), "the regions add up to all jurisdictions")
        // Moving a jurisdiction to another region in the data moves it in the table.
        let i = try XCTUnwrap(survey.jurisdictions.firstIndex { $0.shortName == "北京" })
        survey.jurisdictions[i].region = .northeast
        XCTAssertEqual(TableBuilder(survey).regions().rows[3][2].value, .integer(4))
    }

    func testTheLanguageIsPassedToRowsMadeOnAnyThread() throws {
        let survey = SyntheticSurvey.make(enterprises: 20, years: 2020...2021, seed: 3)
        let table = try XCTUnwrap(TableBuilder(survey, language: .english).table(named: "enterprises"))
        XCTAssertEqual(table.header[0][1].text, "Enterprise")
        // A writer builds long tables' rows on other threads (TableRowStream, CSVWriter).
        let box = RowBox()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            box.rows = (0..<table.rowCount).map(table.row)
            done.signal()
        }
        done.wait()
        let english = Set(Completeness.allCases.map { c in Localizer.with(language: .english) { c.label } })
        XCTAssertTrue(box.rows.allSatisfy { english.contains($0[8].value.plainText) }, "\(box.rows.map { $0[8].value.plainText })")
        XCTAssertEqual(Localizer.shared.language, .chinese)
    }
}

private final class RowBox: @unchecked Sendable {
    var rows: [[TableCell]] = []
}
