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

/// Survey › Details: title, organisation, authors, years, data source and rate definition, applied
/// as one undoable edit; the source line reaches the charts and exports.
final class SurveyDetailsDialogTests: WindowTestCase {
    func testApplyingChangesEverythingInOneUndoStep() throws { try onMain { t in
        Localizer.shared.language = .english
        let window = try t.makeWindow()
        defer { window.destroyForTest() }
        let before = window.controller.survey
        let dialog = SurveyDetailsDialog(parent: window.window, controller: window.controller)
        dialog.present()
        XCTAssertEqual(String(borrowingGChars: gtk_editable_get_text(dialog.yearsEntry.opaque)), "2018-2022")
        gtk_editable_set_text(dialog.titleEntry.opaque, "新标题")
        gtk_editable_set_text(dialog.organisationEntry.opaque, "某研究所")
        gtk_editable_set_text(dialog.authorsEntry.opaque, "甲、乙, 丙")
        gtk_editable_set_text(dialog.yearsEntry.opaque, "2019-2023")
        gtk_editable_set_text(dialog.sourceEntry.opaque, "数据来源：测试")
        XCTAssertEqual(String(borrowingGChars: gtk_editable_get_text(dialog.englishSourceEntry.opaque)), before.meta.dataSourceEnglish ?? "")
        gtk_editable_set_text(dialog.englishSourceEntry.opaque, " Source: a test ")
        dialog.rateChoice.choose(2)
        XCTAssertTrue(dialog.submit())

        let s = window.controller.survey
        XCTAssertEqual(s.meta.title, "新标题")
        XCTAssertEqual(s.meta.organisation, "某研究所")
        XCTAssertEqual(s.meta.authors, ["甲", "乙", "丙"])
        XCTAssertEqual(s.meta.dataSource, "数据来源：测试")
        XCTAssertEqual(s.meta.rateDefinition, .delegatedAsNotDisclosed)
        XCTAssertEqual(s.years, [2019, 2020, 2021, 2022, 2023])
        XCTAssertFalse(s.observations.contains { $0.year == 2018 }, "2018's cells go with the year")
        XCTAssertEqual(ExportInfo(s.meta, language: .chinese).dataSource, "数据来源：测试", "exports print the new source line")
        XCTAssertEqual(ExportInfo(s.meta, language: .english).dataSource, "Source: a test", "and in English the English line")
        XCTAssertEqual(withChartLanguage(.chinese) { ChartData(s).source }, "数据来源：测试", "charts print the new source line")
        XCTAssertEqual(s.meta.dataSourceEnglish, "Source: a test")
        XCTAssertEqual(withChartLanguage(.english) { ChartData(s).source }, "Source: a test", "and in English the English line")

        window.actions.map.activate("undo")
        XCTAssertEqual(window.controller.survey, before, "one step brings everything back")
    } }

    func testUnreadableYearsOrAnEmptyTitleAreExplainedAndChangeNothing() throws { try onMain { t in
        Localizer.shared.language = .english
        let window = try t.makeWindow()
        defer { window.destroyForTest() }
        let before = window.controller.survey
        let dialog = SurveyDetailsDialog(parent: window.window, controller: window.controller)
        gtk_editable_set_text(dialog.yearsEntry.opaque, "next year")
        XCTAssertFalse(dialog.submit())
        XCTAssertTrue(dialog.errorText.contains("next year"), dialog.errorText)
        gtk_editable_set_text(dialog.yearsEntry.opaque, "2018-2022")
        gtk_editable_set_text(dialog.titleEntry.opaque, "  ")
        XCTAssertFalse(dialog.submit())
        XCTAssertEqual(dialog.errorText, "A survey needs a title.")
        XCTAssertEqual(window.controller.survey, before)
        XCTAssertTrue(window.actions.map.isEnabled("survey-details"), "the primary menu's Survey Details… item")
    } }
}
