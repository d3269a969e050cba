import ArgumentParser
import Foundation
import Model
import GtkKit
import Rendering

/// `gongkai new FILE --years 2023-2025`: a new survey with the 32 jurisdictions (names, regions,
/// map tiles, departments and sub-units as in the built-in dataset) and its laws and rules, and no
/// observations.
package struct NewCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a new, empty survey file.")

    @Argument(help: "The file to create.")
    package var file: String

    @Option(name: .long, help: "The survey years, e.g. 2023-2025 or 2023,2024.")
    package var years: String

    @Option(name: .long, help: "The survey's title.")
    package var title: String?

    @Option(name: .long, help: "The organisation that makes the survey (default: none).")
    package var organisation: String?

    @Flag(name: .long, help: "Replace the file if it exists.")
    package var force = false

    @OptionGroup package var language: LanguageOption

    package func run() throws {
        try language.apply()
        guard let parsed = SurveyYears.parse(years) else {
            throw fail(tr("Cannot read the years \"%1\": write them as 2023-2025 or 2023,2024.", years), code: 2)
        }
        if FileManager.default.fileExists(atPath: file) && !force {
            throw fail(tr("%1 already exists; use --force to replace it.", file), code: 1)
        }
        let template = try SurveyInput.load(path: nil)
        let survey = Survey.blank(years: parsed, title: title, organisation: organisation, from: template)
        // Checked again under the survey's lock: a file that appeared meanwhile is not replaced.
        try SurveyUpdate.create(file, replacing: force).save(survey)
        try Output.line(trn("Created %1 with %2 jurisdiction and the years %3.", "Created %1 with %2 jurisdictions and the years %3.",
                            survey.jurisdictions.count, file, survey.jurisdictions.count,
                            parsed.map(String.init).joined(separator: ", ")))
    }
    package init() {}
}
