import Foundation
import Model
import XCTest

@testable import GtkKit
@testable import Rendering
@testable import Commands
@testable import Sections
@testable import Bench
@testable import gongkai

/// The grid's pure parts: key table, cursor movement, row order and filter, layout and totals.
final class MatrixGeometryTests: XCTestCase {
    override func tearDown() {
        Localizer.shared.followEnvironment()
        super.tearDown()
    }

    // MARK: Keys

    func testTheKeyTableMapsEveryDocumentedKey() {
        let cases: [(String, MatrixModifiers, MatrixAction)] = [
            ("y", [], .setStatus(.disclosed)), ("1", [], .setStatus(.disclosed)), ("KP_1", [], .setStatus(.disclosed)),
            ("y", .shift, .setStatus(.disclosed)), ("n", [], .setStatus(.notDisclosed)), ("0", [], .setStatus(.notDisclosed)),
            ("p", [], .setStatus(.prefecture)), ("d", [], .setStatus(.division)),
            ("Delete", [], .setStatus(.notSurveyed)), ("BackSpace", [], .setStatus(.notSurveyed)),
            ("Return", [], .openDetails), ("KP_Enter", [], .openDetails),
            ("Down", [], .move(.step(.down), extend: false)), ("Down", .shift, .move(.step(.down), extend: true)),
            ("Tab", [], .move(.next, extend: false)), ("ISO_Left_Tab", .shift, .move(.previous, extend: false)),
            ("Home", [], .move(.rowStart, extend: false)), ("End", [], .move(.rowEnd, extend: false)),
            ("Home", .control, .move(.first, extend: false)), ("End", .control, .move(.last, extend: false)),
            ("End", [.control, .shift], .move(.last, extend: true)),
            ("c", .control, .copy), ("v", .control, .paste), ("a", .control, .selectAll), ("f", .control, .find),
            ("Menu", [], .contextMenu), ("F10", .shift, .contextMenu), ("Escape", [], .collapseSelection),
        ]
        for (key, modifiers, action) in cases {
            XCTAssertEqual(MatrixKeys.action(forKey: key, modifiers: modifiers), action, "\(key) \(modifiers)")
        }
        XCTAssertNil(MatrixKeys.action(forKey: "z", modifiers: .control), "undo belongs to the window")
        XCTAssertNil(MatrixKeys.action(forKey: "y", modifiers: .control))
        XCTAssertNil(MatrixKeys.action(forKey: "Delete", modifiers: .shift))
        XCTAssertNil(MatrixKeys.action(forKey: "F10", modifiers: []), "F10 stays the window's menu key")
    }

    func testEveryBindingIsDescribedInTheInterfaceLanguage() {
        Localizer.shared.language = .chinese
        for binding in MatrixKeys.bindings {
            XCTAssertFalse(binding.accelerator.isEmpty)
            XCTAssertTrue(binding.description.unicodeScalars.contains { $0.value >= 0x4E00 }, "untranslated: \(binding.description)")
        }
        // The shortcuts window lists the keys as a user knows them: no keypad twins, no ISO_Left_Tab.
        XCTAssertTrue(MatrixKeys.bindings.contains { $0.accelerator == "<Shift>Down" && $0.keys.contains("KP_Down") })
        XCTAssertTrue(MatrixKeys.bindings.contains { $0.accelerator == "<Shift>Tab" })
        XCTAssertFalse(MatrixKeys.bindings.contains { $0.accelerator.contains("KP_") || $0.accelerator.contains("ISO_") })
    }

    // MARK: Selection

    func testCursorMovesStopAtEdgesAndTabWraps() {
        var s = MatrixSelection()
        s.move(.step(.up), extend: false, rowCount: 3, columnCount: 4)
        XCTAssertEqual(s.cursor, MatrixPoint(row: 0, column: 0))
        s.move(.rowEnd, extend: false, rowCount: 3, columnCount: 4)
        s.move(.next, extend: false, rowCount: 3, columnCount: 4)
        XCTAssertEqual(s.cursor, MatrixPoint(row: 1, column: 0), "Tab at a row's end goes to the next row")
        s.move(.previous, extend: false, rowCount: 3, columnCount: 4)
        XCTAssertEqual(s.cursor, MatrixPoint(row: 0, column: 3))
        s.move(.step(.down), extend: true, rowCount: 3, columnCount: 4)
        s.move(.step(.left), extend: true, rowCount: 3, columnCount: 4)
        XCTAssertEqual(s.rows, 0...1)
        XCTAssertEqual(s.columns, 2...3)
        XCTAssertEqual(s.cellCount, 4)
        s.move(.last, extend: false, rowCount: 3, columnCount: 4)
        XCTAssertTrue(s.isSingleCell)
        XCTAssertEqual(s.cursor, MatrixPoint(row: 2, column: 3))
        s.move(.pageUp, extend: false, rowCount: 3, columnCount: 4, pageRows: 10)
        XCTAssertEqual(s.cursor.row, 0)
        s.clamp(rowCount: 0, columnCount: 0)
        XCTAssertEqual(s.cursor, MatrixPoint(row: 0, column: 0))
    }

    // MARK: Rows

    func testRowsFollowTheChosenOrderAndFilter() throws {
        let survey = try SurveyFile.load(from: XCTUnwrap(BuiltinDataset.url))
        let cells = MatrixCells(survey)
        let all = MatrixRows(jurisdictions: survey.jurisdictions, order: .report, rates: cells.rowCounts, include: { _ in true })
        XCTAssertEqual(all.data, Array(0..<32))
        XCTAssertEqual(all.display.count, 32)

        let regions = MatrixRows(jurisdictions: survey.jurisdictions, order: .region, rates: cells.rowCounts, include: { _ in true })
        XCTAssertEqual(regions.display.first, .heading(.east))
        XCTAssertEqual(regions.display.count, 36, "four region headings")
        XCTAssertEqual(Set(regions.data), Set(0..<32))

        let byRate = MatrixRows(jurisdictions: survey.jurisdictions, order: .rate, rates: cells.rowCounts, include: { _ in true })
        let rates = byRate.data.map { cells.rowCounts[$0].rate ?? -1 }
        XCTAssertEqual(rates, rates.sorted(by: >), "highest rate first, no rate last")
        let ranking = Statistics(survey).ranking.map(\.jurisdiction)
        XCTAssertEqual(byRate.data.map { survey.jurisdictions[$0].id }, ranking, "the same order as the statistics' ranking")

        // Issue 13: the survey's rate definition decides the rate column and the order by rate
        // (江苏 at 5 of 5 own cells tied with 北京 at 10 of 10 while delegated cells were left out).
        for definition in RateDefinition.allCases {
            var defined = survey
            defined.meta.rateDefinition = definition
            let definedCells = MatrixCells(defined)
            XCTAssertEqual(definedCells.rateDefinition, definition)
            let ordered = MatrixRows(jurisdictions: defined.jurisdictions, order: .rate, rates: definedCells.rowCounts,
                                     definition: definedCells.rateDefinition, include: { _ in true })
            XCTAssertEqual(ordered.data.map { defined.jurisdictions[$0].id }, Statistics(defined).ranking.map(\.jurisdiction),
                           "\(definition): the same order as the statistics' ranking")
        }

        for (query, expected) in [("广", ["guangdong", "guangxi"]), ("guang", ["guangdong", "guangxi"]),
                                  ("inner", ["neimenggu"]), ("维吾尔", ["xinjiang"]), ("  ", nil)] {
            let filter = MatrixFilter(query: query)
            let rows = MatrixRows(jurisdictions: survey.jurisdictions, order: .report, rates: [], include: {
                filter.matches(survey.jurisdictions[$0], hasProblems: false)
            })
            let ids = rows.data.map { survey.jurisdictions[$0].id }
            if let expected { XCTAssertEqual(ids, expected, query) } else { XCTAssertEqual(ids.count, 32) }
        }
        XCTAssertFalse(MatrixFilter(onlyProblems: true).matches(survey.jurisdictions[0], hasProblems: false))
    }

    // MARK: Layout

    func testHitTestingKeepsTheFrozenPartsInPlaceWhileScrolled() {
        let survey = Survey(meta: SurveyMeta(title: "t"), years: Array(2001...2020), jurisdictions: (0..<32).map {
            Jurisdiction(id: "j\($0)", name: "\($0)", shortName: "\($0)", englishName: "\($0)", kind: .province,
                         region: .east, tile: TilePosition(column: 0, row: 0))
        })
        let rows = MatrixRows(jurisdictions: survey.jurisdictions, order: .report, rates: [], include: { _ in true })
        let m = MatrixMetrics()
        let layout = MatrixLayout(rows: rows, columnCount: 40, metrics: m)
        XCTAssertEqual(layout.contentWidth, m.rowHeaderWidth + 40 * m.cellWidth + m.totalsWidth)
        XCTAssertEqual(layout.contentHeight, m.headerHeight + 32 * m.rowHeight + m.totalsRowHeight)

        let vp = MatrixRect(x: 500, y: 300, width: 800, height: 500)
        // The names stay at the viewport's left edge, the headings at its top.
        XCTAssertEqual(layout.hit(x: vp.x + 10, y: vp.y + m.headerHeight + 1, viewport: vp), .rowHeader(10))
        let column = Int((vp.x + m.rowHeaderWidth + 1 - m.rowHeaderWidth) / m.cellWidth)
        XCTAssertEqual(layout.hit(x: vp.x + m.rowHeaderWidth + 1, y: vp.y + 5, viewport: vp), .columnHeader(column))
        XCTAssertEqual(layout.hit(x: vp.maxX - 5, y: vp.y + 200, viewport: vp), .none, "the totals column")
        XCTAssertEqual(layout.hit(x: vp.x + 400, y: vp.maxY - 5, viewport: vp), .none, "the totals row")
        let cell = layout.cellRect(MatrixPoint(row: 12, column: 9))
        XCTAssertEqual(layout.hit(x: cell.x + 3, y: cell.y + 3, viewport: vp), .cell(MatrixPoint(row: 12, column: 9)))

        // Scrolling shows a cell between the frozen parts, moving as little as possible.
        let far = layout.cellRect(MatrixPoint(row: 31, column: 39))
        let offset = layout.scrollOffset(toShow: MatrixPoint(row: 31, column: 39), viewport: vp)
        XCTAssertEqual(offset.x + vp.width - m.totalsWidth, far.maxX)
        XCTAssertEqual(offset.y + vp.height - m.totalsRowHeight, far.maxY)
        let shown = layout.scrollOffset(toShow: MatrixPoint(row: 12, column: 9), viewport: vp)
        XCTAssertEqual(shown.x, vp.x)
        XCTAssertEqual(shown.y, vp.y)
        XCTAssertEqual(layout.nearestCell(x: -50, y: 99_999, rowCount: 32), MatrixPoint(row: 31, column: 0))
        XCTAssertEqual(layout.visibleColumns(MatrixRect(x: 0, y: 0, width: 400, height: 400)).lowerBound, 0)
    }

    // MARK: Totals

    func testTotalsAreTheStatisticsFigures() throws {
        let survey = try SurveyFile.load(from: XCTUnwrap(BuiltinDataset.url))
        let cells = MatrixCells(survey)
        let statistics = Statistics(survey)
        for (c, column) in cells.columns.enumerated() {
            XCTAssertEqual(cells.columnDisclosed[c], statistics.statusCounts(year: column.year, kind: column.kind).disclosed,
                           "\(column)")
        }
        XCTAssertEqual(cells.columnDisclosed[0], 19, "2018: 19 provinces published their audit list (the report's figure)")
        for (j, jurisdiction) in survey.jurisdictions.enumerated() {
            XCTAssertEqual(cells.rowCounts[j], statistics.rate(of: jurisdiction.id)?.combined, jurisdiction.id)
        }
    }
}
