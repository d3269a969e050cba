import Foundation
import Model
import XCTest

@testable import GtkKit
@testable import Rendering
@testable import Commands
@testable import Sections
@testable import Bench
@testable import gongkai

/// A category has one colour everywhere: the native XLSX charts colour each series by its
/// category, as the app draws it, whichever empty series are left out.
final class XLSXChartColourTests: XCTestCase {
    func testEveryCoverageSeriesHasItsCategorysAppColourInEveryChart() throws {
        let survey = WindowTestCase.builtinSurvey
        // The app's colours, by the label the coverage chart gives each category.
        let chart = try XCTUnwrap(ChartKind.coverage.make(ChartData(survey), ChartOptions()) as? CoverageChart)
        var appColours: [String: String] = [:]
        for s in try XCTUnwrap(chart.panels.first).content.series { appColours[s.label] = s.fill.color.hex.uppercased() }

        let plans = XLSXCharts.plans(for: TableBuilder(survey).coverage())
        XCTAssertEqual(plans.count, 2)
        XCTAssertNotEqual(plans[0].series.map(\.name), plans[1].series.map(\.name),
                          "the two charts leave out different empty series (what made colours shift)")

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-colours-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("coverage.xlsx")
        try TableExport(survey: survey, tableIDs: ["coverage"], format: .xlsx).write(to: url)
        let book = try XLSXReader(url)
        let charts = book.parts.keys.filter { $0.hasPrefix("xl/charts/chart") }.map(book.text)
        XCTAssertEqual(charts.count, 2)
        var seen = 0
        for xml in charts {
            for block in xml.components(separatedBy: "<c:ser>").dropFirst() {
                let name = try XCTUnwrap(Self.first(#"<c:v>([^<]+)</c:v>"#, in: block), block)
                let colour = try XCTUnwrap(Self.first(#"<a:srgbClr val="([0-9A-Fa-f]{6})""#, in: block), block)
                XCTAssertEqual("#" + colour.uppercased(), appColours[name], "\(name) in the workbook as in the app")
                seen += 1
            }
        }
        XCTAssertEqual(seen, plans.map(\.series.count).reduce(0, +))
    }

    private static func first(_ pattern: String, in text: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let m = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)), m.numberOfRanges > 1,
              let r = Range(m.range(at: 1), in: text) else { return nil }
        return String(text[r])
    }
}
