import Foundation

extension TableBuilder {
    /// All enterprise samples with their checklist: one column per article-11 item (√ where
    /// disclosed, empty where not, — where the item is not required of it), and the derived
    /// completeness. Rows are produced on demand.
    public func enterprises() -> Table {
        let survey = self.survey
        let names = jurisdictionNames
        let items = DisclosureItem.allCases
        var columns = [tr("ID"), tr("Enterprise"), tr("Jurisdiction"), tr("City"), tr("Year"), tr("Reasons"), tr("Industry"),
                       tr("Parent company"), tr("Completeness")]
        columns += items.map(\.label)
        columns += [tr("Channels searched"), tr("Found at"), tr("Last phone outcome"), tr("Phone attempts"), tr("URLs"), tr("Notes")]
        let completenessLabels = Dictionary(uniqueKeysWithValues: Completeness.allCases.map { ($0, $0.label) })
        let outcomeLabels = Dictionary(uniqueKeysWithValues: PhoneOutcome.allCases.map { ($0, $0.label) })
        let channelLabels = Dictionary(uniqueKeysWithValues: Channel.allCases.map { ($0, $0.label) })
        let unknown = tr("Unknown")
        let columnCount = columns.count
        return Table(id: "enterprises", title: tr("Enterprise samples"), header: [columns.map { HeaderCell($0) }],
                     rowCount: survey.enterprises.count) { i in
            let e = survey.enterprises[i]
            var row: [TableCell] = []
            row.reserveCapacity(columnCount)
            row += [
                .text(e.id), .text(e.name), .text(names[e.jurisdiction] ?? e.jurisdiction), .text(e.city), .int(e.year),
                .text(e.reasons?.description ?? unknown), .text(e.industry), .text(e.parentCompany),
                .text(completenessLabels[e.completeness]),
            ]
            let disclosed = ItemMask(e.disclosedItems)
            let required = e.reasons.flatMap { $0.isEmpty ? nil : ItemMask(requiredFor: $0) }
            for item in items {
                if disclosed.contains(item) {
                    row.append(.text("√"))
                } else if let required, !required.contains(item) {
                    row.append(.text("—"))
                } else {
                    row.append(TableCell(.empty))
                }
            }
            row += [
                .text(e.channelsSearched.compactMap { channelLabels[$0] }.joined(separator: "; ")),
                .text(e.foundAt.compactMap { channelLabels[$0] }.joined(separator: "; ")),
                .text(e.lastPhoneOutcome.flatMap { outcomeLabels[$0] }),
                .int(e.phoneAttempts.count),
                .text(e.urls.joined(separator: " ")),
                .text(e.notes),
            ]
            return row
        }
    }

    /// Regulations: title, document number, issuers, level, dates, status at the end of the last
    /// survey year, link.
    public func regulations() -> Table {
        let survey = self.survey
        let names = jurisdictionNames
        let lastYear = survey.years.last ?? Calendar(identifier: .gregorian).component(.year, from: Date())
        let columns = [tr("Title"), tr("Document number"), tr("Issued by"), tr("Level"), tr("Jurisdiction"), tr("Adopted"),
                       tr("Promulgated"), tr("Effective"), tr("Amended"), tr("Repealed"), tr("Status at the end of %1", lastYear),
                       tr("Link")]
        let endOfYear = PartialDate(year: lastYear, month: 12, day: 31)
        let rows: [[TableCell]] = survey.regulations.map { r in
            [
                .text(r.title), .text(r.documentNumber), .text(r.issuers.joined(separator: "、")), .text(r.level.label),
                .text(r.jurisdiction.map { names[$0] ?? $0 } ?? tr("National")),
                .text(r.adopted?.description), .text(r.promulgated?.description), .text(r.effective?.description),
                .text(r.amended.map(\.description).joined(separator: ", ")), .text(r.repealed?.description),
                .text(r.status(on: endOfYear).label),
                r.url.map { TableCell(.link(url: $0, text: $0)) } ?? TableCell(.empty),
            ]
        }
        return Table(id: "regulations", title: tr("Laws and rules"), columns: columns, rows: rows)
    }

    /// Outreach per jurisdiction: departments responsible, the suggestion letter and its reply,
    /// phone contacts.
    public func outreach() -> Table {
        let survey = self.survey
        var byJurisdiction: [String: Outreach] = [:]
        for o in survey.outreach where byJurisdiction[o.jurisdiction] == nil { byJurisdiction[o.jurisdiction] = o }
        let columns = [tr("Jurisdiction"), tr("Mandatory audits: department"), tr("Voluntary audits: department"),
                       tr("Letter sent"), tr("Replied"), tr("Reply summary"), tr("Improved afterwards"), tr("Phone contacts"),
                       tr("Notes")]
        func yesNo(_ b: Bool?) -> TableCell { .text(b.map { $0 ? tr("Yes") : tr("No") } ?? tr("Unknown")) }
        let rows: [[TableCell]] = survey.jurisdictions.map { j in
            let o = byJurisdiction[j.id]
            let phone = (o?.phoneContacts ?? []).map { c in
                [c.date?.description, c.department, c.outcome, c.summary].compactMap { $0 }.joined(separator: " ")
            }
            return [
                .text(j.displayName), .text(j.mandatoryDepartments.joined(separator: "、")),
                .text(j.voluntaryDepartments.joined(separator: "、")),
                o?.letter.map { yesNo($0.sent) } ?? yesNo(nil), yesNo(o?.letter?.replied), .text(o?.letter?.replySummary),
                yesNo(o?.letter?.improvedAfterwards), .text(phone.joined(separator: "\n")), .text(o?.notes),
            ]
        }
        return Table(id: "outreach", title: tr("Outreach"), columns: columns, rows: rows)
    }
}
