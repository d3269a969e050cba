import ArgumentParser
import Foundation
import Model
import GtkKit
import Rendering

/// `gongkai fmt FILE`: rewrites a survey file in the canonical form Gongkai saves (sorted keys,
/// records in canonical order), so that hand-edited files diff cleanly in git. The file is read
/// and checked first; an unreadable file is left untouched, and so is a file another program
/// changed meanwhile (`SurveyUpdate`).
package struct FormatCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Rewrite a survey file in Gongkai's canonical form.")

    @Argument(help: "The .gongkai file to rewrite.")
    package var file: String

    @OptionGroup package var language: LanguageOption

    package func run() throws {
        try language.apply()
        let (update, survey) = try SurveyUpdate.load(file)
        try update.save(survey)
    }
    package init() {}
}
