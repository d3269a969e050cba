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

/// The checks section: the model's problems, translated, counted in the sidebar, following the
/// survey, and activating a row goes to the section that shows its record.
final class ChecksSectionTests: WindowTestCase {
    @MainActor private static func checks(_ window: MainWindow) throws -> ChecksSection {
        try XCTUnwrap(window.sections.compactMap { $0 as? ChecksSection }.first)
    }

    func testTheBuiltInSurveysProblemIsListedInChinese() throws { try onMain { t in
        Localizer.shared.language = .chinese
        let window = try t.makeWindow()
        defer { window.destroyForTest() }
        let checks = try Self.checks(window)
        XCTAssertEqual(checks.problems, window.controller.problems)
        // 广西 2019 (the report's two tables disagree) and the two labelling decisions (青海, 内蒙古),
        // grouped by kind: one row, and one heading for the two decisions.
        XCTAssertEqual(checks.rowCount, 2)
        XCTAssertEqual(checks.rowCount, checks.groups.rows.count)
        XCTAssertEqual(window.sidebarTitle(of: "checks"), "检查 (3)")
        XCTAssertEqual(checks.summaryText, "0 个错误，3 个警告")
        XCTAssertEqual(checks.problems.map(\.code), [.noListButDisclosed, .labellingDecision, .labellingDecision])
        let problem = checks.problems[0]
        XCTAssertEqual(problem.code, .noListButDisclosed)
        XCTAssertTrue(problem.message.contains("广西") && problem.message.contains("审核企业名单"), problem.message)
        XCTAssertFalse(problem.message.contains("cell"), "the message is Chinese: \(problem.message)")
    } }

    func testTheListFollowsTheSurveyWithErrorsFirst() throws { try onMain { t in
        Localizer.shared.language = .english
        let window = try t.makeWindow()
        defer { window.destroyForTest() }
        let checks = try Self.checks(window)
        // Dropping 2018 from the years leaves its 64 cells outside the survey: errors.
        XCTAssertTrue(window.controller.perform(.setYears([2019, 2020, 2021, 2022]), label: "years"))
        XCTAssertTrue(checks.isRefreshPending, "the list follows in an idle callback, not in the edit's frame")
        try Self.waitUntil("the checks are listed again") { !checks.isRefreshPending }
        XCTAssertEqual(checks.problems, window.controller.problems)
        XCTAssertGreaterThan(checks.problems.count, 1)
        // Grouped by kind: the 64 cells of 2018 are one heading with their count, errors first.
        let outside = checks.problems.filter { $0.code == .observationYearOutsideSurvey }.count
        XCTAssertEqual(outside, 64)
        XCTAssertEqual(checks.rowCount, checks.groups.rows.count)
        XCTAssertEqual(checks.groups.rows.first, .heading(group: 0, expanded: false))
        XCTAssertEqual(checks.groups.groups.first?.problems.count, outside)
        XCTAssertLessThan(checks.rowCount, 5, "not one card per problem")
        XCTAssertEqual(checks.problems.first?.severity, .error)
        XCTAssertEqual(checks.problems.last?.severity, .warning)
        let errors = checks.problems.filter(\.isError).count
        XCTAssertEqual(checks.summaryText, "\(errors) errors, 3 warnings")
        XCTAssertEqual(window.sidebarTitle(of: "checks"), "Checks (\(checks.problems.count))")

        window.actions.map.activate("undo")
        try Self.waitUntil("the checks are listed again") { !checks.isRefreshPending }
        XCTAssertEqual(checks.rowCount, 2, "the built-in survey's warning and its group of two decisions")
        XCTAssertEqual(window.sidebarTitle(of: "checks"), "Checks (3)")
    } }

    func testUnenteredCellsAreListedAsInformationButNotCounted() throws { try onMain { t in
        Localizer.shared.language = .english
        // A new survey of the 32 jurisdictions: nothing entered, nothing wrong.
        let survey = Survey(meta: SurveyMeta(title: "new"), years: [2023, 2024], jurisdictions: WindowTestCase.builtinSurvey.jurisdictions)
        let window = try t.makeWindow(survey: survey)
        defer { window.destroyForTest() }
        let checks = try Self.checks(window)
        XCTAssertEqual(checks.problems.map(\.code), [.cellsNotEntered])
        XCTAssertEqual(checks.problems.first?.severity, .info)
        XCTAssertTrue(checks.problems.first?.message.contains("Not yet entered: 128 of the 128 cells") ?? false,
                      checks.problems.first?.message ?? "")
        XCTAssertEqual(checks.rowCount, 1, "information is listed")
        XCTAssertEqual(checks.summaryText, "No problems", "but is not a problem")
        XCTAssertEqual(window.sidebarTitle(of: "checks"), "Checks")
        XCTAssertEqual(Severity.info.label, "Information")
        XCTAssertEqual(Severity.info.iconName, "dialog-information-symbolic")
    } }

    func testActivatingARowRevealsItsRecordInTheSectionThatShowsIt() throws { try onMain { t in
        let window = try t.makeWindow()
        defer { window.destroyForTest() }
        let checks = try Self.checks(window)
        window.showSection(id: "checks")

        XCTAssertTrue(checks.activate(row: 0), "the built-in survey's one problem is a row of its own, about a cell")
        XCTAssertEqual(window.visibleSectionID, "matrix")
        let matrix = try XCTUnwrap(window.sections.first { $0.id == "matrix" } as? MatrixSection)
        guard case .cell(let j, let year, let kind) = checks.problems[0].location else { return XCTFail("not a cell") }
        XCTAssertEqual(matrix.addressing.map { $0.key(matrix.grid.selection.cursor) }, CellKey(jurisdiction: j, year: year, kind: kind))
        XCTAssertEqual(checks.noteText, "")

        // A problem of the survey as a whole (its years) goes to the overview. (The window keeps
        // surveys in canonical order, so it never lists one: ask the window directly.)
        window.showSection(id: "checks")
        XCTAssertTrue(window.reveal(.survey))
        XCTAssertEqual(window.visibleSectionID, "overview")
    } }

    func testARecordNoSectionShowsIsSaidSo() throws { try onMain { t in
        Localizer.shared.language = .english
        var survey = Self.builtinSurvey
        survey.enterprises.append(Enterprise(id: "x-1", name: "", jurisdiction: "anhui", year: 2019))
        let window = try t.makeWindow(survey: survey)
        defer { window.destroyForTest() }
        let checks = try Self.checks(window)
        let row = try XCTUnwrap(checks.problems.firstIndex { $0.location == .enterprise(id: "x-1") })
        window.showSection(id: "checks")
        let shown = window.reveal(checks.problems[row].location)
        XCTAssertEqual(checks.activate(problem: row), shown)
        if !shown {
            XCTAssertEqual(window.visibleSectionID, "checks")
            XCTAssertEqual(checks.noteText, "No section of the window shows this record yet.")
        }
        XCTAssertFalse(window.reveal(.enterprise(id: "no-such-enterprise")), "nothing reveals a record that is not there")
    } }

    func testAKindFoundManyTimesIsOneHeadingThatOpensAndItsProblemsGoToTheirCells() throws { try onMain { t in
        Localizer.shared.language = .english
        var survey = Self.builtinSurvey
        // Three disclosed cells without evidence, one other problem.
        for id in ["anhui", "beijing", "fujian"] {
            survey.observations.removeAll { $0.key == CellKey(jurisdiction: id, year: 2018, kind: .evaluation) }
            survey.observations.append(Observation(jurisdiction: id, year: 2018, kind: .evaluation, status: .disclosed))
        }
        survey.canonicalize()
        let window = try t.makeWindow(survey: survey)
        defer { window.destroyForTest() }
        let checks = try Self.checks(window)
        let missing = checks.problems.indices.filter { checks.problems[$0].code == .disclosedWithoutEvidence }
        XCTAssertGreaterThanOrEqual(missing.count, 3)
        let heading = try XCTUnwrap(checks.groups.rows.firstIndex {
            if case .heading(let g, false) = $0 { return checks.groups.groups[g].code == .disclosedWithoutEvidence }
            return false
        })
        let before = checks.rowCount
        XCTAssertFalse(checks.activate(row: heading), "a heading opens; it shows no record")
        XCTAssertEqual(checks.rowCount, before + missing.count)
        XCTAssertEqual(checks.groups.rows[heading + 1], .problem(missing[0], grouped: true))
        window.showSection(id: "checks")
        XCTAssertTrue(checks.activate(row: heading + 1))
        XCTAssertEqual(window.visibleSectionID, "matrix")
        XCTAssertFalse(checks.activate(row: heading))
        XCTAssertEqual(checks.rowCount, before, "and closes again")
    } }

    func testEveryCodeHasATranslatedExplanation() {
        defer { Localizer.shared.followEnvironment() }
        for code in ProblemCode.allCases {
            Localizer.shared.language = .english
            let english = code.explanation
            Localizer.shared.language = .chinese
            XCTAssertNotEqual(code.explanation, english, "\(code) has no Chinese explanation")
            XCTAssertFalse(english.isEmpty)
        }
    }
}
