import Foundation

extension TableBuilder {
    /// All enterprise samples with their checklist: one column per article-11 item (√ where
    /// disclosed, empty where not, — where the item is not required of it), and the derived
    /// completeness. Rows are produced on demand, and cheaply: the texts that repeat from row to
    /// row (labels, reasons, lists of channels) are made once, not joined again for every row.
    public func enterprises() -> Table {
        let survey = self.survey
        let names = jurisdictionNames
        let items = DisclosureItem.allCases
        var columns = [tr("ID"), tr("Enterprise"), tr("Jurisdiction"), tr("City"), tr("Year"), tr("Reasons"), tr("Industry"),
                       tr("Parent company"), tr("Completeness")]
        columns += items.map(\.label)
        columns += [tr("Channels searched"), tr("Found at"), tr("Last phone outcome"), tr("Phone attempts"), tr("URLs"), tr("Notes")]
        let completenessLabels = CaseLabels(Completeness.self)
        let outcomeLabels = CaseLabels(PhoneOutcome.self)
        let channels = ChannelListLabels(survey.enterprises)
        let reasons = ReasonLabels()
        let unknown = tr("Unknown")
        let columnCount = columns.count
        return Table(id: "enterprises", title: tr("Enterprise samples"), header: [columns.map { HeaderCell($0) }],
                     rowCount: survey.enterprises.count) { i in
            let e = survey.enterprises[i]
            var row: [TableCell] = []
            row.reserveCapacity(columnCount)
            row.append(.text(e.id))
            row.append(.text(e.name))
            row.append(.text(names[e.jurisdiction] ?? e.jurisdiction))
            row.append(.text(e.city))
            row.append(.int(e.year))
            row.append(.text(e.reasons.map(reasons.label) ?? unknown))
            row.append(.text(e.industry))
            row.append(.text(e.parentCompany))
            row.append(.text(completenessLabels[e.completeness]))
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
            row.append(.text(channels.label(e.channelsSearched)))
            row.append(.text(channels.label(e.foundAt)))
            row.append(.text(e.lastPhoneOutcome.map { outcomeLabels[$0] }))
            row.append(.int(e.phoneAttempts.count))
            row.append(.text(e.urls.count == 1 ? e.urls[0] : e.urls.joined(separator: " ")))
            row.append(.text(e.notes))
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

/// The labels of an enumeration's cases, looked up without hashing.
private struct CaseLabels<Value: CaseIterable & Equatable & Sendable>: Sendable {
    private let cases: [Value]
    private let labels: [String]

    init(_ type: Value.Type) where Value: Labelled {
        cases = Array(Value.allCases)
        labels = cases.map(\.label)
    }

    subscript(value: Value) -> String { labels[cases.firstIndex(of: value)!] }
}

/// A value with a label in the interface language.
private protocol Labelled { var label: String { get } }
extension Completeness: Labelled {}
extension PhoneOutcome: Labelled {}

/// The texts of reason sets ("1+3"), made once for each of the few possible sets.
private struct ReasonLabels: Sendable {
    private let cases = Reason.allCases
    /// By the set's bits (bit n: the n-th reason of `Reason.allCases`).
    private let texts: [String]

    init() {
        let all = Reason.allCases
        texts = (0..<(1 << all.count)).map { bits in
            ReasonSet(all.indices.filter { bits & (1 << $0) != 0 }.map { all[$0] }).description
        }
    }

    func label(_ reasons: ReasonSet) -> String {
        var bits = 0
        for r in reasons.reasons { bits |= 1 << cases.firstIndex(of: r)! }
        return texts[bits]
    }
}

/// The texts of lists of channels ("企业官网; 搜索引擎"), made once for each different list in the
/// survey (a handful, however many enterprises there are).
private struct ChannelListLabels: Sendable {
    private let cases = Channel.allCases
    private let labels = Channel.allCases.map(\.label)
    /// Bits per channel in a list's key: enough for every case's position plus one.
    private let bits = Int.bitWidth - (Channel.allCases.count + 1).leadingZeroBitCount
    private var texts: [Int: String] = [:]

    init(_ enterprises: [Enterprise]) {
        for e in enterprises {
            add(e.channelsSearched)
            add(e.foundAt)
        }
    }

    private mutating func add(_ list: [Channel]) {
        if !list.isEmpty, let key = key(list), texts[key] == nil { texts[key] = join(list) }
    }

    /// A number standing for the list, or nil for a list too long for one.
    private func key(_ list: [Channel]) -> Int? {
        guard list.count * bits < Int.bitWidth - 1 else { return nil }
        var key = 0
        for channel in list { key = key << bits | (cases.firstIndex(of: channel)! + 1) }
        return key
    }

    private func join(_ list: [Channel]) -> String {
        list.map { labels[cases.firstIndex(of: $0)!] }.joined(separator: "; ")
    }

    func label(_ list: [Channel]) -> String {
        if list.isEmpty { return "" }
        if let key = key(list), let text = texts[key] { return text }
        return join(list)
    }
}
