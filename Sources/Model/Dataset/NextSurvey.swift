import Foundation

extension Survey {
    /// A survey of the next year(s) made from this one: its jurisdictions (departments, map tiles,
    /// sub-units), laws and rules, organisation and whom its outreach called, and none of its
    /// findings: no observations, sub-unit records, enterprises, suggestion letters or notes. Each
    /// department called (or a call to no named department) is kept once per jurisdiction as a
    /// contact still to call: no date, outcome or summary (what it said is last survey's finding).
    public func nextSurvey(years: [Int], title: String? = nil) -> Survey {
        var next = Survey.blank(years: years, title: title, from: self)
        next.outreach = outreach.compactMap { record in
            var called: [String?] = []  // nil: a call whose department was not noted
            for department in record.phoneContacts.map(\.department) where !called.contains(department) {
                called.append(department)
            }
            return called.isEmpty ? nil
                : Outreach(jurisdiction: record.jurisdiction, phoneContacts: called.map { PhoneContact(department: $0, summary: "") })
        }
        next.canonicalize()
        return next
    }

    /// The years after this survey's last one, as many as it has (at most three): 2018–2022 → 2023–2025.
    public var followingYears: [Int] {
        let last = years.last ?? 2022
        return Array(last + 1...last + max(1, min(3, years.count)))
    }
}
