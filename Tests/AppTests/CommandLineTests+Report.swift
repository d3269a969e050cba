import Foundation
import Model
import XCTest

/// `gongkai reconcile`, `gongkai years`, `gongkai new` without an organisation and the sources
/// in `gongkai stats` (issue 13).
extension CommandLineTests {
    func testReconcileListsEveryStatedFigureAndExitsOneWhenOneDiffers() throws {
        let run = try gongkai("reconcile", "--json")
        XCTAssertEqual(run.status, 1, run.stderr)
        let list = try XCTUnwrap(try JSONSerialization.jsonObject(with: run.stdout) as? [[String: Any]])
        let builtin = try SurveyFile.load(from: try XCTUnwrap(BuiltinDataset.url))
        XCTAssertEqual(list.count, builtin.reported?.statedFigures.count)
        XCTAssertGreaterThanOrEqual(list.count, 45)
        for object in list {
            XCTAssertNotNil(object["statement"] as? String)
            XCTAssertNotNil(object["stated"] as? Int)
            XCTAssertNotNil(object["agrees"] as? Bool)
        }
        let auditLists2021 = try XCTUnwrap(list.first { $0["id"] as? String == "audit-lists-2021" })
        XCTAssertEqual(auditLists2021["stated"] as? Int, 27)
        XCTAssertEqual(auditLists2021["computed"] as? Int, 26)
        XCTAssertEqual(auditLists2021["agrees"] as? Bool, false)
        let text = try gongkai("reconcile", lang: "en_US.UTF-8")
        XCTAssertEqual(text.status, 1)
        XCTAssertTrue(text.text.contains("stated 27, computed 26 (from records)"), text.text)
        XCTAssertTrue(text.text.contains("neimenggu-labelling"))
    }

    func testReconcileExitsZeroWhenEveryFigureAgrees() throws {
        var survey = try SurveyFile.load(from: try XCTUnwrap(BuiltinDataset.url))
        let reconciled = Reconciler(survey).reconcile()
        // Keep the figures that agree: the command must then exit 0.
        survey.reportedData.statedFigures = survey.reportedData.statedFigures.filter { f in reconciled.contains { $0.id == f.id && $0.agrees } }
        let file = try write(survey, "agreeing.gongkai")
        let run = try gongkai("reconcile", file.path)
        XCTAssertEqual(run.status, 0, run.text)
    }

    func testYearsAddAndRemoveAsOneStep() throws {
        let file = try write(Survey.blank(years: [2023], from: try SurveyFile.load(from: try XCTUnwrap(BuiltinDataset.url))), "years.gongkai")
        XCTAssertEqual(try gongkai("years", file.path, "--add", "2024-2025").status, 0)
        XCTAssertEqual(try SurveyFile.load(from: file).years, [2023, 2024, 2025])
        var survey = try SurveyFile.load(from: file)
        survey.observations = [Observation(jurisdiction: "anhui", year: 2024, kind: .auditList, status: .notDisclosed)]
        try SurveyFile.save(survey, to: file)
        XCTAssertEqual(try gongkai("years", file.path, "--remove", "2024").status, 0)
        let after = try SurveyFile.load(from: file)
        XCTAssertEqual(after.years, [2023, 2025])
        XCTAssertTrue(after.observations.isEmpty, "the year's cells go with it")
        XCTAssertEqual(try gongkai("years", file.path, "--remove", "2019").status, 1)
        XCTAssertEqual(try gongkai("years", file.path).status, 2)
    }

    func testNewDoesNotFillInAnOrganisation() throws {
        let plain = dir.appendingPathComponent("plain.gongkai")
        XCTAssertEqual(try gongkai("new", plain.path, "--years", "2023").status, 0)
        XCTAssertEqual(try SurveyFile.load(from: plain).meta.organisation, "")
        let named = dir.appendingPathComponent("named.gongkai")
        XCTAssertEqual(try gongkai("new", named.path, "--years", "2023", "--organisation", "某研究所").status, 0)
        XCTAssertEqual(try SurveyFile.load(from: named).meta.organisation, "某研究所")
    }

    func testStatsNamesTheSourceOfItsFigures() throws {
        let run = try gongkai("stats", "--json")
        XCTAssertEqual(run.status, 0)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        let figures = try XCTUnwrap((object["figures"] as? [String: Any])?["survey"] as? [[String: Any]])
        func value(_ measure: String, _ outcome: String? = nil) -> Int? {
            figures.first { $0["measure"] as? String == measure && $0["outcome"] as? String == outcome }?["value"] as? Int
        }
        XCTAssertEqual([value("enterprises_sampled"), value("enterprises_disclosed"), value("enterprises_complete"),
                        value("enterprises_incomplete"), value("enterprises_cannot_judge")], [620, 83, 10, 14, 59])
        XCTAssertEqual([value("phone_calls"), value("phone_outcome", "not_reached")], [62, 45])
        XCTAssertEqual([value("letters_sent"), value("letters_replied")], [31, 28])
        XCTAssertTrue(figures.allSatisfy { ["records", "tallies", "both"].contains($0["source"] as? String) })
        XCTAssertEqual((object["sources"] as? [String: Any])?["byYear"] as? String, "records")
        let text = try gongkai("stats", lang: "en_US.UTF-8").text
        XCTAssertTrue(text.contains("Enterprises sampled\t620\tfrom records and reported tallies\t(34 entered as records)"), text)
    }
}
