import Foundation

/// Writes tables as one self-contained UTF-8 HTML file (no scripts, no external files) that reads
/// well in a browser and pastes into Word or WPS as real tables.
///
/// Word and WPS drop `<style>` blocks on paste, so every cell carries its own inline style:
/// borders, padding, the app's status tint as its background (also as `bgcolor`, which older
/// Word versions read) with the symbol still in the cell, numbers aligned right. Header rows are
/// a real `<thead>`, merged headings `colspan`/`rowspan`. Links are `<a>` only for http(s), ftp
/// and mailto; all text is escaped.
public struct HTMLWriter: Sendable {
    public var info: ExportInfo

    public init(info: ExportInfo) { self.info = info }

    public static let font = "font-family:'Noto Sans CJK SC','Microsoft YaHei','PingFang SC',SimSun,sans-serif;"
    static let tableStyle = "border-collapse:collapse;\(font)font-size:9pt;color:\(Palette.ink.hex);"
    static let cellStyle = "border:1px solid #8C8C8C;padding:1pt 4pt;font-size:9pt;"
    static let headStyle = cellStyle + "background:#E8EAED;font-weight:bold;text-align:center;vertical-align:middle;"
    public static let sourceStyle = "\(font)font-size:9pt;color:\(Palette.muted.hex);margin:2pt 0 14pt 0;"

    /// A whole document: the survey title, then each table under its own heading, followed by the
    /// data-source line.
    public func document(_ tables: [Table]) -> String {
        let lang = Localizer.shared.effectiveLanguage == .english ? "en" : "zh-CN"
        let pageTitle = tables.count == 1 ? "\(tables[0].caption) — \(info.title)" : info.title
        var out = """
        <!DOCTYPE html>
        <html lang="\(lang)">
        <head>
        <meta charset="utf-8">
        <meta name="generator" content="Gongkai">
        <title>\(Self.escape(pageTitle))</title>
        <style>@page{size:A4 landscape;margin:1.5cm}body{\(Self.font)color:\(Palette.ink.hex)}</style>
        </head>
        <body>
        <h1 style="\(Self.font)font-size:16pt;">\(Self.escape(info.title))</h1>

        """
        for table in tables {
            out += "<h2 style=\"\(Self.font)font-size:13pt;\">\(Self.escape(table.caption))</h2>\n"
            out += tableElement(table)
            out += footnotes(table)
            if !info.dataSource.isEmpty {
                out += "<p style=\"\(Self.sourceStyle)\">\(Self.escape(info.dataSource))</p>\n"
            }
        }
        out += "</body>\n</html>\n"
        return out
    }

    /// The document as UTF-8 bytes.
    public func data(_ tables: [Table]) -> Data { Data(document(tables).utf8) }

    /// The notes under a table (注：1. … 2. …), empty when it has none.
    public func footnotes(_ table: Table) -> String {
        guard !table.footnotes.isEmpty else { return "" }
        var out = "<p style=\"\(Self.noteStyle)\">\(Self.escape(TableCaption.notesHeading))"
        for (i, note) in table.footnotes.enumerated() {
            out += "<br>" + Self.escape(TableCaption.footnote(i + 1, note))
        }
        return out + "</p>\n"
    }

    static let noteStyle = "\(font)font-size:8pt;color:\(Palette.ink.hex);margin:2pt 0 0 0;"

    /// The `<table>` element alone (what the clipboard carries), with inline styles throughout.
    public func tableElement(_ table: Table) -> String {
        var out = "<table border=\"1\" cellspacing=\"0\" style=\"\(Self.tableStyle)\">\n<colgroup>"
        for width in Self.columnWidths(table) { out += "<col width=\"\(width)\">" }
        out += "</colgroup>\n<thead>\n"
        let blocks = table.headerBlocks
        for r in table.header.indices {
            out += "<tr>"
            for b in blocks where b.row == r {
                out += "<th"
                if b.columns > 1 { out += " colspan=\"\(b.columns)\"" }
                if b.rows > 1 { out += " rowspan=\"\(b.rows)\"" }
                let keep = Self.keepsTogether(b.text)
                out += " style=\"\(Self.headStyle)\(keep ? Self.noWrap : "")\"\(keep ? " nowrap" : "")>\(Self.escape(b.text))</th>"
            }
            out += "</tr>\n"
        }
        out += "</thead>\n<tbody>\n"
        for i in 0..<table.rowCount {
            out += "<tr>"
            for cell in table.row(i) { appendCell(cell, to: &out) }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        return out
    }

    private func appendCell(_ cell: TableCell, to out: inout String) {
        var style = Self.cellStyle
        var attributes = ""
        switch cell.value {
        case .integer, .percent: style += "text-align:right;"
        default: if cell.status != nil { style += "text-align:center;" }
        }
        if Self.keepsTogether(cell.value.plainText) {
            style += Self.noWrap
            attributes += " nowrap"
        }
        if let status = cell.status {
            let tint = Palette.tint(status).hex
            style += "background:\(tint);"
            attributes += " bgcolor=\"\(tint)\""
        }
        out += "<td\(attributes) style=\"\(style)\">"
        switch cell.value {
        case .empty: break
        case .link(let url, let text) where ExportText.isSafeLink(url):
            out += "<a href=\"\(Self.escape(url))\">\(Self.escape(text))</a>"
        default:
            out += Self.escape(cell.value.plainText)
        }
        if let footnote = cell.footnote { out += "<sup>\(footnote)</sup>" }
        out += "</td>"
    }

    static let noWrap = "white-space:nowrap;"

    /// Column widths in pixels that fit the text at 9 pt (a CJK character about 12 px, Latin
    /// about 6.5): headings count up to 16 display columns (then they wrap), cells up to 30
    /// (`TextColumnWidths`). Word, WPS and LibreOffice lay tables out from these `<col>` widths
    /// instead of squeezing every column.
    static func columnWidths(_ table: Table) -> [Int] {
        TextColumnWidths(minimum: 4, headerCap: 16, bodyCap: 30).of(table).map { Int((Double($0) * 6.5).rounded()) + 12 }
    }

    /// Short texts (numbers, years, names such as 黑龙江, 已公开) are kept on one line: a narrow
    /// column would otherwise break them between characters. Longer texts wrap.
    static func keepsTogether(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 30 && ExportText.displayWidth(text) <= 10
    }

    /// Escapes text for HTML content and attribute values; line breaks become `<br>`.
    public static func escape(_ text: String) -> String {
        let text = Printable.escaped(text, keepingLineBreaks: true)
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0x0A || $0 == 0x0D })
        else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        var previousCR = false
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\r": out += "<br>"
            case "\n": if !previousCR { out += "<br>" }
            default: out.unicodeScalars.append(c)
            }
            previousCR = c == "\r"
        }
        return out
    }
}
