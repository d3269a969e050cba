import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// The GTK application: owns the `GtkApplication`, sets up the application's actions, accelerators
/// and icon on `startup`, opens a window per survey file and offers to recover a draft left by a
/// crash. In screenshot mode it saves the window's pictures after the first frame and quits.
///
/// It is single-instance: the first `gongkai` claims the application id on the session bus; a
/// later `gongkai FILE` hands FILE to it (`open`) and exits. A file that is already open raises
/// its window; another file opens a new window in the same process; `gongkai` without a file
/// raises a window (`activate`). Screenshot runs and tests are not unique (each is its own
/// instance); the command-line subcommands never make an application at all.
@MainActor
package final class GongkaiApplication {
    /// The application id (reverse DNS; also the D-Bus name, the icon's and the desktop file's name).
    package static let id = AppInfo.id

    /// What to show when the application starts.
    package struct Launch {
        package var survey: Survey
        /// The file the survey came from; nil for the built-in dataset or a new survey.
        package var fileURL: URL?
        /// Which version of that file was read (saving checks the file is still that version).
        package var fingerprint: FileFingerprint?
        /// With a directory, render every section to `<dir>/<section id>.png` and quit.
        package var screenshotDirectory: URL?
        /// The window's size for the screenshots (nil: its default size).
        package var screenshotSize: (width: Int32, height: Int32)?
        /// Drafts, recent files and file chooser (nil: the user's own, see `WindowServices.standard`).
        package var services: WindowServices?
        /// Started by D-Bus activation (`--gapplication-service`): wait on the bus to be activated.
        package var isService = false
        package init(survey: Survey, fileURL: URL? = nil, fingerprint: FileFingerprint? = nil, screenshotDirectory: URL? = nil, screenshotSize: (width: Int32, height: Int32)? = nil, services: WindowServices? = nil, isService: Bool = false) {
            self.survey = survey
            self.fileURL = fileURL
            self.fingerprint = fingerprint
            self.screenshotDirectory = screenshotDirectory
            self.screenshotSize = screenshotSize
            self.services = services
            self.isService = isService
        }
    }

    /// Set in the environment, the application quits once its first window has drawn its first
    /// frame (what the start-up measurements count up to).
    package static let exitAfterFirstFrameVariable = "GONGKAI_EXIT_AFTER_FIRST_FRAME"

    private let launch: Launch
    /// The launch's survey, until a window shows it (then files are read from disk).
    private var launchSurvey: Survey?
    package let application: UnsafeMutablePointer<GtkApplication>
    /// The open windows, oldest first.
    package private(set) var windows: [MainWindow] = []
    /// The first open window.
    package var mainWindow: MainWindow? { windows.first }
    /// The process exit status `run()` returns (screenshot failures make it non-zero).
    private var exitStatus: Int32 = 0
    private var tour: ScreenshotTour?
    private let unique: Bool

    /// `applicationID` is `id` except where several applications run in one process (tests);
    /// an application is unique (single-instance) only with the real id and outside screenshot mode.
    package init(_ launch: Launch, applicationID: String = GongkaiApplication.id) {
        self.launch = launch
        launchSurvey = launch.survey
        unique = applicationID == Self.id && launch.screenshotDirectory == nil
        let flags = unique ? G_APPLICATION_HANDLES_OPEN
            : GApplicationFlags(rawValue: G_APPLICATION_HANDLES_OPEN.rawValue | G_APPLICATION_NON_UNIQUE.rawValue)
        application = gtk_application_new(applicationID, flags)
        if launch.isService { ServiceMode.apply(to: application) }
        Signals.connect(application, "startup") { [weak self] in self?.startup() }
        Signals.connect(application, "activate") { [weak self] in self?.activate() }
        ApplicationOpen.connect(application) { [weak self] urls in self?.open(urls) }
    }

    /// Runs the main loop until the last window closes (or the screenshots are saved), or hands
    /// the file to the instance already running. Returns the process exit status.
    package func run() -> Int32 {
        ToolkitLanguage.match(Localizer.shared.language)  // before GTK starts and reads the locale
        RendererChoice.beforeGtkInit()  // before GTK opens the display
        if unique { registerOrStandAlone() }
        // Command-line arguments are ArgumentParser's business; GApplication gets only the file.
        let files = launch.screenshotDirectory == nil ? (launch.fileURL.map { [$0] } ?? []) : []
        let status = ApplicationOpen.run(application, files: files)
        unref(application)
        return status != 0 ? status : exitStatus
    }

    /// Claims the id on the session bus; without a usable bus the application runs on its own
    /// (non-unique) instead of failing.
    private func registerOrStandAlone() {
        var error: UnsafeMutablePointer<GError>?
        if g_application_register(application.gApplication, nil, &error) != 0 { return }
        let message = error.map { String(cString: $0.pointee.message) } ?? "unknown error"
        g_clear_error(&error)
        StandardStream.error.report("gongkai: \(message); running as a separate instance")
        let flags = g_application_get_flags(application.gApplication)
        g_application_set_flags(application.gApplication, GApplicationFlags(rawValue: flags.rawValue | G_APPLICATION_NON_UNIQUE.rawValue))
    }

    /// Starts the application as `run()` would — startup, then activate — but leaves the main loop
    /// to the caller (tests iterate it themselves). End with `shutdown()`.
    package func startWithoutMainLoop() throws {
        var error: UnsafeMutablePointer<GError>?
        guard g_application_register(application.gApplication, nil, &error) != 0 else {
            let message = error.map { String(cString: $0.pointee.message) } ?? "unknown error"
            g_clear_error(&error)
            throw ScreenshotError(description: message)
        }
        g_application_activate(application.gApplication)
    }

    /// Destroys the windows of an application started with `startWithoutMainLoop()` (without the
    /// clean-close path: drafts stay, as after a crash) and releases it.
    package func shutdown() {
        for window in windows { gtk_window_destroy(window.window.window) }
        windows = []
        unref(application)
    }

    /// The window showing `url` (the same file, however it is named), if any.
    package func window(showing url: URL) -> MainWindow? {
        let path = url.canonicalFilePath
        return windows.first { $0.fileURL?.canonicalFilePath == path }
    }

    /// Opens files given on a command line (this launch's or a later one's): a file already open
    /// raises its window, another gets a new window; a file that cannot be read is explained.
    /// While a window is open, a file handed over by a later launch is read off the main thread,
    /// with that window's bar saying so (the window stays usable); the new window comes when it
    /// is read.
    package func open(_ urls: [URL]) {
        for url in urls {
            if let shown = window(showing: url) {
                shown.present()
                continue
            }
            if let preloaded = launchSurvey, let launchFile = launch.fileURL,
               launchFile.canonicalFilePath == url.canonicalFilePath {
                showWindow(preloaded, fileURL: url, fingerprint: launch.fingerprint)
            } else if let shown = windows.last {
                shown.flows.read(url) { [weak self] result in
                    guard let self else { return }
                    switch result {
                    case .success(let loaded):
                        if let open = self.window(showing: url) { open.present() } else {
                            self.showWindow(loaded.survey, fileURL: url, fingerprint: loaded.fingerprint)
                        }
                    case .failure(let error): self.reportUnreadable(url, error)
                    }
                }
            } else {
                do {
                    let loaded = try SurveyFile.loadWithFingerprint(from: url)
                    showWindow(loaded.survey, fileURL: url, fingerprint: loaded.fingerprint)
                } catch {
                    reportUnreadable(url, error)
                }
            }
        }
    }

    /// A file that cannot be read: explained in the newest window, or on stderr when there is none.
    private func reportUnreadable(_ url: URL, _ error: any Error) {
        let heading = tr("Could not open “%1”", url.lastPathComponent)
        if let shown = windows.last {
            shown.flows.showError(heading: heading, message: DocumentFlows.describe(error))
        } else {
            StandardStream.error.report("gongkai: \(heading): \(DocumentFlows.describe(error))")
        }
    }

    private func startup() {
        RendererChoice.apply()
        AppIcon.install()
        AppActions.register(on: application, window: { [weak self] in self?.activeWindow },
                            windows: { [weak self] in self?.windows ?? [] })
    }

    /// The window the user works in (the focused one, else the newest).
    package var activeWindow: MainWindow? {
        let active = gtk_application_get_active_window(application)
        return windows.first { $0.window.window == active } ?? windows.last
    }

    private func activate() {
        if let shown = windows.last {
            shown.present()
            return
        }
        guard let survey = launchSurvey else { return }
        let window = showWindow(survey, fileURL: launch.fileURL, fingerprint: launch.fingerprint,
                                offerDrafts: launch.screenshotDirectory == nil)
        if let directory = launch.screenshotDirectory {
            if let size = launch.screenshotSize { gtk_window_set_default_size(window.window.window, size.width, size.height) }
            tour = ScreenshotTour(window: window, directory: directory) { [weak self] failure in
                if let failure {
                    StandardStream.error.report("gongkai: \(failure)")
                    self?.exitStatus = 1
                }
                self?.tour = nil
                if let app = self?.application { g_application_quit(app.gApplication) }
            }
            tour?.start()
        }
    }

    /// A new window on `survey`, shown; the draft of its file (or an untitled one) is offered once
    /// it is on screen.
    @discardableResult
    private func showWindow(_ survey: Survey, fileURL: URL?, fingerprint: FileFingerprint?, offerDrafts: Bool = true) -> MainWindow {
        launchSurvey = nil
        let bundled = fileURL.map(WindowServices.isBundledDataset) ?? false
        let window = MainWindow(survey: survey, fileURL: bundled ? nil : fileURL, fingerprint: fingerprint,
                                application: application, services: launch.services ?? .standard())
        windows.append(window)
        OpenWindows.add(window)
        Signals.connect(window.window, "destroy") { [weak self, weak window] in
            self?.windows.removeAll { $0 === window }
        }
        if let fileURL, !bundled { window.flows.services.recent.add(fileURL) }
        window.present()
        if ProcessInfo.processInfo.environment[Self.exitAfterFirstFrameVariable] != nil {
            // Start-up measurements (`scripts/startup-callgrind.sh`): the process ends at its first frame.
            window.onNextFrame { [weak self] in
                if let application = self?.application { g_application_quit(application.gApplication) }
            }
        }
        if offerDrafts {
            MainLoop.once { [weak window] in
                guard let window else { return }
                DraftRecovery.offer(in: window)
            }
        }
        return window
    }
}
