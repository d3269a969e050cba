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

/// Shared set-up of the window, document, drafts and checks tests: GTK on the main thread under
/// Xvfb (`make test`), the built-in dataset, temporary folders, and waiting on the main loop for a
/// condition (never for a fixed time).
class WindowTestCase: XCTestCase {
    /// A private folder per test for drafts, recent files and saved surveys, so tests never see
    /// the user's files or each other's.
    private(set) var folder: URL!

    override class func setUp() {
        TestEnvironment.isolate()
        super.setUp()
    }

    override func setUpWithError() throws {
        TestEnvironment.isolate()
        try super.setUpWithError()
        folder = try Self.temporaryDirectory()
    }

    override func tearDown() {
        Localizer.shared.followEnvironment()
        if let folder { try? FileManager.default.removeItem(at: folder) }
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

    /// Runs a test body on the main actor with the test's folder and helpers.
    func onMain(_ body: @MainActor (UITestContext) throws -> Void) throws {
        let folder = self.folder!
        try onMain {
            let context = UITestContext(folder: folder)
            defer { context.finish() }
            try body(context)
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
        TestEnvironment.isolate()  // before GLib reads (and caches) the user's folders
        let env = ProcessInfo.processInfo.environment
        guard env["DISPLAY"].map({ !$0.isEmpty }) == true || env["WAYLAND_DISPLAY"].map({ !$0.isEmpty }) == true else {
            throw WindowTestError("No display (DISPLAY is unset): run the UI tests with `make test`, which starts Xvfb and D-Bus.")
        }
        // As the application does: GTK, and the renderer it would choose on this display.
        guard RendererChoice.initGtk() else {
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

    /// Runs the main loop until every file being read or written off the main thread
    /// (`BackgroundWork`: Open, Save) is done and its result is in the window.
    @MainActor static func waitForFiles() throws {
        try waitUntil("the files read and written") { BackgroundWork.pending == 0 }
    }

    @MainActor static func waitForFirstFrame(_ window: MainWindow) throws {
        try waitUntil("the window's first frame") { window.framesDrawn > 0 }
    }

    /// The application started on the built-in dataset, its window drawn and with the keyboard (the
    /// X input focus), for tests that type real keys; the caller shuts the application down.
    @MainActor static func focusedApplicationWindow(_ t: UITestContext) throws -> (GongkaiApplication, MainWindow) {
        let app = t.makeApplication()
        try app.startWithoutMainLoop()
        let window = try XCTUnwrap(app.mainWindow)
        try waitForFirstFrame(window)
        try XKeys.focus(window.window.window)
        return (app, window)
    }

    /// Whether the window's keyboard focus is on `widget` or inside it.
    @MainActor static func focusIsIn(_ widget: UnsafeMutablePointer<GtkWidget>, of window: MainWindow) -> Bool {
        guard let focus = gtk_root_get_focus(window.window.opaque) else { return false }
        return focus == widget || gtk_widget_is_ancestor(focus, widget) != 0
    }

    /// Lets pending idle callbacks run (a few main-loop iterations, no waiting).
    @MainActor static func drainMainLoop() {
        for _ in 0..<50 where g_main_context_iteration(nil, 0) != 0 {}
    }

    /// A new empty folder; the caller removes it.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// The test process's own XDG data, config, state and cache folders, set (`setenv`) before GTK or
/// anything else reads them, so that a test run never touches the real home folder even when run
/// without `make test` (plain `swift test`). Folders that are already set to an absolute path
/// outside `$HOME` (as `make test` does) are kept.
enum TestEnvironment {
    static let variables = ["XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"]

    /// The folder holding the folders this process made (removed when the process exits).
    static let root: URL = {
        let environment = ProcessInfo.processInfo.environment
        let home = realHome
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-test-env-\(getpid())-\(UUID().uuidString)")
        for name in variables {
            if let value = environment[name], value.hasPrefix("/"), !isInside(value, home) { continue }
            let folder = root.appendingPathComponent(name.lowercased(), isDirectory: true)
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            setenv(name, folder.path, 1)
        }
        atexit { try? FileManager.default.removeItem(at: TestEnvironment.root) }
        return root
    }()

    /// The user's real home folder (from the password database, whatever `$HOME` says).
    static var realHome: String {
        if let entry = getpwuid(getuid()), let dir = entry.pointee.pw_dir { return String(cString: dir) }
        return NSHomeDirectory()
    }

    /// Makes sure the variables are set (once per process).
    static func isolate() { _ = root }

    static func isInside(_ path: String, _ folder: String) -> Bool {
        let p = URL(fileURLWithPath: path).standardizedFileURL.path, f = URL(fileURLWithPath: folder).standardizedFileURL.path
        return p == f || p.hasPrefix(f.hasSuffix("/") ? f : f + "/")
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

/// Answers the app's file choosers (`FileChooserService.scripted`) with the URLs a test sets, and
/// records what it was asked. A UI test context installs one; a test may install its own.
@MainActor
final class ScriptedChooser {
    /// The answer to an open request.
    var fileToOpen: URL?
    /// The answer to a save request.
    var saveLocation: URL?
    /// The answer to a request for a folder.
    var folder: URL?
    private(set) var requests: [FileChooserRequest] = []
    var openRequests: Int { requests.filter { $0.action == .open }.count }
    /// The suggested names of the save requests.
    var saveRequests: [String] { requests.filter { $0.action == .save }.map { $0.suggestedName ?? "" } }

    /// Makes this chooser answer every request (until another is installed or the test ends).
    func install() {
        FileChooserService.scripted = { [weak self] request in
            guard let self else { return nil }
            self.requests.append(request)
            let url = switch request.action {
            case .open: self.fileToOpen
            case .save: self.saveLocation
            case .folder: self.folder
            }
            return url.map { FileChooserAnswer($0) }
        }
    }
}

@MainActor
extension MainWindow {
    /// Destroys the window (without the clean-close path, like a crash or a kill) and lets its
    /// pending main-loop work run.
    func destroyForTest() {
        gtk_window_destroy(window.window)
        WindowTestCase.drainMainLoop()
    }
}

@MainActor
extension ChoiceDialog {
    /// The newest open dialog whose heading contains `text`.
    static func newest(headed text: String) -> ChoiceDialog? {
        open.last { $0.heading.contains(text) }
    }
}

/// A value a signal handler sets and a test reads.
@MainActor
final class Flag {
    var value = false
}

/// What a UI test works with on the main actor: its private folder, services on that folder and
/// windows made with them.
@MainActor
final class UITestContext {
    let folder: URL

    private var recentLists: [RecentFiles] = []
    private static var applications = 0

    /// The file chooser answering the app's requests (cancelling all, unless told otherwise).
    private(set) var chooser = ScriptedChooser()

    init(folder: URL) {
        self.folder = folder
        chooser.install()
    }

    /// Makes `chooser` answer the app's file choosers from now on.
    func use(_ chooser: ScriptedChooser) {
        self.chooser = chooser
        chooser.install()
    }

    /// Stores the recent-file lists now, before the test's folder goes away.
    func finish() {
        for recent in recentLists { recent.flush() }
        FileChooserService.scripted = nil
    }

    /// A new application id for each application a test starts: a registered application stays
    /// exported on the session bus until it is finalized, and two exports of one id collide.
    /// `standardServices` gives it the user's drafts folder and recent files, as `gongkai` has.
    func makeApplication(_ services: WindowServices? = nil, survey: Survey = WindowTestCase.builtinSurvey,
                         fileURL: URL? = nil, standardServices: Bool = false) -> GongkaiApplication {
        Self.applications += 1
        let id = GongkaiApplication.id + ".Test" + String(Self.applications) + "P" + String(getpid())
        return GongkaiApplication(.init(survey: survey, fileURL: fileURL,
                                        services: standardServices ? nil : (services ?? makeServices())), applicationID: id)
    }

    var draftsFolder: URL { folder.appendingPathComponent("drafts", isDirectory: true) }

    /// Services on the test's folder; `chooser` (if given) answers the file choosers from now on.
    func makeServices(chooser: ScriptedChooser? = nil) -> WindowServices {
        if let chooser { use(chooser) }
        let recent = RecentFiles(storedIn: folder.appendingPathComponent("recently-used.xbel"))
        recentLists.append(recent)
        return WindowServices(drafts: DraftStore(directory: draftsFolder), recent: recent, chooser: SurveyFileChooser(),
                              template: WindowServices.builtinTemplate)
    }

    /// A window on `survey` (default: the built-in survey, untitled, as `gongkai` opens it), shown and drawn.
    func makeWindow(_ chooser: ScriptedChooser? = nil, survey: Survey = WindowTestCase.builtinSurvey,
                    fileURL: URL? = nil, services: WindowServices? = nil) throws -> MainWindow {
        let window = MainWindow(survey: survey, fileURL: fileURL, services: services ?? makeServices(chooser: chooser))
        window.present()
        try WindowTestCase.waitForFirstFrame(window)
        return window
    }

    /// Changes one cell through the controller, as a section does; returns the new observation.
    @discardableResult
    func editOneCell(_ window: MainWindow) -> Observation {
        let (_, changed) = window.survey.someCellEdit()
        XCTAssertTrue(window.controller.perform(.setObservations([changed]), label: "set a cell"))
        return changed
    }
}
