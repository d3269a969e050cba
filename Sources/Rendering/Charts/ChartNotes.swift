import Foundation
import Model
import GtkKit

/// The user's words on a chart (issue 15): a title and finding of their own, and notes on points.
extension ChartKind {
    /// The kinds of point a note on this chart can be attached to (empty: none).
    package var notePoints: (years: Bool, jurisdictions: Bool) {
        switch self {
        case .disclosurePerYear, .coverage, .labelling, .timeline, .changes: return (true, false)
        case .matrix, .mapYears: return (true, true)
        case .map, .ranking, .enterpriseCompleteness, .subUnits: return (false, true)
        case .itemRates, .phoneOutcomes: return (false, false)
        }
    }

    /// Whether notes can be attached to this chart.
    package var takesNotes: Bool { notePoints.years || notePoints.jurisdictions }
}

extension ChartData {
    /// The points a note on `kind` can be attached to: the survey years, then the jurisdictions.
    package func notePoints(_ kind: ChartKind) -> [ChartPoint] {
        let (years, jurisdictions) = kind.notePoints
        // The changes chart draws each year from the second on (the year a change arrived).
        let noted = kind == .changes ? Array(self.years.dropFirst()) : self.years
        return (years ? noted.map(ChartPoint.year) : []) + (jurisdictions ? survey.jurisdictions.map { .jurisdiction($0.id) } : [])
    }

    /// A point as the chart names it, in the labels' language: 「2021年度」, 「河南」.
    package func pointLabel(_ point: ChartPoint) -> String {
        switch point {
        case .year(let year): return yearHeading(year)
        case .jurisdiction(let id): return name(id)
        }
    }

    /// Puts the user's title, finding and notes of `kind` into a chart's header.
    package func applyPresentation(of kind: ChartKind, to header: inout ChartHeader) {
        guard let presentation = survey.meta.charts else { return }
        if let o = presentation.override(kind.name) {
            if let title = o.title { header.title = title }
            if let finding = o.finding { header.finding = finding }
        }
        header.notes = presentation.annotations(kind.name).map {
            ChartNote(point: $0.point, pointLabel: pointLabel($0.point), text: $0.text)
        }
    }
}
