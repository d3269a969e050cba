import Foundation
import Model
import XCTest

/// Compare and three-way merge of what a survey keeps from a report (issue 13): reported
/// tallies, recorded verdicts, cell qualities, stated figures, decisions and the survey details.
final class TeamReportedDataTests: XCTestCase {
    private func edited(_ survey: Survey, _ change: (inout Survey) throws -> Void) rethrows -> Survey {
        var s = survey
        try change(&s)
        return s
    }

    private func mark(_ j: String, _ y: Int, _ q: CellQualityKind, _ source: String = "p. 3") -> CellQuality {
        CellQuality(jurisdiction: j, year: y, kind: .auditList, quality: q, source: source)
    }

    /// The fixture survey with some report data of each kind.
    private func base() -> Survey {
        var s = TestFixtures.survey()
        s.reportedData = ReportedData(
            tallies: [ReportedTally(.enterprisesSampled, value: 620, source: "p. 10"),
                      ReportedTally(.phoneOutcome, outcome: .notReached, value: 45, source: "p. 20"),
                      ReportedTally(.enterprisesDisclosed, jurisdiction: "anhui", value: 3, source: "table 4")],
            verdicts: [RecordedVerdict(enterprise: s.enterprises[0].id, verdict: .incomplete, source: "p. 12")],
            cellQualities: [mark("anhui", 2018, .partial)],
            statedFigures: [StatedFigure(id: "f1", statement: "2 jurisdictions", stated: 2,
                                         query: FigureQuery(.jurisdictionsDisclosed, kind: .auditList, year: 2018))],
            decisions: [LabellingDecision(id: "d1", cells: [], decision: "as the table", conflictingPassage: "the prose")])
        s.canonicalize()
        return s
    }

    /// One change of each kind of report data, each made alone.
    private func variants() -> [Survey] {
        let b = base()
        return [
            edited(b) { $0.reportedData.tallies[0].value = 621 },
            edited(b) { $0.reportedData.tallies.append(ReportedTally(.lettersSent, value: 31, source: "p. 30")) },
            edited(b) { $0.reportedData.verdicts[0].verdict = .complete },
            edited(b) { $0.reportedData.verdicts.append(RecordedVerdict(enterprise: b.enterprises[1].id, verdict: .cannotJudge, source: "p. 13")) },
            edited(b) { $0.reportedData.cellQualities.append(mark("beijing", 2019, .fairlyComprehensive)); $0.canonicalize() },
            edited(b) { $0.reportedData.cellQualities.removeAll() },
            edited(b) { $0.reportedData.statedFigures[0].stated = 3 },
            edited(b) { $0.reportedData.decisions.removeAll() },
            edited(b) { $0.meta.rateDefinition = .delegatedAsDisclosed },
        ]
    }

    func testCompareListsDifferencesInReportData() throws {
        let b = base()
        let expected = [
            "tallies/enterprises_sampled/-/-/-/value", "tallies/letters_sent/-/-/-",
            "verdicts/\(b.enterprises[0].id)/verdict", "verdicts/\(b.enterprises[1].id)",
            "observations/beijing/2019/audit_list/qualities", "observations/anhui/2018/audit_list/qualities",
            "statedFigures/f1/stated", "decisions/d1", "survey/rateDefinition",
        ]
        for (x, path) in zip(variants(), expected) {
            let comparison = SurveyComparison(b, x)
            XCTAssertEqual(comparison.differences.map(\.path), [path])
            XCTAssertFalse(comparison.isSame)
        }
        let tally = try XCTUnwrap(SurveyComparison(b, variants()[0]).differences.first)
        XCTAssertEqual([tally.section, tally.a, tally.b], ["tallies", "620", "621"])
        let marks = try XCTUnwrap(SurveyComparison(b, variants()[4]).differences.first)
        XCTAssertEqual([marks.section, marks.a, marks.b], ["qualities", "", "fairly_comprehensive (p. 3)"])
        let sections = SurveyComparison(b, variants()[2]).sections
        XCTAssertEqual(sections.first { $0.section == "verdicts" }?.identical, 0)
        XCTAssertEqual(sections.first { $0.section == "tallies" }?.identical, 3)
    }

    func testMergeWithAnUnchangedSideGivesTheOtherSide() {
        let b = base()
        for x in variants() {
            XCTAssertEqual(SurveyMerge.merge(base: b, ours: b, theirs: x).survey, x, "merge(B, B, X) = X")
            XCTAssertEqual(SurveyMerge.merge(base: b, ours: x, theirs: b).survey, x, "merge(B, X, B) = X")
            XCTAssertEqual(SurveyMerge.merge(base: b, ours: x, theirs: x).survey, x, "the same change is taken once")
            let logged = SurveyMerge.merge(base: b, ours: b, theirs: x, author: "合并者").survey.changeLog.entries
            XCTAssertEqual(logged.map(\.path), SurveyComparison(b, x).differences.map(\.path), "the merge logs what it took")
        }
    }

    func testCleanMergesAreSymmetric() {
        let b = base()
        let all = variants()
        // Pairs that change different things (the first two change the same tally list but not the same tally).
        for (i, x) in all.enumerated() {
            for y in all[(i + 1)...] {
                let xy = SurveyMerge.merge(base: b, ours: x, theirs: y)
                let yx = SurveyMerge.merge(base: b, ours: y, theirs: x)
                XCTAssertTrue(xy.isClean, "\(xy.conflicts)")
                XCTAssertTrue(yx.isClean, "\(yx.conflicts)")
                XCTAssertTrue(SurveyComparison(xy.survey, yx.survey).isSame, "\(SurveyComparison(xy.survey, yx.survey).differences)")
                // Both changes are in the merge.
                XCTAssertTrue(SurveyComparison(xy.survey, x).differences.allSatisfy { d in
                    SurveyComparison(b, y).differences.contains { $0.path == d.path }
                }, "\(SurveyComparison(xy.survey, x).differences)")
            }
        }
    }

    func testDifferentChangesOfReportDataConflictAndResolveByPath() throws {
        let b = base()
        let id = b.enterprises[0].id
        let ours = edited(b) {
            $0.reportedData.tallies[0].value = 600
            $0.reportedData.verdicts[0].verdict = .complete
            $0.reportedData.cellQualities[0].source = "p. 4"
        }
        let theirs = edited(b) {
            $0.reportedData.tallies[0].value = 640
            $0.reportedData.verdicts[0].verdict = .cannotJudge
            $0.reportedData.cellQualities[0].quality = .fairlyComprehensive
            $0.reportedData.tallies[1].source = "p. 21"
        }
        let result = SurveyMerge.merge(base: b, ours: ours, theirs: theirs)
        XCTAssertEqual(Set(result.conflicts.map(\.path)), ["tallies/enterprises_sampled/-/-/-/value", "verdicts/\(id)/verdict",
                                                           "observations/anhui/2018/audit_list/qualities"])
        XCTAssertEqual(result.survey.reportedData.tallies.first { $0.outcome == .notReached }?.source, "p. 21",
                       "a change on one side only is taken")
        let quality = try XCTUnwrap(result.survey.conflicts.first { $0.path.hasSuffix("qualities") })
        XCTAssertEqual(quality.cell, CellKey(jurisdiction: "anhui", year: 2018, kind: .auditList), "shown in the matrix")

        // The conflicts survive saving and loading and resolve with their side's value, each one undo step.
        let loaded = try SurveyFile.decode(SurveyFile.encode(result.survey), source: "merged")
        XCTAssertEqual(loaded.conflicts, result.survey.conflicts)
        let document = SurveyDocument(survey: loaded)
        for conflict in result.survey.conflicts {
            try document.perform(try document.survey.resolving(conflict, with: conflict.theirs), label: "take B")
        }
        XCTAssertTrue(document.survey.conflicts.isEmpty)
        XCTAssertEqual(document.survey.reportedData.tallies.first { $0.measure == .enterprisesSampled }?.value, 640)
        XCTAssertEqual(document.survey.recordedVerdict(of: id)?.verdict, .cannotJudge)
        XCTAssertEqual(document.survey.qualities("anhui", 2018, .auditList).map(\.quality), [.fairlyComprehensive])
        XCTAssertTrue(SurveyComparison(document.survey, theirs).isSame, "\(SurveyComparison(document.survey, theirs).differences)")
        try document.undo()
        let last = try XCTUnwrap(result.survey.conflicts.last)
        XCTAssertEqual(document.survey.conflicts, [last], "resolving is one undo step")
        XCTAssertEqual(try FieldPath.json(at: last.path, in: document.survey), last.ours, "back to ours")
    }

    func testRemovedOnOneSideChangedOnTheOtherIsAConflictOnTheRecord() throws {
        let b = base()
        let ours = edited(b) { $0.reportedData.statedFigures.removeAll() }
        let theirs = edited(b) { $0.reportedData.statedFigures[0].note = "checked" }
        let result = SurveyMerge.merge(base: b, ours: ours, theirs: theirs)
        XCTAssertEqual(result.conflicts.map(\.path), ["statedFigures/f1"])
        XCTAssertEqual(result.survey.reportedData.statedFigures.first?.note, "checked", "the changed record is kept")
        var resolved = result.survey
        try resolved.resolving(result.conflicts[0], with: result.conflicts[0].ours).apply(to: &resolved)
        XCTAssertTrue(resolved.reportedData.statedFigures.isEmpty, "taking the side that removed it removes it")
    }

    func testVerdictsFollowEnterprisesMatchedByName() {
        let b = base()
        let mine = Enterprise(id: "a-1", name: "安徽星河化工有限公司", jurisdiction: "anhui", year: 2019)
        var yours = mine
        yours.id = "b-7"
        let ours = edited(b) { $0.enterprises.append(mine) }
        let theirs = edited(b) {
            $0.enterprises.append(yours)
            $0.reportedData.verdicts.append(RecordedVerdict(enterprise: "b-7", verdict: .incomplete, source: "p. 14"))
        }
        let result = SurveyMerge.merge(base: b, ours: ours, theirs: theirs)
        XCTAssertTrue(result.isClean)
        XCTAssertEqual(result.survey.recordedVerdict(of: "a-1")?.verdict, .incomplete)
        XCTAssertNil(result.survey.recordedVerdict(of: "b-7"))
        XCTAssertEqual(SurveyComparison(ours, theirs).differences.map(\.path), ["verdicts/a-1"])
    }

    func testTheWindowsMergeEditTurnsOneSurveyIntoTheOtherAndIsLogged() throws {
        let b = base()
        let x = edited(b) {
            $0.reportedData.tallies[0].value = 621
            $0.reportedData.decisions[0].decision = "as the prose"
            $0.reportedData.cellQualities.append(self.mark("beijing", 2019, .partial))
            $0.canonicalize()
        }
        let document = SurveyDocument(survey: b)
        document.author = "合并者"
        try document.perform(try SurveyMerge.edit(from: b, to: x), label: "merge")
        XCTAssertEqual(document.survey, x)
        XCTAssertEqual(Set(document.survey.changeLog.entries.map(\.path)),
                       ["tallies/enterprises_sampled/-/-/-/value", "decisions/d1/decision", "observations/beijing/2019/audit_list/qualities"])
        try document.undo()
        XCTAssertEqual(document.survey, b, "one undo step")
    }

    func testTheBuiltInSurveyMergesWithItselfUnchanged() throws {
        let b = try SurveyFile.load(from: try XCTUnwrap(BuiltinDataset.url))
        XCTAssertFalse(b.reportedData.tallies.isEmpty)
        XCTAssertEqual(SurveyMerge.merge(base: b, ours: b, theirs: b).survey, b)
        XCTAssertTrue(SurveyComparison(b, b).isSame)
        var x = b
        x.reportedData.statedFigures[0].stated += 1
        XCTAssertEqual(SurveyMerge.merge(base: b, ours: b, theirs: x).survey, x)
    }
}
