import ArgumentParser
import Foundation
import Model
import GtkKit
import Rendering

/// `gongkai log [FILE] [--author A] [--since DATE] [--record PATH] [--json | --csv]`: the survey's
/// change log, oldest first. `--json` and `--csv` give the same columns as the `log` table (the
/// change log view's export): time, author, action, path, old, new.
package struct LogCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Print the change log: who changed which field, when, from what to what.")

    @Option(name: .long, help: "Only changes by this author.")
    package var author: String?

    @Option(name: .long, help: ArgumentHelp("Only changes from this date or time on (2026-12, 2026-12-06, 2026-12-06T10:00).", valueName: "date"))
    package var since: String?

    @Option(name: .long, help: ArgumentHelp("Only changes of this record, field or section (enterprises/e-1, observations/anhui/2021, regulations).", valueName: "path"))
    package var record: String?

    @Flag(name: .long, help: "Print JSON instead of text.")
    package var json = false

    @Flag(name: .long, help: "Print the log table as CSV (UTF-8, no byte-order mark) instead of text.")
    package var csv = false

    @OptionGroup package var language: LanguageOption
    @OptionGroup package var input: SurveyInput

    package func run() throws {
        try language.apply()
        if let since, !since.isEmpty, since.prefix(4).allSatisfy(\.isNumber) == false || since.count < 4 {
            throw fail(tr("--since takes a date such as 2026-12-06, found “%1”", since), code: 2)
        }
        if json && csv { throw fail(tr("Choose --json or --csv, not both."), code: 2) }
        let survey = try input.load()
        let entries = survey.changeLog.filtered(author: author, since: since, pathPrefix: record)
        if csv {
            try Output.write(CSVWriter(byteOrderMark: false).data(TableBuilder(survey).changeLog(entries)))
            return
        }
        if json {
            try TeamIO.printJSON(entries)
            return
        }
        var out = ""
        for e in entries {
            out += TeamText.line(e) + "\n"
        }
        if entries.isEmpty { out = tr("No changes logged.") + "\n" }
        try Output.write(out)
    }
    package init() {}
}
