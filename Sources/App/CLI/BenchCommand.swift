import ArgumentParser
import Foundation
import Model

/// `gongkai bench`: measures the model on a synthetic survey (100,000 enterprises, 20 years by
/// default) and prints the median of several runs for each operation, and the peak memory.
/// Run it on a release build (`make bench`); the figures go in the README.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure save, load, validation, statistics and export on a synthetic survey.")

    @Option(name: .long, help: "Enterprise samples in the synthetic survey.")
    var enterprises = 100_000

    @Option(name: .long, help: "Survey years in the synthetic survey.")
    var years = 20

    @Option(name: .long, help: "Runs of each measurement (the median is printed).")
    var runs = 5

    func run() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-bench-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("bench.gongkai")

        let survey = SyntheticSurvey.make(enterprises: enterprises, years: 2001...(2000 + years), seed: 42)
        print("synthetic survey: \(survey.enterprises.count) enterprises, \(survey.years.count) years, "
              + "\(survey.observations.count) cells")

        var report = BenchReport()
        try report.measure("save", runs: runs) { try SurveyFile.save(survey, to: file) }
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        print("file size: \(size / 1_048_576) MiB")
        try report.measure("load + validate", runs: runs) {
            let loaded = try SurveyFile.load(from: file)
            let problems = Validator.validate(loaded)
            blackHole(problems.count)
        }
        try report.measure("load", runs: runs) { blackHole(try SurveyFile.load(from: file).enterprises.count) }
        try report.measure("validate", runs: runs) { blackHole(Validator.validate(survey).count) }
        try report.measure("statistics", runs: runs) { blackHole(Statistics(survey)) }
        try report.measure("CSV export (all enterprises)", runs: runs) {
            blackHole(CSVWriter().data(TableBuilder(survey).enterprises()).count)
        }
        try report.measure("cell edit + undo", runs: runs) {
            let document = SurveyDocument(survey: survey)
            let j = survey.jurisdictions[0].id
            let cell = Observation(jurisdiction: j, year: survey.years[0], kind: .auditList, status: .notDisclosed)
            try document.perform(.setCells([CellChange(key: cell.key, observation: cell)]), label: "bench")
            blackHole(Statistics(document.survey))
            try document.undo()
        }
        report.print(peakRSS: BenchReport.peakResidentBytes())
    }
}

/// Keeps a value alive so that the optimiser cannot drop the work that made it.
@inline(never) func blackHole<T>(_ value: T) { withExtendedLifetime(value) {} }

/// Timings of named operations: the median and the range of several runs each.
struct BenchReport {
    private var rows: [(name: String, median: Double, min: Double, max: Double)] = []

    mutating func measure(_ name: String, runs: Int, _ body: () throws -> Void) rethrows {
        var times: [Double] = []
        for _ in 0..<max(1, runs) {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        times.sort()
        rows.append((name, times[times.count / 2], times.first!, times.last!))
        Swift.print(String(format: "%-32@ median %9.2f ms   (min %.2f, max %.2f)", name as NSString, rows.last!.median,
                           rows.last!.min, rows.last!.max))
    }

    func print(peakRSS: Int?) {
        if let peakRSS {
            Swift.print(String(format: "%-32@ %9.1f MB", "peak RSS" as NSString, Double(peakRSS) / 1_048_576))
        }
    }

    /// The process's peak resident set size (VmHWM in /proc/self/status), in bytes.
    static func peakResidentBytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.split(separator: " ").compactMap { Int($0) }.first
            return digits.map { $0 * 1024 }
        }
        return nil
    }
}
