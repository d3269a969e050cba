import Foundation

extension TallyMeasure {
    public var label: String {
        switch self {
        case .enterprisesSampled: return tr("Enterprises sampled")
        case .enterprisesDisclosed: return tr("Enterprises that disclosed")
        case .enterprisesComplete: return tr("Disclosed completely")
        case .enterprisesIncomplete: return tr("Disclosed incompletely")
        case .enterprisesCannotJudge: return tr("Completeness cannot be judged")
        case .itemPublishedPercent: return tr("Enterprises that published the item (%)")
        case .phoneCalls: return tr("Enterprises called")
        case .phoneOutcome: return tr("Calls with this outcome")
        case .lettersSent: return tr("Suggestion letters sent")
        case .lettersReplied: return tr("Suggestion letters answered")
        }
    }
}

extension FigureSource {
    /// "records", "reported tallies", "records and reported tallies" (translated).
    public var label: String {
        switch self {
        case .records: return tr("from records")
        case .tallies: return tr("from reported tallies")
        case .both: return tr("from records and reported tallies")
        }
    }
}

extension CellQualityKind {
    public var label: String {
        switch self {
        case .partial: return tr("Partly published")
        case .fairlyComprehensive: return tr("Fairly comprehensive")
        }
    }

    /// The small mark drawn in a matrix cell.
    public var mark: String {
        switch self {
        case .partial: return "½"
        case .fairlyComprehensive: return "+"
        }
    }
}

extension CombinedFigure {
    /// "Enterprises sampled", "Calls with this outcome: Not reached", "… (%): 企业名称".
    public var label: String {
        if let outcome { return tr("%1: %2", tr("Enterprises called"), outcome.label) }
        if let item { return tr("%1: %2", measure.label, item.label) }
        return measure.label
    }
}
