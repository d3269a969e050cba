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

/// Charts in English: standard map codes on small tiles, the survey's English source line.
final class ChartEnglishTests: XCTestCase {
    private static let survey = WindowTestCase.builtinSurvey

    func testEveryJurisdictionHasAStandardCodeAndTheEnglishMapsUseThem() {
        let ids = Self.survey.jurisdictions.map(\.id)
        let names = Self.survey.jurisdictions.map(\.englishName)
        let codes = TileMap.abbreviations(names, ids: ids)
        XCTAssertEqual(Set(codes).count, ids.count, "every code names one jurisdiction")
        let byID = Dictionary(uniqueKeysWithValues: zip(ids, codes))
        XCTAssertEqual(byID["heilongjiang"], "HL")
        XCTAssertEqual(byID["neimenggu"], "NM")
        XCTAssertEqual(byID["chongqing"], "CQ")
        XCTAssertEqual(byID["guangdong"], "GD")
        XCTAssertEqual(byID["xpcc"], "XPCC")
        for (id, code) in byID where id != "xpcc" {
            XCTAssertEqual(code.count, 2, id)
            XCTAssertTrue(code.allSatisfy(\.isUppercase), id)
        }
        // Chinese names stay whole.
        XCTAssertEqual(TileMap.abbreviations(["黑龙江"], ids: ["heilongjiang"]), ["黑龙江"])

        // The small multiples have no room for whole English names: they show the codes.
        let chart = ChartKind.mapYears.make(ChartData(Self.survey), ChartOptions(language: .english))
        let drawn = ChartTestSupport.drawnText(chart)
        XCTAssertTrue(drawn.contains("HL"), "\(drawn)")
        XCTAssertTrue(drawn.contains("SH"))
        XCTAssertFalse(drawn.contains { ["Hei", "Lia", "Shand", "Guangd"].contains($0) }, "no made-up abbreviations")
    }

    func testEnglishChartsPrintTheEnglishSourceLineWhereTheSurveyHasOne() throws {
        // The built-in dataset has an English source line, and English charts print it.
        let builtin = try XCTUnwrap(Self.survey.meta.dataSourceEnglish)
        XCTAssertTrue(builtin.hasPrefix("Source: Shanghai Qingyue"), builtin)
        XCTAssertFalse(builtin.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "the English line is English")
        XCTAssertEqual(ChartKind.ranking.make(ChartData(Self.survey), ChartOptions(language: .english)).header.source, builtin)

        var survey = Self.survey
        survey.meta.dataSourceEnglish = nil
        let chinese = survey.meta.dataSource
        let english = ChartKind.ranking.make(ChartData(survey), ChartOptions(language: .english))
        XCTAssertEqual(english.header.source, chinese, "no English line: the survey's own")

        survey.meta.dataSourceEnglish = "Source: Shanghai Qingyue, 2018–2022 survey"
        let data = ChartData(survey)
        XCTAssertEqual(ChartKind.ranking.make(data, ChartOptions(language: .english)).header.source, "Source: Shanghai Qingyue, 2018–2022 survey")
        XCTAssertEqual(ChartKind.ranking.make(data, ChartOptions(language: .chinese)).header.source, chinese)
        XCTAssertTrue(ChartTestSupport.drawnText(ChartKind.ranking.make(data, ChartOptions(language: .english)))
            .contains { $0.contains("Shanghai Qingyue") })

        // Saved and read back; a survey without it writes no such field.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("english-source-\(UUID().uuidString).gongkai")
        defer { try? FileManager.default.removeItem(at: url) }
        try SurveyFile.save(survey, to: url)
        XCTAssertEqual(try SurveyFile.load(from: url).meta.dataSourceEnglish, survey.meta.dataSourceEnglish)
        survey.meta.dataSourceEnglish = nil
        try SurveyFile.save(survey, to: url)
        XCTAssertFalse(try String(contentsOf: url, encoding: .utf8).contains("dataSourceEnglish"))
    }
}
