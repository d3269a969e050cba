import ArgumentParser
import Foundation
import Model
import GtkKit
import Rendering

/// `gongkai import enterprises CSV --jurisdiction 河南 --year 2021 --into FILE [--dry-run]`: adds a
/// published audit list to a survey's enterprise samples and prints what was added, what
/// duplicates a sample already there, and the bad rows with their line numbers.
package struct ImportCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a published list into a survey.",
        subcommands: [ImportEnterprisesCommand.self])
    package init() {}
}

package struct ImportEnterprisesCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "enterprises",
        abstract: "Import enterprise samples from a CSV or TSV list (UTF-8 or GB18030).")

    @Argument(help: "The CSV or TSV file.")
    package var csv: String

    @Option(name: .long, help: "The jurisdiction the list belongs to (e.g. 河南, 河南省, henan).")
    package var jurisdiction: String

    @Option(name: .long, help: "The survey year of the list.")
    package var year: Int

    @Option(name: .long, help: "The survey file to add the samples to.")
    package var into: String

    @Flag(name: .long, help: "Print what would be imported without changing the survey file.")
    package var dryRun = false

    @OptionGroup package var language: LanguageOption

    package func validate() throws {
        try OptionBounds.check("--year", year, in: OptionBounds.year)
    }

    package func run() throws {
        try language.apply()
        let (update, survey) = try SurveyUpdate.load(into)
        let data: Data
        do {
            data = try ListFile.read(csv)  // refuses a FIFO, a device or a folder before opening it
        } catch let failure as EnterpriseImport.Failure {
            throw fail(failure.message, code: 2)
        }
        let plan: EnterpriseImport
        do {
            plan = try EnterpriseImport(data: data, into: survey, jurisdiction: jurisdiction, year: year)
        } catch let failure as EnterpriseImport.Failure {
            throw fail("\(csv): \(failure.message)", code: 1)
        }
        try Output.write(plan.summary)
        guard !dryRun else {
            try Output.line(tr("Dry run: %1 was not changed.", into))
            return
        }
        guard !plan.added.isEmpty else { return }
        let document = SurveyDocument(survey: survey)
        do {
            document.author = AuthorName.current()
            try document.perform(plan.edit, label: tr("Import enterprises"), action: .import)
        } catch {
            throw fail((error as? LocalizedError)?.errorDescription ?? "\(error)", code: 1)
        }
        try update.save(document.survey)
        try Output.line(trn("Added %1 enterprise to %2.", "Added %1 enterprises to %2.", plan.added.count, plan.added.count, into))
    }
    package init() {}
}
