import ArgumentParser
import Foundation
import Model
import GtkKit
import Rendering

/// `gongkai check FILE`: the validation report. Exit 0 when clean, 1 with errors, 2 when the file
/// cannot be read.
package struct CheckCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a survey file and list its problems.")

    @OptionGroup package var input: SurveyInput
    @OptionGroup package var language: LanguageOption

    package func run() throws {
        try language.apply()
        let survey = try input.load()
        let problems = Validator.validate(survey)
        let errors = problems.filter { $0.severity == .error }.count
        let warnings = problems.filter { $0.severity == .warning }.count
        var out = ""
        for p in problems {
            let tag: String
            switch p.severity {
            case .error: tag = tr("error")
            case .warning: tag = tr("warning")
            case .info: tag = tr("info")
            }
            out += "\(tag): [\(p.code)] \(p.message)\n"  // messages are escaped (`Printable`)
        }
        out += ProblemCounts.text(errors: errors, warnings: warnings) + "\n"
        try Output.write(out)
        if errors > 0 { throw ExitCode(1) }
    }
    package init() {}
}
