import CGtk
import Foundation
import Model

/// The GTK application: owns the `GtkApplication`, sets up the application's actions, accelerators
/// and icon on `startup`, opens the main window on `activate` and offers to recover a draft left
/// by a crash. In screenshot mode it saves the window's pictures after the first frame and quits.
@MainActor
final class GongkaiApplication {
    /// The application id (reverse DNS; also the D-Bus name, the icon's and the desktop file's name).
    static let id = "io.github.gongkai.Gongkai"
    /// The version the About dialog shows.
    static let version = "0.1.0"

    /// What to show when the application starts.
    struct Launch {
        var survey: Survey
        /// The file the survey came from; nil for the built-in dataset or a new survey.
        var fileURL: URL?
        /// With a directory, render every section to `<dir>/<section id>.png` and quit.
        var screenshotDirectory: URL?
        /// Drafts, recent files and file chooser (nil: the user's own, see `WindowServices.standard`).
        var services: WindowServices?
    }

    private let launch: Launch
    let application: UnsafeMutablePointer<GtkApplication>
    private(set) var mainWindow: MainWindow?
    /// The process exit status `run()` returns (screenshot failures make it non-zero).
    private var exitStatus: Int32 = 0
    private var tour: ScreenshotTour?

    /// `applicationID` is `id` except where several applications run in one process (tests).
    init(_ launch: Launch, applicationID: String = GongkaiApplication.id) {
        self.launch = launch
        // Non-unique: every start is its own instance (no D-Bus name claimed), which keeps tests
        // and screenshot runs independent. Files are opened by us, not through GApplication.
        application = gtk_application_new(applicationID, G_APPLICATION_NON_UNIQUE)
        Signals.connect(application, "startup") { [weak self] in self?.startup() }
        Signals.connect(application, "activate") { [weak self] in self?.activate() }
    }

    /// Runs the main loop until the last window closes (or the screenshots are saved).
    /// Returns the process exit status.
    func run() -> Int32 {
        ToolkitLanguage.match(Localizer.shared.language)  // before GTK starts and reads the locale
        // Command-line arguments are ArgumentParser's business; GApplication gets none.
        let status = g_application_run(application.gApplication, 0, nil)
        unref(application)
        return status != 0 ? status : exitStatus
    }

    /// Starts the application as `run()` would — startup, then activate — but leaves the main loop
    /// to the caller (tests iterate it themselves). End with `shutdown()`.
    func startWithoutMainLoop() throws {
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
    func shutdown() {
        if let window = mainWindow { gtk_window_destroy(window.window.window) }
        mainWindow = nil
        unref(application)
    }

    private func startup() {
        RendererChoice.apply()
        AppIcon.install()
        AppActions.register(on: application) { [weak self] in self?.mainWindow }
    }

    private func activate() {
        if let mainWindow {
            mainWindow.present()
            return
        }
        let bundled = launch.fileURL.map(WindowServices.isBundledDataset) ?? false
        let window = MainWindow(survey: launch.survey, fileURL: bundled ? nil : launch.fileURL,
                                application: application, services: launch.services ?? .standard())
        mainWindow = window
        if let fileURL = launch.fileURL, !bundled { window.flows.services.recent.add(fileURL) }
        if let directory = launch.screenshotDirectory {
            tour = ScreenshotTour(window: window, directory: directory) { [weak self] failure in
                if let failure {
                    StandardStream.error.report("gongkai: \(failure)")
                    self?.exitStatus = 1
                }
                self?.tour = nil
                if let app = self?.application { g_application_quit(app.gApplication) }
            }
            window.present()
            tour?.start()
            return
        }
        window.present()
        MainLoop.once { [weak window] in
            guard let window else { return }
            DraftRecovery.offer(in: window)
        }
    }
}
