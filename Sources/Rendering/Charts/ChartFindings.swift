import Foundation
import Model
import GtkKit

/// The finding a chart states under its title, computed from the survey's figures in the labels'
/// language: 「2022年度21个省级单位公开了审核企业名单，比2021年度少5个」 / "In 2022, 21
/// jurisdictions published their audit lists, 5 fewer than in 2021".
extension ChartData {
    /// The chart's finding; nil when the chart has nothing to show.
    package func finding(_ kind: ChartKind, _ options: ChartOptions) -> String? {
        guard emptyReason(kind) == nil else { return nil }
        let disclosure = options.kind ?? .auditList
        switch kind {
        case .disclosurePerYear, .matrix, .mapYears:
            return years.last.map { disclosedFinding(year: $0, kind: disclosure) }
        case .map:
            return year(options.year).map { disclosedFinding(year: $0, kind: options.kind ?? .auditList) }
        case .coverage:
            guard let year = years.last else { return nil }
            let c = stats.coverage(year: year, kind: disclosure)
            return trn("In %1, of %2 jurisdiction that published %3, %4 cover mandatory audits and %5 voluntary audits",
                       "In %1, of %2 jurisdictions that published %3, %4 cover mandatory audits and %5 voluntary audits", c.total,
                       year, c.total, Self.kindNoun(disclosure), c.includingMandatory, c.includingVoluntary)
        case .labelling:
            guard let year = years.last else { return nil }
            let l = stats.labelling(year: year)
            return trn("In %1, %2 jurisdiction's audit list marks all three reasons for audit, %3 some, %4 none",
                       "In %1, %2 jurisdictions' audit lists mark all three reasons for audit, %3 some, %4 none", l.allMarked,
                       year, l.allMarked, l.someMarked, l.notStated)
        case .ranking:
            let definition = options.includeDelegated ? RateDefinition.delegatedAsNotDisclosed : stats.rateDefinition
            let ranked = JurisdictionRate.ranking(stats.jurisdictionRates, kind: options.kind, definition: definition)
            let first = ranked.filter { $0.rank == 1 }
            guard let rate = first.first?.rate else { return nil }
            guard first.count <= 3 else {
                return trn("%1 jurisdiction shares the highest disclosure rate (%2)", "%1 jurisdictions share the highest disclosure rate (%2)",
                           first.count, first.count, ChartWords.percent(rate))
            }
            return tr("Highest disclosure rate: %1 (%2)", ChartWords.list(first.map { name($0.jurisdiction) }), ChartWords.percent(rate))
        case .enterpriseCompleteness:
            let e = stats.enterprises
            return trn("Of %1 sampled enterprise, %2 disclosed every item required of it",
                       "Of %1 sampled enterprises, %2 disclosed every item required of them", e.sampled, e.sampled, e.completeness.complete)
        case .itemRates:
            let rated = stats.enterprises.items.compactMap { r in r.rate.map { (r.item, $0) } }
            guard let lowest = rated.min(by: { $0.1 < $1.1 }) else { return nil }
            return tr("Least disclosed required item: %1 (%2)", lowest.0.label, ChartWords.percent(lowest.1))
        case .phoneOutcomes:
            let phone = stats.enterprises.phone
            guard let top = phone.outcomes.max(by: { $0.enterprises < $1.enterprises }) else { return nil }
            return trn("Most frequent outcome: %1 (%2 of %3 enterprise called)", "Most frequent outcome: %1 (%2 of %3 enterprises called)",
                       phone.enterprisesCalled, top.outcome.label, top.enterprises, phone.enterprisesCalled)
        case .subUnits:
            let rows = stats.subUnits.filter { options.kind == nil || $0.kind == options.kind }
            let delegating = Set(rows.map(\.jurisdiction)).count
            return trn("%1 delegating jurisdiction; %2 of its %3 sub-units disclosed",
                       "%1 delegating jurisdictions; %2 of their %3 sub-units disclosed",
                       delegating, delegating, rows.map(\.disclosed).reduce(0, +), rows.map(\.units).reduce(0, +))
        case .timeline:
            let count = survey.regulations.count
            return trn("%1 law or rule recorded", "%1 laws and rules recorded", count)
        case .changes:
            guard let last = stats.changes(kind: disclosure).last else { return nil }
            return trn("From %1 to %2, %3 jurisdiction began publishing its %5 and %4 stopped",
                       "From %1 to %2, %3 jurisdictions began publishing their %5 and %4 stopped", last.improved.count,
                       last.fromYear, last.toYear, last.improved.count, last.regressed.count, Self.kindNoun(disclosure))
        }
    }

    /// "In 2022, 21 jurisdictions published their audit lists, 5 fewer than in 2021".
    private func disclosedFinding(year: Int, kind: DisclosureKind) -> String {
        let count = stats.statusCounts(year: year, kind: kind).disclosed
        let sentence = trn("In %1, %2 jurisdiction published its %3", "In %1, %2 jurisdictions published their %3",
                           count, year, count, Self.kindNoun(kind))
        guard let index = years.firstIndex(of: year), index > 0 else { return sentence }
        let previous = years[index - 1]
        let before = stats.statusCounts(year: previous, kind: kind).disclosed
        let change: String
        if count > before {
            change = tr("%1 more than in %2", count - before, previous)
        } else if count < before {
            change = tr("%1 fewer than in %2", before - count, previous)
        } else {
            change = tr("as many as in %1", previous)
        }
        return Localizer.format(tr(context: "finding", "%1, %2"), [sentence, change])
    }

    /// The kind of disclosure inside a sentence: "audit lists" / 审核企业名单.
    package static func kindNoun(_ kind: DisclosureKind) -> String {
        switch kind {
        case .auditList: return tr(context: "finding", "audit lists")
        case .evaluation: return tr(context: "finding", "evaluation and acceptance results")
        }
    }
}
