import ArgumentParser
import Foundation
import Model

/// `gongkai reconcile [FILE] [--json]`: every figure the report states, recomputed from the data.
/// Exit 0 when all agree, 1 otherwise, 2 when the file cannot be read.
struct ReconcileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Recompute every figure the report states and say whether it agrees with the data.")

    @Flag(name: .long, help: "Print JSON: a list of objects with statement, stated, computed and agrees.")
    var json = false

    @OptionGroup var language: LanguageOption
    @OptionGroup var input: SurveyInput

    func run() throws {
        try language.apply()
        let survey = try input.load()
        let figures = Reconciler(survey).reconcile()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            var data = try encoder.encode(figures)
            data.append(0x0A)
            FileHandle.standardOutput.write(data)
        } else {
            FileHandle.standardOutput.write(Data(ReconciliationText(survey: survey, figures: figures).render().utf8))
        }
        if !Reconciler.allAgree(figures) { throw ExitCode(1) }
    }
}

/// The reconciliation as readable text: one block per stated figure, then the labelling decisions.
struct ReconciliationText {
    let survey: Survey
    let figures: [ReconciledFigure]

    func render() -> String {
        let names = Dictionary(survey.jurisdictions.map { ($0.id, $0.displayName) }, uniquingKeysWith: { a, _ in a })
        func name(_ id: String) -> String { names[id] ?? id }
        var out = ""
        for f in figures {
            let mark = f.agrees ? tr("agrees") : tr("DIFFERS")
            let computed = f.computed.map(String.init) ?? tr("cannot be computed")
            let basis = f.computedFrom.map { " (" + $0.label + ")" } ?? ""
            out += "[\(mark)] \(f.id): \(f.statement)\n"
            out += "    " + tr("stated %1, computed %2", f.stated, computed) + basis + "\n"
            if !f.missing.isEmpty { out += "    " + tr("named but not counted: %1", f.missing.map(name).joined(separator: "、")) + "\n" }
            if !f.extra.isEmpty { out += "    " + tr("counted but not named: %1", f.extra.map(name).joined(separator: "、")) + "\n" }
            if !f.cells.isEmpty {
                out += "    " + tr("cells: %1", f.cells.map { "\(name($0.jurisdiction)) \($0.year) \($0.kind.label)" }.joined(separator: "; ")) + "\n"
            }
            if let note = f.note { out += "    " + tr("note: %1", note) + "\n" }
            if let d = f.decision { out += "    " + tr("decision %1: %2", d.id, d.decision) + "\n" }
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
}

extension FigureSource {
    /// "records", "tallies", "records and tallies" (translated).
    var label: String {
        switch self {
        case .records: return tr("from records")
        case .tallies: return tr("from reported tallies")
        case .both: return tr("from records and reported tallies")
        }
    }
}
