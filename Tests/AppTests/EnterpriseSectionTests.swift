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

/// The Enterprises section in the real window under Xvfb: add, edit (reasons, the article 11
/// checklist and completeness), duplicate, delete and undo, on the built-in dataset; filtering
/// among 100,000 synthetic enterprises.
final class EnterpriseSectionTests: WindowTestCase {
    /// A shown window and its Enterprises section, on screen.
    @MainActor static func open(_ survey: Survey) throws -> (MainWindow, EnterprisesSection) {
        let window = MainWindow(survey: survey, fileURL: nil)
        let section = try XCTUnwrap(window.sections.compactMap { $0 as? EnterprisesSection }.first)
        window.present()
        window.showSection(id: section.id)
        try waitForFirstFrame(window)
        return (window, section)
    }

    func testAddEditDuplicateDeleteEachUndoableOnTheBuiltinDataset() throws { try onMain {
        Localizer.shared.language = .chinese
        let (window, section) = try Self.open(Self.builtinSurvey)
        defer { gtk_window_destroy(window.window.window) }
        let original = window.survey
        let total = original.enterprises.count
        XCTAssertEqual(section.filterBar.countText, "显示 \(total) / 共 \(total) 家")
        XCTAssertNotNil(section.list.selectedID, "the first enterprise is selected")

        // Add: one undo step, selected, named from the form.
        section.addEnterprise()
        XCTAssertEqual(window.survey.enterprises.count, total + 1)
        let added = try XCTUnwrap(window.survey.enterprises.last)
        XCTAssertEqual(section.list.selectedID, added.id)
        XCTAssertEqual(section.form.current?.id, added.id)
        XCTAssertEqual(added.jurisdiction, "", "no jurisdiction is chosen for the user (it was 安徽)")
        XCTAssertTrue(window.controller.problems.contains { $0.code == .jurisdictionNotChosen && $0.location == .enterprise(id: added.id) },
                      "the checks list it as missing")
        section.form.name.enter("郑州测试化工有限公司")
        XCTAssertEqual(window.survey.enterprises.last?.name, "郑州测试化工有限公司")
        section.form.city.enter("郑州市")
        XCTAssertEqual(window.survey.enterprises.last?.city, "郑州市")

        // Reasons unknown: every item can be ticked, completeness cannot be judged.
        let checklist = section.form.checklist
        XCTAssertTrue(section.form.unknownReason.isActive)
        XCTAssertEqual(checklist.completenessText, "未公开任何信息")
        try XCTUnwrap(checklist.checkBox(.companyName)).click()
        XCTAssertEqual(window.survey.enterprises.last?.completeness, .cannotJudge)
        XCTAssertEqual(checklist.completenessText, "无法判断")

        // Reason 1: the common items and reason 1's four, with their clauses.
        try XCTUnwrap(section.form.reasonBoxes[.pollution]).click()
        XCTAssertEqual(window.survey.enterprises.last?.reasons, ReasonSet([.pollution]))
        XCTAssertFalse(section.form.unknownReason.isActive)
        XCTAssertNotNil(checklist.checkBox(.pollutantNames))
        XCTAssertNil(checklist.checkBox(.energyPerProduct), "reason 2's items are not required of a reason 1 enterprise")
        XCTAssertEqual(checklist.completenessText, "公开不完全")
        for item in DisclosureItem.required(for: ReasonSet([.pollution])) where item != .companyName {
            try XCTUnwrap(checklist.checkBox(item)).click()
        }
        XCTAssertEqual(window.survey.enterprises.last?.completeness, .complete)
        XCTAssertEqual(checklist.completenessText, "公开完全")
        // A second reason adds its items, so the enterprise is incomplete again.
        try XCTUnwrap(section.form.reasonBoxes[.toxic]).click()
        XCTAssertNotNil(checklist.checkBox(.hazardousWaste))
        XCTAssertEqual(checklist.completenessText, "公开不完全")
        XCTAssertEqual(DisclosureChecklist.citation(DisclosureItem.hazardousWaste.source, in: window.survey), "审核办法 第十一条（三）")

        // Duplicate (right after the original) and delete, one step each.
        section.duplicateSelected()
        XCTAssertEqual(window.survey.enterprises.count, total + 2)
        let copy = try XCTUnwrap(window.survey.enterprises.last)
        XCTAssertEqual(copy.name, "郑州测试化工有限公司（副本）")
        XCTAssertEqual(copy.disclosedItems, window.survey.enterprises[total].disclosedItems)
        XCTAssertEqual(section.list.selectedID, copy.id)
        section.deleteSelected()
        XCTAssertEqual(window.survey.enterprises.count, total + 1)
        XCTAssertFalse(window.survey.enterprises.contains { $0.id == copy.id })

        // Every step undoes on its own, back to the dataset.
        var undone = 0
        while window.controller.canUndo {
            window.controller.undo()
            undone += 1
        }
        XCTAssertEqual(undone, 1 + 2 + 1 + 1 + 6 + 1 + 1 + 1, "add, name, city, tick, reason, 6 ticks, reason, duplicate, delete")
        XCTAssertEqual(window.survey.enterprises, original.enterprises)
        XCTAssertEqual(section.filterBar.countText, "显示 \(total) / 共 \(total) 家")
    } }

    func testTypedTextIsCommittedWhenTheSelectionMoves() throws { try onMain {
        let (window, section) = try Self.open(Self.builtinSurvey)
        defer { gtk_window_destroy(window.window.window) }
        let first = try XCTUnwrap(section.list.selectedID)
        section.form.industry.text = "水泥制造"  // typed, Enter not pressed
        section.list.select(position: 1)
        XCTAssertNotEqual(section.list.selectedID, first)
        XCTAssertEqual(window.survey.enterprises.first { $0.id == first }?.industry, "水泥制造")
        XCTAssertEqual(section.form.industry.text, window.survey.enterprises.first { $0.id == section.list.selectedID }?.industry ?? "")
    } }

    func testSortByAColumnAndRevealAnEnterpriseHiddenByTheFilter() throws { try onMain {
        let (window, section) = try Self.open(Self.builtinSurvey)
        defer { gtk_window_destroy(window.window.window) }
        let names = window.survey.enterprises.map(\.name)
        section.list.sort(by: .name)
        XCTAssertEqual(section.list.id(atShownPosition: 0).flatMap { id in window.survey.enterprises.first { $0.id == id }?.name },
                       names.min())
        section.list.sort(by: .name, ascending: false)
        XCTAssertEqual(section.list.id(atShownPosition: 0).flatMap { id in window.survey.enterprises.first { $0.id == id }?.name },
                       names.max())
        // The selection follows its enterprise through a sort and a filter.
        let target = try XCTUnwrap(window.survey.enterprises.last)
        XCTAssertTrue(section.select(id: target.id))
        section.filterBar.search(String(target.name.prefix(2)))
        XCTAssertEqual(section.list.selectedID, target.id)

        // The cells show the rows at their positions (the view's items are positions, so the
        // cells are re-read whenever the filter or the order changes).
        Self.assertCellsShowTheirRows(section, window.survey)
        section.list.sort(by: .name, ascending: true)
        XCTAssertEqual(section.list.selectedID, target.id, "the selection follows its enterprise through a sort")
        Self.assertCellsShowTheirRows(section, window.survey)
        section.filterBar.search("")
        XCTAssertEqual(section.list.selectedID, target.id)
        Self.assertCellsShowTheirRows(section, window.survey)

        section.filterBar.search("不存在的企业名称")
        XCTAssertEqual(section.list.shownCount, 0)
        try XKeys.wait("the form follows the list in its next frame") { !section.formUpdatePending }
        XCTAssertNil(section.form.current)
        window.showSection(id: "overview")
        XCTAssertTrue(window.reveal(.enterprise(id: target.id)))
        XCTAssertEqual(window.visibleSectionID, section.id)
        XCTAssertEqual(section.list.selectedID, target.id)
        XCTAssertEqual(section.list.shownCount, window.survey.enterprises.count, "the filter that hid it is cleared")
        XCTAssertFalse(section.reveal(.regulation(id: "audit-measures-2016")))
    } }

    func testRecordAPhoneCallAndUndoIt() throws { try onMain {
        Localizer.shared.language = .english
        let (window, section) = try Self.open(Self.builtinSurvey)
        defer { gtk_window_destroy(window.window.window) }
        let id = try XCTUnwrap(section.list.selectedID)
        let before = try XCTUnwrap(window.survey.enterprises.first { $0.id == id })

        section.form.calls.addCall()
        let row = try XCTUnwrap(section.form.calls.rows.last)
        XCTAssertNil(window.survey.enterprises.first { $0.id == id }?.phoneAttempts.last?.outcome ?? nil,
                     "a new call has no outcome chosen (not 多次拨打未接通)")
        XCTAssertEqual(row.outcome.selected, 0, "and shows “Outcome not chosen”")
        row.date.enter("2023-02-30")
        XCTAssertTrue(row.date.isInvalid, "30 February is refused")
        row.date.enter("2023-03")
        row.outcome.choose(PhoneOutcome.allCases.firstIndex(of: .willNotPublish)! + 1)
        row.note.enter("接线人称不会在网上公开")
        let after = try XCTUnwrap(window.survey.enterprises.first { $0.id == id })
        XCTAssertEqual(after.phoneAttempts.count, before.phoneAttempts.count + 1)
        XCTAssertEqual(after.phoneAttempts.last, PhoneAttempt(date: PartialDate(year: 2023, month: 3), outcome: .willNotPublish,
                                                              note: "接线人称不会在网上公开"))
        XCTAssertEqual(after.lastPhoneOutcome, .willNotPublish)

        for _ in 0..<4 { window.controller.undo() }
        XCTAssertEqual(window.survey.enterprises.first { $0.id == id }, before)
        XCTAssertEqual(section.form.calls.rows.count, before.phoneAttempts.count)
    } }

    func testChannelsAndLinksOnlyOpenableLinksAreKept() throws { try onMain {
        let (window, section) = try Self.open(Self.builtinSurvey)
        defer { gtk_window_destroy(window.window.window) }
        let id = try XCTUnwrap(section.list.selectedID)
        let sources = section.form.sources
        sources.newLink.enter("javascript:alert(1)")
        XCTAssertTrue(sources.newLink.isInvalid)
        sources.newLink.enter("https://sthjt.example.gov.cn/qjsc/2021.html")
        XCTAssertEqual(window.survey.enterprises.first { $0.id == id }?.urls.last, "https://sthjt.example.gov.cn/qjsc/2021.html")
        XCTAssertTrue(WebLink.isOpenable("http://example.org/a"))
        XCTAssertFalse(WebLink.isOpenable("file:///etc/passwd"))
        XCTAssertFalse(WebLink.isOpenable("https://"))
    } }

    func testFilterAsYouTypeFindsOneAmong100000() throws { try onMain {
        Localizer.shared.language = .chinese
        let survey = SyntheticSurvey.make(enterprises: 100_000, years: 2003...2022, seed: 42)
        let (window, section) = try Self.open(survey)
        defer { gtk_window_destroy(window.window.window) }
        XCTAssertEqual(section.list.totalCount, 100_000)
        XCTAssertEqual(section.list.shownCount, 100_000)

        let target = survey.enterprises[73_456]
        let part = String(target.name.prefix(5))
        var timings: [Double] = []
        var cpu: [Double] = []
        var typed = ""
        for character in part {
            typed.append(character)
            let start = DispatchTime.now().uptimeNanoseconds
            let startCPU = Self.threadCPUNanoseconds()
            section.filterBar.search(typed)
            let shown = section.list.shownCount
            timings.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            cpu.append(Double(Self.threadCPUNanoseconds() - startCPU) / 1e6)
            let expected = survey.enterprises.filter { $0.name.lowercased().contains(typed.lowercased()) }.count
            XCTAssertEqual(shown, expected, "after typing “\(typed)”")
        }
        let expected = survey.enterprises.filter { $0.name.contains(part) }.count
        XCTAssertGreaterThan(expected, 0)
        XCTAssertEqual(section.filterBar.countText, "显示 \(expected) / 共 100000 家")
        XCTAssertTrue(section.select(id: target.id), "the enterprise is among those shown")
        XCTAssertEqual(section.form.current?.id, target.id)
        print("filter-as-you-type over 100,000 enterprises, ms per keystroke:", timings.map { String(format: "%.1f", $0) },
              "of which on this thread's CPU:", cpu.map { String(format: "%.1f", $0) })

        // The drop-downs narrow further; clearing shows all again.
        section.filterBar.jurisdiction.choose(1 + survey.jurisdictions.firstIndex { $0.id == target.jurisdiction }!)
        XCTAssertEqual(section.list.shownCount, survey.enterprises.filter { $0.name.contains(part) && $0.jurisdiction == target.jurisdiction }.count)
        section.filterBar.clear()
        XCTAssertEqual(section.list.shownCount, 100_000)

        // An edit among 100,000 is one step and shows at once.
        XCTAssertTrue(section.select(id: target.id))
        section.form.name.enter(target.name + "（已更名）")
        XCTAssertEqual(window.survey.enterprises[73_456].name, target.name + "（已更名）")
        section.filterBar.search("已更名")
        XCTAssertEqual(section.list.shownCount, 1)
        window.controller.undo()
        XCTAssertEqual(section.list.shownCount, 0)
        XCTAssertEqual(window.survey.enterprises[73_456].name, target.name)
    } }

    /// The list keeps a pool of row widgets (GTK 4.8 would destroy and rebuild them on every
    /// filter change): rows past the shown ones are hidden, and neither the keyboard (real key
    /// events) nor the selection ever rests on them.
    func testRowsPastTheShownOnesStayHiddenAndTheKeyboardStaysOnShownRows() throws { try onMain {
        Localizer.shared.language = .chinese
        let survey = SyntheticSurvey.make(enterprises: 2_000, years: 2018...2022, seed: 7)
        let (window, section) = try Self.open(survey)
        defer { gtk_window_destroy(window.window.window) }
        let list = section.list
        try XKeys.focus(window.window.window)
        XCTAssertGreaterThanOrEqual(Self.rowWidgets(list).count, 100, "GTK keeps a row widget for each position near the top")

        // A filter that leaves a few rows: as many rows shown as match, the rest of the pool hidden.
        var prefixes: [String: Int] = [:]
        for e in survey.enterprises { for n in 2...6 { prefixes[String(e.name.prefix(n)), default: 0] += 1 } }
        let part = try XCTUnwrap(prefixes.filter { (3...150).contains($0.value) }.keys.sorted()
            .first { p in (3...150).contains(survey.enterprises.filter { $0.name.contains(p) }.count) })
        section.filterBar.search(part)
        let matching = survey.enterprises.filter { $0.name.contains(part) }.count
        XCTAssertEqual(list.shownCount, matching)
        try XKeys.wait("only the matching rows are shown") { Self.shownRowWidgets(list) == matching }
        XCTAssertGreaterThan(Self.rowWidgets(list).count, matching, "the other row widgets are kept, hidden")
        Self.assertCellsShowTheirRows(section, survey)

        // End, Down and Page Down stop at the last row shown.
        gtk_widget_grab_focus(list.columnView)
        try XKeys.type(["End"])
        try XKeys.wait("End selects the last row shown") { list.selectedPosition == matching - 1 }
        for key in ["Down", "Down", "Page_Down", "End"] {
            try XKeys.type([key])
            XKeys.pause()
            XCTAssertEqual(list.selectedPosition, matching - 1, key)
            let focus = gtk_window_get_focus(window.window.window)
            XCTAssertTrue(focus.map { gtk_widget_get_visible($0) != 0 } ?? false, "\(key): the focus is on a row shown")
        }
        XCTAssertEqual(list.selectedPosition, matching - 1)
        XCTAssertEqual(section.form.current?.id, list.selectedID, "the form shows the selected enterprise")
        try XKeys.type(["Home", "Down"])
        try XKeys.wait("Home and Down move within the rows shown") { list.selectedPosition == 1 }

        // No row matches: nothing is selected and no row is shown.
        section.filterBar.search(part + "（没有这家）")
        XCTAssertEqual(list.shownCount, 0)
        XCTAssertNil(list.selectedPosition)
        try XKeys.wait("the form follows the list in its next frame") { !section.formUpdatePending }
        XCTAssertNil(section.form.current)
        try XKeys.wait("no row is shown") { Self.shownRowWidgets(list) == 0 }

        // Clearing the filter shows every row widget again, each with its row.
        section.filterBar.clear()
        try XKeys.wait("all rows are shown again") { Self.shownRowWidgets(list) == Self.rowWidgets(list).count }
        XCTAssertEqual(list.shownCount, 2_000)
        Self.assertCellsShowTheirRows(section, survey)

        // Scrolled far down, a filter that keeps the selected enterprise: it stays selected and
        // every row widget shows its row.
        list.select(position: 1_500)
        let kept = try XCTUnwrap(list.selectedID)
        let keptName = try XCTUnwrap(survey.enterprises.first { $0.id == kept }?.name)
        section.filterBar.search(String(keptName.prefix(keptName.count - 2)))
        XCTAssertEqual(list.selectedID, kept)
        XCTAssertLessThan(list.shownCount, 20)
        try XKeys.wait("the rows shown have their widgets") { Self.shownRowWidgets(list) == list.shownCount }
        Self.assertCellsShowTheirRows(section, survey)
    } }

    /// The row widgets of the list (the children of the column view's inner list view).
    @MainActor static func rowWidgets(_ list: EnterpriseListView) -> [UnsafeMutablePointer<GtkWidget>] {
        guard let view = ListScrolling.firstDescendant(of: list.columnView, type: gtk_list_view_get_type()) else { return [] }
        var rows: [UnsafeMutablePointer<GtkWidget>] = []
        var child = gtk_widget_get_first_child(view)
        while let row = child {
            if String(cString: gtk_widget_get_css_name(row)) == "row" { rows.append(row) }
            child = gtk_widget_get_next_sibling(row)
        }
        return rows
    }

    @MainActor static func shownRowWidgets(_ list: EnterpriseListView) -> Int {
        rowWidgets(list).filter { gtk_widget_get_visible($0) != 0 }.count
    }

    /// Every cell with a widget shows the enterprise at its position of the shown list.
    @MainActor static func assertCellsShowTheirRows(_ section: EnterprisesSection, _ survey: Survey,
                                                   file: StaticString = #filePath, line: UInt = #line) {
        let names = section.list.cellTexts(.name)
        XCTAssertFalse(names.isEmpty, file: file, line: line)
        for (position, text) in names {
            let id = section.list.id(atShownPosition: position)
            XCTAssertEqual(text, survey.enterprises.first { $0.id == id }?.name, "position \(position)", file: file, line: line)
        }
        XCTAssertTrue(names.keys.allSatisfy { $0 < section.list.shownCount }, file: file, line: line)
    }

    /// CPU time this thread has used (the wall-clock time of a keystroke also counts waiting for
    /// a CPU on a busy machine).
    static func threadCPUNanoseconds() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
    }
}
