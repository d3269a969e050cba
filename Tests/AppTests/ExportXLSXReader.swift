import Foundation
import XCTest
import ZIPFoundation

/// Reads an XLSX file back for the tests: it is a zip of XML parts. Just enough of SpreadsheetML
/// to check what the writer put there: sheet names, cells (shared strings resolved), merged
/// ranges, hyperlinks, fills, and the other parts as text.
struct XLSXReader {
    struct Cell: Equatable {
        /// The `t` attribute: "s" for a shared string, nil for a number.
        var type: String?
        /// The value: the string itself for shared and inline strings, else the `<v>` text.
        var value: String
        var style: Int
        var hasFormula: Bool
        /// The text runs of a rich-text string (`<r>`), each with whether it is a superscript.
        var runs: [Run] = []
    }

    struct Run: Equatable {
        var text: String
        var superscript: Bool
    }

    struct Sheet {
        var name: String
        var path: String
        var xml: String
        var cells: [String: Cell]
        var merges: [String]
        /// Cell reference → URL.
        var hyperlinks: [String: String]
        var rels: String
    }

    let parts: [String: Data]
    let sheets: [Sheet]

    init(_ url: URL) throws {
        let archive = try Archive(url: url, accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = data
        }
        self.parts = parts
        func text(_ path: String) -> String { parts[path].map { String(decoding: $0, as: UTF8.self) } ?? "" }

        let sharedXML = Self.matches(#"<si>(.*?)</si>"#, in: text("xl/sharedStrings.xml")).map { $0[1] }
        let shared = sharedXML.map { si in
            Self.matches(#"<t(?: [^>]*)?>(.*?)</t>"#, in: si).map { Self.unescape($0[1]) }.joined()
        }
        let rels = Dictionary(uniqueKeysWithValues: Self.matches(#"<Relationship Id="([^"]+)" Type="[^"]+" Target="([^"]+)""#,
                                                                 in: text("xl/_rels/workbook.xml.rels")).map { ($0[1], $0[2]) })
        sheets = Self.matches(#"<sheet name="([^"]*)" sheetId="\d+" r:id="([^"]+)"/>"#, in: text("xl/workbook.xml")).map { m in
            let path = "xl/" + (rels[m[2]] ?? "")
            let xml = text(path)
            let relsPath = path.replacingOccurrences(of: "worksheets/", with: "worksheets/_rels/") + ".rels"
            let sheetRels = text(relsPath)
            var cells: [String: Cell] = [:]
            for c in Self.matches(#"<c r="([A-Z]+\d+)"( s="(\d+)")?( t="(\w+)")?(/>|>(.*?)</c>)"#, in: xml) {
                let type = c[5].isEmpty ? nil : c[5]
                let inner = c[7]
                var value = Self.matches(#"<v>(.*?)</v>"#, in: inner).first?[1] ?? ""
                if type == "s", let i = Int(value), i < shared.count { value = shared[i] }
                if type == "inlineStr" { value = Self.matches(#"<t(?: [^>]*)?>(.*?)</t>"#, in: inner).map { Self.unescape($0[1]) }.joined() }
                var string = type == "inlineStr" ? inner : ""
                if type == "s", let i = Int(Self.matches(#"<v>(.*?)</v>"#, in: inner).first?[1] ?? ""), i < sharedXML.count { string = sharedXML[i] }
                let runs = Self.matches(#"<r>(.*?)</r>"#, in: string).map { r in
                    Run(text: Self.matches(#"<t(?: [^>]*)?>(.*?)</t>"#, in: r[1]).map { Self.unescape($0[1]) }.joined(),
                        superscript: r[1].contains(#"<vertAlign val="superscript"/>"#))
                }
                cells[c[1]] = Cell(type: type, value: value, style: Int(c[3]) ?? 0, hasFormula: inner.contains("<f"), runs: runs)
            }
            let targets = Dictionary(uniqueKeysWithValues: Self.matches(#"<Relationship Id="([^"]+)" Type="[^"]+/hyperlink" Target="([^"]+)""#,
                                                                        in: sheetRels).map { ($0[1], Self.unescape($0[2])) })
            var links: [String: String] = [:]
            for h in Self.matches(#"<hyperlink ref="([A-Z]+\d+)" r:id="([^"]+)""#, in: xml) { links[h[1]] = targets[h[2]] }
            return Sheet(name: Self.unescape(m[1]), path: path, xml: xml, cells: cells,
                         merges: Self.matches(#"<mergeCell ref="([A-Z0-9:]+)"/>"#, in: xml).map { $0[1] },
                         hyperlinks: links, rels: sheetRels)
        }
    }

    func text(_ path: String) -> String { parts[path].map { String(decoding: $0, as: UTF8.self) } ?? "" }

    func sheet(_ name: String) throws -> Sheet { try XCTUnwrap(sheets.first { $0.name == name }, "no sheet \(name)") }

    /// The fill colour (RRGGBB) of a cell style, nil for no solid fill.
    func fill(ofStyle style: Int) -> String? {
        let styles = text("xl/styles.xml")
        guard let xfs = Self.matches(#"<cellXfs count="\d+">(.*?)</cellXfs>"#, in: styles).first?[1],
              let fills = Self.matches(#"<fills count="\d+">(.*?)</fills>"#, in: styles).first?[1] else { return nil }
        let fillIDs = Self.matches(#"<xf [^>]*fillId="(\d+)""#, in: xfs).map { Int($0[1]) ?? 0 }
        let colours = Self.matches(#"<fill>(.*?)</fill>"#, in: fills).map { Self.matches(#"fgColor rgb="FF([0-9A-F]{6})""#, in: $0[1]).first?[1] }
        guard style < fillIDs.count, fillIDs[style] < colours.count else { return nil }
        return colours[fillIDs[style]]
    }

    /// The number format code of a cell style ("0.0%"), nil for the general format.
    func numberFormat(ofStyle style: Int) -> String? {
        let styles = text("xl/styles.xml")
        let formats = Dictionary(uniqueKeysWithValues: Self.matches(#"<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/>"#, in: styles)
            .map { (Int($0[1]) ?? 0, Self.unescape($0[2])) })
        guard let xfs = Self.matches(#"<cellXfs count="\d+">(.*?)</cellXfs>"#, in: styles).first?[1] else { return nil }
        let ids = Self.matches(#"<xf numFmtId="(\d+)""#, in: xfs).map { Int($0[1]) ?? 0 }
        return style < ids.count ? formats[ids[style]] : nil
    }

    /// "B3" for a zero-based row and column.
    static func ref(_ row: Int, _ column: Int) -> String {
        var letters = ""
        var c = column + 1
        while c > 0 {
            letters = String(UnicodeScalar(UInt8(65 + (c - 1) % 26))) + letters
            c = (c - 1) / 26
        }
        return "\(letters)\(row + 1)"
    }

    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Every match of a pattern, as its capture groups (0 = the whole match; "" for a group that
    /// did not take part).
    static func matches(_ pattern: String, in text: String) -> [[String]] {
        let re = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        let ns = text as NSString
        return re.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { m in
            (0..<m.numberOfRanges).map { m.range(at: $0).location == NSNotFound ? "" : ns.substring(with: m.range(at: $0)) }
        }
    }
}
