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

/// The test harness keeps tests out of the real home folder even without `make test`: the XDG
/// folders are the test process's own (`TestEnvironment`), and a whole window session on the
/// user's standard services — open, edit, draft, save, close — writes nothing under `$HOME`.
final class HomeFolderTests: WindowTestCase {
    func testAWholeWindowSessionWritesNothingUnderTheRealHome() throws { try onMain { t in
        let home = TestEnvironment.realHome
        let environment = ProcessInfo.processInfo.environment
        for name in TestEnvironment.variables {
            let value = try XCTUnwrap(environment[name], name)
            XCTAssertFalse(TestEnvironment.isInside(value, home), "\(name) = \(value) is inside \(home)")
        }
        let marker = "home-check-" + UUID().uuidString.lowercased()
        let file = t.folder.appendingPathComponent("\(marker).gongkai")
        var survey = Self.builtinSurvey
        survey.meta.title = marker
        try SurveyFile.save(survey, to: file)
        let started = Date().addingTimeInterval(-2)

        // The application with the user's own drafts folder and recent files, as `gongkai FILE` has.
        let app = t.makeApplication(survey: try SurveyFile.load(from: file), fileURL: file, standardServices: true)
        try app.startWithoutMainLoop()
        defer { app.shutdown() }
        let window = try XCTUnwrap(app.mainWindow)
        let destroyed = Flag()
        Signals.connect(window.window, "destroy") { destroyed.value = true }
        let keeper = window.flows.drafts
        XCTAssertFalse(TestEnvironment.isInside(keeper.store.directory.path, home), keeper.store.directory.path)
        t.editOneCell(window)
        try Self.waitUntil("the draft is written") { FileManager.default.fileExists(atPath: keeper.store.infoURL(keeper.id).path) }
        window.actions.map.activate("save")
        try WindowTestCase.waitForFiles()
        keeper.finishPendingWork()
        RecentFiles.shared.flush()
        window.actions.map.activate("close")
        try Self.waitUntil("the window closes") { destroyed.value }

        let dataHome = try XCTUnwrap(environment["XDG_DATA_HOME"])
        let recent = try String(contentsOfFile: dataHome + "/recently-used.xbel", encoding: .utf8)
        XCTAssertTrue(recent.contains(marker), "the session did use the test's own data folder")
        let places = [".local/share/gongkai", ".local/share/recently-used.xbel", ".config/gongkai", ".local/state/gongkai",
                      ".cache/gongkai"].map { URL(fileURLWithPath: home).appendingPathComponent($0) }
        for file in places.flatMap(Self.files(under:)) {
            guard let modified = try? file.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate,
                  modified >= started, let data = try? Data(contentsOf: file) else { continue }
            XCTAssertFalse(String(decoding: data, as: UTF8.self).contains(marker), "the session wrote \(file.path)")
        }
    } }

    /// The regular files at or under `url` (none when it does not exist).
    private static func files(under url: URL) -> [URL] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return [] }
        guard isFolder.boolValue else { return [url] }
        let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey])
        return (walker?.allObjects as? [URL] ?? []).filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
    }
}
