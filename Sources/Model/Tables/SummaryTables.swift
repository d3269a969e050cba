import Foundation

extension TableBuilder {
    /// The per-year summary, the report's headline figures: for each survey year and kind, the
    /// jurisdictions that disclosed, did not, delegated, or were not surveyed, each count with
    /// its share of the survey's jurisdictions beside it. Computed from the cells by `Statistics`.
    /// Three header rows: the kind, the status, then 数量 / 占比 (count / share).
    public func summary() -> Table {
        let stats = statistics
        let statuses: [DisclosureStatus] = [.disclosed, .notDisclosed, .prefecture, .division, .notSurveyed]
        var top = [HeaderCell(tr("Year"))]
        var second = [HeaderCell("")]
        var third = [HeaderCell("")]
        for kind in DisclosureKind.allCases {
            top.append(HeaderCell(kind.label, span: statuses.count * 2))
            for status in statuses {
                second.append(HeaderCell(status.label, span: 2))
                third += [HeaderCell(tr("Count")), HeaderCell(tr("Share"))]
            }
        }
        let rows: [[TableCell]] = stats.years.map { year in
            var row = [TableCell.int(year)]
            for kind in DisclosureKind.allCases {
                let counts = stats.statusCounts(year: year, kind: kind)
                let total = statuses.reduce(0) { $0 + counts[$1] }
                for status in statuses {
                    row.append(TableCell(.integer(counts[status]), status: status))
                    row.append(TableCell(total > 0 ? .percent(Double(counts[status]) / Double(total)) : .empty))
                }
            }
            return row
        }
        return Table(id: "summary", title: tr("Jurisdictions by disclosure status per year"), header: [top, second, third], rows: rows)
    }

    /// The cross-tab by region (the National Bureau of Statistics' east, central, west and
    /// northeast, as each jurisdiction of the survey records it): per year and region, the
    /// jurisdictions, and per kind how many disclosed and their share of the region's
    /// jurisdictions; each year ends with all jurisdictions.
    public func regions() -> Table {
        let survey = self.survey
        let index = CellIndex(survey)
        let kinds = DisclosureKind.allCases
        var top = [HeaderCell(tr("Year")), HeaderCell(tr("Region")), HeaderCell(tr("Jurisdictions"))]
        var second = [HeaderCell(""), HeaderCell(""), HeaderCell("")]
        for kind in kinds {
            top.append(HeaderCell(kind.label, span: 2))
            second += [HeaderCell(tr("Disclosed")), HeaderCell(tr("Share"))]
        }
        let groups: [(label: String, members: [Jurisdiction])] =
            Region.allCases.map { region in (region.label, survey.jurisdictions.filter { $0.region == region }) }
            .filter { !$0.members.isEmpty } + [(tr("All jurisdictions"), survey.jurisdictions)]
        var rows: [[TableCell]] = []
        for year in survey.years {
            for (i, group) in groups.enumerated() {
                var row: [TableCell] = [i == 0 ? .int(year) : TableCell(.empty), .text(group.label), .int(group.members.count)]
                for kind in kinds {
                    let disclosed = group.members.filter { index.observation($0.id, year, kind, in: survey)?.status == .disclosed }.count
                    row.append(TableCell(.integer(disclosed), status: .disclosed))
                    row.append(TableCell(group.members.isEmpty ? .empty : .percent(Double(disclosed) / Double(group.members.count))))
                }
                rows.append(row)
            }
        }
        return Table(id: "regions", title: tr("Disclosure by region per year"), header: [top, second], rows: rows)
    }
}
