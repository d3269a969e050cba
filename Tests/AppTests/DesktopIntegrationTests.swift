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

/// Issue 16: the About dialog (licence, website, issue tracker, translated credits) and a broken
/// file opened from the desktop, explained in a window.
final class DesktopIntegrationTests: WindowTestCase {
    func testAboutDialogHasLicenceWebsiteIssueTrackerAndTranslatedCredits() throws { try onMain {
        for language in [Language.english, .chinese] {
            Localizer.shared.language = language
            let dialog = AboutDialog.make(parent: nil)
            defer { gtk_window_destroy(dialog.window) }
            let about = dialog.opaque
            XCTAssertEqual(gtk_about_dialog_get_license_type(about), GTK_LICENSE_GPL_3_0)
            XCTAssertEqual(String(cString: gtk_about_dialog_get_website(about)), AppInfo.website)
            XCTAssertEqual(String(cString: gtk_about_dialog_get_version(about)), AppInfo.version)
            XCTAssertEqual(String(cString: gtk_about_dialog_get_website_label(about)), tr("Website"))
            let translators = gtk_about_dialog_get_translator_credits(about).map { String(cString: $0) }
            XCTAssertEqual(translators, language == .chinese ? tr("translator-credits") : nil,
                           "translator credits come from the catalog (none for the msgid language)")
            gtk_window_present(dialog.window)
            // The credits page (built when it is shown) links the issue tracker.
            let stack = try XCTUnwrap(ListScrolling.firstDescendant(of: dialog, type: gtk_stack_get_type()))
            gtk_stack_set_visible_child_name(stack.opaque, "credits")
            Self.drainMainLoop()
            let labels = Self.labelMarkup(under: dialog)
            XCTAssertTrue(labels.contains { $0.contains("href=\"\(AppInfo.issueTracker)\"") }, "\(language): \(labels)")
            XCTAssertTrue(labels.contains { $0.contains(tr("Issue tracker")) }, "\(language): \(labels)")
        }
        XCTAssertNotEqual(tr("Issue tracker"), "Issue tracker", "the credits are translated")
    } }

    func testErrorWindowSaysWhichFileAndWhyAndClosingEndsIt() throws { try onMain {
        Localizer.shared.language = .english
        let closed = Flag()
        let dialog = LaunchErrorWindow.make(heading: LaunchErrorWindow.heading(for: "/tmp/x/broken.gongkai"),
                                            message: "The file broken.gongkai is empty.", application: nil) { closed.value = true }
        dialog.present()
        Self.drainMainLoop()
        let texts = EnglishInterfaceTests.texts(under: dialog.window)
        XCTAssertTrue(texts.contains("Could not open “broken.gongkai”"), "\(texts)")
        XCTAssertTrue(texts.contains("The file broken.gongkai is empty."), "\(texts)")
        XCTAssertTrue(texts.contains("_Close") || texts.contains("Close"), "\(texts)")
        XCTAssertFalse(closed.value)
        gtk_window_close(dialog.window.window)
        Self.drainMainLoop()
        XCTAssertTrue(closed.value, "closing the window ends the launch")
        XCTAssertEqual(LaunchErrorWindow.heading(for: nil), "Could not open the built-in dataset")
    } }

    /// The real `gongkai broken.gongkai` as a file manager starts it (a display, stdin not a
    /// terminal, an activation token): it shows the window, Escape closes it, and the exit
    /// status is still 2.
    func testBrokenFileLaunchedFromTheDesktopShowsTheErrorInAWindow() throws {
        let name = "broken-\(UUID().uuidString.prefix(8)).gongkai"
        let file = folder.appendingPathComponent(name)
        try Data("{\"format\": \"gongkai-survey\", ".utf8).write(to: file)
        let process = Process()
        var executable = Bundle(for: Self.self).bundleURL.deletingLastPathComponent().appendingPathComponent("gongkai")
        if !FileManager.default.isExecutableFile(atPath: executable.path) { executable = Bundle.main.bundleURL.appendingPathComponent("gongkai") }
        process.executableURL = executable
        process.arguments = [file.path]
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "en_US.UTF-8"
        for key in ["LANGUAGE", "LC_ALL", "LC_MESSAGES"] { env[key] = nil }
        env["XDG_ACTIVATION_TOKEN"] = "gongkai-test"  // as a desktop launcher does
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        let err = Pipe()
        process.standardError = err
        try process.run()
        // Bounded, so that a window that never shows fails the test instead of hanging it.
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: watchdog)
        defer { watchdog.cancel() }

        // Found by its process (the title's curly quotes defeat xdotool's name match in a C locale).
        let found = try Self.tool("xdotool", ["search", "--sync", "--onlyvisible", "--pid", String(process.processIdentifier), "--name", "."])
        XCTAssertEqual(found.status, 0, "the error window is shown")
        let window = try XCTUnwrap(found.out.split(separator: "\n").first.map(String.init))
        XCTAssertEqual(try Self.tool("xdotool", ["getwindowname", window]).out, "Could not open “\(name)”")
        _ = try Self.tool("xdotool", ["windowfocus", "--sync", window, "key", "Escape"])
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 2, stderr)
        XCTAssertTrue(stderr.contains(name), "the message still goes to stderr: \(stderr)")
    }


    /// D-Bus activation as the desktop does it (`DBusActivatable=true`): the bus starts
    /// `gongkai --gapplication-service`, which shows no window until `Activate`; `Open` with a
    /// broken file explains it in a window; the `quit` action ends the service.
    func testGApplicationServiceWaitsForActivationOnTheSessionBus() throws {
        let process = Process()
        var executable = Bundle(for: Self.self).bundleURL.deletingLastPathComponent().appendingPathComponent("gongkai")
        if !FileManager.default.isExecutableFile(atPath: executable.path) { executable = Bundle.main.bundleURL.appendingPathComponent("gongkai") }
        process.executableURL = executable
        process.arguments = ["--gapplication-service"]
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "en_US.UTF-8"
        for key in ["LANGUAGE", "LC_ALL", "LC_MESSAGES"] { env[key] = nil }
        process.environment = env
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        let pid = String(process.processIdentifier)
        let bus = ["--session", "--dest", AppInfo.id, "--object-path", "/io/github/gongkai/Gongkai", "--method"]

        XCTAssertEqual(try Self.tool("gdbus", ["wait", "--session", "--timeout", "30", AppInfo.id]).status, 0, "the service owns its name")
        XCTAssertEqual(try Self.tool("xdotool", ["search", "--onlyvisible", "--pid", pid, "--name", "."]).status, 1,
                       "no window before activation")
        XCTAssertEqual(try Self.tool("gdbus", ["call"] + bus + ["org.freedesktop.Application.Activate", "{}"]).status, 0)
        let window = try Self.tool("xdotool", ["search", "--sync", "--onlyvisible", "--pid", pid, "--name", "."])
        XCTAssertEqual(window.status, 0, "Activate opens the window")

        let broken = folder.appendingPathComponent("broken-service.gongkai")
        try Data("{\"format\": ".utf8).write(to: broken)
        XCTAssertEqual(try Self.tool("gdbus", ["call"] + bus + ["org.freedesktop.Application.Open", "['\(broken.absoluteString)']", "{}"]).status, 0)
        var titles: [String] = []
        for _ in 0..<60 where !titles.contains("Could not open “broken-service.gongkai”") {
            let found = try Self.tool("xdotool", ["search", "--onlyvisible", "--pid", pid, "--name", "."]).out.split(separator: "\n")
            titles = try found.map { try Self.tool("xdotool", ["getwindowname", String($0)]).out }
            if !titles.contains("Could not open “broken-service.gongkai”") { usleep(250_000) }
        }
        XCTAssertTrue(titles.contains("Could not open “broken-service.gongkai”"), "Open explains a broken file in a window: \(titles)")

        XCTAssertEqual(try Self.tool("gdbus", ["call"] + bus + ["org.freedesktop.Application.ActivateAction", "quit", "[]", "{}"]).status, 0)
        process.waitUntilExit()
    }

    /// Runs a tool (bounded by `timeout`), returning its status and trimmed stdout.
    static func tool(_ name: String, _ arguments: [String]) throws -> (status: Int32, out: String) {
        let tool = Process()
        tool.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        tool.arguments = ["40", name] + arguments
        let out = Pipe()
        tool.standardOutput = out
        tool.standardError = FileHandle.nullDevice
        try tool.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        tool.waitUntilExit()
        return (tool.terminationStatus, text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The labels' texts with their markup (links keep their addresses).
    @MainActor static func labelMarkup(under root: UnsafeMutablePointer<GtkWidget>) -> [String] {
        var out: [String] = []
        @MainActor func walk(_ widget: UnsafeMutablePointer<GtkWidget>) {
            if g_type_check_instance_is_a(UnsafeMutableRawPointer(widget).assumingMemoryBound(to: GTypeInstance.self), gtk_label_get_type()) != 0,
               let label = gtk_label_get_label(widget.opaque) {
                out.append(String(cString: label))
            }
            var child = gtk_widget_get_first_child(widget)
            while let current = child {
                walk(current)
                child = gtk_widget_get_next_sibling(current)
            }
        }
        walk(root)
        return out
    }
}
