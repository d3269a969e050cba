import Foundation
import Model
import GtkKit

/// The body of a DOCX document (`word/document.xml`) built as WordprocessingML text: paragraphs,
/// tables with repeated header rows, numbered captions (a `SEQ` field, so Word's cross-references
/// and lists of tables find them), footnotes under a table, and inline pictures.
///
/// Sizes are in twentieths of a point (twips) for the page and tables, half-points for type, and
/// EMU (1 cm = 360,000) for pictures.
package struct DOCXBody {
    /// A4 landscape with 2 cm margins: 25.7 cm of text width.
    package static let pageWidth = 16_838, pageHeight = 11_906, margin = 1_134
    package static var textWidth: Int { pageWidth - 2 * margin }

    package private(set) var xml = ""
    /// External links (hyperlinks) the body refers to, by relationship id.
    package private(set) var links: [(id: String, url: String)] = []
    /// Pictures: relationship id and file name in `word/media/`.
    package private(set) var pictures: [(id: String, name: String)] = []
    private var nextRelationship = 10
    private var drawingID = 1

    package init() { xml.reserveCapacity(1 << 16) }

    // MARK: Paragraphs

    package mutating func paragraph(_ text: String, style: String? = nil, keepNext: Bool = false, centred: Bool = false) {
        xml += "<w:p>"
        properties(style: style, keepNext: keepNext, centred: centred)
        runs(text)
        xml += "</w:p>"
    }

    private mutating func properties(style: String?, keepNext: Bool = false, centred: Bool = false) {
        guard style != nil || keepNext || centred else { return }
        xml += "<w:pPr>"
        if let style { xml += "<w:pStyle w:val=\"\(style)\"/>" }
        if keepNext { xml += "<w:keepNext/>" }
        if centred { xml += "<w:jc w:val=\"center\"/>" }
        xml += "</w:pPr>"
    }

    /// Text as runs: line breaks become `<w:br/>`.
    private mutating func runs(_ text: String, properties: String = "") {
        guard !text.isEmpty else { return }
        xml += "<w:r>"
        xml += properties
        var first = true
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            if !first { xml += "<w:br/>" }
            first = false
            if !line.isEmpty { xml += "<w:t xml:space=\"preserve\">\(Self.escape(String(line)))</w:t>" }
        }
        xml += "</w:r>"
    }

    /// A numbered caption: its label text around a `SEQ` field holding the number, e.g. 表 {SEQ 3} 标题.
    /// `make` is `TableCaption.table` or `.figure`, called with a marker where the number goes.
    package mutating func caption(sequence: String, number: Int, make: (_ number: String, _ title: String) -> String, title: String,
                          keepNext: Bool) {
        let marker = "\u{E000}"
        let text = make(marker, title)
        let parts = text.components(separatedBy: marker)
        xml += "<w:p>"
        properties(style: "Caption", keepNext: keepNext, centred: sequence == "Figure")
        runs(parts[0])
        // A complex field, as Word writes it: readers that skip fields still see the number.
        xml += "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> SEQ \(sequence) \\* ARABIC </w:instrText></w:r>"
        xml += "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>\(number)</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        if parts.count > 1 { runs(parts[1...].joined(separator: String(number))) }
        xml += "</w:p>"
    }

    package mutating func pageBreak() { xml += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>" }

    // MARK: Tables

    /// A table: its numbered caption, the table with its header rows repeated on every page,
    /// the notes under it and the data-source line.
    package mutating func table(_ table: Table, source: String) {
        if let number = table.number {
            caption(sequence: "Table", number: number, make: { TableCaption.table($0, $1) }, title: table.title, keepNext: true)
        } else {
            paragraph(table.title, style: "Caption", keepNext: true)
        }
        let widths = Self.columnWidths(table)
        xml += "<w:tbl><w:tblPr><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>"
        xml += "<w:tblBorders>"
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            xml += "<w:\(side) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"8C8C8C\"/>"
        }
        xml += "</w:tblBorders><w:tblCellMar><w:left w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar>"
        xml += "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/>"
        xml += "</w:tblPr><w:tblGrid>"
        for w in widths { xml += "<w:gridCol w:w=\"\(w)\"/>" }
        xml += "</w:tblGrid>"
        header(table, widths: widths)
        for i in 0..<table.rowCount {
            xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            for (c, cell) in table.row(i).enumerated() where c < widths.count { bodyCell(cell, width: widths[c]) }
            xml += "</w:tr>"
        }
        xml += "</w:tbl>"
        if !table.footnotes.isEmpty {
            paragraph(TableCaption.notesHeading, style: "TableNote", keepNext: true)
            for (i, note) in table.footnotes.enumerated() { paragraph(TableCaption.footnote(i + 1, note), style: "TableNote") }
        }
        if !source.isEmpty { paragraph(source, style: "Source") }
    }

    /// The header rows, marked to repeat on every page; merged headings span columns
    /// (`gridSpan`) and rows (`vMerge`).
    private mutating func header(_ table: Table, widths: [Int]) {
        let blocks = table.headerBlocks
        for r in table.header.indices {
            xml += "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
            let here = blocks.filter { $0.row <= r && r < $0.row + $0.rows }.sorted { $0.column < $1.column }
            for b in here {
                let width = widths[b.column..<min(widths.count, b.column + b.columns)].reduce(0, +)
                xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
                if b.columns > 1 { xml += "<w:gridSpan w:val=\"\(b.columns)\"/>" }
                if b.rows > 1 { xml += b.row == r ? "<w:vMerge w:val=\"restart\"/>" : "<w:vMerge/>" }
                xml += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E8EAED\"/><w:vAlign w:val=\"center\"/></w:tcPr>"
                xml += "<w:p><w:pPr><w:pStyle w:val=\"TableHeading\"/></w:pPr>"
                if b.row == r { runs(b.text) }
                xml += "</w:p></w:tc>"
            }
            xml += "</w:tr>"
        }
    }

    private mutating func bodyCell(_ cell: TableCell, width: Int) {
        xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
        if let status = cell.status {
            xml += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"\(Palette.tint(status).hex.dropFirst())\"/>"
        }
        xml += "</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/>"
        switch cell.value {
        case .integer, .percent: xml += "<w:jc w:val=\"right\"/>"
        default: if cell.status != nil { xml += "<w:jc w:val=\"center\"/>" }
        }
        xml += "</w:pPr>"
        switch cell.value {
        case .empty: break
        case .link(let url, let text) where ExportText.isSafeLink(url):
            let id = relationship()
            links.append((id, url))
            xml += "<w:hyperlink r:id=\"\(id)\">"
            runs(text, properties: "<w:rPr><w:rStyle w:val=\"Hyperlink\"/></w:rPr>")
            xml += "</w:hyperlink>"
        default:
            runs(cell.value.plainText)
        }
        if let footnote = cell.footnote {
            xml += "<w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:t>\(footnote)</w:t></w:r>"
        }
        xml += "</w:p></w:tc>"
    }

    /// Column widths in twips that fit the text at 9 pt (a CJK character 180 twips): headings
    /// count up to 10 display columns (then they wrap), cells with their footnote marks up to 30
    /// (`TextColumnWidths`); scaled down to the text width when wider: long texts wrap.
    package static func columnWidths(_ table: Table) -> [Int] {
        let widths = TextColumnWidths(minimum: 3, headerCap: 10, bodyCap: 30).of(table).map { $0 * 92 + 150 }
        let total = widths.reduce(0, +)
        guard total > textWidth else { return widths }
        return widths.map { $0 * textWidth / total }
    }

    // MARK: Pictures

    /// A picture on its own line, `width` × `height` cm, kept with the caption after it.
    package mutating func picture(name: String, description: String, width: Double, height: Double) {
        let id = relationship()
        pictures.append((id, name))
        let cx = Int(width * 360_000), cy = Int(height * 360_000)
        let n = drawingID
        drawingID += 1
        let alt = Self.escape(description)
        xml += "<w:p><w:pPr><w:keepNext/><w:jc w:val=\"center\"/></w:pPr><w:r><w:drawing>"
        xml += "<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"\(cx)\" cy=\"\(cy)\"/>"
        xml += "<wp:docPr id=\"\(n)\" name=\"\(Self.escape(name))\" descr=\"\(alt)\"/>"
        xml += "<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
        xml += "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>"
        xml += "<pic:nvPicPr><pic:cNvPr id=\"\(n)\" name=\"\(Self.escape(name))\" descr=\"\(alt)\"/><pic:cNvPicPr/></pic:nvPicPr>"
        xml += "<pic:blipFill><a:blip r:embed=\"\(id)\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
        xml += "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"\(cx)\" cy=\"\(cy)\"/></a:xfrm>"
        xml += "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline>"
        xml += "</w:drawing></w:r></w:p>"
    }

    private mutating func relationship() -> String {
        defer { nextRelationship += 1 }
        return "rId\(nextRelationship)"
    }

    /// The whole `word/document.xml`.
    package func document() -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
        xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" \
        xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" \
        xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>\(xml)<w:sectPr>\
        <w:pgSz w:w="\(Self.pageWidth)" w:h="\(Self.pageHeight)" w:orient="landscape"/>\
        <w:pgMar w:top="\(Self.margin)" w:right="\(Self.margin)" w:bottom="\(Self.margin)" w:left="\(Self.margin)" \
        w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>
        """
    }

    /// Text for XML content and attributes: markup characters escaped, control characters that
    /// XML 1.0 cannot carry shown as escapes (`Printable`), line breaks kept for the caller.
    package static func escape(_ text: String) -> String {
        let text = Printable.escaped(text, keepingLineBreaks: true)
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
