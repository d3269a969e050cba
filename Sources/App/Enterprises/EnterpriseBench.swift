import CGtk
import Foundation
import Model

/// Measures filter-as-you-type in the enterprises section: a real section in a window on screen
/// (so the column view lays out and draws the rows it shows), a part of one enterprise's name typed
/// one character at a time. Each keystroke is timed from the filter's change until the window has
/// nothing left to do (the list filtered, the count updated, the rows bound and drawn). Needs a
/// display (GTK must initialise), like the benchmark's other window measurements.
@MainActor
enum EnterpriseBench {
    struct Result {
        /// Milliseconds of each keystroke, in the order typed.
        var keystrokes: [Double]
        /// The text typed, and how many rows it left shown.
        var typed: String
        var shown: Int
        var total: Int

        var lines: [String] {
            [String(format: "filter as you type (%d rows, typing “%@” → %d shown): median %.2f ms, slowest %.2f ms per keystroke",
                    total, typed, shown, Stopwatch.median(keystrokes), keystrokes.max() ?? 0),
                    "filter as you type: each keystroke, ms: " + keystrokes.map { String(format: "%.1f", $0) }.joined(separator: " ")]
        }
    }

    /// Types the first `characters` characters of a name from the middle of the survey, `rounds`
    /// times (clearing in between). Returns nil when GTK cannot initialise.
    static func run(survey: Survey, characters: Int = 5, rounds: Int = 3) -> Result? {
        guard gtk_init_check() != 0, !survey.enterprises.isEmpty else { return nil }
        let controller = DocumentController(survey: survey, fileURL: nil)
        let section = EnterprisesSection(controller: controller)
        section.show(controller.survey)
        let window = gtk_window_new()!
        gtk_window_set_default_size(window.window, 1400, 900)
        gtk_window_set_child(window.window, section.widget)
        gtk_window_present(window.window)
        defer { gtk_window_destroy(window.window) }
        settle()

        let name = survey.enterprises[survey.enterprises.count * 3 / 4].name
        let part = String(name.prefix(characters))
        var times: [Double] = []
        var shown = 0
        for _ in 0..<max(1, rounds) {
            var typed = ""
            for character in part {
                typed.append(character)
                times.append(Stopwatch.milliseconds {
                    section.filterBar.search(typed)
                    settle()
                })
            }
            shown = section.list.shownCount
            section.filterBar.clear()
            settle()
        }
        return Result(keystrokes: times, typed: part, shown: shown, total: section.list.totalCount)
    }

    /// Runs the main context until nothing is pending (layout, drawing).
    private static func settle() {
        while g_main_context_iteration(nil, 0) != 0 {}
    }
}
