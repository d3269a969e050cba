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

/// The team features of the real window (under Xvfb): merge, conflicts, compare, the log view,
/// History and Preferences.
final class TeamWindowTests: WindowTestCase {
    private static func save(_ survey: Survey, _ name: String, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try SurveyFile.save(survey, to: url)
        return url
    }

    private static func withStatus(_ survey: Survey, _ j: String, _ year: Int, _ status: DisclosureStatus) throws -> Survey {
        var s = survey
        var o = try XCTUnwrap(s.observation(j, year, .auditList))
        o.status = status
        try Edit.setObservations([o]).apply(to: &s)
        return s
    }

    @MainActor private static func snapshot(_ dialog: TeamDialog, _ name: String) throws {
        guard let dir = ProcessInfo.processInfo.environment["GONGKAI_TEAM_SHOTS"] else { return }
        try WindowTestCase.waitUntil("the dialog is drawn") { gtk_widget_get_mapped(dialog.window) != 0 }
        WindowTestCase.drainMainLoop()
        try Screenshot.save(dialog.window, to: URL(fileURLWithPath: dir).appendingPathComponent(name + ".png"))
    }

    /// Compare With… on a file: read and compared off the main thread, then the dialog.
    @MainActor private static func compare(_ window: MainWindow, with url: URL) throws -> CompareDialog {
        var dialog: CompareDialog?, finished = false
        TeamActions.compare(window: window, with: url) { dialog = $0; finished = true }
        XCTAssertTrue(window.flows.isBusy, "the file is read off the main thread, the bar saying so")
        try WindowTestCase.waitUntil("the comparison") { finished }
        return try XCTUnwrap(dialog)
    }

    /// The survey saved as the base, and their version of it (anhui's 2021 list status turned, a
    /// note on the first enterprise) saved beside it.
    private static func theirVersion(of original: Survey, in folder: URL) throws -> (base: URL, theirs: Survey, theirsURL: URL) {
        let base = try save(original, "base.gongkai", in: folder)
        var theirs = try withStatus(original, "anhui", 2021, original.status("anhui", 2021, .auditList) == .disclosed ? .notDisclosed : .disclosed)
        theirs.enterprises[0].notes = "theirs checked this"
        return (base, theirs, try save(theirs, "theirs.gongkai", in: folder))
    }

    func testAMergeInTheWindowIsUndoneAsOneStep() throws { try onMain { t in
        let window = try t.makeWindow()
        defer { window.destroyForTest() }
        let original = window.survey
        let (base, theirs, theirsURL) = try Self.theirVersion(of: original, in: t.folder)
        let steps = window.controller.document.undoCount

        var merged: Bool?
        TeamActions.merge(window: window, base: base, theirs: theirsURL) { merged = $0 }
        XCTAssertTrue(window.flows.isBusy, "the files are read and merged off the main thread, the bar saying so")
        try WindowTestCase.waitUntil("the merge") { merged != nil }
        XCTAssertEqual(merged, true)
        XCTAssertFalse(window.flows.isBusy)
        XCTAssertEqual(window.survey, theirs, "ours was unchanged, so the merge is theirs")
        XCTAssertEqual(window.controller.document.undoCount, steps + 1, "one undo step")
        XCTAssertTrue(window.survey.changeLog.entries.contains { $0.action == .merge && $0.path.hasPrefix("observations/anhui/2021") })

        window.actions.map.activate("undo")
        XCTAssertEqual(window.survey, original, "one undo reverts the whole merge")
    } }

    func testConflictsShowInChecksAndResolveWithTakeB() throws { try onMain { t in
        let b = WindowTestCase.builtinSurvey
        let ours = try Self.withStatus(b, "anhui", 2021, .prefecture)
        let theirs = try Self.withStatus(b, "anhui", 2021, .division)
        let merged = SurveyMerge.merge(base: b, ours: ours, theirs: theirs).survey
        let window = try t.makeWindow(survey: merged)
        defer { window.destroyForTest() }
        let problems = window.controller.problems.filter { $0.code == .mergeConflict }
        XCTAssertEqual(problems.map(\.location), [.cell(jurisdiction: "anhui", year: 2021, kind: .auditList)], "Checks and the matrix show it")

        let checks = try XCTUnwrap(window.sections.compactMap { $0 as? ChecksSection }.first)
        let row = try XCTUnwrap(checks.problems.firstIndex { $0.code == .mergeConflict })
        checks.activate(row: row)
        let dialog = try XCTUnwrap(TeamDialog.open.last as? ConflictsDialog, "activating the conflict in Checks opens its controls")
        defer { dialog.close() }
        try Self.snapshot(dialog, "conflicts")
        XCTAssertEqual(dialog.shown.count, 1)
        XCTAssertTrue(dialog.resolve(dialog.shown[0], with: dialog.shown[0].theirs))
        XCTAssertEqual(window.survey.status("anhui", 2021, .auditList), .division)
        XCTAssertTrue(window.survey.conflicts.isEmpty)
        XCTAssertTrue(dialog.shown.isEmpty, "the dialog follows the survey")
        XCTAssertFalse(window.controller.problems.contains { $0.code == .mergeConflict })
        window.actions.map.activate("undo")
        XCTAssertEqual(window.survey.conflicts.count, 1, "each decision is one undo step")
        XCTAssertEqual(window.survey.status("anhui", 2021, .auditList), .prefecture)
    } }

    /// The window stays usable while the files are read and merged: an edit made meanwhile is
    /// merged with theirs (here the same cell: a conflict, our value kept), never overwritten.
    func testAnEditWhileMergingIsMergedNotOverwritten() throws { try onMain { t in
        let window = try t.makeWindow()
        defer { window.destroyForTest() }
        let original = window.survey
        let (base, _, theirsURL) = try Self.theirVersion(of: original, in: t.folder)
        var merged: Bool?
        TeamActions.merge(window: window, base: base, theirs: theirsURL) { merged = $0 }
        // The edit is made once both files are read and the merge is being made (its result is
        // handed back on a later turn of the main loop), so that merge is of the survey before it.
        try WindowTestCase.waitUntil("the merge to start") { window.flows.progress.text == tr("Merging “%1”…", "theirs.gongkai") }
        XCTAssertNil(merged)
        let ours = try Self.withStatus(window.survey, "anhui", 2021, .prefecture)
        XCTAssertTrue(window.controller.perform(.setObservations([try XCTUnwrap(ours.observation("anhui", 2021, .auditList))]), label: "ours"))
        try WindowTestCase.waitUntil("the merge") { merged != nil }
        XCTAssertEqual(merged, true)
        XCTAssertEqual(window.survey.status("anhui", 2021, .auditList), .prefecture, "the value typed while merging is kept")
        XCTAssertTrue(window.survey.conflicts.contains { $0.path.hasPrefix("observations/anhui/2021") }, "and the disagreement is a conflict")
        XCTAssertEqual(window.survey.enterprises[0].notes, "theirs checked this", "the rest of theirs is merged")
    } }

    func testAFileThatCannotBeReadIsExplainedAndNothingIsMerged() throws { try onMain { t in
        let window = try t.makeWindow()
        defer { window.destroyForTest() }
        let original = window.survey
        let broken = t.folder.appendingPathComponent("broken.gongkai")
        try Data("{\"format\": \"gongkai-survey\", \"version\":".utf8).write(to: broken)
        var merged: Bool?
        TeamActions.merge(window: window, base: broken, theirs: broken) { merged = $0 }
        try WindowTestCase.waitUntil("the merge to give up") { merged != nil }
        XCTAssertEqual(merged, false)
        XCTAssertEqual(window.survey, original)
        var compared: CompareDialog?, finished = false
        TeamActions.compare(window: window, with: broken) { compared = $0; finished = true }
        try WindowTestCase.waitUntil("the comparison to give up") { finished }
        XCTAssertNil(compared)
    } }

    func testCompareTakesBAnEditedValueAndEverythingThatAgrees() throws { try onMain { t in
        let a = WindowTestCase.builtinSurvey
        var b = try Self.withStatus(a, "anhui", 2021, a.status("anhui", 2021, .auditList) == .disclosed ? .notDisclosed : .disclosed)
        let blank = try XCTUnwrap(a.enterprises.firstIndex { $0.industry == nil })
        b.enterprises[blank].industry = "化工"
        let window = try t.makeWindow(survey: a)
        defer { window.destroyForTest() }
        let dialog = try Self.compare(window, with: try Self.save(b, "b.gongkai", in: t.folder))
        defer { dialog.close() }
        try Self.snapshot(dialog, "compare")
        let status = "observations/anhui/2021/audit_list/status"
        let industry = "enterprises/\(a.enterprises[blank].id)/industry"
        XCTAssertEqual(Set(dialog.rowPaths), [status, industry])

        XCTAssertTrue(dialog.acceptAgreeing())
        XCTAssertEqual(window.survey.enterprises[blank].industry, "化工", "A had none: B's value agrees")
        XCTAssertEqual(window.survey.status("anhui", 2021, .auditList), a.status("anhui", 2021, .auditList), "a contradiction is left")
        XCTAssertEqual(dialog.rowPaths, [status])

        XCTAssertTrue(dialog.takeB(status))
        XCTAssertTrue(dialog.rowPaths.isEmpty)
        XCTAssertTrue(SurveyComparison(window.survey, b).isSame, "the result is a survey holding the decisions")
        window.actions.map.activate("undo")
        XCTAssertEqual(dialog.rowPaths, [status], "each decision is one undo step")

        XCTAssertTrue(dialog.use("prefecture", for: status))
        XCTAssertEqual(window.survey.status("anhui", 2021, .auditList), .prefecture)
        dialog.keepA(status)
        XCTAssertTrue(dialog.rowPaths.isEmpty)
        gtk_check_button_set_active(dialog.onlyDifferences.cast(), 0)
        XCTAssertGreaterThan(dialog.rowPaths.count, 100, "the agreeing cells are listed too")
    } }

    func testCompareListsEveryDifferenceFilteredBySectionAndJurisdiction() throws { try onMain { t in
        let a = WindowTestCase.builtinSurvey
        var b = a
        for i in b.observations.indices {
            b.observations[i].note = "B \(i)"
            b.observations[i].department = "B \(i)"
        }
        for i in b.enterprises.indices { b.enterprises[i].notes = "B \(i)" }
        b.reportedData.tallies[0].value += 1
        let differences = SurveyComparison(a, b).differences
        XCTAssertGreaterThan(differences.count, 400, "more than the old cap of 400 rows")
        let window = try t.makeWindow(survey: a)
        defer { window.destroyForTest() }
        let dialog = try Self.compare(window, with: try Self.save(b, "b.gongkai", in: t.folder))
        defer { dialog.close() }
        XCTAssertEqual(dialog.rowPaths, differences.map(\.path), "every difference is listed")

        dialog.filter(section: "observations", jurisdiction: nil)
        XCTAssertEqual(dialog.rowPaths.count, 2 * a.observations.count)
        XCTAssertTrue(dialog.rowPaths.allSatisfy { $0.hasPrefix("observations/") })
        dialog.filter(section: "tallies", jurisdiction: nil)
        XCTAssertEqual(dialog.rowPaths, differences.filter { $0.section == "tallies" }.map(\.path))
        XCTAssertEqual(dialog.rowPaths.count, 1)

        let anhui = Set(a.enterprises.filter { $0.jurisdiction == "anhui" }.map { "enterprises/\($0.id)/notes" })
        dialog.filter(section: nil, jurisdiction: "anhui")
        XCTAssertFalse(anhui.isEmpty)
        let anhuiCells = a.observations.filter { $0.jurisdiction == "anhui" }.flatMap {
            ["observations/\($0.key.description)/department", "observations/\($0.key.description)/note"]
        }
        XCTAssertEqual(Set(dialog.rowPaths), Set(anhuiCells).union(anhui), "cells and enterprises of the jurisdiction")
        dialog.filter(section: "enterprises", jurisdiction: "anhui")
        XCTAssertEqual(Set(dialog.rowPaths), anhui)
        // A decision keeps the filter.
        let first = try XCTUnwrap(dialog.rowPaths.first)
        XCTAssertTrue(dialog.takeB(first))
        XCTAssertEqual(Set(dialog.rowPaths), anhui.subtracting([first]))
        dialog.filter(section: nil, jurisdiction: nil)
        XCTAssertEqual(dialog.rowPaths.count, differences.count - 1)
        try Self.snapshot(dialog, "compare-filtered")
    } }

    func testAConflictedCellShowsBothValuesInTheDetailsPaneAndResolvesThere() throws { try onMain {
        let b = WindowTestCase.builtinSurvey
        let ours = try Self.withStatus(b, "anhui", 2021, .prefecture)
        let theirs = try Self.withStatus(b, "anhui", 2021, .division)
        let merged = SurveyMerge.merge(base: b, ours: ours, theirs: theirs).survey
        let h = try MatrixHarness(survey: merged)
        defer { h.close() }
        let panel = h.section.details.conflicts
        h.place("beijing", year: 2021, kind: .auditList)
        XCTAssertTrue(panel.shown.isEmpty)
        XCTAssertEqual(gtk_widget_get_visible(panel.widget), 0, "no conflict, no panel")
        h.place("anhui", year: 2021, kind: .auditList)
        XCTAssertEqual(panel.shown.map(\.path), ["observations/anhui/2021/audit_list/status"])
        XCTAssertEqual(gtk_widget_get_visible(panel.widget), 1)
        let steps = h.controller.document.undoCount
        Events.emit(try XCTUnwrap(panel.buttons.first).theirs, "clicked")
        XCTAssertEqual(h.controller.survey.status("anhui", 2021, .auditList), .division, "theirs taken")
        XCTAssertTrue(h.controller.survey.conflicts.isEmpty)
        XCTAssertEqual(h.controller.document.undoCount, steps + 1, "one undo step")
        XCTAssertTrue(panel.shown.isEmpty, "the pane follows the survey")
        XCTAssertEqual(h.controller.survey.changeLog.entries.last?.action, .resolve, "the same resolution as the dialog's")
        XCTAssertNotNil(h.controller.undo())
        XCTAssertEqual(panel.shown.count, 1, "undo brings the conflict back into the pane")
        Events.emit(try XCTUnwrap(panel.buttons.first).mine, "clicked")
        XCTAssertEqual(h.controller.survey.status("anhui", 2021, .auditList), .prefecture, "mine kept")
        XCTAssertTrue(h.controller.survey.conflicts.isEmpty)
    } }

    func testEditsAreLoggedAndShownInHistoryAndTheLogView() throws { try onMain { t in
        let window = try t.makeWindow()
        defer { window.destroyForTest() }
        window.controller.document.author = "测试员"
        let changed = t.editOneCell(window)
        let path = "observations/" + changed.key.description

        let log = LogDialog(parent: window.window, controller: window.controller)
        log.present()
        defer { log.close() }
        XCTAssertEqual(log.visible.map(\.path), [path + "/status"])
        XCTAssertEqual(log.visible.first?.author, "测试员")
        gtk_editable_set_text(log.sinceEntry.opaque, "2999")
        XCTAssertTrue(log.visible.isEmpty, "filtered by date")
        gtk_editable_set_text(log.sinceEntry.opaque, "")
        gtk_drop_down_set_selected(log.sectionChoice.opaque, guint(LogDialog.sections.firstIndex(of: "enterprises").map { $0 + 1 } ?? 0))
        XCTAssertTrue(log.visible.isEmpty, "filtered by section")
        gtk_drop_down_set_selected(log.sectionChoice.opaque, 0)
        try Self.snapshot(log, "log")
        // Export: the log table of the entries shown, with the columns and values of `gongkai log --json`.
        let table = try XCTUnwrap(TableBuilder(log.exported).table(named: "log"))
        XCTAssertEqual(table.flatColumnNames, ChangeEntry.columnTitles)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: JSONEncoder().encode(log.visible)) as? [[String: String]])
        XCTAssertEqual(json.map { Set($0.keys) }, [Set(ChangeEntry.columnKeys)], "one entry, keyed by the table's columns")
        XCTAssertEqual(table.rows.map { $0.map(\.value.plainText) }, json.map { o in ChangeEntry.columnKeys.map { o[$0] ?? "?" } },
                       "the same columns, in the same order, as `gongkai log --json`")

        let history = HistoryList()
        history.show(window.survey.changeLog, record: path)
        XCTAssertEqual(history.rows.count, 1)
        XCTAssertTrue(history.rows[0].contains("测试员"))
        history.show(window.survey.changeLog, record: "enterprises/none")
        XCTAssertTrue(history.rows.isEmpty)
    } }

    /// 20,000 logged edits, oldest first, by four authors over 20 days, in four sections.
    private static func loggedEdits(_ n: Int) -> [ChangeEntry] {
        let authors = ["甲", "乙", "丙", "丁"]
        return (0..<n).map { i in
            let second = i % 1_000
            let time = String(format: "2026-11-%02dT00:%02d:%02dZ", 1 + i / 1_000, second / 60, second % 60)
            let path: String
            switch i % 4 {
            case 0: path = "enterprises/e-\(i / 4 % 40)/notes"
            case 1: path = "observations/anhui/\(2003 + i % 20)/audit_list/note"
            case 2: path = "regulations/r-\(i % 7)/title"
            default: path = "tallies/enterprises_sampled/anhui/2021/-/value"
            }
            return ChangeEntry(time: time, author: authors[(i / 3) % 4], action: .edit, path: path, old: "old \(i)", new: "new \(i)")
        }
    }

    func testTheLogViewListsTwentyThousandEditsWithWidgetsOnlyForTheRowsInSight() throws { try onMain { t in
        var survey = WindowTestCase.builtinSurvey
        let entries = Self.loggedEdits(20_000)
        survey.changeLog = ChangeLog(entries)
        let window = try t.makeWindow(survey: survey)
        defer { window.destroyForTest() }
        let log = LogDialog(parent: window.window, controller: window.controller)
        log.present()
        defer { log.close() }
        XCTAssertEqual(log.listed, 20_000, "every entry is listed (the old view stopped at 500)")
        try WindowTestCase.waitUntil("the log is drawn") { gtk_widget_get_mapped(log.window) != 0 && log.rowWidgetsMade > 0 }
        WindowTestCase.drainMainLoop()
        XCTAssertLessThan(log.rowWidgetsMade, 300, "widgets only for the rows in sight, not 20,000")
        XCTAssertTrue(log.boundTexts.contains(TeamText.line(entries[19_999])), "newest first")
        ListScrolling.scroll(log.listView, to: 19_999)
        try WindowTestCase.waitUntil("the oldest entry is shown") { log.boundTexts.contains(TeamText.line(entries[0])) }
        XCTAssertLessThan(log.rowWidgetsMade, 300, "scrolling recycles the row widgets")

        @MainActor func expect(_ keep: (ChangeEntry) -> Bool, _ what: String) {
            let expected = entries.filter(keep)
            XCTAssertFalse(expected.isEmpty, what)
            XCTAssertEqual(log.listed, expected.count, what)
            XCTAssertEqual(log.visible, expected, what)
        }
        let author = try XCTUnwrap(Array(Set(entries.map(\.author))).sorted().firstIndex(of: "乙"))
        gtk_drop_down_set_selected(log.authorChoice.opaque, guint(author + 1))
        expect({ $0.author == "乙" }, "by author")
        gtk_drop_down_set_selected(log.sectionChoice.opaque, guint(try XCTUnwrap(LogDialog.sections.firstIndex(of: "enterprises")) + 1))
        expect({ $0.author == "乙" && $0.path.hasPrefix("enterprises/") }, "by author and section")
        gtk_drop_down_set_selected(log.authorChoice.opaque, 0)
        gtk_editable_set_text(log.recordEntry.opaque, "enterprises/e-3")
        expect({ $0.path == "enterprises/e-3/notes" }, "by record: e-3, not e-30")
        gtk_editable_set_text(log.sinceEntry.opaque, "2026-11-20")
        expect({ $0.path == "enterprises/e-3/notes" && $0.time >= "2026-11-20" }, "by record and date")
        gtk_drop_down_set_selected(log.sectionChoice.opaque, 0)
        gtk_editable_set_text(log.recordEntry.opaque, "")
        expect({ $0.time >= "2026-11-20" }, "by date")
        gtk_editable_set_text(log.sinceEntry.opaque, "")
        XCTAssertEqual(log.listed, 20_000)

        // A new edit goes on top; the rest stay.
        let changed = t.editOneCell(window)
        XCTAssertEqual(log.listed, 20_001)
        XCTAssertEqual(log.visible.last?.path, "observations/\(changed.key.description)/status")
        XCTAssertEqual(log.visible.dropLast(), entries[...])
        XCTAssertLessThan(log.rowWidgetsLive, 300, "after every filter, still only the rows in sight have widgets")
    } }

    func testHistoryCoversTheReportDataOfACellAndAnEnterprise() throws { try onMain { t in
        let window = try t.makeWindow()
        defer { window.destroyForTest() }
        window.controller.document.author = "丙"
        let cell = try XCTUnwrap(window.survey.observations.first {
            $0.status == .disclosed && window.survey.qualities($0.jurisdiction, $0.year, $0.kind).isEmpty
        }).key
        let marks = [CellQuality(jurisdiction: cell.jurisdiction, year: cell.year, kind: cell.kind, quality: .partial, source: "年报")]
        XCTAssertTrue(window.controller.perform(.setCellQualities(cell, marks), label: "qualities"))
        let enterprise = window.survey.enterprises[0]
        var data = window.survey.reportedData
        data.verdicts.removeAll { $0.enterprise == enterprise.id }
        data.verdicts.append(RecordedVerdict(enterprise: enterprise.id, verdict: .incomplete, source: "第 3 页"))
        XCTAssertTrue(window.controller.perform(.setReportedData(data), label: "verdict"))

        let history = HistoryList()
        history.show(window.survey.changeLog, record: "observations/" + cell.description)
        XCTAssertEqual(history.rows.count, 1, "\(window.survey.changeLog.entries.suffix(3).map(\.path))")
        XCTAssertTrue(history.rows.first?.contains("qualities: ∅ → partial (年报)") == true, history.rows.first ?? "")

        let section = try XCTUnwrap(window.sections.compactMap { $0 as? EnterprisesSection }.first)
        section.form.show(window.survey.enterprises[0], in: window.survey)
        XCTAssertTrue(section.form.history.rows.contains { $0.contains("丙") && $0.contains("verdict") && $0.contains("incomplete") },
                      "the enterprise's History lists its recorded verdict: \(section.form.history.rows)")
        history.show(window.survey.changeLog, record: "enterprises/" + enterprise.id)
        XCTAssertFalse(history.rows.contains { $0.contains("verdict") }, "only where it is asked for")
    } }

    func testTheMatrixDetailsPaneShowsTheCellsHistory() throws { try onMain {
        let h = try MatrixHarness()
        defer { h.close() }
        h.controller.document.author = "乙"
        h.place("beijing", year: 2018, kind: .auditList)
        gtk_toggle_button_set_active(try XCTUnwrap(h.section.details.statusButton(.prefecture)).cast(), 1)
        XCTAssertEqual(h.section.details.history.rows.count, 1)
        XCTAssertTrue(h.section.details.history.rows[0].contains("prefecture"), h.section.details.history.rows[0])
    } }

    func testPreferencesSaveTheAuthorName() throws { try onMain { t in
        let window = try t.makeWindow()
        defer { window.destroyForTest() }
        let environment = ["XDG_CONFIG_HOME": t.folder.appendingPathComponent("config").path]
        let dialog = PreferencesDialog(parent: window.window, controller: window.controller, environment: environment)
        dialog.present()
        gtk_editable_set_text(dialog.authorEntry.opaque, "  李明 ")
        XCTAssertTrue(dialog.save())
        XCTAssertEqual(Preferences.load(environment: environment).authorName, "李明")
        XCTAssertEqual(AuthorName.current(environment: environment), "李明")
        XCTAssertEqual(AuthorName.current(environment: environment.merging(["GONGKAI_AUTHOR": "王"]) { $1 }), "王", "the variable wins")
        XCTAssertFalse(AuthorName.current(environment: ["XDG_CONFIG_HOME": t.folder.appendingPathComponent("none").path]).isEmpty,
                       "the account's name by default")
    } }
}
