import ArgumentParser
import Foundation
import Model
import GtkKit
import Rendering

/// `gongkai chart`: draws the survey's charts to PNG, SVG or PDF.
///
///     gongkai chart --list
///     gongkai chart NAME --output PATH [--format png|svg|pdf] [--scale 2] [--year Y] [--kind K] [FILE]
///     gongkai chart --all --output DIR|FILE.pdf [--format png|svg|pdf] [FILE]
///     gongkai chart --bench [--enterprises N] [--runs N]
package struct ChartCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Draw the survey's charts as PNG, SVG or PDF.",
        usage: """
        gongkai chart --list
        gongkai chart <name> --output <path> [--format png|svg|pdf] [--scale 2] [--year <y>] [--kind audit_list|evaluation] [--lang zh|en] [<file>]
        gongkai chart --all --output <dir>|<file.pdf> [--format png|svg|pdf] [<file>]
        gongkai chart --bench [--enterprises 100000] [--runs 5]
        """,
        discussion: """
        CHART is one of: \(ChartKind.allCases.map(\.name).joined(separator: ", ")).
        With --all and a path ending in .pdf, every chart goes into one PDF, one chart per page (a \
        briefing handout); with any other path, that folder gets one file per chart, <name>.<format>. \
        FILE is a .gongkai survey (default: the built-in 2018-2022 dataset). Files are written \
        completely or not at all (a folder's files all together); -o - writes to standard output \
        (one chart, or --all as one PDF); a symbolic link is written through. A chart never \
        replaces a survey (.gongkai, or a file that starts like one) nor anything that is not a \
        regular file.
        """)

    package enum KindOption: String, ExpressibleByArgument, CaseIterable {
        case auditList = "audit_list", evaluation, both
    }

    @Argument(help: ArgumentHelp("The chart's name, then optionally the survey file.", valueName: "name> <file"))
    package var arguments: [String] = []

    @Flag(name: .long, help: "List the charts and their names.")
    package var list = false

    @Flag(name: .long, help: "Draw every chart: into a folder, or into one PDF when --output ends in .pdf.")
    package var all = false

    @Option(name: [.short, .long], help: ArgumentHelp("The file (or, with --all, the folder or .pdf) to write.", valueName: "path"))
    package var output: String?

    @Option(name: .long, help: "png, svg or pdf (default: from the output's extension; png for a folder).")
    package var format: String?

    @Option(name: .long, help: "PNG pixels per point, 1 to 4 (a chart is 1280 × 720 at 1).")
    package var scale: Double = 2

    @Option(name: .long, help: "The year of a single-year chart (default: the last survey year).")
    package var year: Int?

    @Option(name: .long, help: "audit_list, evaluation or both (default: the chart's own).")
    package var kind: KindOption?

    @Flag(inversion: .prefixedNo, help: "Count cells delegated to a lower level (default: the chart's own).")
    package var delegated: Bool?

    @Option(name: .long, help: "value (largest first) or survey (the survey's order).")
    package var sort: String?

    @Flag(name: .customLong("by-region"), help: "Group the ranking by region.")
    package var byRegion = false

    @Option(name: .long, help: "PDF page: a4 (landscape) or wide (16:9).")
    package var page: String = ChartPage.a4.rawValue

    @Flag(name: .long, help: "Measure how long each chart takes on a synthetic survey (use a release build).")
    package var bench = false

    @Option(name: .long, help: "Enterprises in the benchmark's synthetic survey.")
    package var enterprises = 100_000

    @Option(name: .long, help: "Runs of each benchmark measurement (the median is printed).")
    package var runs = 5

    @OptionGroup package var language: LanguageOption

    package func validate() throws {
        try OptionBounds.check("--enterprises", enterprises, in: OptionBounds.enterprises)
        try OptionBounds.check("--runs", runs, in: OptionBounds.runs)
        if list || bench { return }
        if all {
            guard arguments.count <= 1 else { throw ValidationError("with --all, give at most the survey file") }
        } else {
            guard let name = arguments.first else {
                throw ValidationError("name a chart (see gongkai chart --list), or use --all")
            }
            guard ChartKind(name: name) != nil else {
                throw ValidationError("unknown chart \"\(name)\"; choose one of \(ChartKind.allCases.map(\.name).joined(separator: ", "))")
            }
            guard arguments.count <= 2 else { throw ValidationError("give a chart name and at most one survey file") }
        }
        guard output != nil else { throw ValidationError("--output is required") }
        if let format, ChartFormat(rawValue: format.lowercased()) == nil {
            throw ValidationError("unknown format \"\(format)\"; choose png, svg or pdf")
        }
        try OptionBounds.check("--scale", scale, in: OptionBounds.scale)
        if let year { try OptionBounds.check("--year", year, in: OptionBounds.year) }
        if all && isStandardOutput(output) && format.map({ $0.lowercased() != "pdf" }) ?? false {
            throw ValidationError("--all to standard output is one PDF: use --format pdf")
        }
        if let sort, ChartSort(rawValue: sort) == nil {
            throw ValidationError("unknown sort \"\(sort)\"; choose value or survey")
        }
        guard ChartPage(rawValue: page) != nil else { throw ValidationError("unknown page \"\(page)\"; choose a4 or wide") }
    }

    /// What `--bench` runs (`ChartBench.run`): set by the executable, since the command line does
    /// not depend on the benchmarks (they measure the window too).
    package nonisolated(unsafe) static var benchmark: ((_ enterprises: Int, _ runs: Int) throws -> Void)?

    package func run() throws {
        try language.apply()
        if bench {
            guard let benchmark = Self.benchmark else { throw ValidationError("--bench: this build has no benchmarks") }
            try benchmark(enterprises, runs)
            return
        }
        if list {
            var out = ""
            for kind in ChartKind.allCases {
                out += kind.name.padding(toLength: 26, withPad: " ", startingAt: 0) + kind.title + "\n"
            }
            try Output.write(out)
            return
        }
        let file = all ? arguments.first : arguments.dropFirst().first
        let survey = try SurveyInput.load(path: file)
        if let year, !survey.years.contains(year) {
            throw fail(tr("%1 is not one of the survey's years (%2).", year, survey.years.map(String.init).joined(separator: ", ")), code: 1)
        }
        let data = ChartData(survey)
        let output = self.output ?? ""
        let pdfPage = ChartPage(rawValue: page) ?? .a4
        do {
            if all && isStandardOutput(output) {
                let charts = ChartKind.allCases.map { $0.make(data, options(for: $0)) }
                try emitThroughTemporaryFile(suffix: "pdf") {
                    try ChartExport.pdf(charts, to: $0.path, page: pdfPage, title: data.survey.meta.title)
                }
            } else if all {
                try exportAll(data, to: output, page: pdfPage)
            } else {
                guard let kind = arguments.first.flatMap(ChartKind.init(name:)) else { throw ValidationError("name a chart") }
                guard let format = format.flatMap({ ChartFormat(rawValue: $0.lowercased()) }) ?? ChartFormat(path: output) else {
                    throw fail(tr("Cannot tell the format from %1: add --format png, svg or pdf.", output), code: 1)
                }
                let chart = kind.make(data, options(for: kind))
                if isStandardOutput(output) {
                    try emitThroughTemporaryFile(suffix: format.rawValue) {
                        try ChartExport.write(chart, format: format, to: $0.path, scale: scale, page: pdfPage)
                    }
                } else {
                    try ChartExport.write(chart, format: format, to: output, scale: scale, page: pdfPage)
                }
            }
        } catch let error as ChartExportError {
            throw fail(error.message, code: 1)
        }
    }

    private func exportAll(_ data: ChartData, to output: String, page: ChartPage) throws {
        let charts = ChartKind.allCases.map { $0.make(data, options(for: $0)) }
        if output.lowercased().hasSuffix(".pdf") && format.map({ $0.lowercased() == "pdf" }) ?? true {
            try ChartExport.pdf(charts, to: output, page: page, title: data.survey.meta.title)
            return
        }
        let format = self.format.flatMap { ChartFormat(rawValue: $0.lowercased()) } ?? .png
        // All the files are made in a temporary folder and moved into place together.
        let names = charts.map { "\($0.kind.name).\(format.rawValue)" }
        let written = try ChartFileWriter.writeFiles(in: output, names: names) { name, temp in
            guard let chart = charts.first(where: { "\($0.kind.name).\(format.rawValue)" == name }) else { return }
            try ChartExport.draw(chart, format: format, file: temp, shownAs: (output as NSString).appendingPathComponent(name),
                                 scale: scale, page: page)
        }
        for path in written { try Output.line(path) }
    }

    /// The chart's own options with those given on the command line.
    private func options(for chart: ChartKind) -> ChartOptions {
        var options = chart.defaultOptions
        if let year { options.year = year }
        switch kind {
        case .auditList?: options.kind = .auditList
        case .evaluation?: options.kind = .evaluation
        case .both?: options.kind = nil
        case nil: break
        }
        if let delegated { options.includeDelegated = delegated }
        if let sort = sort.flatMap(ChartSort.init(rawValue:)) { options.sort = sort }
        if byRegion { options.groupByRegion = true }
        return options
    }
    package init() {}
}
