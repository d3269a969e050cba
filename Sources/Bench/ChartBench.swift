import CGtk
import Foundation
import Model
import GtkKit
import Rendering
import Commands
import Sections

/// `gongkai chart --bench`: how long each chart takes to make and draw on a large synthetic
/// survey, and all charts to one PDF. Run on a release build.
package enum ChartBench {
    package static func run(enterprises: Int, runs: Int) throws {
        let survey = SyntheticSurvey.make(enterprises: enterprises, years: 2003...2022, seed: 42)
        try Output.line("synthetic survey: \(survey.enterprises.count) enterprises, \(survey.years.count) years "
              + "(\(survey.years.first ?? 0)–\(survey.years.last ?? 0)), \(survey.observations.count) cells")
        var data: ChartData?
        let statistics = median(runs) { data = ChartData(survey) }
        try report("statistics + cell index (once per change)", statistics)
        guard let data else { return }

        var total = Timing(median: 0, fastest: 0)
        for kind in ChartKind.allCases {
            let options = kind.defaultOptions
            let time = median(runs) {
                let chart = kind.make(data, options)
                _ = try? ChartImage.render(chart, scale: 2) { surface in cairo_image_surface_get_width(surface) }
            }
            total.median += time.median
            total.fastest += time.fastest
            try report("\(kind.name) (make + draw, 2560×1440)", time)
        }
        try report("all charts one after another", total)

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-chart-bench-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let pdf = dir.appendingPathComponent("all.pdf").path
        var failure: Error?
        let all = median(runs) {
            do {
                let charts = ChartKind.allCases.map { $0.make(data, $0.defaultOptions) }
                try ChartExport.pdf(charts, to: pdf, title: survey.meta.title)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        try report("all charts to one PDF (make + draw + write)", all)
        let allWithStatistics = median(runs) {
            let fresh = ChartData(survey)
            let charts = ChartKind.allCases.map { $0.make(fresh, $0.defaultOptions) }
            try? ChartExport.pdf(charts, to: pdf, title: survey.meta.title)
        }
        try report("all charts to one PDF, statistics included", allWithStatistics)
    }

    /// Wall times of several runs, in milliseconds: the median and the fastest (a busy machine
    /// slows the median more than the fastest run).
    package struct Timing {
        package var median: Double
        package var fastest: Double
        package init(median: Double, fastest: Double) {
            self.median = median
            self.fastest = fastest
        }
    }

    /// Times `runs` runs of `body`.
    private static func median(_ runs: Int, _ body: () -> Void) -> Timing {
        var times: [Double] = []
        for _ in 0..<max(1, runs) { times.append(Stopwatch.milliseconds(body)) }
        return Timing(median: Stopwatch.median(times), fastest: times.min() ?? 0)
    }

    private static func report(_ name: String, _ t: Timing) throws {
        try Output.line(name.padding(toLength: 52, withPad: " ", startingAt: 0)
              + String(format: "median %8.2f ms   (fastest %.2f)", t.median, t.fastest))
    }
}
