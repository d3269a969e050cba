import ArgumentParser
import Foundation
import Model
import GtkKit
import Rendering

/// `gongkai compare A B [--json]`: every difference between two surveys with both values, the
/// agreement per section, and kappa and alpha for the matrix statuses and the article 11
/// checklists. Exit 0 when the surveys hold the same data, 1 when they differ, 2 on an error.
package struct CompareCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two surveys: differences, agreement, Cohen's kappa and Krippendorff's alpha.",
        discussion: "Exit status: 0 when the surveys hold the same data, 1 when they differ, 2 on an error.")

    @Argument(help: "The first survey file (A).")
    package var a: String

    @Argument(help: "The second survey file (B).")
    package var b: String

    @Flag(name: .long, help: "Print JSON instead of text.")
    package var json = false

    @OptionGroup package var language: LanguageOption

    package func run() throws {
        try language.apply()
        let comparison = SurveyComparison(try TeamIO.load(a), try TeamIO.load(b))
        if json {
            try TeamIO.printJSON(ComparisonJSON(comparison))
        } else {
            try Output.write(Self.text(comparison))
        }
        if !comparison.isSame { throw ExitCode(1) }
    }

    package static func text(_ c: SurveyComparison) -> String {
        var out = ""
        for w in c.warnings { out += tr("Warning: %1", w) + "\n" }
        out += tr("%1 differences", c.differences.count) + "\n"
        for d in c.differences {
            out += "  \(d.path): A \(TeamText.quoted(d.a)) | B \(TeamText.quoted(d.b))\n"
        }
        out += "\n" + tr("Agreement by section") + "\n"
        for s in c.sections where s.records > 0 {
            out += "  " + tr("%1: %2 of %3 records identical (%4)", s.section, s.identical, s.records, TeamText.percent(s.agreement)) + "\n"
        }
        out += "\n"
        for (title, r) in [(tr("Matrix statuses"), c.matrix), (tr("Article 11 checklists"), c.checklists)] {
            out += tr("%1: %2 units, agreement %3, Cohen's kappa %4, Krippendorff's alpha %5", title, r.units,
                      TeamText.percent(r.agreement), TeamText.coefficient(r.kappa), TeamText.coefficient(r.alpha)) + "\n"
        }
        return out
    }
    package init() {}
}

/// `gongkai compare --json`: `same`, `differences`, `sections`, `matrix` and `checklists` (each
/// with `units`, `agreement`, `kappa`, `alpha`; null where undefined), `warnings`.
package struct ComparisonJSON: Encodable {
    package let comparison: SurveyComparison
    package init(_ comparison: SurveyComparison) { self.comparison = comparison }

    package enum Keys: String, CodingKey { case same, differences, sections, matrix, checklists, warnings }
    package enum DifferenceKeys: String, CodingKey { case section, path, a, b }
    package enum SectionKeys: String, CodingKey { case section, records, identical, agreement }
    package enum ReliabilityKeys: String, CodingKey { case units, agreement, kappa, alpha }

    package func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(comparison.isSame, forKey: .same)
        var list = c.nestedUnkeyedContainer(forKey: .differences)
        for d in comparison.differences {
            var item = list.nestedContainer(keyedBy: DifferenceKeys.self)
            try item.encode(d.section, forKey: .section)
            try item.encode(d.path, forKey: .path)
            try item.encode(d.a, forKey: .a)
            try item.encode(d.b, forKey: .b)
        }
        var sections = c.nestedUnkeyedContainer(forKey: .sections)
        for s in comparison.sections {
            var item = sections.nestedContainer(keyedBy: SectionKeys.self)
            try item.encode(s.section, forKey: .section)
            try item.encode(s.records, forKey: .records)
            try item.encode(s.identical, forKey: .identical)
            try Self.encode(s.agreement, &item, .agreement)
        }
        for (key, r) in [(Keys.matrix, comparison.matrix), (.checklists, comparison.checklists)] {
            var item = c.nestedContainer(keyedBy: ReliabilityKeys.self, forKey: key)
            try item.encode(r.units, forKey: .units)
            try Self.encode(r.agreement, &item, .agreement)
            try Self.encode(r.kappa, &item, .kappa)
            try Self.encode(r.alpha, &item, .alpha)
        }
        try c.encode(comparison.warnings, forKey: .warnings)
    }

    /// A number, or null when undefined (the key is always there).
    private static func encode<K>(_ value: Double?, _ c: inout KeyedEncodingContainer<K>, _ key: K) throws {
        if let value { try c.encode(value, forKey: key) } else { try c.encodeNil(forKey: key) }
    }
}
