import Foundation
import Model
import XCTest

/// The survey's choice of how a disclosure rate treats delegated cells (issue 13): 江苏 (5 of its
/// own 5 audit-list cells disclosed, its 5 evaluation cells delegated) ties with 北京 (10 of 10)
/// only while delegated cells are left out.
final class RateDefinitionTests: XCTestCase {
    private func ranking(_ definition: RateDefinition?) throws -> [RankedJurisdiction] {
        var s = try SurveyFile.load(from: try XCTUnwrap(BuiltinDataset.url))
        s.meta.rateDefinition = definition
        let stats = Statistics(s)
        XCTAssertEqual(stats.rateDefinition, definition ?? .delegatedExcluded)
        return stats.ranking
    }

    private func entry(_ ranking: [RankedJurisdiction], _ id: String) throws -> RankedJurisdiction {
        try XCTUnwrap(ranking.first { $0.jurisdiction == id })
    }

    func testEachDefinitionRanksDelegatingJurisdictionsItsOwnWay() throws {
        let excluded = try ranking(nil)
        XCTAssertEqual(try entry(excluded, "jiangsu").rate, 1)
        XCTAssertEqual(try entry(excluded, "jiangsu").rank, try entry(excluded, "beijing").rank, "5/5 ties with 10/10")
        XCTAssertNil(try entry(excluded, "guangdong").rank, "every cell delegated: no rate")

        let notDisclosed = try ranking(.delegatedAsNotDisclosed)
        XCTAssertEqual(try entry(notDisclosed, "jiangsu").rate, 0.5)
        XCTAssertEqual(try entry(notDisclosed, "guangdong").rate, 0)
        XCTAssertLessThan(try XCTUnwrap(entry(notDisclosed, "beijing").rank), try XCTUnwrap(entry(notDisclosed, "jiangsu").rank))

        let disclosed = try ranking(.delegatedAsDisclosed)
        XCTAssertEqual(try entry(disclosed, "guangdong").rate, 1)
        XCTAssertEqual(try entry(disclosed, "guangdong").rank, 1)
    }

    func testTheNoteNamesTheDefinition() {
        let previous = Localizer.shared.language
        Localizer.shared.language = .english
        defer { Localizer.shared.language = previous }
        XCTAssertTrue(RateDefinition.delegatedExcluded.note.contains("left out"))
        XCTAssertTrue(RateDefinition.delegatedAsDisclosed.note.contains("count as disclosed"))
        XCTAssertTrue(RateDefinition.delegatedAsNotDisclosed.note.contains("count as not disclosed"))
        XCTAssertEqual(Set(RateDefinition.allCases.map(\.note)).count, 3)
    }
}
