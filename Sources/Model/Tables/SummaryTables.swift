import Foundation

extension TableBuilder {
    /// The per-year summary, the report's headline figures: for each survey year and kind, the
    /// jurisdictions that disclosed, did not, delegated, or were not surveyed. Computed from the
    /// cells by `Statistics`.
    public func summary() -> Table {
        let stats = Statistics(survey)
        let statuses: [DisclosureStatus] = [.disclosed, .notDisclosed, .prefecture, .division, .notSurveyed]
        var top = [HeaderCell(tr("Year"))]
        var second = [HeaderCell("")]
        for kind in DisclosureKind.allCases {
            top.append(HeaderCell(kind.label, span: statuses.count))
            second += statuses.map { HeaderCell($0.label) }
        }
        let rows: [[TableCell]] = stats.years.map { year in
            var row = [TableCell.int(year)]
            for kind in DisclosureKind.allCases {
                let counts = stats.statusCounts(year: year, kind: kind)
                row += statuses.map { TableCell(.integer(counts[$0]), status: $0) }
            }
            return row
        }
        return Table(id: "summary", title: tr("Jurisdictions by disclosure status per year"), header: [top, second], rows: rows)
    }
}
