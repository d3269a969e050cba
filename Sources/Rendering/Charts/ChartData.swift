import Foundation
import Model
import GtkKit

/// What every chart is made from: the survey, its statistics (computed once per survey change and
/// shared by all charts) and an index of its cells. Charts take every figure from here.
package struct ChartData: Sendable {
    package let survey: Survey
    package let stats: Statistics
    package let cells: CellIndex
    private let jurisdictionsByID: [String: Jurisdiction]

    package init(_ survey: Survey, statistics: Statistics? = nil) {
        self.survey = survey
        stats = statistics ?? Statistics(survey)
        cells = CellIndex(survey)
        var byID: [String: Jurisdiction] = [:]
        for j in survey.jurisdictions where byID[j.id] == nil { byID[j.id] = j }
        jurisdictionsByID = byID
    }

    package var years: [Int] { survey.years }

    /// The line under every chart: the survey's English source line for a chart in English where
    /// the survey has one, else its data-source line.
    package var source: String { survey.meta.dataSource(in: Localizer.shared.effectiveLanguage) }

    package func jurisdiction(_ id: String) -> Jurisdiction? { jurisdictionsByID[id] }

    /// A jurisdiction's short name in the labels' language (its id when unknown); a name of more
    /// than three words by its initials ("Xinjiang Production and Construction Corps" → "XPCC").
    package func name(_ id: String) -> String {
        guard let j = jurisdictionsByID[id] else { return id }
        return Self.compactName(j.displayName)
    }

    package static func compactName(_ name: String) -> String {
        let words = name.split(separator: " ")
        guard words.count > 3 else { return name }
        return String(words.compactMap(\.first).filter(\.isUppercase))
    }

    /// The status of one cell (`notSurveyed` when not recorded).
    package func status(_ jurisdiction: String, _ year: Int, _ kind: DisclosureKind) -> DisclosureStatus {
        cells.status(jurisdiction, year, kind, in: survey)
    }

    /// The observation of one cell.
    package func observation(_ jurisdiction: String, _ year: Int, _ kind: DisclosureKind) -> Observation? {
        cells.observation(jurisdiction, year, kind, in: survey)
    }

    /// The year a single-year chart shows: the one asked for if it is a survey year, else the last.
    package func year(_ asked: Int?) -> Int? {
        if let asked, years.contains(asked) { return asked }
        return years.last
    }

    /// The survey years written compactly, e.g. "2018–2022年度" or "2016, 2018–2020".
    package var yearsText: String {
        guard !years.isEmpty else { return tr("No survey years") }
        return tr("Years %1", YearsText.compact(years))
    }
}

/// Chart wording shared by several charts.
package enum ChartWords {
    /// The kind of disclosure as a noun: 审核企业名单 / audit enterprise lists.
    package static func kind(_ kind: DisclosureKind) -> String {
        switch kind {
        case .auditList: return tr("Audit enterprise lists")
        case .evaluation: return tr("Evaluation and acceptance results")
        }
    }

    /// Both kinds, or one.
    package static func kinds(_ kind: DisclosureKind?) -> String {
        kind.map(Self.kind) ?? tr("Audit enterprise lists and evaluation results")
    }

    /// A count of jurisdictions, in the chart's words.
    package static func jurisdictions(_ n: Int) -> String { trn("%1 jurisdiction", "%1 jurisdictions", n) }

    /// "12 enterprises called, 20 calls" (the phone survey's chart and `gongkai stats`).
    package static func phoneCalls(enterprises: Int, calls: Int) -> String {
        tr("%1, %2", trn("%1 enterprise called", "%1 enterprises called", enterprises), trn("%1 call", "%1 calls", calls))
    }

    /// A percentage without decimals: 83%.
    package static func percent(_ rate: Double) -> String { String(format: "%.0f%%", rate * 100) }

    /// The short symbol of a status in a matrix or map cell: √, ×, 地市, 师市 (empty: not surveyed).
    package static func symbol(_ status: DisclosureStatus, short: Bool = false) -> String {
        switch status {
        case .disclosed: return "√"
        case .notDisclosed: return "×"
        case .prefecture: return short ? tr(context: "chart", "P") : tr(context: "chart", "Pref.")
        case .division: return short ? tr(context: "chart", "D") : tr(context: "chart", "Div.")
        case .notSurveyed: return "–"
        }
    }

    /// Joins a list the way the labels' language does.
    package static func list(_ items: [String]) -> String {
        items.joined(separator: tr(context: "list separator", ", "))
    }

    /// A label with its count: "已公开（21）" / "Disclosed (21)".
    package static func counted(_ label: String, _ count: Int) -> String {
        Localizer.format(tr(context: "chart", "%1 (%2)"), [label, count])
    }

    /// Two rows of a chart as "2018→2019".
    package static func yearPair(_ from: Int, _ to: Int) -> String { "\(from)→\(to)" }
}
