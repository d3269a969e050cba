import ArgumentParser
import Foundation
import Model
import GtkKit
import Rendering

/// `gongkai stats [FILE] [--json]`: every summary figure, computed from the cells.
package struct StatsCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Print the survey's statistics, computed from its cells and records.")

    @Flag(name: .long, help: "Print JSON instead of text.")
    package var json = false

    @OptionGroup package var language: LanguageOption
    @OptionGroup package var input: SurveyInput

    package func run() throws {
        try language.apply()
        let survey = try input.load()
        let stats = Statistics(survey)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            var data = try encoder.encode(SourcedStatistics(stats))
            data.append(0x0A)
            try Output.write(data)
        } else {
            try Output.write(Printable.terminalText(StatsText(survey: survey, stats: stats).render()))
        }
    }
    package init() {}
}

/// The statistics as readable text, one block per figure of the report.
package struct StatsText {
    package let survey: Survey
    package let stats: Statistics

    private var names: [String: String] {
        Dictionary(survey.jurisdictions.map { ($0.id, $0.displayName) }, uniquingKeysWith: { a, _ in a })
    }

    package func render() -> String {
        var out = "\(survey.meta.title)\n"
        out += trn("%1 jurisdiction, years %2", "%1 jurisdictions, years %2", stats.jurisdictionCount,
                   stats.jurisdictionCount, stats.years.map(String.init).joined(separator: ", ")) + "\n"
        let statuses: [DisclosureStatus] = [.disclosed, .notDisclosed, .prefecture, .division, .notSurveyed]
        for kind in DisclosureKind.allCases {
            out += "\n## \(kind.label)\n"
            out += row([tr("Year")] + statuses.map(\.label))
            for year in stats.years {
                let c = stats.statusCounts(year: year, kind: kind)
                out += row([String(year)] + statuses.map { String(c[$0]) })
            }
            out += "\n### " + tr("Coverage of disclosed lists") + "\n"
            out += row([tr("Year"), tr("Mandatory and voluntary"), tr("Mandatory only"), tr("Voluntary only"),
                        tr("Not classified"), tr("Not recorded")])
            for year in stats.years {
                let c = stats.coverage(year: year, kind: kind)
                out += row([String(year)] + [c.mandatoryAndVoluntary, c.mandatoryOnly, c.voluntaryOnly, c.unclassified, c.notRecorded].map(String.init))
            }
        }
        out += "\n## " + tr("Reasons stated in published audit lists") + "\n"
        out += row([tr("Year"), tr("No list"), tr("Reasons not stated"), tr("Some reasons"), tr("All three reasons"), tr("Not recorded")])
        for year in stats.years {
            let l = stats.labelling(year: year)
            out += row([String(year)] + [l.noList, l.notStated, l.someMarked, l.allMarked, l.notRecorded].map(String.init))
        }
        out += "\n## " + tr("Ranking by disclosure rate") + "\n" + stats.rateDefinition.note + "\n"
        for r in stats.ranking {
            let rate = r.rate.map { String(format: "%.0f%%", $0 * 100) } ?? "—"
            out += "\(r.rank.map(String.init) ?? "—")\t\(names[r.jurisdiction] ?? r.jurisdiction)\t\(rate)\n"
        }
        out += "\n## " + tr("Year-over-year changes") + "\n"
        for change in stats.changes {
            let improved = change.improved.isEmpty ? "—" : change.improved.map { names[$0] ?? $0 }.joined(separator: "、")
            let regressed = change.regressed.isEmpty ? "—" : change.regressed.map { names[$0] ?? $0 }.joined(separator: "、")
            out += "\(change.kind.label) \(change.fromYear)→\(change.toYear): "
                + tr("improved %1 (%2), regressed %3 (%4)", change.improved.count, improved, change.regressed.count, regressed) + "\n"
        }
        out += ReportFiguresText(names: names, figures: stats.figures).render()
        let e = stats.enterprises
        out += "\n## " + tr("Enterprise samples") + " " + tr("(records only)") + "\n"
        out += tr("%1 sampled, %2 disclosed", e.sampled, e.disclosed) + "\n"
        out += Completeness.allCases.map { "\($0.label) \(e.completeness[$0])" }.joined(separator: ", ") + "\n"
        for j in e.byJurisdiction where j.sampled > 0 {
            out += "\(names[j.jurisdiction] ?? j.jurisdiction)\t" + tr("%1 sampled, %2 disclosed", j.sampled, j.disclosed) + "\t"
                + Completeness.allCases.map { "\($0.label) \(j.completeness[$0])" }.joined(separator: ", ") + "\n"
        }
        out += "\n### " + tr("Disclosure rate of each required item") + "\n"
        for item in e.items {
            let rate = item.rate.map { String(format: "%.0f%%", $0 * 100) } ?? "—"
            out += "\(item.item.label)\t\(item.disclosed)/\(item.required)\t\(rate)\n"
        }
        out += "\n### " + tr("Phone survey") + "\n"
        out += ChartWords.phoneCalls(enterprises: e.phone.enterprisesCalled, calls: e.phone.attempts) + "\n"
        for o in e.phone.outcomes where o.enterprises > 0 || o.attempts > 0 {
            out += "\(o.outcome.label)\t\(o.enterprises)\n"
        }
        out += "\n## " + tr("Sub-unit disclosure in delegating jurisdictions") + "\n"
        for s in stats.subUnits {
            let figure: String
            switch s.basis {
            case .notRecorded: figure = tr("not recorded")
            case .reported: figure = tr("%1 of %2 disclosed", s.disclosed, s.units) + "\t" + tr("(reported count)")
            case .observed: figure = tr("%1 of %2 disclosed", s.disclosed, s.units)
            }
            out += "\(names[s.jurisdiction] ?? s.jurisdiction)\t\(s.kind.label)\t\(figure)\n"
        }
        return out
    }

    private func row(_ cells: [String]) -> String { cells.joined(separator: "\t") + "\n" }
}
