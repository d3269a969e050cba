import Foundation

/// How matrix cells are written in a table.
public enum MatrixCellStyle: String, CaseIterable, Sendable {
    /// √ × 地市级负责 师市级负责, as in the report.
    case symbols
    /// 是 / 否 (Yes / No).
    case yesNo = "yes-no"
    /// 已公开 / 未公开 (Disclosed / Not disclosed).
    case words

    public func text(for status: DisclosureStatus) -> String {
        switch (self, status) {
        case (.symbols, _): return status.symbol
        case (.yesNo, .disclosed): return tr("Yes")
        case (.yesNo, .notDisclosed): return tr("No")
        case (.yesNo, _): return status.symbol
        case (.words, .notSurveyed): return ""
        case (.words, _): return status.label
        }
    }
}

extension TableBuilder {
    /// The report's big table: jurisdictions down, each year across with its two kinds under a
    /// merged year heading; each cell's note rides along as its `note`, placed by the export
    /// (`Table.placingNotes`: footnotes, in the cell, or left out).
    public func matrix(style: MatrixCellStyle = .symbols) -> Table {
        let survey = self.survey
        let index = CellIndex(survey)
        var top = [HeaderCell(tr("Jurisdiction / year"))]
        var second = [HeaderCell("")]
        for year in survey.years {
            top.append(HeaderCell(yearHeading(year), span: 2))
            second += DisclosureKind.allCases.map { HeaderCell($0.label) }
        }
        let rows: [[TableCell]] = survey.jurisdictions.map { j in
            var row = [TableCell.text(j.displayName)]
            for year in survey.years {
                for kind in DisclosureKind.allCases {
                    let o = index.observation(j.id, year, kind, in: survey)
                    let status = o?.status ?? .notSurveyed
                    let text = style.text(for: status)
                    let note = o?.note.flatMap { $0.isEmpty ? nil : $0 }
                    row.append(TableCell(text.isEmpty ? .empty : .text(text), status: status, note: note))
                }
            }
            return row
        }
        var table = Table(id: "matrix", title: tr("Disclosure by jurisdiction and year"), header: [top, second], rows: rows)
        table.hasNotes = rows.contains { $0.contains { $0.note != nil } }
        return table
    }

    /// One row per cell, for scripts: `jurisdiction,year,kind,status,note`, with the jurisdiction's
    /// Chinese short name and the status and kind as codes. Cells not recorded are `not_surveyed`.
    public func matrixLong() -> Table {
        let survey = self.survey
        let index = CellIndex(survey)
        var rows: [[TableCell]] = []
        rows.reserveCapacity(survey.jurisdictions.count * survey.years.count * 2)
        for j in survey.jurisdictions {
            for year in survey.years {
                for kind in DisclosureKind.allCases {
                    let o = index.observation(j.id, year, kind, in: survey)
                    let status = o?.status ?? .notSurveyed
                    rows.append([.text(j.shortName), .int(year), .text(kind.rawValue),
                                 TableCell(.text(status.rawValue), status: status), .text(o?.note)])
                }
            }
        }
        return Table(id: "matrix-long", title: "matrix-long", columns: ["jurisdiction", "year", "kind", "status", "note"], rows: rows)
    }

    /// The report's table 清洁生产审核企业名单包含类型: per jurisdiction and year, whether the
    /// published audit list states the legal reasons (未公开名单 / 未说明类型 / 1+2+3).
    public func reasonLabelling() -> Table {
        let survey = self.survey
        let index = CellIndex(survey)
        let header = [tr("Jurisdiction")] + survey.years.map(yearHeading)
        let rows: [[TableCell]] = survey.jurisdictions.map { j in
            [.text(j.displayName)] + survey.years.map { year in
                .text(index.observation(j.id, year, .auditList, in: survey)?.reasonLabelling?.label)
            }
        }
        return Table(id: "labelling", title: tr("Reasons stated in published audit lists"), columns: header, rows: rows)
    }
}
