import Foundation
import XCTest
@testable import Model

/// The incremental paths a status key takes, each compared with the full recomputation:
/// `CellIndex.updated(for:after:)`, the in-place `setCells` and `EntryProgress(_:statistics:)`.
final class CellIndexUpdateTests: XCTestCase {
    private func document() -> SurveyDocument {
        SurveyDocument(survey: SyntheticSurvey.make(enterprises: 200, years: 2001...2005, seed: 5))
    }

    /// Performs `edit`, then checks the index updated from the one before equals an index built
    /// again, and whether the edit was in place.
    private func check(_ doc: SurveyDocument, _ edit: Edit, inPlace: Bool,
                       file: StaticString = #filePath, line: UInt = #line) throws {
        let before = CellIndex(doc.survey)
        try doc.perform(edit, label: "test")
        XCTAssertEqual(before.updated(for: doc.survey, after: edit), CellIndex(doc.survey), file: file, line: line)
        XCTAssertEqual(before.cellsChangedInPlace(in: doc.survey, by: edit) != nil, inPlace, file: file, line: line)
    }

    func testTheIndexFollowsCellEdits() throws {
        let doc = document()
        var first = doc.survey.observations[0]
        first.status = first.status == .disclosed ? .notDisclosed : .disclosed
        try check(doc, .setCells([CellChange(first)]), inPlace: true)
        var a = doc.survey.observations[5], b = doc.survey.observations[9]
        a.note = "补充说明"
        b.status = .prefecture
        try check(doc, .setCells([CellChange(a), CellChange(b)]), inPlace: true)
        // Clearing a cell moves every observation after it.
        try check(doc, .clearCells([doc.survey.observations[2].key]), inPlace: false)
        // A new cell is added in canonical order.
        let j = doc.survey.jurisdictions[0].id
        let cleared = doc.survey.jurisdictions.lazy.flatMap { j in doc.survey.years.map { (j.id, $0) } }
            .first { doc.survey.observation($0.0, $0.1, .auditList) == nil }
        let key = cleared.map { CellKey(jurisdiction: $0.0, year: $0.1, kind: .auditList) }
            ?? CellKey(jurisdiction: j, year: 1999, kind: .auditList)
        try check(doc, .setCells([CellChange(Observation(jurisdiction: key.jurisdiction, year: key.year, kind: key.kind, status: .disclosed))]),
                  inPlace: false)
        try check(doc, .setMeta(doc.survey.meta), inPlace: false)
    }

    func testAnInPlaceEditSetsTheFirstOfARepeatedCellAndUndoes() throws {
        var survey = SyntheticSurvey.make(enterprises: 50, years: 2001...2003, seed: 3)
        var repeated = survey.observations[4]
        repeated.note = "重复"
        survey.observations.insert(repeated, at: 5)
        let original = survey
        var changed = survey.observations[4]
        changed.status = changed.status == .division ? .disclosed : .division
        let edit = Edit.setCells([CellChange(changed)])
        let (after, inverse) = try edit.applied(to: survey)
        XCTAssertEqual(after.observations[4], changed)
        XCTAssertEqual(after.observations[5], repeated, "the later record of the cell is left alone")
        XCTAssertEqual(after.observations.count, original.observations.count)
        XCTAssertEqual(inverse, .setCells([CellChange(original.observations[4])]))
        XCTAssertEqual(try inverse.applied(to: after).survey, original)
        XCTAssertEqual(CellIndex(original).updated(for: after, after: edit), CellIndex(after))
    }

    /// Entry progress read from the statistics equals progress counted cell by cell: explicit
    /// "not surveyed" cells, repeated cells, cells of other jurisdictions and years, repeated
    /// jurisdictions and years.
    func testProgressFromTheStatisticsEqualsTheCount() throws {
        var surveys: [Survey] = []
        var survey = SyntheticSurvey.make(enterprises: 100, years: 2001...2004, seed: 9)
        surveys.append(survey)
        survey.observations[0].status = .notSurveyed
        survey.observations[3].status = .notSurveyed
        var repeated = survey.observations[0]
        repeated.status = .disclosed
        survey.observations.append(repeated)
        survey.observations.append(Observation(jurisdiction: "XX", year: 2001, kind: .auditList, status: .disclosed))
        survey.observations.append(Observation(jurisdiction: survey.jurisdictions[1].id, year: 1990, kind: .auditList, status: .disclosed))
        surveys.append(survey)
        var years = survey
        years.years.append(years.years[0])
        surveys.append(years)
        var jurisdictions = survey
        jurisdictions.jurisdictions.append(jurisdictions.jurisdictions[0])
        surveys.append(jurisdictions)
        var empty = survey
        empty.observations = []
        surveys.append(empty)
        for (i, s) in surveys.enumerated() {
            XCTAssertEqual(EntryProgress(s, statistics: Statistics(s)), EntryProgress(s), "survey \(i)")
        }
        XCTAssertNotEqual(EntryProgress(surveys[1]), EntryProgress(surveys[0]), "the changes change the progress")
    }
}

/// `Evidence.saysWhere`, read scalar by scalar, says what trimming white space says.
final class EvidenceSaysWhereTests: XCTestCase {
    func testSaysWhereIsTrimmingWhiteSpace() {
        let texts: [String?] = [nil, "", " ", "\t\n\r", "\u{0B}\u{0C}", "a", " a ", "\u{3000}", "\u{3000}\u{3000}",
                                "\u{3000}广东省审计厅网站", "\u{00A0}", "\u{2028}\u{2029}", "\u{0085}", "\u{200B}", "\u{FEFF}",
                                "。", "，", " 。", "\u{2003}\u{2009}x", "\u{1F600}", " \u{1F600} ", "\u{7F}", "\u{0}", "-",
                                "https://example.org", "\u{1680}", "\u{180E}", "\u{202F}\u{205F}", "e\u{301}", "\u{301}", " \u{301}"]
        for url in texts {
            for note in [nil, "", "\u{3000}\n", "见公告"] as [String?] {
                let evidence = Evidence(url: url, method: .onlineSearch, note: note)
                let trimmed = !(url ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                    || !(note ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                XCTAssertEqual(evidence.saysWhere, trimmed, "\(String(describing: url)) / \(String(describing: note))")
            }
        }
        XCTAssertFalse(Evidence(url: "\u{3000} \n", method: .phone, note: "\u{2003}").saysWhere)
        XCTAssertTrue(Evidence(url: nil, method: .phone, note: "\u{3000}见").saysWhere)
    }
}

/// After a cell edit the sub-unit rows are updated (`SubUnitStatistics.updated`): the observed and
/// reported rows kept, the "not recorded" rows of delegating jurisdictions read again.
final class SubUnitUpdateTests: XCTestCase {
    func testCellEditsUpdateTheSubUnitRowsAsCountedAgain() throws {
        var survey = SyntheticSurvey.make(enterprises: 100, years: 2001...2004, seed: 13)
        let ids = survey.jurisdictions.map(\.id)
        survey.subUnitObservations = [
            SubUnitObservation(jurisdiction: ids[0], subUnit: "甲市", year: 2001, kind: .auditList, status: .disclosed),
            SubUnitObservation(jurisdiction: ids[0], subUnit: "乙市", year: 2002, kind: .auditList, status: .notDisclosed),
        ]
        survey.subUnitTallies = [SubUnitTally(jurisdiction: ids[1], kind: .auditList, year: 2002, units: 9, disclosed: 4, source: "p. 2"),
                                 SubUnitTally(jurisdiction: ids[1], kind: .auditList, year: 2003, units: 9, disclosed: 5, source: "p. 3")]
        let doc = SurveyDocument(survey: survey)
        // Delegating and no longer delegating, in jurisdictions with and without sub-unit records.
        var steps: [(String, DisclosureStatus)] = []
        for id in [ids[0], ids[1], ids[2], ids[3]] { steps += [(id, .prefecture), (id, .disclosed)] }
        steps += [(ids[4], .prefecture), (ids[5], .prefecture), (ids[4], .notDisclosed)]
        var changedRows = 0
        for (id, status) in steps {
            let key = CellKey(jurisdiction: id, year: 2002, kind: .auditList)
            var o = doc.survey.observation(id, 2002, .auditList) ?? Observation(jurisdiction: id, year: 2002, kind: .auditList, status: status)
            o.status = status
            o.coverage = []
            o.reasonLabelling = nil
            let before = Statistics(doc.survey)
            let edit = Edit.setCells([CellChange(key: key, observation: o)])
            try doc.perform(edit, label: "test")
            let updated = before.updated(for: doc.survey, after: edit)
            XCTAssertEqual(updated, Statistics(doc.survey), "\(id) \(status)")
            XCTAssertEqual(updated.subUnits, Statistics(doc.survey).subUnits, "\(id) \(status)")
            if updated.subUnits != before.subUnits { changedRows += 1 }
        }
        XCTAssertGreaterThan(changedRows, 3, "the edits add and remove rows")
    }
}
