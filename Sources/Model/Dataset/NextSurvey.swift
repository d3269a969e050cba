import Foundation

extension Survey {
    /// A survey of the next year(s) made from this one: its jurisdictions (departments, map tiles,
    /// sub-units), laws and rules, organisation and the phone contacts of its outreach, and none of
    /// its findings: no observations, sub-unit records, enterprises, suggestion letters or notes.
    public func nextSurvey(years: [Int], title: String? = nil) -> Survey {
        var next = Survey.blank(years: years, title: title, from: self)
        next.outreach = outreach.compactMap { record in
            record.phoneContacts.isEmpty ? nil : Outreach(jurisdiction: record.jurisdiction, phoneContacts: record.phoneContacts)
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
