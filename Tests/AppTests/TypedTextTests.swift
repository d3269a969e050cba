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

/// Invalid values are never silently discarded: a field refuses text it cannot take, keeps it
/// with the reason beside it and the survey keeps its previous value; saving or closing while
/// refused text is in a field (or was left behind when the form moved on) says so first; typing
/// not yet committed is committed by Save.
final class TypedTextTests: WindowTestCase {
    @MainActor private static func outreach(_ window: MainWindow) throws -> OutreachSection {
        let section = try XCTUnwrap(window.sections.compactMap { $0 as? OutreachSection }.first)
        window.showSection(id: section.id)
        return section
    }

    @MainActor private static func sentDate(_ survey: Survey, _ jurisdiction: String) -> PartialDate? {
        survey.outreach.first { $0.jurisdiction == jurisdiction }?.letter?.sentDate
    }

    func testABadDateIsRefusedWithItsReasonAndSavingOrClosingSaysSoBeforeGoingOnWithoutIt() throws { try onMain { t in
        Localizer.shared.language = .english
        let file = t.folder.appendingPathComponent("letters.gongkai")
        try SurveyFile.save(Self.builtinSurvey, to: file)
        let window = try t.makeWindow(survey: try SurveyFile.load(from: file), fileURL: file)
        let destroyed = Flag()
        Signals.connect(window.window, "destroy") { destroyed.value = true }
        defer { if !destroyed.value { window.destroyForTest() } }
        let section = try Self.outreach(window)
        XCTAssertTrue(section.select(jurisdiction: "henan"))
        let before = Self.sentDate(window.survey, "henan")

        section.letter.sentDate.enter("2023-13-45")
        let reason = try XCTUnwrap(section.letter.sentDate.refusal, "the field refuses the text")
        XCTAssertTrue(reason.contains("Not a date"), reason)
        XCTAssertEqual(section.letter.sentDate.text, "2023-13-45", "the field keeps what was typed")
        XCTAssertEqual(String(borrowingGChars: gtk_entry_get_icon_tooltip_text(section.letter.sentDate.widget.cast(), GTK_ENTRY_ICON_SECONDARY)),
                       reason, "the reason is shown beside the field")
        XCTAssertEqual(Self.sentDate(window.survey, "henan"), before, "the survey keeps the previous value")
        let bytes = try Data(contentsOf: file)

        // Save says what it would leave out; Go Back writes nothing.
        window.actions.map.activate("save")
        try WindowTestCase.waitForFiles()
        let question = try XCTUnwrap(ChoiceDialog.newest(headed: "not in the survey"))
        XCTAssertTrue(question.body.contains("Sent on: “2023-13-45”"), question.body)
        question.choose("back")
        XCTAssertEqual(try Data(contentsOf: file), bytes)

        // The form moves to another jurisdiction: the text leaves the field but not the list.
        XCTAssertTrue(section.select(jurisdiction: "beijing"))
        XCTAssertNil(section.letter.sentDate.refusal)
        XCTAssertFalse(window.controller.isDirty)
        window.actions.map.activate("close")
        let onClose = try XCTUnwrap(ChoiceDialog.newest(headed: "not in the survey"), "closing a clean survey still tells")
        XCTAssertTrue(onClose.body.contains("2023-13-45"), onClose.body)
        onClose.choose("back")
        Self.drainMainLoop()
        XCTAssertFalse(destroyed.value)

        // Told, the user saves without it, and closing then asks nothing more.
        window.actions.map.activate("save")
        try WindowTestCase.waitForFiles()
        try XCTUnwrap(ChoiceDialog.newest(headed: "not in the survey")).choose("go")
        XCTAssertEqual(Self.sentDate(try SurveyFile.load(from: file), "henan"), before)
        window.actions.map.activate("close")
        try Self.waitUntil("the window closes") { destroyed.value }
    } }

    func testSaveCommitsTextStillBeingTyped() throws { try onMain { t in
        let file = t.folder.appendingPathComponent("typing.gongkai")
        try SurveyFile.save(Self.builtinSurvey, to: file)
        let window = try t.makeWindow(survey: try SurveyFile.load(from: file), fileURL: file)
        defer { window.destroyForTest() }
        let section = try Self.outreach(window)
        XCTAssertTrue(section.select(jurisdiction: "henan"))
        section.letter.sentDate.text = "2023-04"  // typed; the cursor is still in the field
        window.actions.map.activate("save")
        try WindowTestCase.waitForFiles()
        XCTAssertEqual(Self.sentDate(try SurveyFile.load(from: file), "henan"), PartialDate(parsing: "2023-04"))
        XCTAssertFalse(window.controller.isDirty)
    } }

    func testEveryKindOfCheckRefusesWithAReasonAndPassesGoodText() throws { try onMain {
        Localizer.shared.language = .english
        let cases: [(FieldCheck, bad: String, good: [String])] = [
            (.date, "2023-13-45", ["", "2023", "2023-02", "2024-02-29"]),
            (.dates, "2020, 2021-13", ["", "2020", "2020-01-02, 2021"]),
            (.required, "  ", ["x"]),
            (.link, "ftp://example.org", ["", "https://example.org/a"]),
        ]
        for (check, bad, good) in cases {
            let entry = CommitEntry(check: check)
            var committed: [String] = []
            entry.onCommit = { committed.append($0); return true }
            entry.show("old")
            entry.enter(bad)
            XCTAssertEqual(committed, [], "\(check): \(bad) is refused before the handler")
            XCTAssertNotNil(entry.refusal, "\(check)")
            XCTAssertTrue(entry.isInvalid)
            for text in good {
                entry.enter(text)
                XCTAssertNil(entry.refusal, "\(check): \(text)")
            }
            XCTAssertEqual(committed, good.filter { $0 != "old" }, "\(check)")
        }
        let refusing = CommitEntry()
        refusing.onCommit = { _ in false }
        refusing.enter("anything")
        XCTAssertNotNil(refusing.refusal, "a handler's refusal is kept too")
    } }
}
