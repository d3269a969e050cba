import CGtk
import Foundation
import Model
import GtkKit
import Rendering
import Commands
import Sections

/// Measures "a cell edit updates the totals within one frame" on a survey: the work between a
/// status key and the grid being ready to draw (the edit, the new cells and totals, the rows and
/// the details pane), and the drawing of one full frame of the grid, which together must stay
/// under a frame (16.7 ms at 60 Hz). Validation runs after that frame, in an idle callback, and
/// is reported separately. Needs a display (GTK must initialise), like the benchmark's other
/// window measurements.
@MainActor
package enum MatrixBench {
    package struct Result {
        /// Milliseconds from the key to the grid showing the new cells and totals, per run.
        package var keys: [Double]
        /// Milliseconds to draw the grid once, 1600 × 1000 pixels, per run.
        package var frames: [Double]
        /// Milliseconds of the deferred validation (not within the frame), per run.
        package var validations: [Double]
        /// Milliseconds to paint the grid once more from the tiles kept from the last frame (the
        /// four the key changed drawn again), as after a scroll, per run.
        package var keptFrames: [Double] = []

        package var keyToModel: Double { Stopwatch.median(keys) }
        package var drawFrame: Double { Stopwatch.median(frames) }
        package var deferredValidation: Double { Stopwatch.median(validations) }

        package func rows(peakRSS: Int?) -> [BenchRow] {
            [BenchRow(name: "matrix cell edit: key → cells and totals", times: keys, peakRSS: peakRSS),
             BenchRow(name: "matrix cell edit: drawing one frame", times: frames, peakRSS: peakRSS),
             BenchRow(name: "matrix cell edit: deferred validation", times: validations, peakRSS: peakRSS),
             BenchRow(name: "matrix cell edit: painting a frame of kept tiles", times: keptFrames, peakRSS: peakRSS)]
        }

        package var lines: [String] {
            [String(format: "matrix cell edit: key → cells and totals   median %8.2f ms", keyToModel),
             String(format: "matrix cell edit: drawing one frame        median %8.2f ms", drawFrame),
             String(format: "matrix cell edit: within one frame (60 Hz) %@ (%.2f ms of 16.7)",
                    keyToModel + drawFrame < 1000.0 / 60 ? "yes" : "NO", keyToModel + drawFrame),
             String(format: "matrix cell edit: deferred validation      median %8.2f ms", deferredValidation),
             String(format: "matrix cell edit: a frame of kept tiles    median %8.2f ms (all painted, as after a scroll)", Stopwatch.median(keptFrames))]
        }
        package init(keys: [Double], frames: [Double], validations: [Double], keptFrames: [Double] = []) {
            self.keys = keys
            self.frames = frames
            self.validations = validations
            self.keptFrames = keptFrames
        }
    }

    /// Runs `runs` status keys (alternating √ and × on the first cell, so every run changes it)
    /// on a section showing `survey`. Returns nil when GTK cannot initialise.
    package static func run(survey: Survey, runs: Int = 20) -> Result? {
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
        var keys: [Double] = [], frames: [Double] = [], validations: [Double] = [], kept: [Double] = []
        let cache = MatrixTileCache()
        let viewport = MatrixRect(x: 0, y: 0, width: 1600, height: 1000)
        for run in 0..<max(1, runs) {
            let key = run % 2 == 0 ? GDK_KEY_y : GDK_KEY_n
            keys.append(Stopwatch.milliseconds { _ = section.grid.handleKey(guint(key), GdkModifierType(0)) })
            guard let cells = section.grid.cells, let cr else { continue }
            frames.append(Stopwatch.milliseconds {
                section.grid.render(cr, cells: cells, viewport: viewport, focused: true)
            })
            kept.append(Stopwatch.milliseconds {
                section.grid.render(cr, cells: cells, viewport: viewport, focused: true, cache: cache)
            })
            validations.append(Stopwatch.milliseconds { section.updateProblems() })
        }
        return Result(keys: keys, frames: frames, validations: validations, keptFrames: kept)
    }
}
