import CGtk
import Foundation
import Model
import XCTest

@testable import GtkKit
@testable import Rendering
@testable import Commands
@testable import Sections
@testable import Bench
@testable import gongkai

/// Each chart states its finding under the title, computed from the data, in the chart's language.
final class ChartFindingTests: XCTestCase {
    private static let survey = WindowTestCase.builtinSurvey

    func testTheDisclosureFindingComparesTheLastYearWithTheOneBefore() throws {
        let data = ChartData(Self.survey)
        let last = try XCTUnwrap(data.years.last), previous = data.years[data.years.count - 2]
        let now = data.stats.statusCounts(year: last, kind: .auditList).disclosed
        let before = data.stats.statusCounts(year: previous, kind: .auditList).disclosed
        XCTAssertNotEqual(now, before, "the built-in survey has a change to state")
        let zh = ChartKind.disclosurePerYear.make(data, ChartOptions(language: .chinese)).header.finding
        let en = ChartKind.disclosurePerYear.make(data, ChartOptions(language: .english)).header.finding
        let diff = abs(now - before)
        XCTAssertEqual(zh, "\(last)年度\(now)个省级单位公开了审核企业名单，比\(previous)年度\(now > before ? "多" : "少")\(diff)个")
        XCTAssertEqual(en, "In \(last), \(now) jurisdictions published their audit lists, \(diff) \(now > before ? "more" : "fewer") than in \(previous)")

        // The map of an earlier year states that year's finding; the evaluation results theirs.
        let map = ChartKind.map.make(data, ChartOptions(year: previous, kind: .evaluation, language: .english)).header.finding
        let evaluated = data.stats.statusCounts(year: previous, kind: .evaluation).disclosed
        XCTAssertEqual(map?.hasPrefix("In \(previous), \(evaluated) jurisdictions published their evaluation and acceptance results"), true,
                       map ?? "nil")

        // Nothing entered: no finding ("0 jurisdictions published" would be a false one).
        var blank = Survey.blank(years: [2023], from: Self.survey)
        XCTAssertNil(ChartKind.disclosurePerYear.make(ChartData(blank), ChartOptions(language: .english)).header.finding)
        // One year with a cell entered: nothing to compare with; the changes chart has no finding at all.
        blank.observations.append(Observation(jurisdiction: blank.jurisdictions[0].id, year: 2023, kind: .auditList, status: .notDisclosed))
        let oneYear = ChartData(blank)
        XCTAssertEqual(ChartKind.disclosurePerYear.make(oneYear, ChartOptions(language: .english)).header.finding,
                       "In 2023, 0 jurisdictions published their audit lists")
        XCTAssertNil(ChartKind.changes.make(oneYear, ChartOptions(language: .english)).header.finding)
    }

    func testEveryChartWithSomethingToShowStatesAFindingInBothLanguagesAndDrawsIt() {
        let data = ChartData(Self.survey)
        for kind in ChartKind.allCases where data.emptyReason(kind) == nil {
            for language in [Language.chinese, .english] {
                let chart = kind.make(data, ChartOptions(language: language))
                guard let finding = chart.header.finding else {
                    XCTFail("\(kind.name) \(language) has no finding")
                    continue
                }
                XCTAssertFalse(finding.isEmpty)
                XCTAssertEqual(finding.contains { $0.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF } }, language == .chinese,
                               "\(kind.name): \(finding)")
                let squeeze = { (s: String) in s.filter { !$0.isWhitespace } }
                let drawn = squeeze(ChartTestSupport.drawnText(chart).joined())
                XCTAssertTrue(drawn.contains(squeeze(finding)), "\(kind.name): \(finding) is drawn")
            }
        }
    }
}
