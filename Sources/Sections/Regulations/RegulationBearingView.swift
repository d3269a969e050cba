import CGtk
import Model
import GtkKit
import Rendering

/// Read-only: which survey years a regulation bears on, which disclosure items cite each of its
/// articles, and a warning for survey years in which it was not in force (e.g. 清洁生产审核暂行办法,
/// repealed in 2016, against a 2018–2022 survey).
@MainActor
package final class RegulationBearingView {
    package let widget: UnsafeMutablePointer<GtkWidget>
    private let content: UnsafeMutablePointer<GtkWidget>
    /// The warnings shown (for tests).
    package private(set) var warnings: [String] = []
    /// The lines shown, one per article (for tests).
    package private(set) var articleLines: [String] = []

    package init() {
        widget = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 6)
        content = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 6)
        Widgets.append(widget, content)
    }

    package func show(_ r: Regulation, in survey: Survey) {
        FormParts.clear(content)
        let bearing = r.bearing(surveyYears: survey.years)
        warnings = Self.warnings(r, bearing)
        articleLines = []
        let years = bearing.inForceYears
        let yearsText = years.isEmpty ? tr("none") : YearsText.compact(years)
        Widgets.append(content, Widgets.label(tr("In force in survey years: %1", yearsText), wrap: true))
        for warning in warnings {
            Widgets.append(content, Widgets.label("⚠ " + warning, classes: ["gk-warning"], wrap: true))
        }
        if bearing.articles.isEmpty {
            Widgets.append(content, FormParts.hint(tr("No disclosure items cite this regulation.")))
        }
        for article in bearing.articles {
            let line: String
            if article.items.isEmpty {
                line = tr("%1: no disclosure items cite it", article.number)
            } else {
                let separator = tr(context: "list separator", ", ")
                let groups = article.clauses.map { clause in
                    clause + article.items.filter { $0.source.clause == clause }.map(\.label).joined(separator: separator)
                }
                line = tr("%1: required items %2", article.number, groups.joined(separator: tr("; ")))
            }
            articleLines.append(line)
            let label = Widgets.label(line, wrap: true, selectable: true)
            Widgets.append(content, label)
            if !article.isListed {
                Widgets.append(content, FormParts.hint(tr("Cited by the disclosure items but not among the key articles above.")))
            }
        }
    }

    /// The warnings for a regulation: survey years in which it was not in force (stronger when
    /// disclosure items cite it), or unknown dates.
    package nonisolated static func warnings(_ r: Regulation, _ bearing: RegulationBearing) -> [String] {
        var out: [String] = []
        let repealed = bearing.outOfForceYears.filter { $0.status == .repealed }.map(\.year)
        let notYet = bearing.outOfForceYears.filter { $0.status == .notYetEffective }.map(\.year)
        if !repealed.isEmpty {
            let when = r.repealed?.description ?? "?"
            out.append(bearing.citedItems.isEmpty
                ? tr("Repealed on %1: not in force in survey years %2.", when, YearsText.compact(repealed))
                : tr("Disclosure items cite this regulation, but it was repealed on %1 and not in force in survey years %2.",
                     when, YearsText.compact(repealed)))
        }
        if !notYet.isEmpty {
            let when = r.startDate?.description ?? "?"
            out.append(bearing.citedItems.isEmpty
                ? tr("Took effect on %1: not yet in force in survey years %2.", when, YearsText.compact(notYet))
                : tr("Disclosure items cite this regulation, but it took effect on %1 and was not in force in survey years %2.",
                     when, YearsText.compact(notYet)))
        }
        if bearing.datesUnknown {
            out.append(tr("Its dates are not recorded, so the survey years it bears on are unknown."))
        }
        return out
    }
}
