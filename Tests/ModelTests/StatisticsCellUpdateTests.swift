import Foundation
import XCTest
@testable import Model

/// `Statistics.updated(cells:undoneBy:in:index:)`: after an edit that replaced recorded cells, the
/// figures worked out from the changed cells alone are the ones counted again from scratch; where
/// that does not hold it says so (nil) rather than guess.
final class StatisticsCellUpdateTests: XCTestCase {
    private func document(seed: UInt64 = 5) -> SurveyDocument {
        SurveyDocument(survey: SyntheticSurvey.make(enterprises: 200, years: 2001...2008, seed: seed))
    }

    /// The figures after `doc`'s last step, worked out from `before` and the step's inverse.
    private func delta(_ before: Statistics, _ doc: SurveyDocument) throws -> Statistics? {
        let edit = try XCTUnwrap(doc.lastApplied), inverse = try XCTUnwrap(doc.lastInverse)
        return before.updated(cells: edit, undoneBy: inverse, in: doc.survey, index: CellIndex(doc.survey))
    }

    /// Random edits of one to four recorded cells (status, coverage, labelling, note), with undo
    /// and redo between them: every update that applies equals a recount, and most apply.
    func testRandomCellEditsEqualARecount() throws {
        let doc = document()
        var random = SeededGenerator(seed: 99)
        let statuses = DisclosureStatus.allCases
        let labellings: [ReasonLabelling?] = [nil, .noList, .notStated, .marked(ReasonSet([.pollution])),
                                              .marked(ReasonSet([.pollution, .energy, .toxic]))]
        var before = Statistics(doc.survey)
        var applied = 0, statusChanges = 0
        for step in 0..<400 {
            if step % 17 == 16 {
                guard try doc.undo() != nil else { continue }
            } else if step % 23 == 22 {
                guard try doc.redo() != nil else { continue }
            } else {
                var changes: [CellChange] = []
                var keys = Set<CellKey>()
                for _ in 0..<Int.random(in: 1...4, using: &random) {
                    var o = doc.survey.observations[Int.random(in: 0..<doc.survey.observations.count, using: &random)]
                    guard keys.insert(o.key).inserted else { continue }
                    switch Int.random(in: 0..<4, using: &random) {
                    case 0: o.coverage = [[], [.mandatory], [.voluntary], [.mandatory, .voluntary], [.unclassified]][Int.random(in: 0..<5, using: &random)]
                    case 1: o.reasonLabelling = labellings[Int.random(in: 0..<labellings.count, using: &random)]
                    case 2: o.note = o.note == nil ? "checked" : nil
                    default: break
                    }
                    // Mostly a status between disclosed and not disclosed (a key), sometimes any.
                    o.status = Int.random(in: 0..<4, using: &random) == 0
                        ? statuses[Int.random(in: 0..<statuses.count, using: &random)]
                        : (o.status == .disclosed ? .notDisclosed : .disclosed)
                    changes.append(CellChange(o))
                }
                try doc.perform(.setCells(changes), label: "test")
            }
            let recounted = Statistics(doc.survey)
            if let updated = try delta(before, doc) {
                XCTAssertEqual(updated, recounted, "step \(step): \(String(describing: doc.lastApplied))")
                applied += 1
                if updated.byYear != before.byYear { statusChanges += 1 }
            }
            before = recounted
        }
        XCTAssertGreaterThan(applied, 150, "most cell edits are worked out from the cells changed")
        XCTAssertGreaterThan(statusChanges, 200)
    }

    /// A cell of a row going from × to √ between two years improves that row; back, it no longer
    /// does, and the row keeps its place in survey order among the others.
    func testYearOnYearChangesFollowTheCell() throws {
        let doc = document(seed: 8)
        let jurisdictions = doc.survey.jurisdictions
        let years = doc.survey.years
        // Every audit-list cell of the first two years not disclosed, then the middle row's second year disclosed.
        var changes: [CellChange] = []
        for j in jurisdictions {
            for year in years.prefix(2) {
                if var o = doc.survey.observation(j.id, year, .auditList) {
                    o.status = .notDisclosed
                    changes.append(CellChange(o))
                }
            }
        }
        try doc.perform(.setCells(changes), label: "test")
        let middle = jurisdictions[jurisdictions.count / 2].id
        var before = Statistics(doc.survey)
        for (i, status) in [DisclosureStatus.disclosed, .notDisclosed, .disclosed].enumerated() {
            var o = try XCTUnwrap(doc.survey.observation(middle, years[1], .auditList))
            o.status = status
            try doc.perform(.setCells([CellChange(o)]), label: "test")
            let updated = try XCTUnwrap(try delta(before, doc))
            XCTAssertEqual(updated, Statistics(doc.survey))
            let change = try XCTUnwrap(updated.change(kind: .auditList, from: years[0]))
            XCTAssertEqual(change.improved.contains(middle), i != 1)
            before = updated
        }
    }

    func testEditsItDoesNotWorkOutAreLeftToARecount() throws {
        let doc = document()
        let before = Statistics(doc.survey)
        let first = doc.survey.observations[0]
        // A cell cleared.
        try doc.perform(.clearCells([first.key]), label: "test")
        XCTAssertNil(try delta(before, doc))
        try doc.undo()
        // A delegation added (the sub-unit figures read it).
        var delegated = first
        delegated.status = first.status.isDelegated ? .disclosed : .prefecture
        try doc.perform(.setCells([CellChange(delegated)]), label: "test")
        XCTAssertNil(try delta(before, doc))
        try doc.undo()
        // One cell changed twice in one edit.
        var a = first, b = first
        a.status = .disclosed
        b.status = .notDisclosed
        try doc.perform(.setCells([CellChange(a), CellChange(b)]), label: "test")
        XCTAssertNil(try delta(before, doc))
        try doc.undo()
        // Not a cell edit.
        var meta = doc.survey.meta
        meta.title += "!"
        try doc.perform(.setMeta(meta), label: "test")
        XCTAssertNil(try delta(before, doc))

        // A survey repeating a jurisdiction id.
        var repeated = doc.survey
        repeated.jurisdictions.append(repeated.jurisdictions[0])
        let twice = SurveyDocument(survey: repeated)
        let beforeTwice = Statistics(twice.survey)
        var cell = twice.survey.observations[0]
        cell.status = cell.status == .disclosed ? .notDisclosed : .disclosed
        try twice.perform(.setCells([CellChange(cell)]), label: "test")
        XCTAssertNil(try delta(beforeTwice, twice))
    }
}
