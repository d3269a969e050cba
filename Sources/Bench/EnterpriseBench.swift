import CGtk
import Foundation
import Model
import GtkKit
import Rendering
import Commands
import Sections

/// Measures filter-as-you-type in the enterprises section: a real section in a window on screen
/// (so the column view lays out and draws the rows it shows). A part of one enterprise's name is
/// typed one character at a time, at a typist's pace, and then erased one character at a time, as
/// Backspace does; every other round starts with the list scrolled to its middle.
///
/// Each keystroke is timed from the change of the search text until the window has drawn the
/// frame that shows it (the list filtered, the count updated, the rows bound, laid out and drawn):
/// - `work`: the main thread's time in that span: the filter itself plus every frame's
///   layout and drawing, without the time it sat idle waiting for the frame clock's next tick;
/// - `wall`: the whole span, that wait included (GTK draws at the display's refresh, so a change
///   appears on the next tick of up to 16.7 ms whatever it costs);
/// - `workWithForm`: `work` plus, when the keystroke selected another enterprise, the form
///   showing it in the next frame (its update and that frame's layout and drawing).
/// Needs a display (GTK must initialise), like the benchmark's other window measurements.
@MainActor
package enum EnterpriseBench {
    package struct Keystroke {
        /// The search text after the keystroke and the rows it left shown.
        package var text: String
        package var shown: Int
        package var work: Double
        package var wall: Double
        package var workWithForm: Double
        package init(text: String, shown: Int, work: Double, wall: Double, workWithForm: Double) {
            self.text = text
            self.shown = shown
            self.work = work
            self.wall = wall
            self.workWithForm = workWithForm
        }
    }

    package struct Result {
        package var keystrokes: [Keystroke]
        package var typed: String
        package var total: Int
        package var renderer: String

        package func rows(peakRSS: Int?) -> [BenchRow] {
            [BenchRow(name: "filter as you type: work per keystroke", times: keystrokes.map(\.work), peakRSS: peakRSS),
             BenchRow(name: "filter as you type: wall per keystroke", times: keystrokes.map(\.wall), peakRSS: peakRSS),
             BenchRow(name: "filter as you type: work with the form following", times: keystrokes.map(\.workWithForm), peakRSS: peakRSS)]
        }

        package var lines: [String] {
            let work = keystrokes.map(\.work), wall = keystrokes.map(\.wall), all = keystrokes.map(\.workWithForm)
            let shown = keystrokes.prefix(typed.count).map { String($0.shown) }.joined(separator: " → ")
            return [
                String(format: "filter as you type (%d rows, typing “%@” and erasing it, shown %@, from the top and from the middle; %@): "
                       + "median %.1f ms, slowest %.1f ms of work per keystroke; with the wait for the next frame median %.1f ms, slowest %.1f ms; "
                       + "with the form following in the next frame median %.1f ms, slowest %.1f ms of work",
                       total, typed, shown, renderer, Stopwatch.median(work), work.max() ?? 0,
                       Stopwatch.median(wall), wall.max() ?? 0, Stopwatch.median(all), all.max() ?? 0),
                "filter as you type: each keystroke, work/wall/work with the form ms: "
                    + keystrokes.map { String(format: "%.1f/%.1f/%.1f", $0.work, $0.wall, $0.workWithForm) }.joined(separator: " "),
            ]
        }
        package init(keystrokes: [Keystroke], typed: String, total: Int, renderer: String) {
            self.keystrokes = keystrokes
            self.typed = typed
            self.total = total
            self.renderer = renderer
        }
    }

    /// Types and erases the first `characters` characters of a name from the middle of the survey,
    /// `rounds` times, with `pause` milliseconds between keystrokes. Returns nil when GTK cannot
    /// initialise.
    package static func run(survey: Survey, characters: Int = 5, rounds: Int = 3, pause: UInt32 = 80) -> Result? {
        guard RendererChoice.initGtk(), !survey.enterprises.isEmpty else { return nil }
        let controller = DocumentController(survey: survey, fileURL: nil)
        let section = EnterprisesSection(controller: controller)
        section.show(controller.survey)
        let window = gtk_window_new()!
        gtk_window_set_default_size(window.window, 1400, 900)
        gtk_window_set_child(window.window, section.widget)
        gtk_window_present(window.window)
        defer { gtk_window_destroy(window.window) }
        guard let clock = FrameWatch(window) else { return nil }
        MainLoop.pause(milliseconds: 300)

        let name = survey.enterprises[survey.enterprises.count * 3 / 4].name
        let part = Array(name.prefix(characters))
        let texts = (1...part.count).map { String(part.prefix($0)) } + (0..<part.count).reversed().map { String(part.prefix($0)) }
        var keystrokes: [Keystroke] = []
        for round in 0..<max(1, rounds) {
            // Every other round starts scrolled to the middle of the list.
            if round % 2 == 1 {
                section.list.select(position: section.list.shownCount / 2)
                MainLoop.pause(milliseconds: 300)
            }
            for text in texts {
                MainLoop.pause(milliseconds: pause)
                clock.reset()
                let start = Stopwatch.now()
                section.filterBar.search(text)
                let filtered = Stopwatch.milliseconds(since: start)
                MainLoop.runBlocking(until: { clock.painted })
                let work = filtered + clock.frameMilliseconds, wall = Stopwatch.milliseconds(since: start)
                var workWithForm = work
                if section.formUpdatePending {
                    clock.reset()
                    let update = Stopwatch.now()
                    MainLoop.runBlocking(until: { !section.formUpdatePending })
                    let updated = Stopwatch.milliseconds(since: update)
                    MainLoop.runBlocking(until: { clock.painted })
                    workWithForm += updated + clock.frameMilliseconds
                }
                MainLoop.settle()
                keystrokes.append(Keystroke(text: text, shown: section.list.shownCount,
                                            work: work, wall: wall, workWithForm: workWithForm))
            }
        }
        return Result(keystrokes: keystrokes, typed: String(part), total: section.list.totalCount,
                      renderer: FrameWatch.rendererName(window))
    }
}
