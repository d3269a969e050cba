import Foundation

/// The enterprise fields a column of a published list can fill.
public enum ImportField: String, CaseIterable, Sendable {
    case name, city, reasons, industry, parentCompany = "parent_company", year, url, notes

    public var label: String {
        switch self {
        case .name: return tr("Enterprise")
        case .city: return tr("City")
        case .reasons: return tr("Reasons")
        case .industry: return tr("Industry")
        case .parentCompany: return tr("Parent company")
        case .year: return tr("Year")
        case .url: return tr("URLs")
        case .notes: return tr("Notes")
        }
    }

    /// Header words that provinces use for this field (matched after removing spaces).
    static let headerWords: [ImportField: [String]] = [
        .name: ["企业名称", "单位名称", "企业(单位)名称", "企业（单位）名称", "名称", "企业", "name", "enterprise", "company"],
        .city: ["所在地", "所在地区", "所在市", "地市", "城市", "市", "所属地市", "地区", "属地", "city", "location"],
        .reasons: ["审核类型", "审核类别", "类别", "类型", "审核原因", "纳入原因", "实施原因", "强制性审核类型", "reasons", "reason", "type"],
        .industry: ["行业", "所属行业", "行业类别", "industry"],
        .parentCompany: ["母公司", "所属集团", "集团", "parentcompany", "parent"],
        .year: ["年度", "年份", "批次", "year"],
        .url: ["网址", "链接", "url", "link"],
        .notes: ["备注", "说明", "notes", "note", "remarks"],
    ]

    /// The field a header names, if it is one we recognise.
    public static func recognise(_ header: String) -> ImportField? {
        let key = header.filter { !$0.isWhitespace }.lowercased()
        guard !key.isEmpty else { return nil }
        for field in allCases where headerWords[field]?.contains(key) ?? false { return field }
        // Headers such as "企业名称（盖章）" or "所在地市": a word at the start.
        for field in allCases {
            if headerWords[field]?.contains(where: { $0.count >= 2 && key.hasPrefix($0) }) ?? false { return field }
        }
        return nil
    }
}

/// Which column fills which field. Columns are 0-based; a field maps to at most one column.
public struct ImportMapping: Equatable, Sendable {
    public var columns: [ImportField: Int]

    public init(_ columns: [ImportField: Int] = [:]) { self.columns = columns }

    /// Recognises the header row's columns (the first matching column wins for each field).
    public static func recognising(header: [String]) -> ImportMapping {
        var columns: [ImportField: Int] = [:]
        for (i, text) in header.enumerated() {
            if let field = ImportField.recognise(text), columns[field] == nil { columns[field] = i }
        }
        return ImportMapping(columns)
    }
}

/// Reads the reasons for a mandatory audit as provinces write them: "1", "1+3", "（一）（三）",
/// "第一类", "双超" (reason 1), "高耗能" (2), "双有" (3), "超标排放", "有毒有害" …
/// Returns nil for an empty or unknown text, and `.some(nil)` never: the caller tells an empty
/// cell (reasons unknown) from an unreadable one.
public enum ReasonText {
    static let words: [(String, Reason)] = [
        ("双超", .pollution), ("超标", .pollution), ("超总量", .pollution), ("排放超", .pollution), ("污染物排放", .pollution),
        ("高耗能", .energy), ("能耗", .energy), ("超能耗", .energy),
        ("双有", .toxic), ("有毒有害", .toxic), ("有毒", .toxic), ("有害", .toxic),
        ("一", .pollution), ("二", .energy), ("三", .toxic),
        ("1", .pollution), ("2", .energy), ("3", .toxic),
    ]

    public static func parse(_ text: String) -> ReasonSet? {
        var rest = text.filter { !$0.isWhitespace }
        guard !rest.isEmpty else { return nil }
        var found: [Reason] = []
        for (word, reason) in words where rest.contains(word) {
            found.append(reason)
            rest = rest.replacingOccurrences(of: word, with: "")
        }
        // What is left must be punctuation or filler words.
        let filler = Set("+、,，;；/（）()第类款条和及与-.．:：【】[]情形原因强制性审核")
        guard !found.isEmpty, rest.allSatisfy({ filler.contains($0) }) else { return nil }
        return ReasonSet(found)
    }
}
