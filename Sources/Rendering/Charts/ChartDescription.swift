import Foundation
import Model
import GtkKit

/// What a screen reader says of a chart: its title as the name, and as the description its finding
/// and the figures it draws ("2018: 9 of 32 published; …"), computed from the survey. The figures
/// themselves are in the chart's data table (`dataTableID`, a table of `gongkai export`), which the
/// charts section shows on Ctrl+T or its Data Table button.
extension ChartKind {
    /// The exported table holding the figures the chart draws.
    package var dataTableID: String {
        switch self {
        case .disclosurePerYear, .changes: return "summary"
        case .matrix, .map, .mapYears, .ranking: return "matrix"
        case .coverage: return "coverage"
        case .labelling: return "labelling"
        case .enterpriseCompleteness, .phoneOutcomes: return "enterprise-summary"
        case .itemRates: return "item-rates"
        case .subUnits: return "sub-units"
        case .timeline: return "regulations"
        }
    }
}

extension ChartData {
    /// The chart's description: its finding, then its figures; why it is empty when it is.
    package func spokenDescription(_ kind: ChartKind, _ options: ChartOptions) -> String {
        if let reason = emptyReason(kind) { return reason }
        var parts: [String] = []
        if let finding = finding(kind, options) { parts.append(finding + ".") }
        let figures = spokenFigures(kind, options)
        if !figures.isEmpty { parts.append(figures + ".") }
        parts.append(tr("Ctrl+T shows the chart's data table."))
        return parts.joined(separator: " ")
    }

    /// The figures a chart draws, in words.
    package func spokenFigures(_ kind: ChartKind, _ options: ChartOptions) -> String {
        let disclosure = options.kind ?? .auditList
        switch kind {
        case .disclosurePerYear, .matrix, .mapYears, .changes:
            return years.map { yearFigures($0, disclosure) }.joined(separator: "; ")
        case .map:
            return year(options.year).map { yearFigures($0, disclosure) } ?? ""
        default:
            guard let table = TableBuilder(survey).table(named: kind.dataTableID) else { return "" }
            let rows = min(table.rowCount, 12)
            var lines = (0..<rows).map { ChartTableText.rowText(table, table.row($0)) }
            if table.rowCount > rows {
                lines.append(trn("%1 more row in the data table", "%1 more rows in the data table", table.rowCount - rows, table.rowCount - rows))
            }
            return lines.joined(separator: "; ")
        }
    }

    /// "2018: 9 of 32 published their audit lists".
    private func yearFigures(_ year: Int, _ kind: DisclosureKind) -> String {
        let counts = stats.statusCounts(year: year, kind: kind)
        let total = DisclosureStatus.allCases.map { counts[$0] }.reduce(0, +)
        return tr("%1: %2 of %3 published their %4", year, counts.disclosed, total, Self.kindNoun(kind))
    }
}

/// A table's rows as words: "Anhui: 2018 audit list √, 2018 evaluation ×, …".
package enum ChartTableText {
    /// Each column's heading, the header rows joined ("2018 audit list").
    package static func columnNames(_ table: Table) -> [String] {
        let rows = table.expandedHeader.map { row -> [String] in
            var last = ""
            return row.map { text in
                if !text.isEmpty { last = text }
                return last
            }
        }
        return (0..<table.columnCount).map { c in
            rows.compactMap { $0.indices.contains(c) && !$0[c].isEmpty ? $0[c] : nil }.joined(separator: " ")
        }
    }

    package static func rowText(_ table: Table, _ row: [TableCell]) -> String {
        let names = columnNames(table)
        let values = row.map(\.value.plainText)
        guard let first = values.first else { return "" }
        let rest = zip(names.dropFirst(), values.dropFirst()).compactMap { name, value in
            value.isEmpty ? nil : (name.isEmpty ? value : "\(name) \(value)")
        }
        return rest.isEmpty ? first : first + ": " + rest.joined(separator: ", ")
    }
}
