import CGtk
import Foundation
import Model

/// The GTK application: owns the `GtkApplication`, opens the main window on `activate`, and in
/// screenshot mode saves one PNG per section after the first frame and quits.
@MainActor
final class GongkaiApplication {
    /// The application id (reverse DNS; also the D-Bus name and the desktop file's name).
    static let id = "io.github.gongkai.Gongkai"

    /// What to show when the application starts.
    struct Launch {
        var survey: Survey
        /// The file the survey came from; nil for the built-in dataset or a new survey.
        var fileURL: URL?
        /// With a directory, render every section to `<dir>/<section id>.png` and quit.
        var screenshotDirectory: URL?
    }

    private let launch: Launch
    private let application: UnsafeMutablePointer<GtkApplication>
    private(set) var mainWindow: MainWindow?
    /// The process exit status `run()` returns (screenshot failures make it non-zero).
    private var exitStatus: Int32 = 0
    /// The screenshot mode's timeout source, removed when the mode ends.
    private var watchdog: guint = 0

    /// How long screenshot mode waits for the first frame before giving up.
    static let screenshotTimeoutSeconds: UInt32 = 30

    init(_ launch: Launch) {
        self.launch = launch
        // Non-unique: every start is its own instance (no D-Bus name claimed), which keeps tests
        // and screenshot runs independent. Files are opened by us, not through GApplication.
        application = gtk_application_new(Self.id, G_APPLICATION_NON_UNIQUE)
        Signals.connect(application, "activate") { [weak self] in self?.activate() }
    }

    /// Runs the main loop until the last window closes (or the screenshots are saved).
    /// Returns the process exit status.
    func run() -> Int32 {
        // Command-line arguments are ArgumentParser's business; GApplication gets none.
        let status = g_application_run(application.gApplication, 0, nil)
        unref(application)
        return status != 0 ? status : exitStatus
    }

    private func activate() {
        if let mainWindow {
            mainWindow.present()
            return
        }
        let window = MainWindow(survey: launch.survey, fileURL: launch.fileURL, application: application)
        mainWindow = window
        if let directory = launch.screenshotDirectory {
            captureScreenshots(of: window, into: directory)
        }
        window.present()
    }

    // MARK: Screenshot mode

    private func captureScreenshots(of window: MainWindow, into directory: URL) {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            fail(tr("Cannot create the folder %1: %2", directory.path, error.localizedDescription))
            return
        }
        watchdog = MainLoop.timeout(milliseconds: Self.screenshotTimeoutSeconds * 1000) { [weak self] in
            self?.watchdog = 0
            self?.fail(tr("The window did not draw within %1 seconds.", Self.screenshotTimeoutSeconds))
            return .remove
        }
        capture(window, sections: window.sections.map(\.id), into: directory)
    }

    /// Shows each section in turn and saves it after it has been drawn.
    private func capture(_ window: MainWindow, sections: [String], into directory: URL) {
        guard let id = sections.first else {
            quit()
            return
        }
        window.showSection(id: id)
        window.onNextFrame { [weak self] in
            let url = directory.appendingPathComponent("\(id).png")
            do {
                try Screenshot.save(window.window, to: url)
                print(url.path)
            } catch {
                self?.fail(tr("Screenshot %1 failed: %2", id, "\(error)"))
                return
            }
            self?.capture(window, sections: Array(sections.dropFirst()), into: directory)
        }
    }

    private func fail(_ message: String) {
        FileHandle.standardError.write(Data("gongkai: \(message)\n".utf8))
        exitStatus = 1
        quit()
    }

    private func quit() {
        if watchdog != 0 {
            g_source_remove(watchdog)
            watchdog = 0
        }
        g_application_quit(application.gApplication)
    }
}
