import ArgumentParser
import Foundation
import Model
import GtkKit
import Rendering

/// `gongkai reconcile [FILE] [--json]`: every figure the report states, recomputed from the data.
/// Exit 0 when all agree, 1 otherwise, 2 when the file cannot be read.
package struct ReconcileCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Recompute every figure the report states and say whether it agrees with the data.")

    @Flag(name: .long, help: "Print JSON: a list of objects with statement, stated, computed and agrees.")
    package var json = false

    @OptionGroup package var language: LanguageOption
    @OptionGroup package var input: SurveyInput

    package func run() throws {
        try language.apply()
        let survey = try input.load()
        let figures = Reconciler(survey).reconcile()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            var data = try encoder.encode(figures)
            data.append(0x0A)
            try Output.write(data)
        } else {
            try Output.write(ReconciliationText(survey: survey, figures: figures).render())
        }
        if !Reconciler.allAgree(figures) { throw ExitCode(1) }
    }
    package init() {}
}

/// The reconciliation as readable text: one block per stated figure, then the labelling decisions.
package struct ReconciliationText {
    package let survey: Survey
    package let figures: [ReconciledFigure]

    package func render() -> String {
        let names = Dictionary(survey.jurisdictions.map { ($0.id, $0.displayName) }, uniquingKeysWith: { a, _ in a })
        var out = ""
        for f in figures {
            let mark = f.agrees ? tr("agrees") : tr("DIFFERS")
            out += "[\(mark)] \(f.id): \(f.statement)\n"
            out += "    " + f.valuesLine + "\n"
            for line in f.detailLines(names: names) { out += "    " + line + "\n" }
        }
        let decisions = survey.reported?.decisions ?? []
        if !decisions.isEmpty {
            out += "\n## " + tr("Labelling decisions") + "\n"
            for d in decisions {
                out += "\(d.id): \(d.decision)\n    " + tr("conflicting passage: %1", d.conflictingPassage) + "\n"
            }
        }
        let differing = figures.filter { !$0.agrees }.count
        out += "\n" + tr("%1 stated figures: %2 agree, %3 differ", figures.count, figures.count - differing, differing) + "\n"
        return out
    }
    package init(survey: Survey, figures: [ReconciledFigure]) {
        self.survey = survey
        self.figures = figures
    }
}
