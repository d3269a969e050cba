import Foundation
import Model
import XCTest

/// Three-way merge, comparison and the change log of the model.
final class TeamMergeTests: XCTestCase {
    private func edited(_ survey: Survey, _ edits: Edit...) throws -> Survey {
        var s = survey
        for e in edits { try e.apply(to: &s) }
        return s
    }

    private func cell(_ s: Survey, _ j: String, _ y: Int, _ k: DisclosureKind = .auditList) throws -> Observation {
        try XCTUnwrap(s.observation(j, y, k))
    }

    private func withStatus(_ s: Survey, _ j: String, _ y: Int, _ status: DisclosureStatus, note: String? = nil) throws -> Edit {
        var o = try cell(s, j, y)
        o.status = status
        if let note { o.note = note }
        return .setObservations([o])
    }

    private func variants() throws -> [Survey] {
        let b = TestFixtures.survey()
        var e = b.enterprises[0]
        e.name += "（新）"
        let newEnterprise = Enterprise(id: "new-1", name: "新企业", jurisdiction: "anhui", year: 2019)
        return [
            try edited(b, withStatus(b, "anhui", 2018, .disclosed)),
            try edited(b, .updateEnterprise(e), .insertEnterprises([newEnterprise], at: 1)),
            try edited(b, .removeEnterprises(ids: [b.enterprises[1].id]), .setYears(b.years + [2021])),
            try edited(b, .clearCells([CellKey(jurisdiction: "beijing", year: 2019, kind: .evaluation)])),
        ]
    }

    func testMergeWithAnUnchangedSideGivesTheOtherSide() throws {
        let b = TestFixtures.survey()
        for x in try variants() {
            XCTAssertEqual(SurveyMerge.merge(base: b, ours: b, theirs: x).survey, x, "merge(B, B, X) = X")
            XCTAssertEqual(SurveyMerge.merge(base: b, ours: x, theirs: b).survey, x, "merge(B, X, B) = X")
            let logged = SurveyMerge.merge(base: b, ours: b, theirs: x, author: "合并者").survey.changeLog.entries
            XCTAssertEqual(Set(logged.map(\.path)), Set(SurveyComparison(b, x).differences.map(\.path)), "the merge logs what it took")
            XCTAssertTrue(logged.allSatisfy { $0.action == .merge && $0.author == "合并者" })
            XCTAssertTrue(SurveyMerge.merge(base: b, ours: x, theirs: x).isClean)
            XCTAssertEqual(SurveyMerge.merge(base: b, ours: x, theirs: x).survey, x, "the same change is taken once")
        }
    }

    func testCleanMergesAreSymmetric() throws {
        let b = TestFixtures.survey()
        let all = try variants()
        for (i, x) in all.enumerated() {
            for y in all[(i + 1)...] {
                let xy = SurveyMerge.merge(base: b, ours: x, theirs: y)
                let yx = SurveyMerge.merge(base: b, ours: y, theirs: x)
                XCTAssertTrue(xy.isClean, "\(xy.conflicts)")
                XCTAssertTrue(yx.isClean)
                // Equal up to the order of records only one side added.
                XCTAssertTrue(SurveyComparison(xy.survey, yx.survey).isSame,
                              "\(SurveyComparison(xy.survey, yx.survey).differences)")
            }
        }
    }

    func testDifferentChangesOfOneFieldConflictAndResolve() throws {
        let b = TestFixtures.survey()
        let ours = try edited(b, withStatus(b, "anhui", 2018, .disclosed, note: "ours"))
        let theirs = try edited(b, withStatus(b, "anhui", 2018, .prefecture))
        let result = SurveyMerge.merge(base: b, ours: ours, theirs: theirs)
        XCTAssertFalse(result.isClean)
        XCTAssertEqual(result.conflicts.map(\.path), ["observations/anhui/2018/audit_list/status"])
        let conflict = try XCTUnwrap(result.survey.conflicts.first)
        XCTAssertEqual(MergeConflict.display(conflict.ours), "disclosed")
        XCTAssertEqual(MergeConflict.display(conflict.theirs), "prefecture")
        // The note changed on one side only: taken.
        XCTAssertEqual(try cell(result.survey, "anhui", 2018).note, "ours")
        XCTAssertEqual(try cell(result.survey, "anhui", 2018).status, .disclosed, "ours is held until resolved")

        // Conflicts survive saving and loading, and resolve with the other side's value.
        let loaded = try SurveyFile.decode(SurveyFile.encode(result.survey), source: "merged")
        XCTAssertEqual(loaded.conflicts, result.survey.conflicts)
        let document = SurveyDocument(survey: loaded)
        try document.perform(try document.survey.resolving(conflict, with: conflict.theirs), label: "take B")
        XCTAssertEqual(try cell(document.survey, "anhui", 2018).status, .prefecture)
        XCTAssertTrue(document.survey.conflicts.isEmpty)
        try document.undo()
        XCTAssertEqual(document.survey.conflicts, [conflict], "resolving is one undo step")
    }

    func testRemovedOnOneSideChangedOnTheOtherIsAConflictOnTheRecord() throws {
        let b = TestFixtures.survey()
        let e = b.enterprises[2]
        var changed = e
        changed.notes = "checked again"
        let result = SurveyMerge.merge(base: b, ours: try edited(b, .removeEnterprises(ids: [e.id])),
                                       theirs: try edited(b, .updateEnterprise(changed)))
        XCTAssertEqual(result.conflicts.map(\.path), ["enterprises/" + e.id])
        XCTAssertEqual(result.survey.enterprises.first { $0.id == e.id }, changed, "the changed record is kept")
        let document = SurveyDocument(survey: result.survey)
        try document.perform(try document.survey.resolving(result.conflicts[0], with: result.conflicts[0].ours), label: "take A")
        XCTAssertNil(document.survey.enterprises.first { $0.id == e.id }, "taking the side that removed it removes it")
    }

    func testEnterprisesAddedOnBothSidesMatchByNameWithAWarning() throws {
        let b = TestFixtures.survey()
        let mine = Enterprise(id: "a-1", name: "安徽 星河精细化工 有限公司", jurisdiction: "anhui", year: 2019, industry: "化工")
        let yours = Enterprise(id: "b-7", name: "安徽星河精细化工有限公司", jurisdiction: "anhui", year: 2019, notes: "电话已联系")
        let result = SurveyMerge.merge(base: b, ours: try edited(b, .insertEnterprises([mine], at: nil)),
                                       theirs: try edited(b, .insertEnterprises([yours], at: nil)))
        XCTAssertEqual(result.warnings.count, 1)
        let merged = result.survey.enterprises.filter { $0.jurisdiction == "anhui" && $0.year == 2019 && $0.name.contains("星河") }
        XCTAssertEqual(merged.count, 1)
        XCTAssertEqual(merged.first?.id, "a-1")
        XCTAssertEqual(merged.first?.industry, "化工")
        XCTAssertEqual(merged.first?.notes, "电话已联系", "a field only one side filled is taken")
        XCTAssertEqual(result.conflicts.map(\.path), ["enterprises/a-1/name"], "the two spellings conflict")
    }

    func testCompareListsEveryDifferenceWithBothValues() throws {
        let a = TestFixtures.survey()
        var e = a.enterprises[0]
        e.city = "合肥市"
        let b = try edited(a, withStatus(a, "anhui", 2018, .disclosed), .updateEnterprise(e))
        let comparison = SurveyComparison(a, b)
        XCTAssertFalse(comparison.isSame)
        let paths = comparison.differences.map(\.path)
        XCTAssertTrue(paths.contains("observations/anhui/2018/audit_list/status"))
        XCTAssertTrue(paths.contains("enterprises/\(e.id)/city"))
        let status = try XCTUnwrap(comparison.differences.first { $0.path.hasSuffix("2018/audit_list/status") })
        XCTAssertEqual(status.a, "not_disclosed")
        XCTAssertEqual(status.b, "disclosed")
        let cells = a.observations.filter { $0.status != .notSurveyed }.count
        XCTAssertEqual(comparison.matrix.units, cells)
        XCTAssertEqual(try XCTUnwrap(comparison.matrix.agreement), Double(cells - 1) / Double(cells), accuracy: 1e-12)
        // Optional values written as text show as text.
        var labelled = try cell(a, "anhui", 2018)
        labelled.reasonLabelling = .marked(ReasonSet([.pollution, .toxic]))
        let labelling = SurveyComparison(a, try edited(a, .setObservations([labelled]))).differences
        XCTAssertEqual(labelling.map(\.path), ["observations/anhui/2018/audit_list/reasonLabelling"])
        XCTAssertEqual(labelling.first?.a, "no_list")
        XCTAssertEqual(labelling.first?.b, "1+3")
        XCTAssertTrue(SurveyComparison(a, a).isSame)
        XCTAssertEqual(SurveyComparison(a, a).matrix.kappa, 1)
    }

    func testEveryEditIsLoggedAndTheLogSurvivesSaveAndLoad() throws {
        let document = SurveyDocument(survey: TestFixtures.survey())
        document.author = "王芳\tlab"
        document.clock = { Date(timeIntervalSince1970: 1_800_000_000) }
        try document.perform(try withStatus(document.survey, "anhui", 2018, .disclosed, note: "多行\n备注"), label: "set")
        try document.undo()
        let entries = document.survey.changeLog.entries
        XCTAssertEqual(entries.map(\.path), ["observations/anhui/2018/audit_list/status", "observations/anhui/2018/audit_list/note",
                                             "observations/anhui/2018/audit_list/status", "observations/anhui/2018/audit_list/note"])
        XCTAssertEqual(entries.map(\.action), [.edit, .edit, .undo, .undo])
        XCTAssertEqual(entries[0].old, "not_disclosed")
        XCTAssertEqual(entries[0].new, "disclosed")
        XCTAssertEqual(entries[2].new, "not_disclosed", "an undo is logged as the edit back")
        XCTAssertEqual(entries[0].time, "2027-01-15T08:00:00Z")
        XCTAssertEqual(document.survey, TestFixtures.survey(), "the log is history, not data")

        let loaded = try SurveyFile.decode(SurveyFile.encode(document.survey), source: "logged")
        XCTAssertEqual(loaded.changeLog.entries, entries)
        XCTAssertEqual(loaded.changeLog.entries[1].new, "多行\n备注")
        XCTAssertEqual(loaded.changeLog.entries[1].author, "王芳\tlab")
        XCTAssertEqual(loaded.changeLog.filtered(pathPrefix: "observations/anhui/2018/audit_list").count, 4)
        XCTAssertEqual(loaded.changeLog.filtered(since: "2028").count, 0)
        XCTAssertEqual(loaded.changeLog.filtered(pathPrefix: "observations/anhui/2018/audit_list/").count, 4, "a trailing / is ignored")
        XCTAssertEqual(loaded.changeLog.filtered(pathPrefix: "observations/anhui/2018/audit_list", section: "enterprises").count, 0, "both prefixes apply")
        XCTAssertEqual(loaded.changeLog.filtered(pathPrefix: "observations/anhui/2018/audit_list", section: "observations").count, 4)
    }

    func testAFileWithoutALogHasNoLogFieldAndLoadsWithAnEmptyLog() throws {
        let survey = TestFixtures.survey()
        let text = String(decoding: try SurveyFile.encode(survey), as: UTF8.self)
        XCTAssertFalse(text.contains("\"changeLog\""))
        XCTAssertFalse(text.contains("\"conflicts\""))
        XCTAssertTrue(try SurveyFile.decode(Data(text.utf8), source: "x").changeLog.isEmpty)
    }

    func testTenThousandLoggedEditsAddAtMostTwoMegabytes() throws {
        let survey = TestFixtures.survey()
        let document = SurveyDocument(survey: survey)
        document.author = "Researcher Name"
        let statuses: [DisclosureStatus] = [.disclosed, .notDisclosed]
        for i in 0..<10_000 {
            var o = try cell(document.survey, "beijing", 2019, .evaluation)
            o.status = statuses[i % 2]
            try document.perform(.setObservations([o]), label: "edit")
        }
        XCTAssertEqual(document.survey.changeLog.entries.count, 10_000)
        let growth = try SurveyFile.encode(document.survey).count - SurveyFile.encode(survey).count
        XCTAssertLessThanOrEqual(growth, 2_000_000, "\(growth) bytes")
        print("10,000 logged edits: \(growth) bytes")
    }

    /// The article 11 checklists: one unit per item of every enterprise both surveys hold, the
    /// contingency table counted item by item here and with bit counts by the comparison.
    func testChecklistReliabilityCountsEveryItemOfEveryEnterpriseBothHold() {
        let a = SyntheticSurvey.make(enterprises: 300, years: 2018...2022, seed: 5)
        var b = a
        for i in stride(from: 0, to: b.enterprises.count, by: 7) { b.enterprises[i].disclosedItems = Array(DisclosureItem.allCases.prefix(i % 5)) }
        for i in stride(from: 3, to: b.enterprises.count, by: 11) { b.enterprises[i].disclosedItems = DisclosureItem.allCases.reversed() }
        b.enterprises.removeLast(20)
        b.enterprises.append(Enterprise(id: "b-only", name: "只在 B", jurisdiction: a.jurisdictions[0].id, year: 2020))
        var table = [[0, 0], [0, 0]]
        let inB = Dictionary(b.enterprises.map { ($0.id, Set($0.disclosedItems)) }, uniquingKeysWith: { $1 })
        for e in a.enterprises {
            guard let published = inB[e.id] else { continue }
            for item in DisclosureItem.allCases { table[e.disclosedItems.contains(item) ? 1 : 0][published.contains(item) ? 1 : 0] += 1 }
        }
        let r = SurveyComparison(a, b).checklists
        XCTAssertEqual(r.units, 280 * DisclosureItem.allCases.count)
        XCTAssertGreaterThan(table[0][1] + table[1][0], 0, "the surveys disagree on some items")
        XCTAssertEqual(r, Agreement.reliability(table))
    }
}
