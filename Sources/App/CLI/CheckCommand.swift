import ArgumentParser
import Foundation
import Model

/// `gongkai check FILE`: the validation report. Exit 0 when clean, 1 with errors, 2 when the file
/// cannot be read.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a survey file and list its problems.")

    @OptionGroup var input: SurveyInput
    @OptionGroup var language: LanguageOption

    func run() throws {
        try language.apply()
        let survey = try input.load()
        let problems = Validator.validate(survey)
        let errors = problems.filter { $0.severity == .error }.count
        var out = ""
        for p in problems {
            let tag = p.severity == .error ? tr("error") : tr("warning")
            out += "\(tag): [\(p.code)] \(p.message)\n"
        }
        out += ProblemCounts.text(errors: errors, warnings: problems.count - errors) + "\n"
        FileHandle.standardOutput.write(Data(out.utf8))
        if errors > 0 { throw ExitCode(1) }
    }
}
