import Foundation
import Model
import XCTest

@testable import GtkKit
@testable import Rendering
@testable import Commands
@testable import Sections
@testable import Bench
@testable import gongkai

/// The paste parser and the cell changes behind status keys, paste and copy (no display needed).
final class MatrixPasteTests: XCTestCase {
    override func tearDown() {
        Localizer.shared.followEnvironment()
        super.tearDown()
    }

    // MARK: Parsing

    func testReadsEveryWayASpreadsheetWritesAStatus() throws {
        let text = "√\t×\t是\t否\tY\tn\t1\t0\tyes\tNO\r\n地市级负责\t地市\t师市级负责\t师市\t\t ✓ \t\"×\"\tX\tDisclosed\tnot surveyed\r\n"
        let block = try MatrixPaste.parse(text).get()
        XCTAssertEqual(block.rows.count, 2, "the final line break is not an empty row")
        XCTAssertEqual(block.rows[0].map(\.status),
                       [.disclosed, .notDisclosed, .disclosed, .notDisclosed, .disclosed, .notDisclosed, .disclosed, .notDisclosed,
                        .disclosed, .notDisclosed])
        XCTAssertEqual(block.rows[1].map(\.status),
                       [.prefecture, .prefecture, .division, .division, .notSurveyed, .disclosed, .notDisclosed, .notDisclosed,
                        .disclosed, .notSurveyed])
        XCTAssertEqual(block.width, 10)
        XCTAssertTrue(block.rows.joined().allSatisfy { $0.note == nil })
    }

    func testANoteInParenthesesComesWithTheStatus() throws {
        let block = try MatrixPaste.parse("地市级负责（自愿性地市级负责）\t√ (partly)\n").get()
        XCTAssertEqual(block.rows[0][0], PastedCell(.prefecture, note: "自愿性地市级负责"))
        XCTAssertEqual(block.rows[0][1], PastedCell(.disclosed, note: "partly"))
        XCTAssertNil(MatrixPaste.cell(from: "（只有备注）"), "a note alone is not a status")
        XCTAssertNil(MatrixPaste.cell(from: "maybe (x)"))
    }

    func testAnUnreadableValueNamesItsRowColumnAndValue() {
        Localizer.shared.language = .english
        guard case .failure(let error) = MatrixPaste.parse("√\t×\n√\tmaybe\t×\n") else { return XCTFail("parsed") }
        XCTAssertEqual(error, .unreadable(row: 2, column: 2, value: "maybe", cell: nil))
        XCTAssertTrue(error.message.contains("Row 2, column 2"), error.message)
        XCTAssertTrue(error.message.contains("“maybe”"), error.message)
        XCTAssertTrue(error.message.contains("Nothing was changed"), error.message)
        Localizer.shared.language = .chinese
        XCTAssertTrue(error.message.contains("第 2 行第 2 列"), error.message)
        XCTAssertTrue(error.message.contains("maybe"), error.message)
    }

    func testEmptyClipboardIsRefused() {
        XCTAssertEqual(MatrixPaste.parse(""), .failure(.empty))
        XCTAssertEqual(MatrixPaste.parse("\n"), .failure(.empty))
        XCTAssertEqual(MatrixPaste.parse(" \r\n"), .failure(.empty))
    }

    // MARK: Changes

    private func survey() -> Survey {
        let a = Jurisdiction(id: "a", name: "甲省", shortName: "甲", englishName: "Alpha", kind: .province, region: .east,
                             tile: TilePosition(column: 0, row: 0))
        let b = Jurisdiction(id: "b", name: "乙省", shortName: "乙", englishName: "Beta", kind: .province, region: .west,
                             tile: TilePosition(column: 1, row: 0))
        let evidence = Evidence(url: "https://example.org/list", dateChecked: PartialDate(year: 2021), method: .onlineSearch)
        return Survey(meta: SurveyMeta(title: "t"), years: [2020, 2021], jurisdictions: [a, b], observations: [
            Observation(jurisdiction: "a", year: 2020, kind: .auditList, status: .disclosed, coverage: [.mandatory],
                        reasonLabelling: .notStated, department: "生态环境厅", evidence: [evidence], note: "备注"),
            Observation(jurisdiction: "b", year: 2021, kind: .evaluation, status: .notDisclosed),
        ])
    }

    private func addressing(_ s: Survey) -> MatrixAddressing {
        MatrixAddressing(rows: MatrixRows(jurisdictions: s.jurisdictions, order: .report, rates: [], include: { _ in true }),
                         columns: MatrixColumn.columns(years: s.years), jurisdictions: s.jurisdictions)
    }

    func testSettingAStatusKeepsEveryOtherFieldAndClearingRemovesTheCell() throws {
        var s = survey()
        let key = CellKey(jurisdiction: "a", year: 2020, kind: .auditList)
        let changes = MatrixChanges.setting(.notDisclosed, on: [key], in: s, index: CellIndex(s))
        XCTAssertEqual(changes.count, 1)
        var expected = s.observations[0]
        expected.status = .notDisclosed
        XCTAssertEqual(changes[0].observation, expected, "note, evidence, coverage, labelling and department stay")
        XCTAssertEqual(MatrixChanges.setting(.disclosed, on: [key], in: s, index: CellIndex(s)), [], "no change, no step")
        XCTAssertEqual(MatrixChanges.setting(.notSurveyed, on: [key], in: s, index: CellIndex(s)), [.clear(key)])
        let empty = CellKey(jurisdiction: "b", year: 2020, kind: .auditList)
        XCTAssertEqual(MatrixChanges.setting(.notSurveyed, on: [empty], in: s, index: CellIndex(s)), [])
        XCTAssertEqual(MatrixChanges.setting(.prefecture, on: [empty], in: s, index: CellIndex(s)),
                       [CellChange(Observation(jurisdiction: "b", year: 2020, kind: .auditList, status: .prefecture))])
        _ = try Edit.setCells(changes).apply(to: &s)
        XCTAssertEqual(s.observation("a", 2020, .auditList)?.evidence.count, 1)
    }

    func testPasteFillsFromTheSelectionsCornerOrRefusesWhenItDoesNotFit() throws {
        Localizer.shared.language = .english
        let s = survey()
        let a = addressing(s)
        var selection = MatrixSelection()
        selection.place(MatrixPoint(row: 0, column: 1))
        let changes = try MatrixChanges.pasting("√\t地市\n\t×\n", into: selection, at: a, survey: s, index: CellIndex(s)).get()
        XCTAssertEqual(changes.map(\.key.description), ["a/2020/evaluation", "a/2021/audit_list", "b/2021/audit_list"],
                       "the empty value falls on a cell that is empty already: no change")
        XCTAssertEqual(changes.map { $0.observation?.status }, [.disclosed, .prefecture, .notDisclosed])

        guard case .failure(let rows) = MatrixChanges.pasting("√\n√\n√\n", into: selection, at: a, survey: s, index: CellIndex(s)) else {
            return XCTFail("three rows fit in two")
        }
        XCTAssertEqual(rows, .tooManyRows(blockRows: 3, room: 2))
        XCTAssertTrue(rows.message.contains("row 3 of the block"), rows.message)
        guard case .failure(let columns) = MatrixChanges.pasting("√\t√\t√\t√\n", into: selection, at: a, survey: s, index: CellIndex(s)) else {
            return XCTFail("four columns fit in three")
        }
        XCTAssertEqual(columns, .tooManyColumns(blockColumns: 4, room: 3))
        guard case .failure(let bad) = MatrixChanges.pasting("√\t?\n", into: selection, at: a, survey: s, index: CellIndex(s)) else {
            return XCTFail("? is not a status")
        }
        XCTAssertEqual(bad, .unreadable(row: 1, column: 2, value: "?", cell: "Alpha · Year 2021 · Audit list disclosed"))
    }

    func testOneValueFillsAWholeSelection() throws {
        let s = survey()
        var selection = MatrixSelection()
        selection.select(rows: 0...1, columns: 0...1)
        let changes = try MatrixChanges.pasting("×\n", into: selection, at: addressing(s), survey: s, index: CellIndex(s)).get()
        XCTAssertEqual(changes.count, 4)
        XCTAssertTrue(changes.allSatisfy { $0.observation?.status == .notDisclosed })
    }

    func testCopiedTextPastesBackToTheSameCells() throws {
        Localizer.shared.language = .chinese
        var s = survey()
        _ = try Edit.setCells([CellChange(Observation(jurisdiction: "b", year: 2020, kind: .auditList, status: .prefecture,
                                                      note: "自愿性地市级负责"))]).apply(to: &s)
        var all = MatrixSelection()
        all.select(rows: 0...1, columns: 0...3)
        let text = TableClipboard.tabSeparated(MatrixChanges.copyTable(all, at: addressing(s), survey: s, index: CellIndex(s)))
        XCTAssertEqual(text, "√（备注）\t\t\t\n地市级负责（自愿性地市级负责）\t\t\t×\n")
        let back = try MatrixChanges.pasting(text, into: all, at: addressing(s), survey: s, index: CellIndex(s)).get()
        XCTAssertEqual(back, [], "pasting a copy over its own cells changes nothing")
    }
}
