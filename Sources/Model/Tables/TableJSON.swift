import Foundation

/// Writes a table as JSON: `{"table", "title", "columns", "rows"}`, where `columns` are the
/// header's column names (merged headings joined to the heading below with a space) and each row
/// is an array of values: numbers as numbers, empty cells as null, links as their URL; and
/// `source`, the survey's data-source line, when it has one.
public enum TableJSON {
    public static func object(_ table: Table, source: String = "") -> [String: Any] {
        let columns = table.flatColumnNames
        var rows: [[Any]] = []
        rows.reserveCapacity(table.rowCount)
        for i in 0..<table.rowCount {
            rows.append(table.row(i).map { cell -> Any in
                switch cell.value {
                case .empty: return NSNull()
                case .text: return cell.plainText
                case .integer(let n): return n
                case .percent(let p): return p
                case .link(let url, _): return url
                }
            })
        }
        var object: [String: Any] = ["table": table.id, "title": table.title, "columns": columns, "rows": rows]
        if !source.isEmpty { object["source"] = source }
        if !table.footnotes.isEmpty { object["footnotes"] = table.footnotes }
        if let number = table.number { object["number"] = number }
        return object
    }

    public static func data(_ table: Table, source: String = "") throws -> Data {
        var data = try JSONSerialization.data(withJSONObject: object(table, source: source), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        data.append(0x0A)
        return data
    }
}
