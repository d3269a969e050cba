import CGtk
import Foundation
import Model
import XCTest

@testable import GtkKit
@testable import Rendering
@testable import Commands
@testable import Sections
@testable import Bench
@testable import gongkai

/// The Outreach section in the real window: the suggestion letter, departments, phone contacts,
/// notes and the sub-unit table, each change one undo step.
final class OutreachSectionTests: WindowTestCase {
    @MainActor static func open(_ survey: Survey) throws -> (MainWindow, OutreachSection) {
        let window = MainWindow(survey: survey, fileURL: nil)
        let section = try XCTUnwrap(window.sections.compactMap { $0 as? OutreachSection }.first)
        window.present()
        window.showSection(id: section.id)
        try waitForFirstFrame(window)
        return (window, section)
    }

    func testEditTheSuggestionLetterThenUndo() throws { try onMain {
        Localizer.shared.language = .chinese
        let (window, section) = try Self.open(Self.builtinSurvey)
        defer { gtk_window_destroy(window.window.window) }
        let before = window.survey
        XCTAssertTrue(section.select(jurisdiction: "henan"))
        XCTAssertEqual(section.selectedJurisdiction?.id, "henan")

        let letter = section.letter
        letter.sentDate.enter("2023-04")
        letter.replied.choose(1)
        letter.replyDate.enter("2023-05-12")
        letter.replySummary.enter("已收到建议，将在生态环境厅网站公开审核名单。")
        letter.improved.choose(2)
        letter.replyDate.enter("2023-02-29")
        XCTAssertTrue(letter.replyDate.isInvalid, "2023 has no 29 February")
        letter.replyDate.show("2023-05-12", force: true)

        let outreach = try XCTUnwrap(window.survey.outreach.first { $0.jurisdiction == "henan" })
        XCTAssertEqual(outreach.letter, SuggestionLetter(sent: before.outreach.first { $0.jurisdiction == "henan" }?.letter?.sent ?? false,
                                                        sentDate: PartialDate(year: 2023, month: 4), replied: true,
                                                        replyDate: PartialDate(year: 2023, month: 5, day: 12),
                                                        replySummary: "已收到建议，将在生态环境厅网站公开审核名单。", improvedAfterwards: false))
        XCTAssertEqual(OutreachJurisdictionList.summary(try XCTUnwrap(section.selectedJurisdiction), outreach), "建议信已回复")

        section.notes.enter("电话中称名单由各地市公开。")
        XCTAssertEqual(window.survey.outreach.first { $0.jurisdiction == "henan" }?.notes, "电话中称名单由各地市公开。")

        for _ in 0..<6 { window.controller.undo() }
        XCTAssertEqual(window.survey.outreach, before.outreach)
        XCTAssertEqual(letter.replySummary.text, before.outreach.first { $0.jurisdiction == "henan" }?.letter?.replySummary ?? "")
    } }

    func testDepartmentsAndPhoneContactsThenUndo() throws { try onMain {
        Localizer.shared.language = .english
        let (window, section) = try Self.open(Self.builtinSurvey)
        defer { gtk_window_destroy(window.window.window) }
        let before = window.survey
        XCTAssertTrue(section.select(jurisdiction: "beijing"))

        section.voluntary.newItem.enter("北京市经济和信息化局")
        XCTAssertEqual(window.survey.jurisdiction("beijing")?.voluntaryDepartments.last, "北京市经济和信息化局")
        section.mandatory.entries[0].enter("北京市生态环境局（清洁生产处）")
        XCTAssertEqual(window.survey.jurisdiction("beijing")?.mandatoryDepartments, ["北京市生态环境局（清洁生产处）"])

        section.contacts.addContact()
        let row = try XCTUnwrap(section.contacts.rows.last)
        row.date.enter("2023-03-15")
        row.department.enter("北京市生态环境局")
        row.outcome.enter("接通")
        row.summary.enter("称审核名单不对外公开。")
        let contact = try XCTUnwrap(window.survey.outreach.first { $0.jurisdiction == "beijing" }?.phoneContacts.last)
        XCTAssertEqual(contact, PhoneContact(date: PartialDate(year: 2023, month: 3, day: 15), department: "北京市生态环境局",
                                             outcome: "接通", summary: "称审核名单不对外公开。"))

        for _ in 0..<7 { window.controller.undo() }
        XCTAssertEqual(window.survey.jurisdictions, before.jurisdictions)
        XCTAssertEqual(window.survey.outreach, before.outreach)
        XCTAssertEqual(section.contacts.rows.count, before.outreach.first { $0.jurisdiction == "beijing" }?.phoneContacts.count ?? 0)
    } }

    func testSubUnitTableCyclesAndTakesKeysLikeTheMatrix() throws { try onMain {
        let (window, section) = try Self.open(Self.builtinSurvey)
        defer { gtk_window_destroy(window.window.window) }
        let before = window.survey.subUnitObservations
        XCTAssertTrue(section.select(jurisdiction: "guangdong"))
        let grid = section.subUnits

        // The report's undated observations are in the "year not stated" column.
        let undated = try XCTUnwrap(before.first { $0.jurisdiction == "guangdong" && $0.year == nil })
        XCTAssertEqual(grid.status(.init(subUnit: undated.subUnit, year: nil, kind: undated.kind)), undated.status)
        XCTAssertNotNil(grid.buttons[.init(subUnit: undated.subUnit, year: 2018, kind: .auditList)])

        let cell = SubUnitGrid.Key(subUnit: "guangdong-02", year: 2020, kind: .evaluation)
        let start = grid.status(cell)
        grid.cycle(cell)
        XCTAssertNotEqual(grid.status(cell), start)
        XCTAssertEqual(SubUnitGrid.status(forKey: "p"), .prefecture)
        grid.set(cell, .prefecture)
        XCTAssertEqual(window.survey.subUnitObservations.first { $0.subUnit == "guangdong-02" && $0.year == 2020 && $0.kind == .evaluation }?.status,
                       .prefecture)
        grid.set(cell, .notSurveyed)
        window.controller.undo()
        window.controller.undo()
        window.controller.undo()
        XCTAssertEqual(window.survey.subUnitObservations, before)

        // A jurisdiction that does not delegate has no sub-unit table.
        XCTAssertTrue(section.select(jurisdiction: "anhui"))
        XCTAssertTrue(window.reveal(.subUnit(jurisdiction: "xpcc", subUnit: "xpcc-01")))
        XCTAssertEqual(section.selectedJurisdiction?.id, "xpcc")
        XCTAssertEqual(window.visibleSectionID, section.id)
    } }
}
