import Foundation
import XCTest
@testable import Model

/// The HTML and Markdown writers, checked cell by cell against the tables they write, and the
/// text rules they share with the XLSX writer.
final class ExportWritersTests: ChineseTestCase {
    static let hostile = "=HYPERLINK(\"http://evil\",\"x\") <script>alert('x')</script> a|b & c\nnext *line* _x_ [y](z)"

    /// A survey with a hostile enterprise name and notes, and a hostile link among the regulations.
    private func survey() -> Survey {
        var survey = TestFixtures.survey()
        survey.enterprises[0].name = Self.hostile
        survey.enterprises[1].name = "@SUM(A1:A2)"
        survey.observations[0].note = "自愿性地市级负责 | <b>"
        survey.regulations[0].url = "javascript:alert(1)"
        return survey
    }

    private var info: ExportInfo { ExportInfo(title: "测试 <调研>", dataSource: "数据来源：测试 & 校对") }

    /// What a reader sees in a table cell: its plain text, or a link's text.
    private func shown(_ cell: TableCell) -> String { cell.value.plainText }

    // MARK: HTML

    /// A small HTML table reader: rows of (tag, attributes, text) with entities and `<br>` undone
    /// and markup removed.
    private func parseHTMLTable(_ html: String) -> (head: [[(String, String, String)]], body: [[(String, String, String)]]) {
        func rows(_ part: String) -> [[(String, String, String)]] {
            part.components(separatedBy: "<tr>").dropFirst().map { row in
                let re = try! NSRegularExpression(pattern: "<(t[hd])([^>]*)>(.*?)</t[hd]>", options: [.dotMatchesLineSeparators])
                let ns = row as NSString
                return re.matches(in: row, range: NSRange(location: 0, length: ns.length)).map { m in
                    let inner = ns.substring(with: m.range(at: 3))
                    let text = inner.replacingOccurrences(of: "<br>", with: "\n")
                        .replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
                        .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                        .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                        .replacingOccurrences(of: "&amp;", with: "&")
                    return (ns.substring(with: m.range(at: 1)), ns.substring(with: m.range(at: 2)), text)
                }
            }
        }
        let head = html.components(separatedBy: "<thead>")[1].components(separatedBy: "</thead>")[0]
        let body = html.components(separatedBy: "<tbody>")[1].components(separatedBy: "</tbody>")[0]
        return (rows(head), rows(body))
    }

    func testHTMLTablesMatchTheTablesCellByCell() throws {
        let builder = TableBuilder(survey())
        for id in TableBuilder.tableIDs {
            let table = try XCTUnwrap(builder.table(named: id))
            let html = HTMLWriter(info: info).tableElement(table)
            let parsed = parseHTMLTable(html)
            XCTAssertEqual(parsed.head.count, table.header.count, id)
            XCTAssertEqual(parsed.body.count, table.rowCount, id)
            for (r, row) in table.rows.enumerated() {
                XCTAssertEqual(parsed.body[r].map(\.2), row.map(shown), "\(id) row \(r)")
                for (cell, (tag, attributes, _)) in zip(row, parsed.body[r]) {
                    XCTAssertEqual(tag, "td")
                    XCTAssertTrue(attributes.contains("border:1px solid"), "every cell carries its own style: \(attributes)")
                    if let status = cell.status {
                        XCTAssertTrue(attributes.contains("background:\(Palette.tint(status).hex)"), attributes)
                        XCTAssertTrue(attributes.contains("bgcolor=\"\(Palette.tint(status).hex)\""), attributes)
                    }
                }
            }
            // Header cells: each block once, with its spans.
            let blocks = table.headerBlocks
            for r in table.header.indices {
                let expected = blocks.filter { $0.row == r }
                XCTAssertEqual(parsed.head[r].map(\.2), expected.map(\.text), "\(id) header row \(r)")
                for (b, (tag, attributes, _)) in zip(expected, parsed.head[r]) {
                    XCTAssertEqual(tag, "th")
                    XCTAssertEqual(attributes.contains("colspan=\"\(b.columns)\""), b.columns > 1, attributes)
                    XCTAssertEqual(attributes.contains("rowspan=\"\(b.rows)\""), b.rows > 1, attributes)
                }
            }
        }
    }

    func testHTMLMatrixHasTheReportsMergedHeaderAndIsEscaped() throws {
        let s = survey()
        let table = TableBuilder(s).matrix().placingNotes(.inline)
        let document = HTMLWriter(info: info).document([table])
        XCTAssertTrue(document.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(document.contains("<meta charset=\"utf-8\">"))
        XCTAssertTrue(document.contains("<title>各省份各年度公开情况 — 测试 &lt;调研&gt;</title>"), document)
        XCTAssertTrue(document.contains("数据来源：测试 &amp; 校对"))
        XCTAssertTrue(document.contains("rowspan=\"2\""), "the 省份/年度 corner spans both header rows")
        XCTAssertEqual(document.components(separatedBy: "colspan=\"2\"").count - 1, s.years.count)
        XCTAssertTrue(document.contains("（自愿性地市级负责 | &lt;b&gt;）"))
        XCTAssertFalse(document.contains("<b>"))
        XCTAssertFalse(document.contains("src="), "self-contained: nothing loaded from elsewhere")
        // As numbered footnotes (the default of documents): a superscript in the cell, the note under the table.
        let numbered = TableCaption.numbered([TableBuilder(s).matrix().placingNotes(.footnotes)])
        let withFootnotes = HTMLWriter(info: info).document(numbered)
        XCTAssertTrue(withFootnotes.contains("<h2 style=\"\(HTMLWriter.font)font-size:13pt;\">表1 各省份各年度公开情况</h2>"), withFootnotes)
        XCTAssertTrue(withFootnotes.contains("<sup>1</sup></td>"))
        XCTAssertTrue(withFootnotes.contains("注：<br>1. 自愿性地市级负责 | &lt;b&gt;"), withFootnotes)
        XCTAssertFalse(withFootnotes.contains("（自愿性地市级负责"))

        let enterprises = HTMLWriter(info: info).document([TableBuilder(s).enterprises()])
        XCTAssertFalse(enterprises.contains("<script>"))
        XCTAssertTrue(enterprises.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        XCTAssertTrue(enterprises.contains("a|b &amp; c<br>next"))
    }

    func testHTMLLinksOnlyForSafeSchemes() {
        let s = survey()
        let html = HTMLWriter(info: info).tableElement(TableBuilder(s).regulations())
        XCTAssertFalse(html.contains("href=\"javascript"), "a javascript: link stays text")
        XCTAssertTrue(html.contains("javascript:alert(1)"))
        XCTAssertTrue(html.contains("<a href=\"https://www.ndrc.gov.cn/example.html\">https://www.ndrc.gov.cn/example.html</a>"))
    }

    // MARK: Markdown

    /// Splits a Markdown table row on unescaped pipes and undoes the writer's escaping.
    private func markdownCells(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for c in line.dropFirst().dropLast() {
            if escaped {
                current.append(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == "|" {
                cells.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        cells.append(current)
        return cells.map { cell in
            var text = String(cell.dropFirst().dropLast()).replacingOccurrences(of: "<br>", with: "\n")
            // [text](url) → text
            if let m = text.range(of: #"^\[(.*)\]\([^)]*\)$"#, options: .regularExpression) {
                text = String(text[m].dropFirst().prefix { $0 != "]" })
            }
            return text
        }
    }

    func testMarkdownTablesMatchTheTablesCellByCell() throws {
        let builder = TableBuilder(survey())
        for id in TableBuilder.tableIDs {
            let table = try XCTUnwrap(builder.table(named: id))
            let lines = MarkdownWriter(info: info).tableText(table).split(separator: "\n").map(String.init)
            XCTAssertEqual(lines.count, table.rowCount + 2, id)
            XCTAssertEqual(markdownCells(lines[0]), table.flatColumnNames, id)
            XCTAssertEqual(lines[1], "|" + String(repeating: " --- |", count: table.columnCount), id)
            for (r, row) in table.rows.enumerated() {
                XCTAssertEqual(markdownCells(lines[r + 2]), row.map(shown), "\(id) row \(r)")
            }
        }
    }

    func testMarkdownEscapesPipesNewlinesAndMarkup() {
        let table = Table(id: "t", title: "t", columns: ["a|b"], rows: [[.text(Self.hostile)],
                                                                          [TableCell(.link(url: "https://x.cn/a(1)|2", text: "x"))]])
        let text = MarkdownWriter(info: info).document([table])
        XCTAssertTrue(text.hasPrefix("# 测试 \\<调研\\>\n\n## t\n\n| a\\|b |\n| --- |\n"), text)
        XCTAssertTrue(text.contains("a\\|b \\& c<br>next \\*line\\* \\_x\\_ \\[y\\](z)"), text)
        XCTAssertTrue(text.contains("| [x](https://x.cn/a%281%29%7C2) |"), text)
        XCTAssertTrue(text.hasSuffix("数据来源：测试 \\& 校对\n\n"), text)
        XCTAssertEqual(text.split(separator: "\n").filter { $0.hasPrefix("|") }.count, 4, "a line break never splits a row")
    }

    // MARK: Shared rules

    func testFlatColumnNamesAreTheJSONColumns() throws {
        let table = TableBuilder(survey()).matrix()
        XCTAssertEqual(TableJSON.object(table)["columns"] as? [String], table.flatColumnNames)
        XCTAssertEqual(table.flatColumnNames[1], "2018年度 审核企业名单公开")
    }

    func testHeaderBlocksMergeYearsAcrossAndTheCornerDown() {
        let s = survey()
        let blocks = TableBuilder(s).matrix().headerBlocks
        XCTAssertEqual(blocks[0], HeaderBlock(text: "省份/年度", row: 0, column: 0, rows: 2, columns: 1))
        XCTAssertEqual(blocks[1], HeaderBlock(text: "2018年度", row: 0, column: 1, rows: 1, columns: 2))
        XCTAssertEqual(blocks.filter { $0.row == 1 }.map(\.column), Array(1...(2 * s.years.count)))
        XCTAssertEqual(blocks.count, 1 + s.years.count + 2 * s.years.count)
        let single = Table(id: "t", title: "t", columns: ["a", ""], rows: [])
        XCTAssertEqual(single.headerBlocks.map(\.rows), [1, 1])
    }

    func testDisplayWidthCountsCJKDouble() {
        XCTAssertEqual(ExportText.displayWidth("省份/年度"), 9)
        XCTAssertEqual(ExportText.displayWidth("ab√×"), 4)
        XCTAssertEqual(ExportText.displayWidth("（地市级负责）"), 14)
        XCTAssertEqual(ExportText.displayWidth("短\n更长的行"), 8)
        XCTAssertEqual(ExportText.displayWidth(""), 0)
    }

    /// The width read from UTF-8 bytes is the width counted over Unicode scalars, for one- to
    /// four-byte characters at the edges of the wide ranges, line breaks and a bridged string.
    func testDisplayWidthFromBytesIsTheScalarCount() {
        func byScalars(_ text: String) -> Int {
            text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.unicodeScalars.reduce(0) { $0 + (ExportText.isWide($1) ? 2 : 1) } }.max() ?? 0
        }
        let texts = ["a", "é", "ü\nlonger line", "\u{10FF}\u{1100}\u{115F}\u{1160}", "\u{2E7F}\u{2E80}\u{303E}\u{303F}",
                     "한국어", "カタカナ", "ＡＢＣ", "😀 emoji", "\u{1FFFF}\u{20000}\u{2FFFD}\u{2FFFE}\u{30000}\u{3FFFD}\u{3FFFE}",
                     "\n\n", "行\n", "\t tab", "中文，标点。“引号”", NSString(string: "桥接的字符串 bridged") as String]
        for text in texts { XCTAssertEqual(ExportText.displayWidth(text), byScalars(text), text) }
    }

    func testSafeLinks() {
        XCTAssertTrue(ExportText.isSafeLink("https://www.mee.gov.cn/a.html"))
        XCTAssertTrue(ExportText.isSafeLink("HTTP://X.CN"))
        XCTAssertTrue(ExportText.isSafeLink("mailto:a@b.cn"))
        XCTAssertFalse(ExportText.isSafeLink("javascript:alert(1)"))
        XCTAssertFalse(ExportText.isSafeLink("file:///etc/passwd"))
        XCTAssertFalse(ExportText.isSafeLink("www.example.cn"))
        XCTAssertFalse(ExportText.isSafeLink("https://x.cn/a b"))
    }
}
