import CGtk
import Foundation
import Model
import XCTest

@testable import App

/// Shared set-up of the window, document, drafts and checks tests: GTK on the main thread under
/// Xvfb (`make test`), the built-in dataset, temporary folders, and waiting on the main loop for a
/// condition (never for a fixed time).
class WindowTestCase: XCTestCase {
    /// A private drafts folder per test, so tests never see the user's drafts or each other's.
    private(set) var dataHome: URL!

    override func setUpWithError() throws {
        try super.setUpWithError()
        dataHome = try Self.temporaryDirectory()
        setenv("XDG_DATA_HOME", dataHome.path, 1)
    }

    override func tearDown() {
        Localizer.shared.followEnvironment()
        if let dataHome { try? FileManager.default.removeItem(at: dataHome) }
        unsetenv("XDG_DATA_HOME")
        super.tearDown()
    }

    /// Runs a test body on the main actor after making sure GTK has a display.
    func onMain(_ body: @MainActor () throws -> Void) throws {
        XCTAssertTrue(Thread.isMainThread, "UI tests must run on the main thread")
        try MainActor.assumeIsolated {
            try Self.requireGtk()
            try body()
        }
    }

    /// The built-in 2018–2022 survey, as `gongkai` opens it.
    static let builtinSurvey: Survey = {
        let url = BuiltinDataset.url!
        return try! SurveyFile.load(from: url)
    }()

    @MainActor private static var gtkReady = false

    /// Initialises GTK once, failing with instructions when there is no display.
    @MainActor static func requireGtk() throws {
        if gtkReady { return }
        let env = ProcessInfo.processInfo.environment
        guard env["DISPLAY"].map({ !$0.isEmpty }) == true || env["WAYLAND_DISPLAY"].map({ !$0.isEmpty }) == true else {
            throw WindowTestError("No display (DISPLAY is unset): run the UI tests with `make test`, which starts Xvfb and D-Bus.")
        }
        guard gtk_init_check() != 0 else {
            throw WindowTestError("GTK cannot open the display \(env["DISPLAY"] ?? ""): run the UI tests with `make test`.")
        }
        gtkReady = true
    }

    /// Runs the main loop until `condition` holds; fails the test (without a time-based assertion
    /// on the result) when it never does.
    @MainActor static func waitUntil(_ what: String, _ condition: () -> Bool) throws {
        guard MainLoop.iterate(until: condition, timeout: 30) else {
            throw WindowTestError("gave up waiting: \(what)")
        }
    }

    @MainActor static func waitForFirstFrame(_ window: MainWindow) throws {
        try waitUntil("the window's first frame") { window.framesDrawn > 0 }
    }

    /// Lets pending idle callbacks run (a few main-loop iterations, no waiting).
    @MainActor static func drainMainLoop() {
        for _ in 0..<50 where g_main_context_iteration(nil, 0) != 0 {}
    }

    /// A new empty folder; removed by the caller (or with `dataHome` when inside it).
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// A failure that stops a test, with a message saying what to do.
struct WindowTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) {
        self.description = description
        XCTFail(description)
    }
}

extension Survey {
    /// The first cell's key and a status different from its current one, for tests that edit.
    func someCellEdit() -> (CellKey, Observation) {
        var observation = observations[0]
        observation.status = observation.status == .disclosed ? .notDisclosed : .disclosed
        return (observation.key, observation)
    }
}
