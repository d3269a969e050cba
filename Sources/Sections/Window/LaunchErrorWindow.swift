import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// A survey that cannot be opened from the desktop (a file manager's "Open", a double-click) is
/// explained in a window, not only on stderr, which nobody sees there.
///
/// `gongkai FILE` shows it when FILE cannot be read and the process was started by a desktop
/// launcher: there is a display, stdin is not a terminal, and the launcher said so (GIO — GNOME
/// Files, Thunar, Nemo, `gio open`, `xdg-open` — sets `GIO_LAUNCHED_DESKTOP_FILE_PID` to the
/// process it starts; Wayland launchers pass `XDG_ACTIVATION_TOKEN`). `DESKTOP_STARTUP_ID` cannot
/// tell: GDK's library constructor takes it out of the environment before any of our code runs.
/// From a terminal, a script or a test the one-line message on stderr is the answer. The window
/// (a `ChoiceDialog` with one button) says which file and why; closing it quits, and the command
/// exits with status 2 as `gongkai check` does.
@MainActor
package enum LaunchErrorWindow {
    /// Whether a failed start should show the window (see above). `GONGKAI_NO_ERROR_WINDOW` set
    /// (scripts, tests that run the command in-process) keeps it on stderr only.
    package nonisolated static func isWanted(environment: [String: String] = ProcessInfo.processInfo.environment,
                                     stdinIsTerminal: Bool = isatty(STDIN_FILENO) != 0,
                                     processID: Int32 = getpid()) -> Bool {
        if environment["GONGKAI_NO_ERROR_WINDOW"] != nil { return false }
        func has(_ key: String) -> Bool { !(environment[key] ?? "").isEmpty }
        let display = has("DISPLAY") || has("WAYLAND_DISPLAY")
        let launchedByDesktop = environment["GIO_LAUNCHED_DESKTOP_FILE_PID"] == String(processID)
            || has("XDG_ACTIVATION_TOKEN")
        return display && !stdinIsTerminal && launchedByDesktop
    }

    /// The heading for a file that could not be opened (nil: the built-in dataset).
    package static func heading(for file: String?) -> String {
        guard let file else { return tr("Could not open the built-in dataset") }
        return tr("Could not open “%1”", URL(fileURLWithPath: file).lastPathComponent)
    }

    /// Makes the window (not yet shown), belonging to `application` when given (it then keeps the
    /// application running while it is open). `closed` runs when it is closed.
    package static func make(heading: String, message: String, application: UnsafeMutablePointer<GtkApplication>?,
                     closed: @escaping @MainActor () -> Void = {}) -> ChoiceDialog {
        let dialog = ChoiceDialog(parent: nil, heading: heading, body: message,
                                  choices: [.init(id: "close", label: tr("_Close"), style: .suggested)],
                                  defaultChoice: "close", cancel: "close") { _ in closed() }
        if let application { gtk_window_set_application(dialog.window.window, application) }
        return dialog
    }

    /// Shows the window in an application of its own and returns when it is closed.
    package static func run(heading: String, message: String) {
        ToolkitLanguage.match(Localizer.shared.language)
        guard let application = gtk_application_new(AppInfo.id, G_APPLICATION_NON_UNIQUE) else { return }
        Signals.connect(application, "activate") {
            AppIcon.install()
            g_application_hold(application.gApplication)
            make(heading: heading, message: message, application: application) {
                g_application_release(application.gApplication)
            }.present()
        }
        _ = g_application_run(application.gApplication, 0, nil)
        unref(application)
    }
}
