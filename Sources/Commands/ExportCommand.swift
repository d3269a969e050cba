import ArgumentParser
import Foundation
import Model
import GtkKit
import Rendering

/// `gongkai export TABLE|all [--format xlsx|docx|csv|html|md|json] [--output PATH] [--force] [--notes …] [FILE]`.
package struct ExportCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the survey's tables: XLSX, DOCX, CSV, HTML, Markdown or JSON.",
        discussion: """
        TABLE is all or one of: \(TableBuilder.tableIDs.joined(separator: ", ")).

        xlsx writes one workbook (a sheet per table, native charts beside the summaries) and needs \
        --output (- for standard output). docx writes one Word document and needs --output too: \
        all is every report table (the enterprise list only with --with-enterprises) and every \
        chart, TABLE is that table alone. Tables are numbered (表1 …) in the order above, the same \
        in every format. Cell notes (the matrix's) are footnotes under the table in xlsx, docx, \
        html and md and written into the cell in csv and json, unless --notes says otherwise. \
        Another format writes one table to --output or to \
        standard output (no --output, or -o -); all writes a folder --output with one file per \
        table (TABLE.EXT), created if missing, and refuses to replace files there unless --force, \
        which replaces only those files; the files are written into a temporary folder and moved \
        into place only when all are complete. A single output file is replaced once it is \
        completely written; a symbolic link is written through. An export never replaces a \
        survey (.gongkai, or a file that starts like one) nor anything that is not a regular file. \
        Without --format, the format follows the extension of --output, else csv.
        """)

    @Argument(help: "The table to export, or all.")
    package var table: String

    @Option(name: .long, help: "xlsx, docx, csv, html, md or json (default: from --output's extension, else csv).")
    package var format: String?

    @Option(name: [.short, .long], help: "The file (or, for all in a text format, the folder) to write; default: standard output.")
    package var output: String?

    @Flag(name: .long, help: "Replace files of the same name in the output folder.")
    package var force = false

    @Flag(name: .customLong("no-bom"), help: "CSV: leave out the UTF-8 byte-order mark (for scripts).")
    package var noBOM = false

    @Flag(name: .customLong("source"), help: "CSV: start with a comment line \"# source: …\" giving the survey's data source (pandas: comment=\"#\").")
    package var sourceLine = false

    @Option(name: .long, help: "How matrix cells are written: symbols, yes-no or words.")
    package var style: String = MatrixCellStyle.symbols.rawValue

    @Option(name: .long, help: "Where cell notes go: footnotes (under the table), inline (in the cell) or none (default: footnotes in documents, inline in csv and json).")
    package var notes: String?

    @Flag(name: .customLong("with-enterprises"), help: "docx: add the enterprise list to all (at 100,000 enterprises, thousands of pages).")
    package var withEnterprises = false

    @Flag(name: .long, help: "Print how long building and writing took to standard error.")
    package var timing = false

    @Option(name: .long, help: ArgumentHelp("Export a synthetic survey of N enterprises (2003-2022, seed 42) instead of FILE, for benchmarks.",
                                            visibility: .hidden))
    package var synthetic: Int?

    @OptionGroup package var language: LanguageOption
    @OptionGroup package var input: SurveyInput

    /// User and system time of the process so far, all threads.
    package static func processorSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    package var tableIDs: [String] {
        guard table == "all" else { return [table] }
        guard resolvedFormat == .docx else { return TableBuilder.tableIDs }
        return TableBuilder.reportTableIDs + (withEnterprises ? ["enterprises"] : [])
    }

    /// The file or folder to write; nil for standard output.
    package var outputPath: String? { isStandardOutput(output) ? nil : output }

    package var resolvedFormat: ExportFormat? {
        if let format { return ExportFormat(rawValue: format.lowercased()) }
        if let output = outputPath, let inferred = ExportFormat(pathExtension: URL(fileURLWithPath: output).pathExtension) { return inferred }
        return .csv
    }

    package func validate() throws {
        guard table == "all" || TableBuilder.tableIDs.contains(table) else {
            throw ValidationError("unknown table \"\(table)\"; choose all or one of \(TableBuilder.tableIDs.joined(separator: ", "))")
        }
        guard let format = resolvedFormat else {
            throw ValidationError("unknown format \"\(format ?? "")\"; choose xlsx, docx, csv, html, md or json")
        }
        if let notes, NotePlacement(rawValue: notes) == nil {
            throw ValidationError("unknown notes \"\(notes)\"; choose footnotes, inline or none")
        }
        if withEnterprises && format != .docx { throw ValidationError("--with-enterprises is for --format docx") }
        guard MatrixCellStyle(rawValue: style) != nil else {
            throw ValidationError("unknown style \"\(style)\"; choose symbols, yes-no or words")
        }
        if output == nil && format.isOneFile {
            throw ValidationError("\(format.rawValue) needs --output FILE.\(format.rawValue) (or -o - for standard output)")
        }
        if outputPath == nil && table == "all" && !format.isOneFile { throw ValidationError("all needs --output FOLDER (one file per table)") }
        if let synthetic { try OptionBounds.check("--synthetic", synthetic, in: OptionBounds.enterprises) }
    }

    package func run() throws {
        try language.apply()
        let start = Date()
        let survey = try synthetic.map { SyntheticSurvey.make(enterprises: $0, years: 2003...2022, seed: 42) } ?? input.load()
        let loaded = Date()
        let loadedCPU = Self.processorSeconds()
        let export = TableExport(survey: survey, tableIDs: tableIDs, format: resolvedFormat ?? .csv,
                                 style: MatrixCellStyle(rawValue: style) ?? .symbols, notes: notes.flatMap(NotePlacement.init(rawValue:)),
                                 byteOrderMark: !noBOM, sourceLine: sourceLine, charts: resolvedFormat != .docx || table == "all")
        do {
            if let output = outputPath {
                try export.write(to: URL(fileURLWithPath: output), force: force)
            } else if export.format.isOneFile {
                try emitThroughTemporaryFile(suffix: export.format.rawValue) { try export.write(to: $0) }
            } else if let t = export.tables().first {
                try Output.write(try export.data(t))
            }
        } catch let error as ExportError {
            throw fail(error.errorDescription ?? "\(error)", code: 1)
        }
        if timing {
            let ms = { (a: Date, b: Date) in String(format: "%.0f ms", b.timeIntervalSince(a) * 1000) }
            let cpu = String(format: "%.0f ms", (Self.processorSeconds() - loadedCPU) * 1000)
            let line = "export \(table) \(export.format.rawValue): \(survey.enterprises.count) enterprises; "
                + "load \(ms(start, loaded)), tables and writing \(ms(loaded, Date())) (processor time \(cpu), all threads)\n"
            StandardStream.error.report(line)
        }
    }
    package init() {}
}
