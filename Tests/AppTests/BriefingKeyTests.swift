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

/// Briefing mode driven as a presenter drives it: real X key events and clicks (`XKeys`,
/// `XPointer`) through GTK's event delivery, the keys of a presentation clicker included.
final class BriefingKeyTests: WindowTestCase {
    @MainActor private static func presentBriefing() throws -> (ChartsSection, BriefingWindow, UnsafeMutablePointer<GtkWidget>) {
        let controller = DocumentController(survey: WindowTestCase.builtinSurvey, fileURL: nil)
        let section = ChartsSection(controller: controller)
        section.show(controller.survey)
        let window = gtk_window_new()!
        gtk_window_set_default_size(window.window, 1200, 800)
        gtk_window_set_child(window.window, section.widget)
        gtk_window_present(window.window)
        try Self.waitUntil("the section is on screen") { gtk_widget_get_mapped(section.widget) != 0 }
        section.select(section.deck.slides[0])
        section.present()
        let briefing = try XCTUnwrap(section.briefing)
        try Self.waitUntil("the briefing is on screen") { gtk_widget_get_mapped(briefing.window) != 0 }
        try XKeys.focus(briefing.window.window)
        return (section, briefing, window)
    }

    func testEveryListedKeyAClickAndTheClickerKeysWork() throws { try onMain { (_: UITestContext) in
        let (section, briefing, window) = try Self.presentBriefing()
        defer { gtk_window_destroy(window.window) }
        XCTAssertGreaterThan(briefing.count, 4)
        XCTAssertEqual(briefing.index, 0)

        try XPointer.click(briefing.window, x: 300, y: 300, in: briefing.window)
        try XKeys.wait("a click advances") { briefing.index == 1 }

        // Every key the briefing lists (the shortcuts window lists them from the same table).
        for (action, keys) in BriefingWindow.keys where ["next", "previous", "first", "last"].contains(action) {
            for key in keys where !key.hasPrefix("KP_") {
                let before = action == "next" || action == "last" ? 1 : 3
                briefing.go(to: before)
                try XKeys.type([key])
                let expected = switch action {
                case "next": before + 1
                case "previous": before - 1
                case "first": 0
                default: briefing.count - 1  // last
                }
                try XKeys.wait("\(key) does \(action)") { briefing.index == expected }
            }
        }

        // B and . blank the screen and bring it back.
        for key in ["b", "period"] {
            XCTAssertFalse(briefing.isBlank)
            try XKeys.type([key])
            try XKeys.wait("\(key) blanks the screen") { briefing.isBlank }
            try XKeys.type([key])
            try XKeys.wait("\(key) again brings the chart back") { !briefing.isBlank }
        }

        try XKeys.type(["Escape"])
        try XKeys.wait("Escape leaves") { section.briefing == nil }
    } }

    func testTheShortcutsWindowListsEveryBriefingKey() throws { try onMain { (_: UITestContext) in
        let controller = DocumentController(survey: WindowTestCase.builtinSurvey, fileURL: nil)
        let section = ChartsSection(controller: controller)
        let listed = Set(section.keyboardShortcuts.entries.flatMap { $0.accelerator.split(separator: " ").map(String.init) })
        for (_, keys) in BriefingWindow.keys {
            for key in keys where !key.hasPrefix("KP_") { XCTAssertTrue(listed.contains(key), key) }
        }
    } }
}
