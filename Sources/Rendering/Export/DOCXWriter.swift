import Foundation
import Model
import ZIPFoundation
import GtkKit

/// A chart for a DOCX document: its PNG and title.
package struct DOCXFigure: Sendable {
    package var title: String
    /// What the chart says, for the picture's description (alternative text).
    package var description: String
    package var png: Data
    package init(title: String, description: String, png: Data) {
        self.title = title
        self.description = description
        self.png = png
    }
}

/// Writes a report as a Word document (Office Open XML, `.docx`) that Word, WPS and LibreOffice
/// open: the survey's title, then every table as a real Word table with a numbered caption
/// (表N, a `SEQ` field), its header rows repeated on every page, the notes under it and the data
/// source; then every chart as a picture at print resolution with its caption (图N). A4
/// landscape. The zip container is written by ZIPFoundation, XML parts deflated and pictures
/// stored, and the file replaces the target only when complete (`ExportFile`).
package struct DOCXWriter {
    package var info: ExportInfo
    /// The language of the document's own words (captions, headings); nil: the interface's.
    package var language: Language?

    /// A picture's size on the page, in cm: 16:9 within the 25.7 cm text width, leaving room
    /// for its caption on a landscape page.
    package static let pictureWidth = 24.0
    package static let pictureHeight = 13.5

    package func write(_ tables: [Table], figures: [DOCXFigure], to url: URL) throws {
        let data = try self.data(tables, figures: figures)
        try ExportFile.replace(url, with: data)
    }

    /// The document's bytes.
    package func data(_ tables: [Table], figures: [DOCXFigure]) throws -> Data {
        let parts = Localizer.with(language: language) { self.parts(tables, figures: figures) }
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for part in parts {
                try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(part.data.count),
                                     modificationDate: Date(timeIntervalSince1970: 315_532_800),
                                     compressionMethod: part.compressed ? .deflate : .none) { position, size in
                    part.data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw ExportError.file(tr("the document could not be put together")) }
            return data
        } catch let error as ExportError {
            throw error
        } catch {
            throw ExportError.file(tr("Cannot write the document: %1", "\(error)"))
        }
    }

    package struct Part {
        package var path: String
        package var data: Data
        package var compressed = true
        package init(path: String, data: Data, compressed: Bool = true) {
            self.path = path
            self.data = data
            self.compressed = compressed
        }
    }

    /// Every part of the package, `[Content_Types].xml` first.
    package func parts(_ tables: [Table], figures: [DOCXFigure]) -> [Part] {
        var body = DOCXBody()
        body.paragraph(info.title, style: "Title")
        if !tables.isEmpty && !figures.isEmpty { body.paragraph(tr("Tables"), style: "Heading1") }
        for table in tables { body.table(table, source: info.dataSource) }
        if !figures.isEmpty {
            if !tables.isEmpty { body.pageBreak() }
            if !tables.isEmpty { body.paragraph(tr(context: "chart", "Charts"), style: "Heading1") }
            for (i, figure) in figures.enumerated() {
                body.picture(name: "chart\(i + 1).png", description: figure.description.isEmpty ? figure.title : figure.description,
                             width: Self.pictureWidth, height: Self.pictureHeight)
                body.caption(sequence: "Figure", number: i + 1, make: { TableCaption.figure($0, $1) }, title: figure.title,
                             keepNext: false)
            }
        }
        var parts = [
            Part(path: "[Content_Types].xml", data: Data(DOCXPackage.contentTypes.utf8)),
            Part(path: "_rels/.rels", data: Data(DOCXPackage.packageRelationships.utf8)),
            Part(path: "docProps/core.xml", data: Data(DOCXPackage.coreProperties(info).utf8)),
            Part(path: "docProps/app.xml", data: Data(DOCXPackage.appProperties.utf8)),
            Part(path: "word/document.xml", data: Data(body.document().utf8)),
            Part(path: "word/styles.xml", data: Data(DOCXPackage.styles(english: Localizer.shared.effectiveLanguage == .english).utf8)),
            Part(path: "word/settings.xml", data: Data(DOCXPackage.settings.utf8)),
            Part(path: "word/_rels/document.xml.rels", data: Data(DOCXPackage.documentRelationships(body).utf8)),
        ]
        for (picture, figure) in zip(body.pictures, figures) {
            parts.append(Part(path: "word/media/\(picture.name)", data: figure.png, compressed: false))
        }
        return parts
    }
    package init(info: ExportInfo, language: Language? = nil) {
        self.info = info
        self.language = language
    }
}

/// The fixed parts of a DOCX package and the ones made from the survey's details.
package enum DOCXPackage {
    package static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Default Extension="png" ContentType="image/png"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
        <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
        </Types>
        """

    package static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
        </Relationships>
        """

    package static func coreProperties(_ info: ExportInfo) -> String {
        let separator = Localizer.shared.effectiveLanguage == .english ? ", " : "、"
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
            <dc:title>\(DOCXBody.escape(info.title))</dc:title>\
            <dc:creator>\(DOCXBody.escape(info.authors.joined(separator: separator)))</dc:creator>\
            <dc:description>\(DOCXBody.escape(info.dataSource))</dc:description>\
            </cp:coreProperties>
            """
    }

    package static let appProperties = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">\
        <Application>Gongkai</Application></Properties>
        """

    package static let settings = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/>\
        <w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>\
        </w:settings>
        """

    package static func documentRelationships(_ body: DOCXBody) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>
            """
        for picture in body.pictures {
            out += "<Relationship Id=\"\(picture.id)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" "
                + "Target=\"media/\(picture.name)\"/>"
        }
        for link in body.links {
            out += "<Relationship Id=\"\(link.id)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" "
                + "Target=\"\(DOCXBody.escape(link.url))\" TargetMode=\"External\"/>"
        }
        return out + "</Relationships>"
    }

    /// The styles the body uses: body text 10.5 pt (五号), table text 9 pt, captions bold, the
    /// notes and the source line 9 pt; Chinese text in SimSun (宋体) and headings in SimHei (黑体),
    /// which every Chinese Windows, WPS and LibreOffice (through font substitution) have.
    package static func styles(english: Bool) -> String {
        let lang = english ? "en-GB" : "zh-CN"
        func style(_ id: String, _ name: String, paragraph: String = "", run: String = "", basedOn: String? = "Normal",
                   type: String = "paragraph") -> String {
            "<w:style w:type=\"\(type)\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/>"
                + (basedOn.map { "<w:basedOn w:val=\"\($0)\"/>" } ?? "") + "<w:qFormat/>"
                + (paragraph.isEmpty ? "" : "<w:pPr>\(paragraph)</w:pPr>") + (run.isEmpty ? "" : "<w:rPr>\(run)</w:rPr>") + "</w:style>"
        }
        let heading = "<w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"SimHei\"/><w:b/>"
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
            <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="SimSun" w:cs="Arial"/>\
            <w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="\(lang)" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>\
            <w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\
            \(style("Normal", "Normal", basedOn: nil).replacingOccurrences(of: "w:styleId=\"Normal\"", with: "w:styleId=\"Normal\" w:default=\"1\""))\
            \(style("Title", "Title", paragraph: "<w:spacing w:after=\"240\"/><w:jc w:val=\"center\"/>", run: heading + "<w:sz w:val=\"36\"/>"))\
            \(style("Heading1", "heading 1", paragraph: "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/>",
                    run: heading + "<w:sz w:val=\"28\"/>"))\
            \(style("Caption", "caption", paragraph: "<w:keepNext/><w:spacing w:before=\"200\" w:after=\"80\"/><w:jc w:val=\"center\"/>",
                    run: heading + "<w:sz w:val=\"21\"/>"))\
            \(style("TableHeading", "Table Heading", paragraph: "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"center\"/>",
                    run: "<w:b/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>"))\
            \(style("TableText", "Table Text", paragraph: "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>",
                    run: "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>"))\
            \(style("TableNote", "Table Note", paragraph: "<w:spacing w:after=\"0\"/>", run: "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>"))\
            \(style("Source", "Source", paragraph: "<w:spacing w:before=\"60\" w:after=\"240\"/>",
                    run: "<w:i/><w:color w:val=\"\(Palette.muted.hex.dropFirst())\"/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>"))\
            \(style("Hyperlink", "Hyperlink", run: "<w:color w:val=\"0563C1\"/><w:u w:val=\"single\"/>", basedOn: nil, type: "character"))\
            </w:styles>
            """
    }
}
