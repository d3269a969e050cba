import Foundation

/// Writes tables as GitHub-flavoured Markdown: a heading per table, a pipe table with one header
/// row (merged headings flattened the way `TableJSON` names its columns: "2018年度 审核企业名单公开"),
/// and the data-source line.
///
/// In cells, Markdown's punctuation (`\ | * _ ` [ ] < > & ~`) is backslash-escaped so that text
/// stays text, and line breaks become `<br>`. Links are `[text](url)` for http(s), ftp and mailto,
/// with spaces and parentheses in the URL percent-encoded.
public struct MarkdownWriter: Sendable {
    public var info: ExportInfo

    public init(info: ExportInfo) { self.info = info }

    /// The survey title, then each table under a second-level heading.
    public func document(_ tables: [Table]) -> String {
        var out = "# \(Self.escape(info.title))\n\n"
        for table in tables {
            out += "## \(Self.escape(table.caption))\n\n"
            out += tableText(table)
            if !table.footnotes.isEmpty {
                out += "\n\(Self.escape(TableCaption.notesHeading))\n\n"
                for (i, note) in table.footnotes.enumerated() { out += "\(i + 1). \(Self.escape(note))\n" }
            }
            if !info.dataSource.isEmpty { out += "\n\(Self.escape(info.dataSource))\n" }
            out += "\n"
        }
        return out
    }

    public func data(_ tables: [Table]) -> Data { Data(document(tables).utf8) }

    /// The pipe table alone.
    public func tableText(_ table: Table) -> String {
        var out = ""
        appendRow(table.flatColumnNames.map(Self.escape), to: &out)
        appendRow(Array(repeating: "---", count: table.columnCount), to: &out)
        for i in 0..<table.rowCount {
            appendRow(table.row(i).map(Self.cellText), to: &out)
        }
        return out
    }

    private func appendRow(_ cells: [String], to out: inout String) {
        out += "|"
        for cell in cells {
            out += " "
            out += cell
            out += " |"
        }
        out += "\n"
    }

    static func cellText(_ cell: TableCell) -> String {
        switch cell.value {
        case .link(let url, let text) where ExportText.isSafeLink(url):
            return "[\(escape(text))](\(encodeURL(url)))"
        default:
            return escape(cell.plainText)
        }
    }

    static let special: Set<UInt8> = Set("\\|*_`[]<>&~".utf8)

    /// Escapes text for a table cell (also used for headings).
    public static func escape(_ text: String) -> String {
        let text = Printable.escaped(text, keepingLineBreaks: true)
        guard text.utf8.contains(where: { special.contains($0) || $0 == 0x0A || $0 == 0x0D }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        var previousCR = false
        for c in text.unicodeScalars {
            if c == "\r" {
                out += "<br>"
            } else if c == "\n" {
                if !previousCR { out += "<br>" }
            } else {
                if c.isASCII, special.contains(UInt8(c.value)) { out += "\\" }
                out.unicodeScalars.append(c)
            }
            previousCR = c == "\r"
        }
        return out
    }

    /// A URL safe inside `( )`: spaces, parentheses, `<`, `>` and `|` percent-encoded.
    static func encodeURL(_ url: String) -> String {
        var out = ""
        for c in url.unicodeScalars {
            switch c {
            case " ": out += "%20"
            case "(": out += "%28"
            case ")": out += "%29"
            case "<": out += "%3C"
            case ">": out += "%3E"
            case "|": out += "%7C"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
