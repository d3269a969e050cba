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

/// One survey file, one window: `gongkai FILE` twice, under the test's own D-Bus session and X
/// display, hands the file to the first instance (which raises its window) and exits; another
/// file opens a second window in the first process. Waits are bounded only to fail instead of
/// hanging; nothing about time is asserted.
final class SingleInstanceTests: WindowTestCase {
    func testASecondLaunchWithTheSameFileRaisesTheFirstInstanceAndAnotherFileOpensThere() throws {
        let env = ProcessInfo.processInfo.environment
        guard env["DISPLAY"].map({ !$0.isEmpty }) == true, env["DBUS_SESSION_BUS_ADDRESS"].map({ !$0.isEmpty }) == true else {
            throw WindowTestError("No display or session bus: run the tests with `make test` (Xvfb and dbus-run-session).")
        }
        let marker = "single-" + UUID().uuidString.prefix(8).lowercased()
        let fileA = folder.appendingPathComponent("\(marker)-a.gongkai"), fileB = folder.appendingPathComponent("\(marker)-b.gongkai")
        try SurveyFile.save(Self.builtinSurvey, to: fileA)
        try SurveyFile.save(Self.builtinSurvey, to: fileB)

        let first = try Self.launch(fileA)
        var others: [Process] = []
        defer {
            for process in others + [first] where process.isRunning {
                process.terminate()
                process.waitUntilExit()
            }
        }
        try Self.poll("the first instance shows a window for a") { Self.windows(named: fileA.lastPathComponent) == 1 }

        let second = try Self.launch(fileA)
        others.append(second)
        try Self.poll("the second launch hands a to the first instance and exits") { !second.isRunning }
        XCTAssertEqual(second.terminationStatus, 0)
        XCTAssertTrue(first.isRunning)
        XCTAssertEqual(Self.windows(named: fileA.lastPathComponent), 1, "a is not open twice")

        let third = try Self.launch(URL(fileURLWithPath: folder.path + "/./" + fileB.lastPathComponent))
        others.append(third)
        try Self.poll("the launch with b hands it to the first instance and exits") { !third.isRunning }
        XCTAssertEqual(third.terminationStatus, 0)
        try Self.poll("the first instance opens a window for b") { Self.windows(named: fileB.lastPathComponent) == 1 }
        XCTAssertEqual(Self.windows(named: fileA.lastPathComponent), 1)
        XCTAssertTrue(first.isRunning)
    }

    func testOpeningAFileAlreadyShownRaisesItsWindowAndAnotherFileGetsANewOne() throws { try onMain { t in
        let fileA = t.folder.appendingPathComponent("a.gongkai"), fileB = t.folder.appendingPathComponent("b.gongkai")
        try SurveyFile.save(Self.builtinSurvey, to: fileA)
        try SurveyFile.save(Self.builtinSurvey, to: fileB)
        let app = t.makeApplication(survey: try SurveyFile.load(from: fileA), fileURL: fileA)
        try app.startWithoutMainLoop()
        defer { app.shutdown() }
        XCTAssertEqual(app.windows.count, 1)
        app.open([URL(fileURLWithPath: t.folder.path + "/../" + t.folder.lastPathComponent + "/a.gongkai")])
        XCTAssertEqual(app.windows.count, 1, "the same file, named another way, raises its window")
        app.open([fileB])
        // Read off the main thread, with a's window saying so; b's window comes when it is read.
        XCTAssertEqual(app.windows[0].flows.progress.text, tr("Opening “%1”…", "b.gongkai"))
        XCTAssertEqual(app.windows.count, 1)
        try WindowTestCase.waitForFiles()
        XCTAssertNil(app.windows[0].flows.progress.text)
        XCTAssertEqual(app.windows.map { $0.fileURL?.lastPathComponent }, ["a.gongkai", "b.gongkai"])
        // A file that cannot be read is explained in the window, which stays as it is.
        let broken = t.folder.appendingPathComponent("broken.gongkai")
        try Data("{\"format\": \"gongkai\", ".utf8).write(to: broken)
        app.open([broken])
        try WindowTestCase.waitForFiles()
        XCTAssertEqual(app.windows.count, 2)

        // File › Open in b's window of the file a's window shows brings a's window forward instead.
        let b = app.windows[1]
        b.flows.open(fileA)
        try WindowTestCase.waitForFiles()
        XCTAssertEqual(b.fileURL?.lastPathComponent, "b.gongkai")
        XCTAssertEqual(app.windows.count, 2)
    } }

    // MARK: Helpers

    /// Starts `gongkai FILE` as a user would (the built executable beside the test bundle).
    private static func launch(_ file: URL) throws -> Process {
        var executable = Bundle(for: Self.self).bundleURL.deletingLastPathComponent().appendingPathComponent("gongkai")
        if !FileManager.default.isExecutableFile(atPath: executable.path) {
            executable = Bundle.main.bundleURL.appendingPathComponent("gongkai")
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = [file.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Polls `condition` (another process is doing the work) and gives up after a generous bound.
    private static func poll(_ what: String, _ condition: () -> Bool) throws {
        let limit = Date().addingTimeInterval(60)
        while !condition() {
            guard Date() < limit else { throw WindowTestError("gave up waiting: \(what)") }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    /// How many X windows have a title containing `name` (`xdotool search --name`).
    private static func windows(named name: String) -> Int {
        guard let path = ["/usr/bin/xdotool", "/usr/local/bin/xdotool"].first(where: FileManager.default.isExecutableFile) else {
            XCTFail("xdotool is not installed: run `make deps` (it is in DEB_PACKAGES).")
            return -1
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["search", "--name", NSRegularExpression.escapedPattern(for: name)]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).count
    }
}
