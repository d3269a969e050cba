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

/// The window's actions on the real window (under Xvfb) with the built-in dataset: undo and redo,
/// New, Open, Save, Save As, the unsaved-changes question, a file that fails to load.
final class WindowActionsTests: WindowTestCase {
    func testUndoAndRedoActionsRestoreTheSurveyAndFollowTheHistory() throws { try onMain { t in
        let window = try t.makeWindow()
        defer { window.destroyForTest() }
        let actions = window.actions.map
        let original = window.survey
        XCTAssertFalse(actions.isEnabled("undo"))
        XCTAssertFalse(actions.isEnabled("redo"))

        let changed = t.editOneCell(window)
        XCTAssertTrue(actions.isEnabled("undo"))
        XCTAssertTrue(window.headerTitle.hasPrefix(WindowTitle.unsavedMark))

        actions.activate("undo")
        XCTAssertEqual(window.survey, original)
        XCTAssertFalse(window.controller.isDirty)
        XCTAssertFalse(actions.isEnabled("undo"))
        XCTAssertTrue(actions.isEnabled("redo"))
        XCTAssertFalse(window.headerTitle.hasPrefix(WindowTitle.unsavedMark))

        actions.activate("redo")
        XCTAssertEqual(window.survey.observations.first { $0.key == changed.key }, changed)
        XCTAssertFalse(actions.isEnabled("redo"))
    } }

    /// The header bar's Undo and Redo name the step they would take, after every change (their
    /// tooltips are set only when that text changes).
    func testUndoAndRedoTooltipsNameTheStep() throws { try onMain { t in
        Localizer.shared.language = .english
        let window = try t.makeWindow()
        defer { window.destroyForTest() }
        let buttons = SmallScreenLayoutTests.widgets(in: window.header)
        @MainActor func tooltip(_ action: String) throws -> String? {
            let button = try XCTUnwrap(buttons.first {
                SmallScreenLayoutTests.isA($0, gtk_button_get_type()) && String(borrowingGChars: gtk_actionable_get_action_name($0.opaque)) == action
            })
            return String(borrowingGChars: gtk_widget_get_tooltip_text(button))
        }
        XCTAssertEqual(try tooltip("win.undo"), "Undo")
        _ = t.editOneCell(window)
        XCTAssertEqual(try tooltip("win.undo"), "Undo set a cell")
        _ = t.editOneCell(window)
        XCTAssertEqual(try tooltip("win.undo"), "Undo set a cell")
        XCTAssertEqual(try tooltip("win.redo"), "Redo")
        window.actions.map.activate("undo")
        XCTAssertEqual(try tooltip("win.redo"), "Redo set a cell")
        window.actions.map.activate("undo")
        XCTAssertEqual(try tooltip("win.undo"), "Undo")
    } }

    func testSaveAsksForAPathForTheUntitledSurveyThenSavesInPlace() throws { try onMain { t in
        Localizer.shared.language = .chinese
        let chooser = ScriptedChooser()
        let window = try t.makeWindow(chooser)
        defer { window.destroyForTest() }
        t.editOneCell(window)
        let url = t.folder.appendingPathComponent("我的调研.gongkai")
        chooser.saveLocation = url

        window.actions.map.activate("save")
        try WindowTestCase.waitForFiles()
        XCTAssertEqual(chooser.saveRequests, ["调研-2018-2022.gongkai"], "an untitled survey asks where to save")
        XCTAssertEqual(try SurveyFile.load(from: url), window.controller.survey, "the file loads back equal")
        XCTAssertEqual(window.fileURL, url)
        XCTAssertFalse(window.controller.isDirty)
        XCTAssertEqual(window.headerSubtitle.hasSuffix("我的调研.gongkai"), true, window.headerSubtitle)
        XCTAssertFalse(window.headerTitle.hasPrefix(WindowTitle.unsavedMark))
        XCTAssertEqual(window.flows.services.recent.surveys().first, url)
        try Self.waitUntil("the Recent submenu lists the saved file") { window.actions.menu.recentFiles.first == url }

        // Saving again writes the same file without asking.
        window.controller.undo()
        window.actions.map.activate("save")
        try WindowTestCase.waitForFiles()
        XCTAssertEqual(chooser.saveRequests.count, 1)
        XCTAssertEqual(try SurveyFile.load(from: url), window.controller.survey)
        XCTAssertEqual(try SurveyFile.load(from: url), WindowControllerTests.canonical(Self.builtinSurvey))
    } }

    func testSaveAsWritesANewFileAndTheWindowFollowsIt() throws { try onMain { t in
        let chooser = ScriptedChooser()
        let window = try t.makeWindow(chooser)
        defer { window.destroyForTest() }
        let first = t.folder.appendingPathComponent("first.gongkai")
        chooser.saveLocation = first
        window.actions.map.activate("save")
        try WindowTestCase.waitForFiles()
        t.editOneCell(window)

        chooser.saveLocation = t.folder.appendingPathComponent("second")  // no extension typed
        window.actions.map.activate("save-as")
        try WindowTestCase.waitForFiles()
        let second = t.folder.appendingPathComponent("second.gongkai")
        XCTAssertEqual(window.fileURL, second)
        XCTAssertEqual(try SurveyFile.load(from: second), window.controller.survey)
        XCTAssertNotEqual(try SurveyFile.load(from: first), window.controller.survey, "the first file keeps its version")
        XCTAssertFalse(window.controller.isDirty)
    } }

    func testCancellingTheSaveChooserChangesNothing() throws { try onMain { t in
        let chooser = ScriptedChooser()
        let window = try t.makeWindow(chooser)
        defer { window.destroyForTest() }
        t.editOneCell(window)
        chooser.saveLocation = nil
        window.actions.map.activate("save")
        try WindowTestCase.waitForFiles()
        XCTAssertTrue(window.controller.isDirty)
        XCTAssertNil(window.fileURL)
    } }

    func testAFileThatFailsToLoadLeavesTheSurveyAndExplainsWhy() throws { try onMain { t in
        Localizer.shared.language = .chinese
        let chooser = ScriptedChooser()
        let window = try t.makeWindow(chooser)
        defer { window.destroyForTest() }
        let changed = t.editOneCell(window)
        let before = window.survey
        let broken = t.folder.appendingPathComponent("broken.gongkai")
        try Data("{\n  \"format\": \"gongkai-survey\",\n  \"version\": 1,\n  \"survey\": {\n".utf8).write(to: broken)
        let expected = DocumentFlows.describe(Self.loadError(broken))

        chooser.fileToOpen = broken
        window.actions.map.activate("open")
        try WindowTestCase.waitForFiles()
        XCTAssertEqual(window.survey, before, "the open survey is untouched")
        XCTAssertTrue(window.controller.isDirty)
        XCTAssertEqual(window.survey.observations.first { $0.key == changed.key }, changed)
        let dialog = try XCTUnwrap(ChoiceDialog.newest(headed: "broken.gongkai"), "an error dialog is shown")
        XCTAssertTrue(dialog.heading.contains("无法打开"), dialog.heading)
        XCTAssertEqual(dialog.body, expected)
        XCTAssertTrue(dialog.body.contains("过早结束"), "the model's message, in Chinese: \(dialog.body)")
        XCTAssertTrue(gtk_widget_get_visible(dialog.window) != 0)
        dialog.choose("close")
        XCTAssertFalse(dialog.isOpen)
    } }

    private static func loadError(_ url: URL) -> any Error {
        do {
            _ = try SurveyFile.load(from: url)
            return CocoaError(.fileReadUnknown)
        } catch {
            return error
        }
    }

    func testOpeningWithUnsavedChangesAsksAndCancelKeepsEverything() throws { try onMain { t in
        let chooser = ScriptedChooser()
        let window = try t.makeWindow(chooser)
        defer { window.destroyForTest() }
        var other = Self.builtinSurvey
        other.meta.title = "Another survey"
        let otherURL = t.folder.appendingPathComponent("other.gongkai")
        try SurveyFile.save(other, to: otherURL)
        t.editOneCell(window)
        let edited = window.survey

        chooser.fileToOpen = otherURL
        window.actions.map.activate("open")
        try WindowTestCase.waitForFiles()
        let question = try XCTUnwrap(ChoiceDialog.open.last)
        XCTAssertEqual(question.choices.map(\.id), ["discard", "cancel", "save"])
        question.choose("cancel")
        XCTAssertEqual(window.survey, edited)

        window.actions.map.activate("open")
        try WindowTestCase.waitForFiles()
        try XCTUnwrap(ChoiceDialog.open.last).choose("discard")
        XCTAssertEqual(window.survey.meta.title, "Another survey")
        XCTAssertEqual(window.fileURL, otherURL)
        XCTAssertFalse(window.controller.isDirty)
        XCTAssertFalse(window.actions.map.isEnabled("undo"), "a newly opened survey has no history")
    } }

    func testClosingWithUnsavedChangesAsksSaveDiscardCancel() throws { try onMain { t in
        Localizer.shared.language = .english
        let window = try t.makeWindow()
        let destroyed = Flag()
        Signals.connect(window.window, "destroy") { destroyed.value = true }
        t.editOneCell(window)

        window.actions.map.activate("close")
        let question = try XCTUnwrap(ChoiceDialog.newest(headed: "Save changes"), "closing a dirty window asks")
        let open = ChoiceDialog.open.count
        window.actions.map.activate("close")
        XCTAssertEqual(ChoiceDialog.open.count, open, "asking again brings the same question back")
        XCTAssertEqual(question.heading, "Save changes to “Untitled”?")
        XCTAssertEqual(question.choices.map(\.label), ["_Discard", "_Cancel", "_Save"])
        question.choose("cancel")
        Self.drainMainLoop()
        XCTAssertFalse(destroyed.value, "Cancel keeps the window")

        gtk_window_close(window.window.window)  // the title bar's close button
        try XCTUnwrap(ChoiceDialog.newest(headed: "Save changes")).choose("discard")
        try Self.waitUntil("the window closes") { destroyed.value }
    } }

    func testClosingACleanWindowDoesNotAsk() throws { try onMain { t in
        let window = try t.makeWindow()
        let destroyed = Flag()
        Signals.connect(window.window, "destroy") { destroyed.value = true }
        let dialogs = ChoiceDialog.open.count
        window.actions.map.activate("close")
        try Self.waitUntil("the window closes") { destroyed.value }
        XCTAssertEqual(ChoiceDialog.open.count, dialogs)
    } }

    func testNewAsksForTheYearsAndRefusesWhatIsNotAYearList() throws { try onMain { t in
        let window = try t.makeWindow()
        defer { window.destroyForTest() }
        window.actions.map.activate("new")
        let dialog = try XCTUnwrap(NewSurveyDialog.open.last)
        gtk_editable_set_text(dialog.yearsEntry.opaque, "2023-20x")
        dialog.submit()
        XCTAssertFalse(dialog.errorText.isEmpty, "bad years are explained")
        XCTAssertEqual(window.survey.years, [2018, 2019, 2020, 2021, 2022], "and nothing changes")

        gtk_editable_set_text(dialog.yearsEntry.opaque, "2023-2025")
        gtk_editable_set_text(dialog.titleEntry.opaque, "试点调研")
        dialog.submit()
        XCTAssertTrue(NewSurveyDialog.open.isEmpty)
        XCTAssertEqual(window.survey.years, [2023, 2024, 2025])
        XCTAssertEqual(window.survey.meta.title, "试点调研")
        XCTAssertEqual(window.survey.jurisdictions.count, 32)
        XCTAssertTrue(window.survey.observations.isEmpty)
        XCTAssertNil(window.fileURL)
    } }

    func testDroppedPathsOpenOnlySurveyFiles() {
        XCTAssertEqual(FileDrop.surveyFile(in: ["/a/notes.txt", "/a/b.gongkai", "/a/c.gongkai"])?.path, "/a/b.gongkai")
        XCTAssertNil(FileDrop.surveyFile(in: ["/a/notes.txt"]))
    }

    func testTheBundledDatasetIsNeverWritten() throws { try onMain { t in
        let url = try XCTUnwrap(BuiltinDataset.url)
        let bytes = try Data(contentsOf: url)
        let window = try t.makeWindow()
        defer { window.destroyForTest() }
        window.flows.open(url)
        try WindowTestCase.waitForFiles()
        XCTAssertNil(window.fileURL, "the built-in dataset opens as an untitled copy")
        t.editOneCell(window)
        t.chooser.saveLocation = url
        window.actions.map.activate("save")
        try WindowTestCase.waitForFiles()
        try XCTUnwrap(ChoiceDialog.open.last).choose("close")
        XCTAssertEqual(try Data(contentsOf: url), bytes)
        XCTAssertTrue(window.controller.isDirty)
    } }
}
