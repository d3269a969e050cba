import CGtk
import Foundation
import Model
import GtkKit
import Rendering
import Commands
import Sections

/// `window-cell-edit`: a status key on the matrix of the real window, every built-in section made,
/// on a large survey, until the frame showing the new cell is drawn.
///
/// Each key is timed from the key until the window's frame clock has painted the next frame:
/// - `work`: the main thread's time in that span: the key's handling (the edit, and every section
///   and the statistics following it) plus the frame's layout and drawing, without the time it sat
///   idle waiting for the frame clock's next tick;
/// - `cpu`: the main thread's processor time over the whole span (so also any idle work GLib ran
///   before the frame);
/// - `wall`: the whole span, that wait included.
/// The deferred work after the frame (validation, the checks list) is let finish before the next
/// key. Needs a display (GTK must initialise).
@MainActor
package enum WindowCellEditBench {
    package struct Result {
        package var work: [Double]
        package var cpu: [Double]
        package var wall: [Double]
        /// Of `work`: the key's handling, and the frame's update, layout and paint (snapshot and render).
        package var key: [Double] = []
        package var update: [Double] = []
        package var layout: [Double] = []
        package var paint: [Double] = []
        package var peakRSS: Int?
        package var renderer: String
        package var enterprises: Int

        package var rows: [BenchRow] {
            [BenchRow(name: "window-cell-edit", times: work, peakRSS: peakRSS),
             BenchRow(name: "window-cell-edit (main thread cpu)", times: cpu, peakRSS: peakRSS),
             BenchRow(name: "window-cell-edit (wall, with the wait for the frame)", times: wall, peakRSS: peakRSS)]
        }

        package var lines: [String] {
            [String(format: "window-cell-edit (%d enterprises, full window, %@): key → frame drawn, work median %.2f ms, max %.2f ms; "
                    + "main thread cpu median %.2f ms, max %.2f ms; with the wait for the frame median %.2f ms, max %.2f ms (%d keys)",
                    enterprises, renderer, Stopwatch.median(work), work.max() ?? 0,
                    Stopwatch.median(cpu), cpu.max() ?? 0, Stopwatch.median(wall), wall.max() ?? 0, work.count),
             String(format: "  of the work (medians): the key's handling %.2f ms; the frame's update (animations) %.2f ms, layout %.2f ms, paint (snapshot and render) %.2f ms",
                    Stopwatch.median(key), Stopwatch.median(update), Stopwatch.median(layout), Stopwatch.median(paint))]
        }
        package init(work: [Double], cpu: [Double], wall: [Double], key: [Double] = [], update: [Double] = [],
                     layout: [Double] = [], paint: [Double] = [], peakRSS: Int? = nil, renderer: String, enterprises: Int) {
            self.work = work
            self.cpu = cpu
            self.wall = wall
            self.key = key
            self.update = update
            self.layout = layout
            self.paint = paint
            self.peakRSS = peakRSS
            self.renderer = renderer
            self.enterprises = enterprises
        }
    }

    /// Opens `survey` in a real `MainWindow` (1200×760 by default), brings the matrix to the front
    /// and types `runs` status keys on its first cell (alternating √ and ×, so each changes it).
    /// Returns nil when GTK cannot initialise.
    package static func run(survey: Survey, runs: Int = 20, pause: UInt32 = 100) -> Result? {
        guard RendererChoice.initGtk() else { return nil }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-cell-edit-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var services = WindowServices.standard()
        services.drafts = DraftStore(directory: scratch.appendingPathComponent("drafts"))
        let window = MainWindow(survey: survey, fileURL: nil, services: services)
        defer {
            gtk_window_destroy(window.window.window)
            MainLoop.settle()
        }
        // Every section built, as after a session that visited them all (a new window builds only
        // the sections shown); hidden ones only mark themselves stale on an edit.
        _ = window.sections
        window.showSection(id: "matrix")
        window.present()
        guard MainLoop.iterate(until: { window.framesDrawn > 0 }, timeout: 30),
              let matrix = window.section(MatrixSection.self),
              let clock = FrameWatch(window.window) else { return nil }
        matrix.advance = .stay
        MainLoop.pause(milliseconds: 300)
        MainLoop.settle()

        BenchReport.resetPeak()
        var work: [Double] = [], cpu: [Double] = [], wall: [Double] = []
        var keyTimes: [Double] = [], updateTimes: [Double] = [], layoutTimes: [Double] = [], paintTimes: [Double] = []
        // √ and × in turn, so that every key changes the cell (a key that changes nothing is not
        // counted, and the other one follows).
        var key = GDK_KEY_y
        var attempts = 0
        while work.count < max(1, runs) && attempts < 2 * max(1, runs) + 1 {
            attempts += 1
            MainLoop.pause(milliseconds: pause)
            MainLoop.settle()
            clock.reset()
            let version = window.controller.version
            let start = Stopwatch.now(), cpuStart = BenchReport.threadProcessorTime()
            _ = matrix.grid.handleKey(guint(key), GdkModifierType(0))
            let handled = Stopwatch.milliseconds(since: start)
            key = key == GDK_KEY_y ? GDK_KEY_n : GDK_KEY_y
            guard window.controller.version != version else { continue }
            MainLoop.runBlocking(until: { clock.painted })
            wall.append(Stopwatch.milliseconds(since: start))
            cpu.append((BenchReport.threadProcessorTime() - cpuStart) * 1e3)
            work.append(handled + clock.frameMilliseconds)
            keyTimes.append(handled)
            updateTimes.append(clock.updateMilliseconds)
            layoutTimes.append(clock.layoutMilliseconds)
            paintTimes.append(clock.paintMilliseconds)
        }
        MainLoop.settle()
        return Result(work: work, cpu: cpu, wall: wall, key: keyTimes, update: updateTimes, layout: layoutTimes, paint: paintTimes,
                      peakRSS: BenchReport.peakResidentBytes(), renderer: FrameWatch.rendererName(window.window),
                      enterprises: survey.enterprises.count)
    }
}
