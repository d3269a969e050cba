import Foundation
import XCTest
@testable import Model

/// CSV export of long tables: written on several cores into one buffer, with the bytes of the
/// plain one-row-at-a-time writer; the enterprises table's rows, made from cached texts, say what
/// their records say.
final class CSVExportStorageTests: ChineseTestCase {
    func testFormulaTriggersWithoutHashingAreTheSet() {
        for byte in UInt8.min...UInt8.max {
            XCTAssertEqual(CSVWriter.isFormulaTrigger(byte), CSVWriter.formulaTriggers.contains(byte), "\(byte)")
        }
    }

    func testTablesOfAnyLengthGiveTheBytesOfThePlainWriter() {
        let texts = ["plain", "with, comma", "say \"hi\"", "\"", "two\nlines", "cr\r", "=1+2", "+x", "-3", "@SUM", "\tTAB",
                     "\rCR", "=\"a,b\"", "中文，逗号", "😀", "'", ""]
        @Sendable func cell(_ i: Int, _ column: Int) -> TableCell {
            switch (i + column) % 7 {
            case 0: return TableCell(.integer([0, -5, 42, Int.max, Int.min, i][i % 6]))
            case 1: return TableCell(.empty)
            case 2: return TableCell(.percent(Double(i % 1000) / 1000))
            case 3: return TableCell(.link(url: "https://a/\(i)", text: texts[i % texts.count]))
            default: return TableCell(.text(texts[(i * 7 + column) % texts.count]))
            }
        }
        for rows in [0, 3, CSVWriter.parallelRows - 1, CSVWriter.parallelRows + 123] {
            let table = Table(id: "t", title: "t", header: [[HeaderCell("a"), HeaderCell("-b", span: 2)], [HeaderCell("c,d"), HeaderCell("e"), HeaderCell("f")]],
                              rowCount: rows) { i in (0..<3).map { cell(i, $0) } }
            for writer in [CSVWriter(), CSVWriter(byteOrderMark: false, neutraliseFormulas: false)] {
                XCTAssertEqual(Array(writer.data(table)), Self.plainCSV(table, writer), "\(rows) rows")
            }
        }
    }

    func testEnterprisesTableRowsSayWhatTheirRecordsSay() {
        var survey = TestFixtures.survey()
        var enterprises = RecordCodingStorageTests.variedEnterprises()
        for k in enterprises.indices { enterprises[k].jurisdiction = survey.jurisdictions[k % survey.jurisdictions.count].id }
        enterprises[0].jurisdiction = "unknown-place"
        enterprises[1].reasons = ReasonSet([])
        enterprises[2].channelsSearched = Array(repeating: .other, count: 30)
        enterprises[3].foundAt = [.searchEngine, .searchEngine, .companyWebsite]
        survey.enterprises = enterprises
        for language in [Language.chinese, .english] {
            Localizer.shared.language = language
            let table = TableBuilder(survey).enterprises()
            XCTAssertEqual(table.rowCount, enterprises.count)
            for (i, e) in enterprises.enumerated() {
                XCTAssertEqual(table.row(i), Self.expectedRow(e, survey), "\(language) \(e.id)")
            }
        }
    }

    /// The enterprises table's row as it was made before rows were made from cached texts.
    private static func expectedRow(_ e: Enterprise, _ survey: Survey) -> [TableCell] {
        var names: [String: String] = [:]
        for j in survey.jurisdictions { names[j.id] = j.displayName }
        var row: [TableCell] = [
            .text(e.id), .text(e.name), .text(names[e.jurisdiction] ?? e.jurisdiction), .text(e.city), .int(e.year),
            .text(e.reasons?.description ?? tr("Unknown")), .text(e.industry), .text(e.parentCompany), .text(e.completeness.label),
        ]
        let required = e.reasons.flatMap { $0.isEmpty ? nil : DisclosureItem.required(for: $0) }
        for item in DisclosureItem.allCases {
            if e.disclosedItems.contains(item) {
                row.append(.text("√"))
            } else if let required, !required.contains(item) {
                row.append(.text("—"))
            } else {
                row.append(TableCell(.empty))
            }
        }
        row += [
            .text(e.channelsSearched.map(\.label).joined(separator: "; ")), .text(e.foundAt.map(\.label).joined(separator: "; ")),
            .text(e.lastPhoneOutcome?.label), .int(e.phoneAttempts.count), .text(e.urls.joined(separator: " ")), .text(e.notes),
        ]
        return row
    }

    /// RFC 4180 CSV, one field at a time, as `CSVWriter` wrote it before it was made fast.
    private static func plainCSV(_ table: Table, _ writer: CSVWriter) -> [UInt8] {
        var out: [UInt8] = writer.byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
        func record(_ values: [TableValue]) {
            for (i, value) in values.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                switch value {
                case .integer(let n): out += Array(String(n).utf8)
                case .empty: break
                default:
                    let utf8 = Array(value.plainText.utf8)
                    let neutralise = writer.neutraliseFormulas && utf8.first.map(CSVWriter.formulaTriggers.contains) == true
                    let quote = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
                    if quote { out.append(UInt8(ascii: "\"")) }
                    if neutralise { out.append(UInt8(ascii: "'")) }
                    for b in utf8 {
                        if quote && b == UInt8(ascii: "\"") { out.append(b) }
                        out.append(b)
                    }
                    if quote { out.append(UInt8(ascii: "\"")) }
                }
            }
            out += [0x0D, 0x0A]
        }
        for header in table.expandedHeader { record(header.map { TableValue.text($0) }) }
        for i in 0..<table.rowCount { record(table.row(i).map(\.value)) }
        return out
    }
}
