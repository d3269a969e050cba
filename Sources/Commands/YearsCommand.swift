import ArgumentParser
import Foundation
import Model
import GtkKit
import Rendering

/// `gongkai years FILE --add 2023[-2024] | --remove YEAR`: adds survey years, or removes one with
/// its matrix cells, as one step, and saves the file.
package struct YearsCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "years",
        abstract: "Add survey years to a survey file, or remove one with its cells.")

    @Argument(help: "The survey file to change.")
    package var file: String

    @Option(name: .long, help: "Years to add, e.g. 2023 or 2023-2024.")
    package var add: String?

    @Option(name: .long, help: "A year to remove, with its matrix cells.")
    package var remove: Int?

    @OptionGroup package var language: LanguageOption

    package func validate() throws {
        if let remove { try OptionBounds.check("--remove", remove, in: OptionBounds.year) }
    }

    package func run() throws {
        try language.apply()
        guard (add == nil) != (remove == nil) else {
            throw fail(tr("Give either --add YEARS or --remove YEAR."), code: 2)
        }
        let loaded = try SurveyUpdate.load(file)
        let update = loaded.update
        var survey = loaded.survey
        let edit: Edit?
        if let add {
            guard let years = SurveyYears.parse(add) else {
                throw fail(tr("Cannot read the years \"%1\": write them as 2023-2025 or 2023,2024.", add), code: 2)
            }
            edit = Edit.addingYears(years, to: survey)
        } else if let remove {
            guard survey.years.contains(remove) else { throw fail(tr("%1 is not a year of this survey.", remove), code: 1) }
            guard survey.years.count > 1 else { throw fail(tr("A survey keeps at least one year."), code: 1) }
            edit = Edit.removingYear(remove, from: survey)
        } else {
            edit = nil
        }
        if let edit {
            do {
                _ = try edit.apply(to: &survey)
            } catch {
                throw fail((error as? LocalizedError)?.errorDescription ?? "\(error)", code: 1)
            }
            // Written only if the file is still the version read (SurveyUpdate: lock and check).
            try update.save(survey)
        }
        try Output.line(tr("%1: years %2.", file, survey.years.map(String.init).joined(separator: ", ")))
    }
    package init() {}
}
