import Foundation

// The report's figure tables that come straight from `Statistics`: list coverage per year,
// enterprises per jurisdiction, the disclosure rate of each required item, and sub-unit
// disclosure in delegating jurisdictions. Counts are integers and shares `.percent`, so that
// every format writes them natively.

extension TableBuilder {
    /// What the disclosed lists (or results) of each year cover: mandatory and voluntary audits,
    /// only one of them, unclassified, or not recorded; per kind under a merged heading, with the
    /// number of disclosed cells they add up to.
    public func coverage() -> Table {
        let stats = statistics
        let labels = [tr("Mandatory and voluntary"), tr("Mandatory only"), tr("Voluntary only"), tr("Not classified"),
                      tr("Not recorded"), tr("Disclosed")]
        var top = [HeaderCell(tr("Year"))]
        var second = [HeaderCell("")]
        for kind in DisclosureKind.allCases {
            top.append(HeaderCell(kind.label, span: labels.count))
            second += labels.map { HeaderCell($0) }
        }
        let rows: [[TableCell]] = stats.years.map { year in
            var row = [TableCell.int(year)]
            for kind in DisclosureKind.allCases {
                let c = stats.coverage(year: year, kind: kind)
                row += [c.mandatoryAndVoluntary, c.mandatoryOnly, c.voluntaryOnly, c.unclassified, c.notRecorded].map { TableCell.int($0) }
                row.append(TableCell(.integer(c.total), status: .disclosed))
            }
            return row
        }
        return Table(id: "coverage", title: tr("Coverage of disclosed lists"), header: [top, second], rows: rows)
    }

    /// The enterprise sample per jurisdiction: sampled, disclosed something (with its share of the
    /// sampled), and by completeness,
    /// with a total row. Jurisdictions without samples are listed with zeros, so the table always
    /// has the survey's jurisdictions; enterprises of unknown jurisdictions follow under their id.
    public func enterpriseSummary() -> Table {
        let e = statistics.enterprises
        let names = jurisdictionNames
        let columns = [tr("Jurisdiction"), tr("Sampled"), tr("Disclosed"), tr("Share disclosed")] + Completeness.allCases.map(\.label)
        func row(_ name: String, sampled: Int, disclosed: Int, completeness: CompletenessCounts) -> [TableCell] {
            [.text(name), .int(sampled), .int(disclosed), TableCell(sampled > 0 ? .percent(Double(disclosed) / Double(sampled)) : .empty)]
                + Completeness.allCases.map { .int(completeness[$0]) }
        }
        var rows = e.byJurisdiction.map { j in
            row(names[j.jurisdiction] ?? j.jurisdiction, sampled: j.sampled, disclosed: j.disclosed, completeness: j.completeness)
        }
        rows.append(row(tr("Total"), sampled: e.sampled, disclosed: e.disclosed, completeness: e.completeness))
        return Table(id: "enterprise-summary", title: tr("Enterprises by jurisdiction"), columns: columns, rows: rows)
    }

    /// Each item article 11 requires: which reason requires it, how many sampled enterprises must
    /// publish it and did, the rate; and the same among the enterprises that disclosed anything.
    /// A rate is empty where no enterprise must publish the item.
    public func itemRates() -> Table {
        let e = statistics.enterprises
        let columns = [tr("Required item"), tr("Required for"), tr("Enterprises required to publish it"), tr("Published it"),
                       tr("Rate"), tr("Required, among enterprises disclosing anything"), tr("Rate among enterprises disclosing anything")]
        let rows: [[TableCell]] = e.items.map { r in
            [
                .text(r.item.label),
                .text(r.item.reason.map { tr("Reason %1", $0.rawValue) } ?? tr("Every reason")),
                .int(r.required), .int(r.disclosed),
                TableCell(r.rate.map { .percent($0) } ?? .empty),
                .int(r.requiredAmongDisclosing),
                TableCell(r.rateAmongDisclosing.map { .percent($0) } ?? .empty),
            ]
        }
        return Table(id: "item-rates", title: tr("Disclosure rate of each required item"), columns: columns, rows: rows)
    }

    /// Sub-unit (prefecture or division) disclosure in the jurisdictions that delegate the work:
    /// counted from named sub-units (observed), the source's own count (reported), or not recorded
    /// (then the counts are left empty rather than shown as zeros).
    public func subUnits() -> Table {
        let stats = statistics
        let names = jurisdictionNames
        let columns = [tr("Jurisdiction"), tr("Kind"), tr("Year"), tr("Basis"), tr("Sub-units counted"), tr("Disclosed"),
                       tr("Not disclosed"), tr("Other statuses only"), tr("Sub-units listed"), tr("Source")]
        let rows: [[TableCell]] = stats.subUnits.map { s in
            let counted = s.basis != .notRecorded
            let year: TableCell
            switch s.basis {
            case .observed: year = .text(tr("All years"))
            case .reported: year = .int(s.year)
            case .notRecorded: year = TableCell(.empty)
            }
            return [
                .text(names[s.jurisdiction] ?? s.jurisdiction), .text(s.kind.label), year, .text(s.basis.label),
                .int(counted ? s.units : nil),
                TableCell(counted ? .integer(s.disclosed) : .empty, status: counted ? .disclosed : nil),
                TableCell(counted ? .integer(s.notDisclosed) : .empty, status: counted ? .notDisclosed : nil),
                .int(s.basis == .observed ? s.otherOnly : nil),
                .int(s.listedSubUnits > 0 ? s.listedSubUnits : nil),
                .text(s.source),
            ]
        }
        return Table(id: "sub-units", title: tr("Sub-unit disclosure in delegating jurisdictions"), columns: columns, rows: rows)
    }
}

extension SubUnitBasis {
    /// Where a sub-unit figure comes from, as a table shows it.
    public var label: String {
        switch self {
        case .observed: return tr("Counted from named sub-units")
        case .reported: return tr("Count given by the source")
        case .notRecorded: return tr("not recorded")
        }
    }
}
