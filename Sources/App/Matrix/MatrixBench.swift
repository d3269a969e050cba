import CGtk
import Foundation
import Model

/// Measures "a cell edit updates the totals within one frame" on a survey: the work between a
/// status key and the grid being ready to draw (the edit, the new cells and totals, the rows and
/// the details pane), and the drawing of one full frame of the grid, which together must stay
/// under a frame (16.7 ms at 60 Hz). Validation runs after that frame, in an idle callback, and
/// is reported separately. Needs a display (GTK must initialise), like the benchmark's other
/// window measurements.
@MainActor
enum MatrixBench {
    struct Result {
        /// Median milliseconds from the key to the grid showing the new cells and totals.
        var keyToModel: Double
        /// Median milliseconds to draw the grid once, 1600 × 1000 pixels.
        var drawFrame: Double
        /// Median milliseconds of the deferred validation (not within the frame).
        var deferredValidation: Double

        var lines: [String] {
            [String(format: "matrix cell edit: key → cells and totals   median %8.2f ms", keyToModel),
             String(format: "matrix cell edit: drawing one frame        median %8.2f ms", drawFrame),
             String(format: "matrix cell edit: within one frame (60 Hz) %@ (%.2f ms of 16.7)",
                    keyToModel + drawFrame < 1000.0 / 60 ? "yes" : "NO", keyToModel + drawFrame),
             String(format: "matrix cell edit: deferred validation      median %8.2f ms", deferredValidation)]
        }
    }

    /// Runs `runs` status keys (alternating √ and × on the first cell, so every run changes it)
    /// on a section showing `survey`. Returns nil when GTK cannot initialise.
    static func run(survey: Survey, runs: Int = 20) -> Result? {
        guard RendererChoice.initGtk() else { return nil }
        let controller = DocumentController(survey: survey, fileURL: nil)
        let section = MatrixSection(controller: controller)
        section.advance = .stay
        section.updateProblems()
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1600, 1000)
        let cr = cairo_create(surface)
        defer {
            cairo_destroy(cr)
            cairo_surface_destroy(surface)
        }
        var keys: [Double] = [], frames: [Double] = [], validations: [Double] = []
        for run in 0..<max(1, runs) {
            let key = run % 2 == 0 ? GDK_KEY_y : GDK_KEY_n
            keys.append(Stopwatch.milliseconds { _ = section.grid.handleKey(guint(key), GdkModifierType(0)) })
            guard let cells = section.grid.cells, let cr else { continue }
            frames.append(Stopwatch.milliseconds {
                section.grid.render(cr, cells: cells, viewport: MatrixRect(x: 0, y: 0, width: 1600, height: 1000), focused: true)
            })
            validations.append(Stopwatch.milliseconds { section.updateProblems() })
        }
        return Result(keyToModel: Stopwatch.median(keys), drawFrame: Stopwatch.median(frames), deferredValidation: Stopwatch.median(validations))
    }

    /// In the full window (1400 × 900, every section following the survey): a status key on the
    /// matrix grid until the frame showing it is painted.
    struct WindowResult {
        /// Main-thread work per key: handling it (the edit, every section following) plus the
        /// frame's layout and drawing; median and slowest.
        var work: Double
        var slowest: Double
        /// From the key to the end of the frame, including the wait for the frame clock.
        var wall: Double

        var lines: [String] {
            [String(format: "matrix in the window: status key → frame painted  median %.2f ms of work, slowest %.2f ms; with the wait for the frame median %.2f ms",
                    work, slowest, wall),
             String(format: "matrix in the window: within one frame (60 Hz) %@", slowest < 1000.0 / 60 ? "yes" : "NO")]
        }
    }

    /// Types `runs` status keys (alternating √ and × on one cell) into the matrix of a real
    /// window on `survey`, waiting for each key's frame. Returns nil when GTK cannot initialise.
    static func runInWindow(survey: Survey, runs: Int = 20) -> WindowResult? {
        guard RendererChoice.initGtk() else { return nil }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-matrix-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var services = WindowServices.standard()
        services.drafts = DraftStore(directory: scratch.appendingPathComponent("drafts"))
        let window = MainWindow(survey: survey, fileURL: nil, services: services)
        gtk_window_set_default_size(window.window.window, 1400, 900)
        window.present()
        defer {
            gtk_window_destroy(window.window.window)
            EnterpriseBench.settle()
        }
        guard MainLoop.iterate(until: { window.framesDrawn > 0 }, timeout: 30),
              let matrix = window.sections.compactMap({ $0 as? MatrixSection }).first else { return nil }
        window.goToSection(number: 2)
        matrix.advance = .stay
        let clock = EnterpriseBench.FrameWatch(window.window)
        EnterpriseBench.wait(milliseconds: 300)
        var works: [Double] = [], walls: [Double] = []
        for run in 0..<max(1, runs) {
            EnterpriseBench.wait(milliseconds: 60)
            EnterpriseBench.settle()
            clock.reset()
            let start = Stopwatch.now()
            _ = matrix.grid.handleKey(guint(run % 2 == 0 ? GDK_KEY_y : GDK_KEY_n), GdkModifierType(0))
            let handled = Stopwatch.milliseconds(since: start)
            EnterpriseBench.wait(until: { clock.painted })
            works.append(handled + clock.frameMilliseconds)
            walls.append(Stopwatch.milliseconds(since: start))
        }
        return WindowResult(work: Stopwatch.median(works), slowest: works.max() ?? 0, wall: Stopwatch.median(walls))
    }
}
