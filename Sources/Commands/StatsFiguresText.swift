import Foundation
import Model
import GtkKit
import Rendering

/// The statistics for `stats --json`, with where each section comes from: every section is
/// counted from the records, except `figures`, where each figure names its own source.
package struct SourcedStatistics: Encodable {
    package let stats: Statistics

    package init(_ stats: Statistics) { self.stats = stats }

    package struct Key: CodingKey {
        package var stringValue: String
        package var intValue: Int? { nil }
        package init(_ s: String) { stringValue = s }
        package init?(stringValue: String) { self.stringValue = stringValue }
        package init?(intValue: Int) { nil }
    }

    package func encode(to encoder: Encoder) throws {
        try stats.encode(to: encoder)
        var c = encoder.container(keyedBy: Key.self)
        let sources: [String: String] = [
            "byYear": FigureSource.records.rawValue, "jurisdictionRates": FigureSource.records.rawValue,
            "ranking": FigureSource.records.rawValue, "changes": FigureSource.records.rawValue,
            "enterprises": FigureSource.records.rawValue,
            "subUnits": "per row: basis observed = records, reported = tallies",
            "figures": "per figure: source",
        ]
        try c.encode(sources, forKey: Key("sources"))
    }
}

/// The combined figures (records and the report's tallies) as text, each with its source.
package struct ReportFiguresText {
    package let names: [String: String]
    package let figures: CombinedFigures

    package func render() -> String {
        var out = "\n## " + tr("Enterprise sample, phone survey and letters (records and reported tallies)") + "\n"
        for f in figures.survey where f.value > 0 || f.records > 0 || f.tally != nil {
            out += "\(f.label)\t\(f.value)\t\(f.source.label)" + tallyDetail(f) + "\n"
        }
        for f in figures.items {
            out += "\(f.label)\t\(f.value)%\t\(f.source.label)\n"
        }
        let tallied = figures.byJurisdiction.filter { $0.source != .records }
        if !tallied.isEmpty {
            out += "\n### " + tr("Per jurisdiction, where the report gives a total") + "\n"
            for f in tallied {
                let j = f.jurisdiction.map { names[$0] ?? $0 } ?? ""
                out += "\(j)\t\(f.label)\t\(f.value)\t\(f.source.label)" + tallyDetail(f) + "\n"
            }
        }
        return out
    }

    private func tallyDetail(_ f: CombinedFigure) -> String {
        guard f.source == .both else { return "" }
        return "\t" + tr("(%1 entered as records)", f.records)
    }
    package init(names: [String: String], figures: CombinedFigures) {
        self.names = names
        self.figures = figures
    }
}
