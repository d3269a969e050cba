import ArgumentParser
import Foundation
import Model

/// `gongkai export TABLE [--format csv|json] [--output PATH] [FILE]`.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export one of the survey's tables.",
        discussion: "TABLE is one of: \(TableBuilder.tableIDs.joined(separator: ", ")).")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json
    }

    @Argument(help: "The table to export.")
    var table: String

    @Option(name: .long, help: "csv or json.")
    var format: Format = .csv

    @Option(name: [.short, .long], help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(name: .customLong("no-bom"), help: "Leave out the UTF-8 byte-order mark (for scripts).")
    var noBOM = false

    @Option(name: .long, help: "How matrix cells are written: symbols, yes-no or words.")
    var style: String = MatrixCellStyle.symbols.rawValue

    @OptionGroup var language: LanguageOption
    @OptionGroup var input: SurveyInput

    func validate() throws {
        guard TableBuilder.tableIDs.contains(table) else {
            throw ValidationError("unknown table \"\(table)\"; choose one of \(TableBuilder.tableIDs.joined(separator: ", "))")
        }
        guard MatrixCellStyle(rawValue: style) != nil else {
            throw ValidationError("unknown style \"\(style)\"; choose symbols, yes-no or words")
        }
    }

    func run() throws {
        try language.apply()
        let survey = try input.load()
        let builder = TableBuilder(survey)
        guard let t = builder.table(named: table, style: MatrixCellStyle(rawValue: style) ?? .symbols) else { return }
        let data: Data
        switch format {
        case .csv: data = CSVWriter(byteOrderMark: !noBOM).data(t)
        case .json: data = try TableJSON.data(t)
        }
        try emit(data, to: output)
    }
}
