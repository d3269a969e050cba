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

/// The briefing's choice and order of charts (no display needed).
final class ChartBriefingDeckTests: XCTestCase {
    func testEveryChartHasOnePlaceAndMovesStayInside() {
        var deck = BriefingDeck(order: [.timeline, .timeline, .map])
        XCTAssertEqual(deck.order.count, ChartKind.allCases.count)
        XCTAssertEqual(Array(deck.order.prefix(2)), [.timeline, .map])
        XCTAssertEqual(deck.slides, deck.order, "every chart is a slide at first")

        XCTAssertEqual(deck.move(.map, by: -5), 0)
        XCTAssertEqual(deck.order.first, .map)
        XCTAssertEqual(deck.move(.map, by: 100), ChartKind.allCases.count - 1)
        deck.setIncluded(.timeline, false)
        XCTAssertFalse(deck.slides.contains(.timeline))
        XCTAssertTrue(deck.order.contains(.timeline))
        XCTAssertEqual(deck.slides.last, .map)
    }

    func testThePlanSavedInTheSurveyGivesBackTheDeckAndKeepsNamesItDoesNotKnow() {
        var deck = BriefingDeck()
        deck.move(.timeline, by: -100)
        deck.setIncluded(.map, false)
        let previous = BriefingPlan(order: ["a-chart-of-2030"], omitted: ["another-new-one"])
        let plan = deck.plan(keeping: previous)
        XCTAssertEqual(plan.order.first, "timeline")
        XCTAssertEqual(plan.order.last, "a-chart-of-2030")
        XCTAssertEqual(Set(plan.omitted), ["map", "another-new-one"])
        XCTAssertEqual(BriefingDeck(plan: plan), deck)
        XCTAssertEqual(BriefingDeck(plan: nil), BriefingDeck())
        // A plan naming only some charts: the others follow in the application's order, as slides.
        let partial = BriefingDeck(plan: BriefingPlan(order: ["changes", "map"]))
        XCTAssertEqual(Array(partial.order.prefix(3)), [.changes, .map, .disclosurePerYear])
        XCTAssertEqual(partial.slides.count, ChartKind.allCases.count)
    }
}

/// The Charts section in a window: the gallery, options, exports, the clipboard and briefing mode.
final class ChartsSectionTests: WindowTestCase {
    /// The section in a window of its own, shown and drawn.
    @MainActor private static func makeSection(_ survey: Survey = WindowTestCase.builtinSurvey)
        throws -> (ChartsSection, DocumentController, UnsafeMutablePointer<GtkWidget>) {
        let controller = DocumentController(survey: survey, fileURL: nil)
        let section = ChartsSection(controller: controller)
        section.show(controller.survey)
        controller.observe { [weak section, weak controller] _ in  // as the window does
            if let section, let controller { section.show(controller.survey) }
        }
        let window = gtk_window_new()!
        gtk_window_set_default_size(window.window, 1400, 900)
        gtk_window_set_child(window.window, section.widget)
        gtk_window_present(window.window)
        try Self.waitUntil("the section is on screen") { gtk_widget_get_mapped(section.widget) != 0 }
        return (section, controller, window)
    }

    private static func drawn(_ chart: (any Chart)?) throws -> [String] {
        ChartTestSupport.drawnText(try XCTUnwrap(chart))
    }

    func testTheSelectedChartFollowsTheGalleryTheOptionsAndTheSurvey() throws { try onMain { (_: UITestContext) in
        let (section, controller, window) = try Self.makeSection()
        defer { gtk_window_destroy(window.window) }
        section.setLabelsLanguage(.english)
        XCTAssertEqual(section.selectedChart?.kind, .disclosurePerYear)

        section.select(.map)
        XCTAssertEqual(section.selectedChart?.kind, .map)
        var options = section.options[.map]!
        options.year = 2019
        options.kind = .evaluation
        section.setOptions(options, for: .map)
        XCTAssertTrue(try Self.drawn(section.selectedChart).contains { $0.contains("2019") })
        XCTAssertTrue(try Self.drawn(section.selectedChart).contains("Evaluation and acceptance results · Year 2019")
                      || (try Self.drawn(section.selectedChart)).contains { $0.contains("Evaluation and acceptance results") })

        // An edit through the controller, then show(_:) as the window does after every change.
        section.select(.disclosurePerYear)
        let before = try Self.drawn(section.selectedChart)
        let (key, observation) = controller.survey.someCellEdit()
        XCTAssertTrue(controller.perform(.setCells([CellChange(key: key, observation: observation)]), label: "test"))
        section.show(controller.survey)
        XCTAssertNotEqual(try Self.drawn(section.selectedChart), before, "the chart shows the edited cell")

        section.setLabelsLanguage(.chinese)
        XCTAssertTrue(try Self.drawn(section.selectedChart).contains("各年度公开情况"))
        Self.drainMainLoop()
    } }

    func testExportsWriteTheChosenFilesAndSayWhatHappened() throws { try onMain { (context: UITestContext) in
        let (section, _, window) = try Self.makeSection()
        defer { gtk_window_destroy(window.window) }
        let png = context.folder.appendingPathComponent("chart.png")
        XCTAssertTrue(section.export(.file(png, .png)))
        XCTAssertEqual(try ChartTestSupport.pngSize(png).width, 2560)
        XCTAssertTrue(section.statusText.contains(png.path), section.statusText)

        let folder = context.folder.appendingPathComponent("svg")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        XCTAssertTrue(section.export(.folder(folder, .svg)))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).count, ChartKind.allCases.count)

        section.setIncluded(.timeline, false)
        let handout = context.folder.appendingPathComponent("handout.pdf")
        XCTAssertTrue(section.export(.handout(handout)))
        let empty = ChartData(WindowTestCase.builtinSurvey).emptyCharts
        XCTAssertEqual(try ChartTestSupport.pdfPageCount(handout), ChartKind.allCases.count - 1 - empty.count,
                       "the ticked charts (the empty ones are not ticked at first)")

        XCTAssertFalse(section.export(.file(context.folder.appendingPathComponent("missing/chart.pdf"), .pdf)))
        XCTAssertTrue(section.statusText.contains("missing"), section.statusText)
    } }

    func testCopyPutsAnImageOnTheClipboard() throws { try onMain { (_: UITestContext) in
        let (section, _, window) = try Self.makeSection()
        defer { gtk_window_destroy(window.window) }
        section.copyImage()
        let clipboard = gtk_widget_get_clipboard(section.widget)
        let formats = gdk_clipboard_get_formats(clipboard)
        XCTAssertNotEqual(gdk_content_formats_contain_gtype(formats, gdk_texture_get_type()), 0)
        XCTAssertFalse(section.statusText.isEmpty)
    } }

    func testBriefingShowsTheTickedChartsInOrderAndLeavesOnEscape() throws { try onMain { (_: UITestContext) in
        let (section, _, window) = try Self.makeSection()
        defer { gtk_window_destroy(window.window) }
        for kind in ChartKind.allCases where ![ChartKind.ranking, .map, .changes].contains(kind) {
            section.setIncluded(kind, false)
        }
        section.select(.changes)
        section.move(by: -20)
        XCTAssertEqual(section.deck.slides, [.changes, .map, .ranking])

        section.select(.map)
        section.present()
        let briefing = try XCTUnwrap(section.briefing)
        XCTAssertEqual(briefing.count, 3)
        XCTAssertEqual(briefing.current?.kind, .map, "starts on the selected chart")
        XCTAssertEqual(briefing.current?.largeType, true)
        try Self.waitUntil("the briefing is on screen") { gtk_widget_get_mapped(briefing.window) != 0 }

        @MainActor func press(_ action: String) {
            gtk_widget_activate_action_variant(briefing.window, "briefing.\(action)", nil)
        }
        press("next")
        XCTAssertEqual(briefing.current?.kind, .ranking)
        press("next")
        XCTAssertEqual(briefing.current?.kind, .ranking, "stays on the last")
        press("first")
        XCTAssertEqual(briefing.current?.kind, .changes)
        press("previous")
        XCTAssertEqual(briefing.index, 0)
        // Every key of the briefing has an action.
        for (action, keys) in BriefingWindow.keys { XCTAssertFalse(keys.isEmpty, action) }

        press("leave")
        try Self.waitUntil("the briefing has closed") { section.briefing == nil }
    } }

    func testTheBriefingIsSavedInTheSurveyAndUndoneLikeAnyEdit() throws { try onMain { (_: UITestContext) in
        let (section, controller, window) = try Self.makeSection()
        defer { gtk_window_destroy(window.window) }
        XCTAssertNil(controller.survey.meta.briefing)
        section.setIncluded(.timeline, false)
        section.select(.changes)
        section.move(by: -3)
        let plan = try XCTUnwrap(controller.survey.meta.briefing)
        let empty = ChartData(WindowTestCase.builtinSurvey).emptyCharts
        XCTAssertEqual(Set(plan.omitted), Set(["timeline"] + empty.map(\.name)), "and the empty charts, left out at first")
        XCTAssertEqual(plan.order, section.deck.order.map(\.name))
        XCTAssertTrue(controller.isDirty)

        // Saved and opened again, the survey gives the same briefing.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-\(UUID().uuidString).gongkai")
        defer { try? FileManager.default.removeItem(at: url) }
        try controller.save(to: url)
        let reopened = try SurveyFile.load(from: url)
        XCTAssertEqual(reopened.meta.briefing, plan)
        let (other, _, otherWindow) = try Self.makeSection(reopened)
        defer { gtk_window_destroy(otherWindow.window) }
        XCTAssertEqual(other.deck, section.deck)

        // Each step is undone like any other edit.
        controller.undo()
        XCTAssertEqual(section.deck.slides.contains(.timeline), false)
        XCTAssertEqual(section.deck.position(of: .changes), ChartKind.allCases.firstIndex(of: .changes))
        controller.undo()
        XCTAssertTrue(section.deck.isIncluded(.timeline))
        XCTAssertEqual(section.deck, BriefingDeck(plan: nil, empty: empty))
    } }

    func testTheUsersTitleFindingAndNotesAreEditsSavedUndoneAndDrawn() throws { try onMain { (_: UITestContext) in
        let (section, controller, window) = try Self.makeSection()
        defer { gtk_window_destroy(window.window) }
        section.select(.ranking)
        let computed = try XCTUnwrap(section.selectedChart?.header)

        // Typed into the fields, as the user does: each commit is one step.
        section.words.titleField.enter("江苏为何没有公开率")
        XCTAssertEqual(section.selectedChart?.header.title, "江苏为何没有公开率")
        XCTAssertEqual(section.selectedChart?.header.finding, computed.finding, "the finding stays computed")
        section.words.findingField.enter("北京五年全部公开")
        XCTAssertEqual(section.selectedChart?.header.finding, "北京五年全部公开")
        let points = ChartData(controller.survey).notePoints(.ranking)
        let jiangsu = try XCTUnwrap(points.firstIndex(of: .jurisdiction("jiangsu")))
        section.words.pointChoice.choose(jiangsu)
        section.words.noteField.text = "全部由地市公开"
        section.words.addNote()
        XCTAssertEqual(section.selectedChart?.header.notes.map(\.text), ["全部由地市公开"])
        XCTAssertEqual(section.words.noteField.text, "", "the field is ready for the next note")
        XCTAssertEqual(section.words.removeButtons.count, 1)
        let drawn = try Self.drawn(section.selectedChart).joined()
        XCTAssertTrue(drawn.contains("江苏为何没有公开率") && drawn.contains("全部由地市公开"), drawn)
        XCTAssertTrue(controller.survey.changeLog.entries.contains { $0.path.hasSuffix("charts") && $0.new.contains("jiangsu") },
                      "\(controller.survey.changeLog.entries.map(\.path))")

        // A note longer than the limit is refused, with the reason.
        XCTAssertFalse(section.addNote(String(repeating: "长", count: ChartsSection.noteLimit + 1), at: .jurisdiction("henan"), to: .ranking))
        XCTAssertTrue(section.statusText.contains(String(ChartsSection.noteLimit)), section.statusText)

        // Saved and opened again: the same words; the briefing and the exports show them.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("words-\(UUID().uuidString).gongkai")
        defer { try? FileManager.default.removeItem(at: url) }
        try controller.save(to: url)
        let reopened = try SurveyFile.load(from: url)
        XCTAssertEqual(reopened.meta.charts, controller.survey.meta.charts)
        let slide = ChartKind.ranking.make(ChartData(reopened), ChartOptions(largeType: true))
        XCTAssertEqual(slide.header.title, "江苏为何没有公开率")
        XCTAssertEqual(slide.header.notes.map(\.pointLabel), [ChartData(reopened).name("jiangsu")])

        // Removing the note, then undoing step by step back to the computed words.
        Events.emit(section.words.removeButtons[0], "clicked")
        XCTAssertEqual(section.selectedChart?.header.notes, [])
        controller.undo()
        XCTAssertEqual(section.selectedChart?.header.notes.count, 1)
        controller.undo()
        XCTAssertEqual(section.selectedChart?.header.notes, [])
        XCTAssertEqual(section.selectedChart?.header.finding, "北京五年全部公开")
        controller.undo()
        XCTAssertEqual(section.selectedChart?.header.finding, computed.finding)
        controller.undo()
        XCTAssertEqual(section.selectedChart?.header.title, computed.title)
        XCTAssertNil(controller.survey.meta.charts)
        XCTAssertEqual(section.words.titleField.text, "", "the field shows the computed title as its placeholder")
    } }

    func testF5PresentsOnlyWhileTheSectionIsOnScreenAndWithSlides() throws { try onMain { (_: UITestContext) in
        let (section, _, window) = try Self.makeSection()
        defer { gtk_window_destroy(window.window) }
        XCTAssertTrue(section.canPresent)
        for kind in ChartKind.allCases { section.setIncluded(kind, false) }
        XCTAssertFalse(section.canPresent, "nothing to present")
        section.present()
        XCTAssertNil(section.briefing)
        section.setIncluded(.timeline, true)
        XCTAssertTrue(section.canPresent)
        gtk_widget_set_visible(section.widget, 0)
        try Self.waitUntil("the section is hidden") { gtk_widget_get_mapped(section.widget) == 0 }
        XCTAssertFalse(section.canPresent, "F5 does nothing in other sections")
        XCTAssertTrue(section.keyboardShortcuts.entries.contains { $0.accelerator == "F5" })
    } }
}
