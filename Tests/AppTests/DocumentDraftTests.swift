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
        try WindowTestCase.waitForFiles()
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

        // The next start on that file finds it and asks.
        let app = t.makeApplication(services, fileURL: original)
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
        window.flows.drafts.finishPendingWork()
        let newDraft = window.flows.drafts.store.surveyURL(window.flows.drafts.id)
        XCTAssertEqual(newDraft, oldDraft, "the window keeps the file's draft as its own")
        XCTAssertEqual(try SurveyFile.load(from: newDraft), edited)

        // Saving writes the recovered survey to the original file and removes the draft.
        window.actions.map.activate("save")
        try WindowTestCase.waitForFiles()
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

    func testADraftIsOfferedOnlyForItsOwnFileAndRecoveringWritesNothing() throws { try onMain { t in
        Localizer.shared.language = .english
        let fileA = t.folder.appendingPathComponent("a.gongkai"), fileB = t.folder.appendingPathComponent("s2023.gongkai")
        try SurveyFile.save(Self.builtinSurvey, to: fileA)
        try SurveyFile.save(Self.builtinSurvey, to: fileB)
        let bytesA = try Data(contentsOf: fileA)
        let services = t.makeServices()

        let crashed = MainWindow(survey: try SurveyFile.load(from: fileA), fileURL: fileA, services: services)
        t.editOneCell(crashed)
        let edited = crashed.controller.survey
        let draft = try Self.waitForDraft(of: crashed)
        XCTAssertEqual(crashed.flows.drafts.id, DraftStore.id(for: fileA), "the draft is keyed by its file")
        crashed.destroyForTest()

        // Another file, and an untitled window, are not offered a's draft.
        let other = t.makeApplication(services, survey: try SurveyFile.load(from: fileB), fileURL: fileB)
        try other.startWithoutMainLoop()
        Self.drainMainLoop()
        XCTAssertNil(ChoiceDialog.newest(headed: "Recover"), "the draft of a.gongkai is not offered for s2023.gongkai")
        let window = try XCTUnwrap(other.mainWindow)
        XCTAssertEqual(window.fileURL, fileB)
        XCTAssertFalse(window.controller.isDirty)
        let untitled = try t.makeWindow(services: services)
        defer { untitled.destroyForTest() }
        DraftRecovery.offer(in: untitled)
        XCTAssertNil(ChoiceDialog.newest(headed: "Recover"), "nor to an untitled window")
        XCTAssertTrue(FileManager.default.fileExists(atPath: draft.path))

        // Opening a.gongkai (named another way) offers it; recovering changes the window, not the file.
        let link = t.folder.appendingPathComponent("link", isDirectory: true)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: t.folder)
        window.flows.open(URL(fileURLWithPath: link.path + "/./a.gongkai"))
        try WindowTestCase.waitForFiles()
        let question = try XCTUnwrap(ChoiceDialog.newest(headed: "Recover"))
        question.choose("recover")
        XCTAssertEqual(window.survey, edited)
        XCTAssertEqual(window.fileURL?.canonicalFilePath, fileA.canonicalFilePath)
        XCTAssertTrue(window.controller.isDirty, "recovered changes are unsaved")
        window.flows.drafts.finishPendingWork()
        XCTAssertEqual(try Data(contentsOf: fileA), bytesA, "recovering writes nothing to the file")
        XCTAssertEqual(try SurveyFile.load(from: fileB), Self.builtinSurvey.canonicalForTests, "the other file is untouched")
        XCTAssertEqual(try SurveyFile.load(from: draft), edited, "the window keeps the same draft")
        other.shutdown()
    } }

    func testStaleDraftsArePrunedAndHeldOnesKept() throws {
        let store = DraftStore(directory: folder.appendingPathComponent("drafts"))
        try FileManager.default.createDirectory(at: store.directory, withIntermediateDirectories: true)
        let existing = folder.appendingPathComponent("here.gongkai")
        try SurveyFile.save(Self.builtinSurvey, to: existing)
        let gone = folder.appendingPathComponent("gone.gongkai")
        let now = Date()
        func draft(_ file: URL?, daysOld: Double) throws -> String {
            let id = DraftStore.id(for: file)
            try store.write(Self.builtinSurvey, id: id, originalFile: file)
            var info = try XCTUnwrap(store.info(id))
            info.savedAt = now.addingTimeInterval(-daysOld * 24 * 3600)
            try JSONEncoder.drafts.encode(info).write(to: store.infoURL(id))
            return id
        }
        let fresh = try draft(nil, daysOld: 1), old = try draft(nil, daysOld: 40)
        let ofExisting = try draft(existing, daysOld: 2), ofGone = try draft(gone, daysOld: 2)
        let heldOld = try draft(nil, daysOld: 60)
        let held = try XCTUnwrap(try store.lock(heldOld))
        let orphan = "untitled-orphan"
        try Data("{}".utf8).write(to: store.surveyURL(orphan))
        let saving = store.directory.appendingPathComponent(".\(fresh).gongkai.lock")  // a draft being written
        try Data().write(to: saving)

        let removed = store.prune(now: now)
        XCTAssertEqual(Set(removed), [old, ofGone, orphan])
        for id in [fresh, ofExisting, heldOld] { XCTAssertNotNil(store.info(id), id) }
        for id in [old, ofGone, orphan] {
            XCTAssertFalse(FileManager.default.fileExists(atPath: store.surveyURL(id).path), id)
            XCTAssertFalse(FileManager.default.fileExists(atPath: store.infoURL(id).path), id)
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: saving.path), "a save's own lock file is not a draft")
        held.release()
    }

    func testADraftIdIsTheFilesWhicheverWayItIsNamed() throws {
        let file = folder.appendingPathComponent("x.gongkai")
        try Data().write(to: file)
        let link = folder.appendingPathComponent("link.gongkai")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: file)
        XCTAssertEqual(DraftStore.id(for: link), DraftStore.id(for: file))
        XCTAssertEqual(DraftStore.id(for: URL(fileURLWithPath: folder.path + "/../" + folder.lastPathComponent + "/x.gongkai")),
                       DraftStore.id(for: file))
        XCTAssertNotEqual(DraftStore.id(for: folder.appendingPathComponent("y.gongkai")), DraftStore.id(for: file))
        XCTAssertNotEqual(DraftStore.id(for: nil), DraftStore.id(for: nil), "each untitled document has its own")
    }

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

extension JSONEncoder {
    /// Writes `DraftInfo` files as the store does.
    static var drafts: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}

extension Survey {
    /// The survey as saving and loading gives it back (records in canonical order).
    var canonicalForTests: Survey { WindowControllerTests.canonical(self) }
}

extension JSONDecoder {
    /// Reads `DraftInfo` files.
    static var drafts: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
