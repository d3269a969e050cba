import CGtk
import Foundation
import Model
import GtkKit
import Rendering
import Commands
import Sections

/// Measures opening a survey file in the window: from reading the file to the window's first
/// frame on screen (the section on screen built and shown, the sidebar and the overview drawn), and then
/// until the window has nothing left to do (the deferred checks done): after that it answers at
/// once. Needs a display (GTK must initialise), like the benchmark's other window measurements.
@MainActor
package enum WindowBench {
    package struct Result {
        /// Milliseconds from reading the file to the first frame, per run.
        package var firstFrames: [Double]
        /// Milliseconds from reading the file to an idle window, per run.
        package var idles: [Double]

        package var lines: [String] {
            [String(format: "open in the window: file → first frame      median %8.2f ms", Stopwatch.median(firstFrames)),
             String(format: "open in the window: file → idle window      median %8.2f ms", Stopwatch.median(idles))]
        }

        package func rows(peakRSS: Int?) -> [BenchRow] {
            [BenchRow(name: "open in the window: file → first frame", times: firstFrames, peakRSS: peakRSS),
             BenchRow(name: "open in the window: file → idle window", times: idles, peakRSS: peakRSS)]
        }
        package init(firstFrames: [Double], idles: [Double]) {
            self.firstFrames = firstFrames
            self.idles = idles
        }
    }

    /// Opens `file` in a new window `runs` times. Returns nil when GTK cannot initialise or the
    /// file cannot be read.
    package static func run(file: URL, runs: Int = 3) -> Result? {
        guard RendererChoice.initGtk() else { return nil }
        var firsts: [Double] = [], idles: [Double] = []
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-window-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: scratch) }
        for _ in 0..<max(1, runs) {
            let start = Stopwatch.now()
            guard let survey = try? SurveyFile.load(from: file) else { return nil }
            var services = WindowServices.standard()
            services.drafts = DraftStore(directory: scratch.appendingPathComponent("drafts"))
            let window = MainWindow(survey: survey, fileURL: file, services: services)
            window.present()
            guard MainLoop.iterate(until: { window.framesDrawn > 0 }, timeout: 30) else { return nil }
            firsts.append(Stopwatch.milliseconds(since: start))
            while g_main_context_iteration(nil, 0) != 0 {}
            idles.append(Stopwatch.milliseconds(since: start))
            gtk_window_destroy(window.window.window)
            while g_main_context_iteration(nil, 0) != 0 {}
        }
        return Result(firstFrames: firsts, idles: idles)
    }
}
