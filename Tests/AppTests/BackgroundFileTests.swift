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

/// Open and Save read, decode and write the survey file off the main thread, with a bar saying
/// so: the window keeps drawing and answering meanwhile, and ends with the survey read (or the
/// file written from the survey as it was when Save was chosen).
final class BackgroundFileTests: WindowTestCase {
    func testOpeningALargeFileKeepsTheMainLoopRunning() throws { try onMain { t in
        Localizer.shared.language = .english
        let window = try t.makeWindow()
        defer { window.destroyForTest() }
        let folder = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("large.gongkai")
        let large = SyntheticSurvey.make(enterprises: 20_000, years: 2015...2024, seed: 7)
        try SurveyFile.save(large, to: url)

        // Idle callbacks run only while the main loop runs: count those before the survey is in.
        var idles = 0, idlesWhenInstalled: Int?
        let idle = MainLoop.idle { idles += 1; return .keep }
        defer { g_source_remove(idle) }
        window.controller.observe { change in if change == .replaced { idlesWhenInstalled = idles } }

        window.flows.open(url)
        XCTAssertEqual(window.flows.progress.text, "Opening “large.gongkai”…", "a bar says what is going on")
        XCTAssertTrue(window.flows.isBusy)
        XCTAssertNil(idlesWhenInstalled, "open returns before the survey is read")
        try Self.waitForFiles()
        let installed = try XCTUnwrap(idlesWhenInstalled, "the survey read is installed")
        XCTAssertGreaterThan(installed, 0, "the main loop ran while the file was read")
        XCTAssertEqual(window.fileURL, url)
        XCTAssertEqual(window.survey.enterprises.count, large.enterprises.count)
        XCTAssertFalse(window.controller.isDirty)
        XCTAssertNil(window.flows.progress.text, "the bar goes when the survey is in")
        XCTAssertFalse(window.flows.isBusy)
    } }

    func testAFileThatFailsToLoadIsReportedAndTheSurveyStays() throws { try onMain { t in
        Localizer.shared.language = .english
        let window = try t.makeWindow()
        defer { window.destroyForTest() }
        let folder = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("broken.gongkai")
        try Data("{\"format\": \"gongkai-survey\", \"version\": 1, \"survey\": {".utf8).write(to: url)
        let before = window.survey
        window.flows.open(url)
        try Self.waitForFiles()
        let dialog = try XCTUnwrap(ChoiceDialog.newest(headed: "Could not open “broken.gongkai”"))
        XCTAssertTrue(dialog.body.contains(url.path) || dialog.body.contains("broken.gongkai"), dialog.body)
        dialog.choose("close")
        XCTAssertEqual(window.survey, before)
        XCTAssertNil(window.fileURL)
        XCTAssertNil(window.flows.progress.text)
    } }

    /// An edit made while the survey is being written is not in the file, and leaves the survey unsaved.
    func testASaveInProgressWritesTheSurveyAsItWasWhenSaveWasChosen() throws { try onMain { t in
        Localizer.shared.language = .english
        let window = try t.makeWindow()
        defer { window.destroyForTest() }
        let folder = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("snapshot.gongkai")
        t.chooser.saveLocation = url
        let first = t.editOneCell(window)
        let saved = window.survey

        window.actions.map.activate("save")
        XCTAssertEqual(window.flows.progress.text, "Saving “snapshot.gongkai”…", "the save is under way off the main thread")
        // An edit while the file is written: another cell.
        var other = try XCTUnwrap(window.survey.observations.first { $0.key != first.key && $0.status != .disclosed })
        other.status = .disclosed
        XCTAssertTrue(window.controller.perform(.setObservations([other]), label: "second"))
        try Self.waitForFiles()

        XCTAssertNil(window.flows.progress.text)
        XCTAssertEqual(window.fileURL, url)
        XCTAssertEqual(try SurveyFile.load(from: url), saved, "the file holds the survey as it was when Save was chosen")
        XCTAssertTrue(window.controller.isDirty, "the later edit is not saved")
        XCTAssertTrue(window.headerTitle.hasPrefix(WindowTitle.unsavedMark))
        window.actions.map.activate("undo")
        XCTAssertFalse(window.controller.isDirty, "undoing the later edit comes back to the state saved")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp") }
        XCTAssertEqual(leftovers, [], "no temporary file is left")

        // Saving again writes the edit, expecting the version the first save wrote.
        window.actions.map.activate("redo")
        window.actions.map.activate("save")
        try Self.waitForFiles()
        XCTAssertFalse(window.controller.isDirty)
        XCTAssertNil(ChoiceDialog.newest(headed: "was changed on disk"))
        XCTAssertEqual(try SurveyFile.load(from: url).observations.first { $0.key == other.key }?.status, .disclosed)
    } }

    /// Two saves asked for at once are written one after the other, the second expecting the first's file.
    func testASaveAskedForDuringAnotherWaitsForIt() throws { try onMain { t in
        let window = try t.makeWindow()
        defer { window.destroyForTest() }
        let folder = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("twice.gongkai")
        t.chooser.saveLocation = url
        t.editOneCell(window)
        window.actions.map.activate("save")
        XCTAssertTrue(window.controller.isSaving)
        t.editOneCell(window)
        var results: [Bool] = []
        window.flows.save { results.append($0) }
        try Self.waitForFiles()
        try Self.waitUntil("both saves are done") { results.count == 1 && !window.controller.isSaving }
        XCTAssertEqual(results, [true])
        XCTAssertNil(ChoiceDialog.newest(headed: "was changed on disk"), "the second save expected the first one's file")
        XCTAssertFalse(window.controller.isDirty)
        XCTAssertEqual(try SurveyFile.load(from: url), window.survey)
    } }
}
