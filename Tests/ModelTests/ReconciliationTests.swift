import Foundation
import Model
import XCTest

/// Every figure of the report's prose, as the built-in dataset states it, against what Gongkai
/// computes from the cells, records and tallies (issue 13). The stated values are the report's
/// (each was read off the prose); the computed values were counted by hand from the report's
/// tables, so a change in the data or the computation that moves one shows here.
final class ReconciliationTests: XCTestCase {
    private func builtin() throws -> Survey { try SurveyFile.load(from: try XCTUnwrap(BuiltinDataset.url)) }

    /// (id, stated in the prose, computed from the tables and tallies).
    static let expected: [(String, Int, Int)] = [
        ("letters-sent", 31, 31),
        ("letters-replied", 28, 28),
        ("letters-improved", 2, 2),
        ("jurisdictions", 32, 32),
        ("audit-lists-2018", 19, 19),
        ("audit-lists-2019", 23, 23),
        ("audit-lists-2020", 22, 22),
        ("audit-lists-2021", 27, 26),
        ("audit-lists-2022", 22, 21),
        ("evaluations-2018", 10, 9),
        ("evaluations-2019", 14, 14),
        ("evaluations-2020", 13, 13),
        ("evaluations-2021", 11, 12),
        ("evaluations-2022", 6, 6),
        ("audit-both-2018", 3, 1),
        ("audit-both-2019", 3, 3),
        ("audit-both-2020", 4, 2),
        ("audit-both-2021", 6, 1),
        ("audit-both-2022", 3, 2),
        ("audit-unclassified-2021", 2, 2),
        ("audit-unclassified-2022", 2, 2),
        ("evaluation-both-2018", 3, 2),
        ("evaluation-both-2019", 4, 2),
        ("evaluation-both-2020", 4, 2),
        ("evaluation-both-2021", 3, 2),
        ("evaluation-both-2022", 2, 1),
        ("evaluation-voluntary-only-2018", 1, 1),
        ("evaluation-voluntary-only-2019", 1, 1),
        ("evaluation-voluntary-only-2021", 1, 1),
        ("evaluation-one-third", 33, 34),
        ("labelling-all-2018", 2, 2),
        ("labelling-all-2019", 5, 5),
        ("labelling-all-2020", 3, 4),
        ("labelling-all-2021", 7, 7),
        ("labelling-all-2022", 5, 4),
        ("labelling-some-2019", 1, 1),
        ("delegating-seven", 7, 6),
        ("guangdong-not-disclosed", 2, 2),
        ("jiangsu-cities", 13, 13),
        ("shandong-cities", 16, 16),
        ("shandong-disclosed", 12, 12),
        ("shanxi-cities", 4, 4),
        ("xpcc-lists", 2, 2),
        ("xpcc-evaluations", 3, 3),
        ("fairly-comprehensive-lists", 6, 6),
        ("fairly-comprehensive-results", 4, 3),
        ("beijing-all", 10, 10),
        ("sample-per-jurisdiction", 20, 20),
        ("enterprises-sampled", 620, 620),
        ("enterprises-disclosed", 83, 83),
        ("jurisdictions-sampled", 31, 31),
        ("disclosed-henan", 8, 8),
        ("disclosed-jiangsu", 6, 6),
        ("disclosed-shandong", 10, 10),
        ("disclosed-chongqing", 11, 11),
        ("disclosed-guangdong", 0, 0),
        ("disclosed-jilin", 0, 0),
        ("disclosed-shanghai", 0, 0),
        ("disclosed-zhejiang", 0, 0),
        ("enterprises-complete", 10, 10),
        ("enterprises-incomplete", 14, 14),
        ("enterprises-cannot-judge", 59, 59),
        ("item-company_name", 99, 99),
        ("item-legal_representative", 99, 99),
        ("item-address", 99, 99),
        ("phone-calls", 62, 62),
        ("phone-confidential", 2, 2),
        ("phone-will-not-publish", 5, 5),
        ("phone-parent", 3, 3),
        ("phone-not-reached", 45, 45),
        ("delegating-six", 6, 6),
        ("gd-document-year", 2012, 2012),
        ("sd-regulation-year", 2012, 2012),
        ("law-adopted", 2002, 2002),
        ("law-amended", 2012, 2012),
        ("interim-effective", 2004, 2004),
        ("measures-effective", 2016, 2016),
        ("interim-repealed", 2016, 2016),
        ("guide-year", 2018, 2018),
        ("notice-year", 2020, 2020),
        ("plan-year", 2021, 2021),
    ]

    func testEveryStatedFigureOfTheProseIsRecomputed() throws {
        let figures = Reconciler(try builtin()).reconcile()
        XCTAssertEqual(figures.map(\.id), Self.expected.map(\.0))
        for (f, (id, stated, computed)) in zip(figures, Self.expected) {
            XCTAssertEqual(f.stated, stated, id)
            XCTAssertEqual(f.computed, computed, id)
            if f.agrees { XCTAssertTrue(f.missing.isEmpty && f.extra.isEmpty && f.cells.isEmpty, id) }
        }
    }

    /// Where the prose and the tables disagree: the yearly counts (2021 and 2022 audit lists, 2018
    /// and 2021 evaluation results), the lists covering both audit types (the prose names too few
    /// jurisdictions to match its counts), 内蒙古's reason labelling, 陕西 counted among the
    /// delegating provinces, and 河南's evaluation results called fairly comprehensive although the
    /// table has none.
    func testTheDisagreementsAreExactlyTheKnownOnes() throws {
        let figures = Reconciler(try builtin()).reconcile()
        let differing = figures.filter { !$0.agrees }.map(\.id)
        XCTAssertEqual(differing, [
            "audit-lists-2021", "audit-lists-2022", "evaluations-2018", "evaluations-2021",
            "audit-both-2018", "audit-both-2020", "audit-both-2021", "audit-both-2022",
            "evaluation-both-2018", "evaluation-both-2019", "evaluation-both-2020", "evaluation-both-2021", "evaluation-both-2022",
            "labelling-all-2020", "labelling-all-2022", "delegating-seven", "fairly-comprehensive-results",
        ])
        XCTAssertFalse(Reconciler.allAgree(figures))
    }

    func testDisagreementsNameTheCellsThatMakeThem() throws {
        let figures = Dictionary(uniqueKeysWithValues: Reconciler(try builtin()).reconcile().map { ($0.id, $0) })
        let nm2020 = try XCTUnwrap(figures["labelling-all-2020"])
        XCTAssertEqual(nm2020.extra, ["neimenggu"])
        XCTAssertEqual(nm2020.cells, [CellKey(jurisdiction: "neimenggu", year: 2020, kind: .auditList)])
        XCTAssertEqual(nm2020.decision?.id, "neimenggu-labelling")
        let nm2022 = try XCTUnwrap(figures["labelling-all-2022"])
        XCTAssertEqual(nm2022.missing, ["neimenggu"])
        XCTAssertEqual(nm2022.cells, [CellKey(jurisdiction: "neimenggu", year: 2022, kind: .auditList)])
        let henan = try XCTUnwrap(figures["fairly-comprehensive-results"])
        XCTAssertEqual(henan.missing, ["henan"])
        XCTAssertEqual(henan.cells.map(\.year), [2018, 2019, 2020, 2021, 2022])
        XCTAssertEqual(try XCTUnwrap(figures["delegating-seven"]).missing, ["shaanxi"])
        // Sources: the enterprise figures combine records and tallies; the yearly counts are cells.
        XCTAssertEqual(figures["enterprises-sampled"]?.computedFrom, .both)
        XCTAssertEqual(figures["phone-not-reached"]?.computedFrom, .tallies)
        XCTAssertEqual(figures["audit-lists-2021"]?.computedFrom, .records)
    }

    func testAStatedFigureAgreesOnlyWithItsValueAndItsNames() {
        var s = TestFixtures.survey()
        let counted = Reconciler(s).compute(FigureQuery(.jurisdictionsDisclosed, kind: .auditList, year: 2018))
        let n = counted.value ?? -1
        s.reportedData.statedFigures = [
            StatedFigure(id: "right", statement: "s", stated: n, query: FigureQuery(.jurisdictionsDisclosed, kind: .auditList, year: 2018)),
            StatedFigure(id: "wrong", statement: "s", stated: n + 1, query: FigureQuery(.jurisdictionsDisclosed, kind: .auditList, year: 2018)),
            StatedFigure(id: "names", statement: "s", stated: n, query: FigureQuery(.jurisdictionsDisclosed, kind: .auditList, year: 2018),
                         names: ["nowhere"] + counted.members.dropFirst()),
            StatedFigure(id: "about", statement: "s", stated: n + 1, query: FigureQuery(.jurisdictionsDisclosed, kind: .auditList, year: 2018),
                         approximate: true),
            StatedFigure(id: "none", statement: "s", stated: 1, query: FigureQuery(.regulationYear, regulation: "no-such-rule")),
        ]
        let r = Reconciler(s).reconcile()
        XCTAssertEqual(r.map(\.agrees), [true, false, false, true, false])
        XCTAssertEqual(r[2].missing, ["nowhere"])
        XCTAssertEqual(r[2].extra, Array(counted.members.prefix(1)))
        XCTAssertNil(r[4].computed)
    }
}
