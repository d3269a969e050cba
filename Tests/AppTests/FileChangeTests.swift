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

/// The window and its file on disk: it notices when another program changes the file (a bar
/// offering Reload or Keep Mine), its own saves do not count, and saving over a file that changed
/// since it was read asks Reload, Save As… or Overwrite instead of silently replacing it.
final class FileChangeTests: WindowTestCase {
    @MainActor private static func open(_ file: URL, _ t: UITestContext, chooser: ScriptedChooser? = nil) throws -> MainWindow {
        let loaded = try SurveyFile.loadWithFingerprint(from: file)
        let window = MainWindow(survey: loaded.survey, fileURL: file, fingerprint: loaded.fingerprint,
                                services: t.makeServices(chooser: chooser))
        window.present()
        try waitForFirstFrame(window)
        return window
    }

    /// Another program saves another version of the survey into `file`.
    private static func changeElsewhere(_ file: URL, title: String) throws {
        var other = builtinSurvey
        other.meta.title = title
        try SurveyFile.save(other, to: file)
    }

    func testTheWindowNoticesItsFileChangingOnDiskButNotItsOwnSavesAndReloads() throws { try onMain { t in
        Localizer.shared.language = .english
        let file = t.folder.appendingPathComponent("watched.gongkai")
        try SurveyFile.save(Self.builtinSurvey, to: file)
        let window = try Self.open(file, t)
        defer { window.destroyForTest() }
        let watch = window.flows.fileWatch
        XCTAssertNil(watch.message)

        t.editOneCell(window)
        window.actions.map.activate("save")
        try WindowTestCase.waitForFiles()
        watch.check()
        XCTAssertNil(watch.message, "the window's own save is not a change on disk")

        try Self.changeElsewhere(file, title: "changed elsewhere")
        try Self.waitUntil("the window notices the change") { watch.message != nil }
        XCTAssertTrue(watch.message?.contains("changed on disk") == true, watch.message ?? "")
        XCTAssertTrue(gtk_widget_get_visible(watch.bar) != 0)
        watch.choose(reload: true)
        try WindowTestCase.waitForFiles()
        XCTAssertEqual(window.survey.meta.title, "changed elsewhere")
        XCTAssertFalse(window.controller.isDirty)
        XCTAssertNil(watch.message)

        try FileManager.default.removeItem(at: file)
        try Self.waitUntil("the window notices the file is gone") { watch.message != nil }
        XCTAssertTrue(watch.message?.contains("deleted or moved") == true, watch.message ?? "")
    } }

    func testSavingOverAFileChangedOnDiskAsksReloadSaveAsOrOverwrite() throws { try onMain { t in
        Localizer.shared.language = .english
        let file = t.folder.appendingPathComponent("shared.gongkai")
        try SurveyFile.save(Self.builtinSurvey, to: file)
        let chooser = ScriptedChooser()
        let window = try Self.open(file, t, chooser: chooser)
        defer { window.destroyForTest() }
        let watch = window.flows.fileWatch

        // Another program saves; the user keeps their version and goes on editing.
        try Self.changeElsewhere(file, title: "theirs")
        try Self.waitUntil("the window notices the change") { watch.message != nil }
        watch.choose(reload: false)
        XCTAssertNil(watch.message)
        let mine = t.editOneCell(window)

        window.actions.map.activate("save")
        try WindowTestCase.waitForFiles()
        let question = try XCTUnwrap(ChoiceDialog.newest(headed: "was changed on disk"))
        XCTAssertEqual(question.choices.map(\.id), ["cancel", "reload", "save-as", "overwrite"])
        XCTAssertEqual(try SurveyFile.load(from: file).meta.title, "theirs", "nothing was written")
        XCTAssertTrue(window.controller.isDirty)
        question.choose("cancel")
        XCTAssertEqual(try SurveyFile.load(from: file).meta.title, "theirs")

        window.actions.map.activate("save")
        try WindowTestCase.waitForFiles()
        try XCTUnwrap(ChoiceDialog.newest(headed: "was changed on disk")).choose("overwrite")
        try WindowTestCase.waitForFiles()
        let written = try SurveyFile.load(from: file)
        XCTAssertEqual(written.observations.first { $0.key == mine.key }, mine)
        XCTAssertEqual(written.meta.title, Self.builtinSurvey.meta.title)
        XCTAssertFalse(window.controller.isDirty)
        watch.check()
        XCTAssertNil(watch.message, "after overwriting, the file is the window's version again")

        // Again, and this time the user saves under another name: the other version stays.
        try Self.changeElsewhere(file, title: "theirs again")
        t.editOneCell(window)
        let copy = t.folder.appendingPathComponent("mine.gongkai")
        chooser.saveLocation = copy
        window.actions.map.activate("save")
        try WindowTestCase.waitForFiles()
        try XCTUnwrap(ChoiceDialog.newest(headed: "was changed on disk")).choose("save-as")
        try WindowTestCase.waitForFiles()
        XCTAssertEqual(try SurveyFile.load(from: file).meta.title, "theirs again")
        XCTAssertEqual(try SurveyFile.load(from: copy), WindowControllerTests.canonical(window.survey))
        XCTAssertEqual(window.fileURL, copy)

        // And Reload from the question takes the version on disk.
        try Self.changeElsewhere(copy, title: "changed copy")
        t.editOneCell(window)
        window.actions.map.activate("save")
        try WindowTestCase.waitForFiles()
        try XCTUnwrap(ChoiceDialog.newest(headed: "was changed on disk")).choose("reload")
        try WindowTestCase.waitForFiles()
        XCTAssertEqual(window.survey.meta.title, "changed copy")
        XCTAssertFalse(window.controller.isDirty)
    } }
}
