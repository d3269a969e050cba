import Foundation
import Model
import GtkKit

extension ChartData {
    /// Why a chart has nothing to show with this survey, in the labels' language; nil when it has
    /// something. The default briefing leaves such charts out and the gallery says why.
    package func emptyReason(_ kind: ChartKind) -> String? {
        if kind.drawsTheMatrix, !years.isEmpty, !survey.jurisdictions.isEmpty, !hasEnteredCells {
            return tr("Nothing is entered in the disclosure matrix yet.")
        }
        switch kind {
        case .disclosurePerYear, .map, .mapYears, .coverage, .labelling:
            return years.isEmpty ? tr("The survey has no years.") : nil
        case .matrix:
            return years.isEmpty || survey.jurisdictions.isEmpty ? tr("The survey has no jurisdictions or no years.") : nil
        case .ranking:
            return survey.jurisdictions.isEmpty ? tr("The survey has no jurisdictions.") : nil
        case .enterpriseCompleteness:
            return stats.enterprises.sampled == 0 ? tr("The survey has no sampled enterprises.") : nil
        case .itemRates:
            return stats.enterprises.items.allSatisfy { $0.rate == nil }
                ? tr("No sampled enterprise is required to publish any item, so there is no rate to show.") : nil
        case .phoneOutcomes:
            return stats.enterprises.phone.attempts == 0 ? tr("The survey records no phone calls to enterprises.") : nil
        case .subUnits:
            return stats.subUnits.isEmpty ? tr("No jurisdiction in the survey delegates to a lower level.") : nil
        case .timeline:
            return survey.regulations.isEmpty ? tr("The survey records no laws or rules.") : nil
        case .changes:
            return years.count < 2 ? tr("Changes need at least two survey years.") : nil
        }
    }

    /// Whether any cell of the survey's jurisdictions and years has a status: a matrix with nothing
    /// entered is no finding (“0 jurisdictions published”), only a blank.
    package var hasEnteredCells: Bool { EntryProgress(survey, index: cells).years.contains { $0.entered > 0 } }

    /// The charts with nothing to show.
    package var emptyCharts: Set<ChartKind> { Set(ChartKind.allCases.filter { emptyReason($0) != nil }) }
}

extension ChartKind {
    /// Whether the chart is drawn from the disclosure matrix's cells.
    package var drawsTheMatrix: Bool {
        switch self {
        case .disclosurePerYear, .map, .mapYears, .coverage, .labelling, .matrix, .ranking, .changes: true
        case .enterpriseCompleteness, .itemRates, .phoneOutcomes, .subUnits, .timeline: false
        }
    }
}
