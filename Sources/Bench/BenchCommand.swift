import ArgumentParser
import Foundation
import Model
import GtkKit
import Rendering
import Commands
import Sections

/// `gongkai bench`: measures the model on a synthetic survey (100,000 enterprises, 20 years by
/// default) and prints the median of several runs for each operation, and the peak memory.
/// Run it on a release build (`make bench`); the figures go in the README.
package struct BenchCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure save, load, validation, statistics and export on a synthetic survey.")

    @Option(name: .long, help: "Enterprise samples in the synthetic survey.")
    package var enterprises = 100_000

    @Option(name: .long, help: "Survey years in the synthetic survey.")
    package var years = 20

    @Option(name: .long, help: "Runs of each measurement (the median is printed).")
    package var runs = 5

    @Option(name: .long, help: "Measure only the operations whose name contains this text (each in a fresh process shows its own peak memory).")
    package var only: String?

    @Option(name: .long, help: "Also keep a copy of the synthetic survey file here (to inspect it, or to compare the bytes two builds write).")
    package var keepFile: String?

    @Flag(name: .long, help: "Print every measurement as JSON at the end (name, median, min and max in ms, runs, peak RSS in bytes) instead of lines of text.")
    package var json = false

    package func validate() throws {
        try OptionBounds.check("--enterprises", enterprises, in: OptionBounds.enterprises)
        try OptionBounds.check("--years", years, in: OptionBounds.benchYears)
        try OptionBounds.check("--runs", runs, in: OptionBounds.runs)
    }

    package func run() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-bench-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("bench.gongkai")

        // Loading measures a file saved beforehand (not measured when only loading is asked for).
        let survey = SyntheticSurvey.make(enterprises: enterprises, years: 2001...(2000 + years), seed: 42)
        var report = BenchReport(only: only, json: json)
        try report.say("synthetic survey: \(survey.enterprises.count) enterprises, \(survey.years.count) years, "
              + "\(survey.observations.count) cells; RSS with it in memory: "
              + (BenchReport.residentBytes().map { String(format: "%.0f MB", Double($0) / 1_048_576) } ?? "?"))

        try report.measure("save", runs: runs) { try SurveyFile.save(survey, to: file) }
        if !FileManager.default.fileExists(atPath: file.path) { try SurveyFile.save(survey, to: file) }
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        try report.say("file size: \(size / 1_048_576) MiB")
        if let keepFile {
            try? FileManager.default.removeItem(atPath: keepFile)
            try FileManager.default.copyItem(atPath: file.path, toPath: keepFile)
        }
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
        try ExportBench.measure(&report, survey: survey, runs: runs, directory: dir)
        try report.measure("cell edit + undo", runs: runs) {
            let document = SurveyDocument(survey: survey)
            let j = survey.jurisdictions[0].id
            let cell = Observation(jurisdiction: j, year: survey.years[0], kind: .auditList, status: .notDisclosed)
            try document.perform(.setCells([CellChange(key: cell.key, observation: cell)]), label: "bench")
            blackHole(Statistics(document.survey))
            try document.undo()
        }
        let csv = Self.publishedList(rows: 10_000)
        let lastYear = survey.years.last ?? 2000 + years
        try report.measure("import of a 10,000-row GB18030 CSV list (read, check, add as one step)", runs: runs) {
            let plan = try EnterpriseImport(data: csv, into: survey, jurisdiction: "河南", year: lastYear)
            let document = SurveyDocument(survey: survey)
            try document.perform(plan.edit, label: "bench")
            blackHole(document.survey.enterprises.count)
        }
        // The case that was quadratic: a second list into the same jurisdiction and year, whose
        // new ids had to step past every id the first list took.
        let second = Self.publishedList(rows: 10_000, from: 10_000)
        if report.includes("import 10,000 rows into the 100,000-enterprise survey") {
            let first = try EnterpriseImport(data: csv, into: survey, jurisdiction: "河南", year: survey.years.last ?? 0)
            let withFirst = SurveyDocument(survey: survey)
            try withFirst.perform(first.edit, label: "bench")
            let base = withFirst.survey
            try report.measure("import 10,000 rows into the 100,000-enterprise survey (a second list, same jurisdiction and year)", runs: runs) {
                let plan = try EnterpriseImport(data: second, into: base, jurisdiction: "河南", year: base.years.last ?? 0)
                let document = SurveyDocument(survey: base)
                try document.perform(plan.edit, label: "bench")
                blackHole(document.survey.enterprises.count)
            }
        }
        try TeamBench.measure(&report, survey: survey, runs: runs, directory: dir)
        // The window's measurements need a display (`make bench` runs under Xvfb).
        try MainActor.assumeIsolated { try measureWindow(survey: survey, file: file, into: &report) }
        if let peak = BenchReport.peakResidentBytes() {
            try report.say("peak RSS since the last reset: " + String(format: "%.0f MB", Double(peak) / 1_048_576))
        }
        if json { try report.printJSON() }
    }

    /// The measurements of the real window, each with the peak memory while it ran; none without
    /// a display.
    @MainActor
    private func measureWindow(survey: Survey, file: URL, into report: inout BenchReport) throws {
        if report.includes("open in the window") {
            BenchReport.resetPeak()
            if let result = WindowBench.run(file: file) { try report.add(result.rows(peakRSS: BenchReport.peakResidentBytes()), lines: result.lines) }
        }
        if report.includes("matrix cell edit") {
            BenchReport.resetPeak()
            if let result = MatrixBench.run(survey: survey) { try report.add(result.rows(peakRSS: BenchReport.peakResidentBytes()), lines: result.lines) }
        }
        if report.includes("window-cell-edit") {
            if let result = WindowCellEditBench.run(survey: survey, runs: max(runs, 20)) { try report.add(result.rows, lines: result.lines) }
        }
        if report.includes("filter as you type") {
            BenchReport.resetPeak()
            if let result = EnterpriseBench.run(survey: survey) { try report.add(result.rows(peakRSS: BenchReport.peakResidentBytes()), lines: result.lines) }
        }
    }
    package init() {}
}

extension BenchCommand {
    /// A province's published audit list as Excel on Chinese Windows saves it: GB18030 CSV with
    /// the headers 序号,企业名称,所在地,审核类别,所属行业 and names not yet in the survey.
    package static func publishedList(rows: Int, from start: Int = 0) -> Data {
        let cities = ["郑州市", "开封市", "洛阳市", "平顶山市", "安阳市", "新乡市", "焦作市", "濮阳市"]
        let reasons = ["双超", "使用有毒有害原料", "高耗能", "双超,双有", "双有"]
        let industries = ["化学原料和化学制品制造业", "金属制品业", "造纸和纸制品业", "电力、热力生产和供应业"]
        var text = "序号,企业名称,所在地,审核类别,所属行业\r\n"
        for i in start..<(start + rows) {
            let name = "河南省第\(i + 1)号清洁生产示范有限公司"
            text += "\(i + 1),\(name),\(cities[i % cities.count]),\"\(reasons[i % reasons.count])\",\(industries[i % industries.count])\r\n"
        }
        return text.data(using: TextDecoding.gb18030) ?? Data(text.utf8)
    }
}

/// Keeps a value alive so that the optimiser cannot drop the work that made it.
@inline(never) package func blackHole<T>(_ value: T) { withExtendedLifetime(value) {} }

/// One measurement of `gongkai bench`: the median and range of its runs in milliseconds, and the
/// peak resident memory while it ran (what `--json` prints, one object per measurement).
package struct BenchRow: Codable, Equatable {
    package var name: String
    package var medianMs: Double
    package var minMs: Double
    package var maxMs: Double
    package var runs: Int
    /// Peak resident set size in bytes (nil where /proc is not readable).
    package var peakRSSBytes: Int?

    package init(name: String, times: [Double], peakRSS: Int?) {
        self.name = name
        let sorted = times.sorted()
        medianMs = Stopwatch.median(sorted)
        minMs = sorted.first ?? 0
        maxMs = sorted.last ?? 0
        runs = sorted.count
        peakRSSBytes = peakRSS
    }

    package enum CodingKeys: String, CodingKey {
        case name, runs
        case medianMs = "median_ms", minMs = "min_ms", maxMs = "max_ms", peakRSSBytes = "peak_rss_bytes"
    }
}

/// Timings of named operations: the median and the range of several runs each, and the median
/// processor time (all threads; on a busy machine it varies less than the elapsed time).
/// With `json`, nothing is printed while measuring: `printJSON()` prints every row at the end.
package struct BenchReport {
    package private(set) var rows: [BenchRow] = []
    /// Only operations whose name contains this are measured (nil: all).
    package var only: String?
    /// Collect the rows for `printJSON()` instead of printing lines.
    package var json = false

    package init(only: String?, json: Bool = false) {
        self.only = only
        self.json = json
    }

    /// Whether the operation `name` is measured (`--only` is part of its name, or not given).
    package func includes(_ name: String) -> Bool { only.map(name.contains) ?? true }

    /// Prints a line of text (not in JSON mode).
    package func say(_ line: String) throws {
        if !json { try Output.line(line) }
    }

    /// Adds measurements made elsewhere (the window's) with their own lines of text.
    package mutating func add(_ measured: [BenchRow], lines: [String]) throws {
        rows += measured
        try lines.forEach(say)
    }

    package mutating func measure(_ name: String, runs: Int, _ body: () throws -> Void) throws {
        guard includes(name) else { return }
        var times: [Double] = []
        var cpuTimes: [Double] = []
        Self.resetPeak()
        for _ in 0..<max(1, runs) {
            let cpuStart = Self.processorTime()
            times.append(try Stopwatch.milliseconds(body))
            cpuTimes.append((Self.processorTime() - cpuStart) * 1e3)
        }
        cpuTimes.sort()
        let row = BenchRow(name: name, times: times, peakRSS: Self.peakResidentBytes())
        rows.append(row)
        let peak = row.peakRSSBytes.map { String(format: "   peak RSS %.0f MB", Double($0) / 1_048_576) } ?? ""
        try say(Self.padded(name) + String(format: "median %9.2f ms   (min %.2f, max %.2f)", row.medianMs, row.minMs, row.maxMs) + peak
            + String(format: "   cpu %.0f ms", Stopwatch.median(cpuTimes)))
    }

    /// Every row as a JSON array (sorted keys, one object per measurement).
    package func printJSON() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try Output.line(String(decoding: try encoder.encode(rows), as: UTF8.self))
    }

    /// Processor time used by the calling thread so far, in seconds.
    package static func threadProcessorTime() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// Processor time used by the process so far (all threads), in seconds.
    package static func processorTime() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    private static func padded(_ name: String) -> String {
        name + String(repeating: " ", count: max(1, 32 - name.count))
    }

    /// Resets the kernel's peak-RSS mark (VmHWM) to the current RSS, so the next reading is the
    /// peak of what follows (Linux 4.0+: writing 5 to /proc/self/clear_refs).
    package static func resetPeak() {
        // Return freed heap memory to the system first, so that the mark starts from what is in use.
        ProcessMemory.trim()
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return }
        try? handle.write(contentsOf: Data("5".utf8))
        try? handle.close()
    }

    /// The process's resident set size now (VmRSS), in bytes.
    package static func residentBytes() -> Int? { statusField("VmRSS:") }

    /// The process's peak resident set size (VmHWM in /proc/self/status), in bytes.
    package static func peakResidentBytes() -> Int? { statusField("VmHWM:") }

    private static func statusField(_ field: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(field) {
            let digits = line.split(separator: " ").compactMap { Int($0) }.first
            return digits.map { $0 * 1024 }
        }
        return nil
    }
}
