import Foundation

/// Parses survey years as a user types them: "2023-2025", "2023,2024", "2023".
public enum SurveyYears {
    /// The years in ascending order, or nil when the text is not a year list or range (years are
    /// 1990-2100, at most 100 of them).
    public static func parse(_ text: String) -> [Int]? {
        var years = Set<Int>()
        for part in text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "，" }) {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...2).contains(bounds.count), let a = Int(bounds[0]), let b = Int(bounds.last!), a <= b,
                  (1990...2100).contains(a), (1990...2100).contains(b) else { return nil }
            years.formUnion(a...b)
        }
        guard !years.isEmpty, years.count <= 100 else { return nil }
        return years.sorted()
    }
}

extension Survey {
    /// A survey for new years: the jurisdictions (with their departments, map tiles and sub-units)
    /// and the laws and rules of `template`, and no observations, enterprises or outreach. The
    /// organisation is the one given, never the template's.
    public static func blank(years: [Int], title: String? = nil, organisation: String? = nil, from template: Survey) -> Survey {
        let first = years.first.map(String.init) ?? ""
        let last = years.last.map(String.init) ?? ""
        let span = first == last ? first : "\(first)-\(last)"
        let meta = SurveyMeta(title: title ?? tr("Cleaner-production audit disclosure survey %1", span),
                              organisation: organisation ?? "")
        // The template's notes on each jurisdiction describe its own survey, not the new one.
        let jurisdictions = template.jurisdictions.map { j -> Jurisdiction in
            var j = j
            j.notes = nil
            return j
        }
        return Survey(meta: meta, years: years, jurisdictions: jurisdictions, regulations: template.regulations)
    }
}
