import CGtk
import Foundation
import XCTest

@testable import GtkKit
@testable import Rendering
@testable import Commands
@testable import Sections
@testable import Bench
@testable import gongkai

/// Real X key events, typed with `xdotool` into a window under Xvfb, go through GTK's event
/// delivery, its key bindings and the widgets' key controllers, as a user's keys do. (`make deps`
/// installs xdotool.) Waits are bounded only to fail instead of hanging; nothing about time is
/// asserted.
@MainActor
enum XKeys {
    /// Gives a shown window the X input focus (there is no window manager under Xvfb): the window
    /// gets a unique title for xdotool to find it by.
    static func focus(_ window: UnsafeMutablePointer<GtkWindow>) throws {
        let title = "gongkai-test-\(UUID().uuidString)"
        gtk_window_set_title(window, title)
        try xdotool(["search", "--sync", "--name", title, "windowfocus", "--sync"])
        try wait("the window is active") { gtk_window_is_active(window) != 0 }
    }

    /// Types keys (xdotool's names: "y", "shift+Down", "ctrl+v").
    static func type(_ keys: [String]) throws {
        try xdotool(["key", "--delay", "20"] + keys)
    }

    static func xdotool(_ arguments: [String]) throws {
        guard let path = ["/usr/bin/xdotool", "/usr/local/bin/xdotool"].first(where: FileManager.default.isExecutableFile) else {
            throw WindowTestError("xdotool is not installed: run `make deps` (it is in DEB_PACKAGES).")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        try process.run()
        // xdotool talks to the X server, not to us; keep GTK's loop turning while it runs.
        _ = MainLoop.iterate(until: { !process.isRunning }, timeout: 30)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "xdotool \(arguments.joined(separator: " "))")
    }

    /// Turns the main loop until `condition` holds; fails (without asserting any duration) if it never does.
    static func wait(_ what: String, _ condition: @MainActor () -> Bool) throws {
        if !MainLoop.iterate(until: condition, timeout: 20) { throw WindowTestError("never happened: \(what)") }
    }

    /// Turns the main loop for a while (for keys that should change nothing).
    static func pause(seconds: Double = 0.3) {
        _ = MainLoop.iterate(until: { false }, timeout: seconds)
    }
}
