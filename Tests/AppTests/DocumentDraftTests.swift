import CGtk
import Foundation
import Model
import XCTest

@testable import App

/// Drafts: written after changes, removed by save, discard and undoing back to the saved state,
/// kept when the window goes away without the clean path (a crash), and offered at the next start.
final class DocumentDraftTests: WindowTestCase {
    /// Waits until the window's draft is on disk (written after the debounce, on a background queue).
    @MainActor private static func waitForDraft(of window: MainWindow) throws -> URL {
        let keeper = window.flows.drafts
        let info = keeper.store.infoURL(keeper.id)
        try waitUntil("the draft is written") { FileManager.default.fileExists(atPath: info.path) }
        keeper.finishPendingWork()
        return keeper.store.surveyURL(keeper.id)
    }

    func testAChangeIsWrittenAsADraftThatLoadsBackEqual() throws { try onMain { t in
        let window = try t.makeWindow(fileURL: URL(fileURLWithPath: "/nonexistent/原件.gongkai"))
        defer { window.destroyForTest() }
        XCTAssertFalse(window.flows.drafts.hasDraft, "a clean survey has no draft")
        t.editOneCell(window)
        let draft = try Self.waitForDraft(of: window)
        XCTAssertEqual(try SurveyFile.load(from: draft), window.controller.survey)
        let info = try JSONDecoder.drafts.decode(DraftInfo.self, from: Data(contentsOf: window.flows.drafts.store.infoURL(window.flows.drafts.id)))
        XCTAssertEqual(info.originalPath, "/nonexistent/原件.gongkai")
        XCTAssertTrue(window.flows.drafts.store.recoverable().isEmpty, "a living window's draft is not offered")
    } }

    func testSavingOrUndoingBackToTheSavedStateRemovesTheDraft() throws { try onMain { t in
        let chooser = ScriptedChooser()
        let window = try t.makeWindow(chooser)
        defer { window.destroyForTest() }
        let keeper = window.flows.drafts
        t.editOneCell(window)
        let draft = try Self.waitForDraft(of: window)

        window.controller.undo()  // back to the state as opened
        keeper.finishPendingWork()
        XCTAssertFalse(FileManager.default.fileExists(atPath: draft.path))

        window.controller.redo()
        _ = try Self.waitForDraft(of: window)
        chooser.saveLocation = t.folder.appendingPathComponent("saved.gongkai")
        window.actions.map.activate("save")
        keeper.finishPendingWork()
        XCTAssertFalse(FileManager.default.fileExists(atPath: draft.path), "a normal save removes the draft")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: t.draftsFolder.path), [])
    } }

    func testDiscardingChangesRemovesTheDraft() throws { try onMain { t in
        let window = try t.makeWindow()
        let destroyed = Flag()
        Signals.connect(window.window, "destroy") { destroyed.value = true }
        t.editOneCell(window)
        let draft = try Self.waitForDraft(of: window)
        window.actions.map.activate("close")
        try XCTUnwrap(ChoiceDialog.open.last).choose("discard")
        try Self.waitUntil("the window closes") { destroyed.value }
        XCTAssertFalse(FileManager.default.fileExists(atPath: draft.path))
    } }

    func testAfterACrashTheNextStartOffersTheDraftAndRecoversItUnsaved() throws { try onMain { t in
        Localizer.shared.language = .chinese
        let original = t.folder.appendingPathComponent("原件.gongkai")
        try SurveyFile.save(Self.builtinSurvey, to: original)
        let services = t.makeServices()

        // A window edits its file, the draft is written, then the window dies without saving.
        let crashed = MainWindow(survey: Self.builtinSurvey, fileURL: original, services: services)
        crashed.present()
        let changed = t.editOneCell(crashed)
        let edited = crashed.controller.survey
        let oldDraft = try Self.waitForDraft(of: crashed)
        crashed.destroyForTest()
        XCTAssertTrue(FileManager.default.fileExists(atPath: oldDraft.path), "a crash leaves the draft")

        // The next start finds it and asks.
        let app = t.makeApplication(services)
        try app.startWithoutMainLoop()
        defer { app.shutdown() }
        try Self.waitUntil("the recovery question") { ChoiceDialog.newest(headed: "恢复未保存的更改") != nil }
        let question = try XCTUnwrap(ChoiceDialog.newest(headed: "恢复未保存的更改"))
        XCTAssertTrue(question.body.contains("原件.gongkai"), question.body)
        XCTAssertEqual(question.choices.map(\.id), ["discard", "recover"])
        question.choose("recover")

        let window = try XCTUnwrap(app.mainWindow)
        XCTAssertEqual(window.survey, edited)
        XCTAssertEqual(window.survey.observations.first { $0.key == changed.key }, changed)
        XCTAssertEqual(window.fileURL, original, "bound to its original file")
        XCTAssertTrue(window.controller.isDirty, "recovered changes are unsaved")
        XCTAssertTrue(window.headerTitle.hasPrefix(WindowTitle.unsavedMark))
        XCTAssertFalse(FileManager.default.fileExists(atPath: oldDraft.path), "the old draft is gone…")
        window.flows.drafts.finishPendingWork()
        let newDraft = window.flows.drafts.store.surveyURL(window.flows.drafts.id)
        XCTAssertEqual(try SurveyFile.load(from: newDraft), edited, "…and the new window keeps its own")

        // Saving writes the recovered survey to the original file and removes the draft.
        window.actions.map.activate("save")
        window.flows.drafts.finishPendingWork()
        XCTAssertEqual(try SurveyFile.load(from: original), edited)
        XCTAssertFalse(FileManager.default.fileExists(atPath: newDraft.path))
    } }

    func testDiscardingAnOfferedDraftDeletesIt() throws { try onMain { t in
        let services = t.makeServices()
        let crashed = MainWindow(survey: Self.builtinSurvey, fileURL: nil, services: services)
        t.editOneCell(crashed)
        let draft = try Self.waitForDraft(of: crashed)
        crashed.destroyForTest()

        let window = MainWindow(survey: Self.builtinSurvey, fileURL: nil, services: services)
        defer { window.destroyForTest() }
        DraftRecovery.offer(in: window)
        try XCTUnwrap(ChoiceDialog.open.last).choose("discard")
        XCTAssertFalse(FileManager.default.fileExists(atPath: draft.path))
        XCTAssertTrue(services.drafts.recoverable().isEmpty)
        XCTAssertFalse(window.controller.isDirty)
        XCTAssertEqual(window.survey, WindowControllerTests.canonical(Self.builtinSurvey))
    } }

    func testADraftLockIsExclusiveUntilReleased() throws {
        let store = DraftStore(directory: folder.appendingPathComponent("locks"))
        let first = try XCTUnwrap(try store.lock("a"))
        XCTAssertNil(try store.lock("a"), "a second lock in the same process is refused, as in another process")
        first.release()
        XCTAssertNotNil(try store.lock("a"))
    }

    func testTheDraftsFolderFollowsXDGDataHome() {
        XCTAssertEqual(DraftStore.standard(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/u"]).directory.path,
                       "/data/gongkai/drafts")
        XCTAssertEqual(DraftStore.standard(environment: ["HOME": "/home/u"]).directory.path,
                       "/home/u/.local/share/gongkai/drafts")
        XCTAssertEqual(DraftStore.standard(environment: ["XDG_DATA_HOME": "relative", "HOME": "/home/u"]).directory.path,
                       "/home/u/.local/share/gongkai/drafts", "a relative XDG_DATA_HOME is ignored, as the spec says")
    }
}

extension JSONDecoder {
    /// Reads `DraftInfo` files.
    static var drafts: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
