import ArgumentParser
import Foundation
import Model
import GtkKit
import Rendering

/// `gongkai set FILE JURISDICTION YEAR KIND STATUS [--note TEXT]`: sets one matrix cell's status
/// (and note) and saves the file; the change is logged like any other edit.
package struct SetCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Set the status of one matrix cell (logged in the file's change log).",
        discussion: "Exit status: 0 when the cell is set, 2 on a bad argument or file, 1 when the file changed on disk meanwhile (nothing is written).")

    @Argument(help: "The survey file to change.")
    package var file: String

    @Argument(help: "The jurisdiction: its code (anhui) or Chinese name (安徽, 安徽省).")
    package var jurisdiction: String

    @Argument(help: "The survey year.")
    package var year: String

    @Argument(help: "audit_list or evaluation.")
    package var kind: String

    @Argument(help: "disclosed, not_disclosed, prefecture, division or not_surveyed.")
    package var status: String

    @Option(name: .long, help: "The cell's note (replaces the one there; an empty text removes it).")
    package var note: String?

    @OptionGroup package var language: LanguageOption

    package func run() throws {
        try language.apply()
        guard let kind = DisclosureKind(rawValue: kind) else {
            throw fail(tr("Unknown kind “%1” (use %2).", self.kind, DisclosureKind.allCases.map(\.rawValue).joined(separator: ", ")), code: 2)
        }
        guard let status = DisclosureStatus(rawValue: status) else {
            throw fail(tr("Unknown status “%1” (use %2).", self.status, DisclosureStatus.allCases.map(\.rawValue).joined(separator: ", ")), code: 2)
        }
        let (update, survey) = try SurveyUpdate.load(file)
        guard let j = survey.jurisdiction(matching: jurisdiction) else {
            throw fail(tr("There is no jurisdiction “%1” in this survey.", jurisdiction), code: 2)
        }
        guard let year = Int(year), survey.years.contains(year) else {
            throw fail(tr("%1 is not one of the survey's years (%2).", self.year, survey.years.map(String.init).joined(separator: ", ")), code: 2)
        }
        let existing = survey.observation(j.id, year, kind)
        let before = existing?.status ?? .notSurveyed
        var cell = existing ?? Observation(jurisdiction: j.id, year: year, kind: kind, status: status)
        cell.status = status
        if let note { cell.note = note.isEmpty ? nil : note }
        let document = SurveyDocument(survey: survey)
        document.author = AuthorName.current()
        do {
            try document.perform(.setObservations([cell]), label: tr("Set cell"), action: .set)
        } catch {
            throw fail((error as? LocalizedError)?.errorDescription ?? "\(error)", code: 2)
        }
        try update.save(document.survey)
        try Output.line("\(j.shortName) \(year) \(kind.rawValue): \(before.rawValue) → \(status.rawValue)")
    }
    package init() {}
}
