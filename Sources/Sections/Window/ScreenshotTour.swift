import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// `gongkai --screenshot DIR`: shows each section of the window in turn and saves it as
/// `DIR/<section id>.png` once drawn, then the window's own dialogs (`new-survey.png`,
/// `unsaved-changes.png`, `shortcuts.png` and `shortcuts-<section>.png` for each section's keys,
/// `about.png`), then reports.
@MainActor
package final class ScreenshotTour {
    /// How long the tour waits for all pictures before giving up.
    package static let timeoutSeconds: UInt32 = 60

    private let window: MainWindow
    private let directory: URL
    private let finished: @MainActor (String?) -> Void
    private var steps: [Step] = []
    private var watchdog: guint = 0

    /// One picture: what to put on screen, then which window to save.
    private struct Step {
        var name: String
        /// Puts the subject on screen and returns its window.
        var show: @MainActor () -> UnsafeMutablePointer<GtkWidget>
        /// Takes it away again (dialogs).
        var hide: @MainActor (UnsafeMutablePointer<GtkWidget>) -> Void
    }

    /// `finished` gets nil on success or what went wrong.
    package init(window: MainWindow, directory: URL, finished: @escaping @MainActor (String?) -> Void) {
        self.window = window
        self.directory = directory
        self.finished = finished
        let main = window.window
        for id in window.sectionIDs {
            steps.append(Step(name: id, show: { [weak window] in window?.showSection(id: id); return main }, hide: { _ in }))
        }
        steps.append(Step(name: "new-survey", show: {
            let dialog = NewSurveyDialog(parent: main, suggestedYears: "2023-2025") { _ in }
            dialog.present()
            return dialog.window
        }, hide: { _ in NewSurveyDialog.open.last.map { gtk_window_close($0.window.window) } }))
        steps.append(Step(name: "unsaved-changes", show: { [weak window] in
            guard let window else { return main }
            window.flows.askToSaveChanges {}
            return ChoiceDialog.open.last?.window ?? main
        }, hide: { _ in ChoiceDialog.open.last?.choose("cancel") }))
        let pages = ShortcutTable.shortcutPages()
        for (i, page) in pages.enumerated() {
            steps.append(Step(name: i == 0 ? "shortcuts" : "shortcuts-\(page.name)", show: {
                let shortcuts = ShortcutsWindow.make(pages: pages, parent: main)
                GProperty.set(shortcuts, "section-name", page.name)
                gtk_window_present(shortcuts.window)
                return shortcuts
            }, hide: { gtk_window_destroy($0.window) }))
        }
        steps.append(Step(name: "about", show: {
            let about = AboutDialog.make(parent: main)
            gtk_window_present(about.window)
            return about
        }, hide: { gtk_window_destroy($0.window) }))
    }

    package func start() {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            return finish(tr("Cannot create the folder %1: %2", directory.path, error.localizedDescription))
        }
        watchdog = MainLoop.timeout(milliseconds: Self.timeoutSeconds * 1000) { [weak self] in
            self?.watchdog = 0
            self?.finish(trn("The window did not draw within %1 second.", "The window did not draw within %1 seconds.", Int(Self.timeoutSeconds)))
            return .remove
        }
        next()
    }

    /// Frames a picture may take to come out non-empty (a section that lays itself out again after
    /// being shown can paint an empty frame first).
    package static let attemptsPerPicture = 5

    private func next() {
        guard !steps.isEmpty else { return finish(nil) }
        let step = steps.removeFirst()
        capture(step, subject: step.show(), attempt: 1)
    }

    private func capture(_ step: Step, subject: UnsafeMutablePointer<GtkWidget>, attempt: Int) {
        // The second frame: a section shown for the first time places its panes' dividers while
        // laying out its first frame, and that frame can come out before the divider moved.
        FrameWaiter.afterNextFrame(of: subject, frames: 2) { [weak self] in
            guard let self else { return }
            let url = self.directory.appendingPathComponent("\(step.name).png")
            do {
                try Screenshot.save(subject, to: url)
                print(url.path)
            } catch {
                if attempt < Self.attemptsPerPicture { return self.capture(step, subject: subject, attempt: attempt + 1) }
                return self.finish(tr("Screenshot %1 failed: %2", step.name, "\(error)"))
            }
            step.hide(subject)
            self.next()
        }
    }

    private func finish(_ failure: String?) {
        if watchdog != 0 {
            g_source_remove(watchdog)
            watchdog = 0
        }
        steps = []
        finished(failure)
    }
}
