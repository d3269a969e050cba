import Model
import GtkKit
import Rendering

/// One line of the shortcuts window: one or more accelerators in GTK's syntax
/// ("<Control>s", "<Control><Shift>z <Control>y") and what they do, translated.
package struct ShortcutEntry: Equatable {
    package var accelerator: String
    package var title: String
    package init(accelerator: String, title: String) {
        self.accelerator = accelerator
        self.title = title
    }
}

/// A titled group of the shortcuts window.
package struct ShortcutGroup: Equatable {
    package var title: String
    package var entries: [ShortcutEntry]
    package init(title: String, entries: [ShortcutEntry]) {
        self.title = title
        self.entries = entries
    }
}

/// A section whose keys the shortcuts window lists (the matrix documents its keys this way). The
/// keys belong to the kind of section, so the shortcuts window lists them without building it.
@MainActor
package protocol KeyboardSection: WindowSection {
    static var keyboardShortcuts: ShortcutGroup { get }
}

extension KeyboardSection {
    package var keyboardShortcuts: ShortcutGroup { Self.keyboardShortcuts }
}

/// The window's and the application's actions with their accelerators: the one table from which
/// `gtk_application_set_accels_for_action` is called and the shortcuts window is built.
package enum ShortcutTable {
    package struct Binding {
        /// "win.save", "app.quit"
        package var action: String
        package var accelerators: [String]
        package var title: String
        package init(action: String, accelerators: [String], title: String) {
            self.action = action
            self.accelerators = accelerators
            self.title = title
        }
    }

    /// The bindings by group, in the order the shortcuts window shows them.
    package static var groups: [(title: String, bindings: [Binding])] {
        [
            (tr("Files"), [
                Binding(action: "win.new", accelerators: ["<Control>n"], title: tr("New survey")),
                Binding(action: "win.open", accelerators: ["<Control>o"], title: tr("Open a survey")),
                Binding(action: "win.save", accelerators: ["<Control>s"], title: tr("Save")),
                Binding(action: "win.save-as", accelerators: ["<Shift><Control>s"], title: tr("Save as")),
                Binding(action: "win.export", accelerators: ["<Shift><Control>e"], title: tr("Export tables")),
                Binding(action: "win.close", accelerators: ["<Control>w"], title: tr("Close the window")),
            ]),
            (tr("Editing"), [
                Binding(action: "win.undo", accelerators: ["<Control>z"], title: tr("Undo")),
                Binding(action: "win.redo", accelerators: ["<Shift><Control>z", "<Control>y"], title: tr("Redo")),
            ]),
            (tr("Sections"), sectionTitles.enumerated().map { i, title in
                Binding(action: "win.section-\(i + 1)", accelerators: ["<Alt>\(i + 1)"], title: tr("Go to %1", title))
            }),
            (tr("General"), [
                Binding(action: "win.next-pane", accelerators: ["F6", "<Control>Tab"],
                        title: tr("Next pane (also out of the matrix grid)")),
                Binding(action: "win.previous-pane", accelerators: ["<Shift>F6", "<Shift><Control>Tab"],
                        title: tr("Previous pane")),
                Binding(action: "win.checks", accelerators: ["<Control>e"], title: tr("Go to the checks")),
                Binding(action: "win.sidebar", accelerators: ["F9"], title: tr("Show or hide the sidebar")),
                Binding(action: "app.shortcuts", accelerators: ["<Control>question", "<Control>slash"],
                        title: tr("Keyboard shortcuts")),
                Binding(action: "app.quit", accelerators: ["<Control>q"], title: tr("Quit")),
            ]),
        ]
    }

    package static var bindings: [Binding] { groups.flatMap(\.bindings) }

    /// The sections in sidebar order (`SectionKind`, as `MainWindow` adds them), for Alt+1 … Alt+8.
    package static var sectionTitles: [String] { SectionKind.allCases.map(\.title) }

    /// The groups for the shortcuts window: the table's, then each keyboard section's.
    @MainActor
    package static func shortcutGroups(sections: [any WindowSection]) -> [ShortcutGroup] {
        shortcutPages(sections: sections).flatMap(\.groups)
    }

    /// The shortcuts window's pages: the application's actions, then one per keyboard section.
    @MainActor
    package static func shortcutPages(sections: [any WindowSection]) -> [ShortcutsWindow.Page] {
        pages(sectionKeys: sections.compactMap { section in
            (section as? any KeyboardSection).map { (section.id, $0.keyboardShortcuts) }
        })
    }

    /// The shortcuts window's pages for the window's own sections (`SectionKind`), none of which
    /// needs to be built for it.
    @MainActor
    package static func shortcutPages() -> [ShortcutsWindow.Page] {
        pages(sectionKeys: SectionKind.allCases.compactMap { kind in kind.keyboardShortcuts.map { (kind.rawValue, $0) } })
    }

    private static func pages(sectionKeys: [(id: String, keys: ShortcutGroup)]) -> [ShortcutsWindow.Page] {
        let own = groups.map { group in
            ShortcutGroup(title: group.title, entries: group.bindings.map {
                ShortcutEntry(accelerator: $0.accelerators.joined(separator: " "), title: $0.title)
            })
        }
        let sectionPages = sectionKeys.map { ShortcutsWindow.Page(name: $0.id, title: $0.keys.title, groups: [$0.keys]) }
        return [ShortcutsWindow.Page(name: "application", title: tr("Files and editing"), groups: own)] + sectionPages
    }
}
