import Foundation
import XCTest

@testable import Model

/// The user's chart titles, findings and notes (issue 15): kept in `SurveyMeta.charts`, saved and
/// read back, left out of files that have none, refused with their place when malformed, and
/// changed by one edit each, undone exactly and logged.
final class ChartPresentationTests: XCTestCase {
    private func presentation() -> ChartPresentation {
        var p = ChartPresentation()
        p.setOverride("ranking", title: "谁公开得最好", finding: nil)
        p.setOverride("changes", title: "  ", finding: "2022 年度退步明显")
        p.add(ChartAnnotation(chart: "disclosure-per-year", point: .year(2021), text: "新办法施行"))
        p.add(ChartAnnotation(chart: "ranking", point: .jurisdiction("henan"), text: "名单最完整"))
        p.add(ChartAnnotation(chart: "ranking", point: .jurisdiction("jiangsu"), text: "全部由地市公开"))
        return p
    }

    func testOverridesKeepOnlyWhatIsSetAndNotesKeepTheirOrder() {
        var p = presentation()
        XCTAssertEqual(p.overrides.map(\.chart), ["changes", "ranking"], "ordered by chart name")
        XCTAssertNil(p.override("changes")?.title, "blank text means the computed title")
        XCTAssertEqual(p.override("changes")?.finding, "2022 年度退步明显")
        XCTAssertEqual(p.annotations("ranking").map(\.text), ["名单最完整", "全部由地市公开"])
        p.setOverride("changes", title: nil, finding: "")
        XCTAssertNil(p.override("changes"), "nothing left to override: the entry goes")
        XCTAssertTrue(p.removeAnnotation("ranking", at: 1))
        XCTAssertFalse(p.removeAnnotation("ranking", at: 1))
        XCTAssertEqual(p.annotations("ranking").map(\.text), ["名单最完整"])
        XCTAssertEqual(p.annotations.count, 2)
    }

    func testTheyAreSavedAndReadBackAndAbsentWhenThereAreNone() throws {
        var survey = StorageFixtures.survey()
        let without = try SurveyFile.encode(survey)
        XCTAssertFalse(String(decoding: without, as: UTF8.self).contains("\"charts\""), "no field in a file without chart words")
        XCTAssertNil(try SurveyFile.decode(without, source: "s").meta.charts, "an older file reads as none")

        survey.meta.charts = presentation()
        let data = try SurveyFile.encode(survey)
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(text.contains("\"jurisdiction\" : \"henan\"") || text.contains("\"jurisdiction\": \"henan\""), text)
        let read = try SurveyFile.decode(data, source: "s")
        XCTAssertEqual(read.meta.charts, survey.meta.charts)
        XCTAssertEqual(try SurveyFile.encode(read), data, "saving again gives the same bytes")
    }

    private func loadError(_ change: (inout [String: Any]) -> Void) throws -> SurveyFileError {
        var survey = StorageFixtures.survey()
        survey.meta.charts = presentation()
        var envelope = try XCTUnwrap(try JSONSerialization.jsonObject(with: try SurveyFile.encode(survey)) as? [String: Any])
        var object = try XCTUnwrap(envelope["survey"] as? [String: Any])
        var meta = try XCTUnwrap(object["meta"] as? [String: Any])
        var charts = try XCTUnwrap(meta["charts"] as? [String: Any])
        var notes = try XCTUnwrap(charts["annotations"] as? [[String: Any]])
        var note = notes[1]
        change(&note)
        notes[1] = note
        charts["annotations"] = notes
        meta["charts"] = charts
        object["meta"] = meta
        envelope["survey"] = object
        let data = try JSONSerialization.data(withJSONObject: envelope, options: [.prettyPrinted, .sortedKeys])
        do {
            _ = try SurveyFile.decode(data, source: "s.gongkai")
        } catch let error as SurveyFileError {
            return error
        }
        XCTFail("the file should be refused")
        throw CocoaError(.fileReadCorruptFile)
    }

    func testAMalformedNoteIsRefusedWithItsPlace() throws {
        let both = try loadError { $0["year"] = 2021 }
        XCTAssertEqual(both.path?.hasPrefix("survey.meta.charts.annotations[1]"), true, both.message)
        XCTAssertNotNil(both.line)
        XCTAssertTrue(both.message.contains("year"), both.message)

        let neither = try loadError { $0["jurisdiction"] = nil }
        XCTAssertEqual(neither.path?.hasPrefix("survey.meta.charts.annotations[1]"), true, neither.message)

        let year = try loadError { $0["jurisdiction"] = nil; $0["year"] = 1800 }
        XCTAssertEqual(year.path, "survey.meta.charts.annotations[1].year")
        XCTAssertTrue(year.message.contains("1949") && year.message.contains("2200"), year.message)

        let unknown = try loadError { $0["txet"] = "typo" }
        XCTAssertEqual(unknown.path?.hasPrefix("survey.meta.charts.annotations[1]"), true, unknown.message)
        XCTAssertTrue(unknown.message.contains("txet"), unknown.message)
    }

    func testEachChangeIsOneStepUndoneExactlyAndLogged() throws {
        let document = SurveyDocument(survey: StorageFixtures.survey())
        document.author = "tester"
        let original = document.survey
        var meta = document.survey.meta
        meta.charts = presentation()
        try document.perform(.setMeta(meta), label: "notes")
        XCTAssertEqual(document.survey.meta.charts, presentation())
        XCTAssertEqual(document.undoCount, 1)
        let logged = document.survey.changeLog.entries.filter { $0.path == "survey/charts" }
        XCTAssertEqual(logged.count, 1, "\(document.survey.changeLog.entries.map(\.path))")
        XCTAssertTrue(logged.first?.new.contains("henan") ?? false, "\(logged)")

        XCTAssertEqual(try document.undo(), "notes")
        var withoutLog = document.survey
        withoutLog.changeLog = original.changeLog
        XCTAssertEqual(withoutLog, original)
        XCTAssertNil(document.survey.meta.charts)
        XCTAssertEqual(document.survey.changeLog.entries.filter { $0.path == "survey/charts" }.count, 2, "the undo is logged too")
    }
}
