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

/// The application around the window: app actions, accelerators for every table entry, the
/// shortcuts window, the icon, Quit with unsaved changes.
final class WindowApplicationTests: WindowTestCase {
    func testEveryActionHasItsAcceleratorsAndTheShortcutsWindowListsThem() throws { try onMain { t in
        let app = t.makeApplication()
        try app.startWithoutMainLoop()
        defer { app.shutdown() }
        let window = try XCTUnwrap(app.mainWindow)
        let appActions = ActionMap(app.application)
        for name in ["quit", "about", "shortcuts"] { XCTAssertTrue(appActions.isEnabled(name), name) }
        for binding in ShortcutTable.bindings {
            let accels = Self.accelerators(app.application, binding.action)
            XCTAssertEqual(accels, binding.accelerators, binding.action)
            let name = String(binding.action.split(separator: ".")[1])
            let group = binding.action.hasPrefix("app.") ? appActions : window.actions.map
            XCTAssertTrue(g_action_group_has_action(group.pointer, name) != 0, "\(binding.action) exists")
        }
        XCTAssertEqual(Self.accelerators(app.application, "win.redo"), ["<Shift><Control>z", "<Control>y"])

        let groups = ShortcutTable.shortcutGroups(sections: window.sections)
        let listed = groups.flatMap(\.entries).map(\.accelerator)
        for binding in ShortcutTable.bindings { XCTAssertTrue(listed.contains(binding.accelerators.joined(separator: " "))) }
        let shortcuts = ShortcutsWindow.make(pages: ShortcutTable.shortcutPages(sections: window.sections), parent: window.window)
        XCTAssertTrue(g_type_check_instance_is_a(shortcuts.cast(), gtk_shortcuts_window_get_type()) != 0)
        gtk_window_destroy(shortcuts.window)
        XCTAssertNotNil(AppIcon.directory, "the icon is found beside the executable")
        XCTAssertEqual(AppIcon.resolvedFile?.lastPathComponent, "io.github.gongkai.Gongkai.svg", "the icon theme finds the icon")
    } }

    func testQuitWithUnsavedChangesAsksFirst() throws { try onMain { t in
        Localizer.shared.language = .english
        let app = t.makeApplication()
        try app.startWithoutMainLoop()
        defer { app.shutdown() }
        let window = try XCTUnwrap(app.mainWindow)
        let destroyed = Flag()
        Signals.connect(window.window, "destroy") { destroyed.value = true }
        t.editOneCell(window)
        ActionMap(app.application).activate("quit")
        let question = try XCTUnwrap(ChoiceDialog.newest(headed: "Save changes"))
        question.choose("cancel")
        Self.drainMainLoop()
        XCTAssertFalse(destroyed.value)
        XCTAssertTrue(window.controller.isDirty)
    } }

    func testTheShortcutsDescriptionEscapesText() {
        let xml = MainActor.assumeIsolated {
            ShortcutsWindow.description([.init(name: "p", title: "P", groups: [
                ShortcutGroup(title: "A & B", entries: [ShortcutEntry(accelerator: "<Control>s", title: "\"x\"")])])])
        }
        XCTAssertTrue(xml.contains("A &amp; B"))
        XCTAssertTrue(xml.contains("&lt;Control&gt;s"))
        XCTAssertTrue(xml.contains("&quot;x&quot;"))
    }

    func testLongGroupsContinueInAnotherColumn() {
        let entries = (1...30).map { ShortcutEntry(accelerator: "F\($0)", title: "key \($0)") }
        let parts = MainActor.assumeIsolated { ShortcutsWindow.columns([ShortcutGroup(title: "Matrix", entries: entries)]) }
        XCTAssertEqual(parts.map(\.entries.count), [16, 14])
        XCTAssertEqual(parts.flatMap(\.entries), entries)
        XCTAssertEqual(parts[0].title, "Matrix")
        XCTAssertNotEqual(parts[1].title, "Matrix")
    }

    @MainActor private static func accelerators(_ app: UnsafeMutablePointer<GtkApplication>, _ action: String) -> [String] {
        guard let list = gtk_application_get_accels_for_action(app, action) else { return [] }
        defer { g_strfreev(list) }
        var result: [String] = []
        var i = 0
        while let item = list[i] {
            result.append(String(cString: item))
            i += 1
        }
        return result
    }
}
