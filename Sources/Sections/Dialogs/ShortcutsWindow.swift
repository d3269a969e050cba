import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// The keyboard-shortcuts window (Ctrl+?), built from `ShortcutTable` and the sections' keys: one
/// page for the application's own actions and one per section with keys (the matrix), chosen in
/// the window's title bar.
///
/// GTK 4.8's `GtkShortcutsWindow` takes its sections and groups only from a builder description
/// (`gtk_shortcuts_window_add_section` is 4.14), so the description is written here and loaded
/// with `GtkBuilder`.
@MainActor
package enum ShortcutsWindow {
    /// One page of the window.
    package struct Page: Equatable {
        /// The builder's `section-name`: ASCII, unique.
        package var name: String
        package var title: String
        package var groups: [ShortcutGroup]
        package init(name: String, title: String, groups: [ShortcutGroup]) {
            self.name = name
            self.title = title
            self.groups = groups
        }
    }

    /// Makes the window, transient for `parent` (not yet shown).
    package static func make(pages: [Page], parent: UnsafeMutablePointer<GtkWidget>?) -> UnsafeMutablePointer<GtkWidget> {
        let builder = gtk_builder_new_from_string(description(pages), -1)!
        defer { unref(builder) }
        let window: UnsafeMutablePointer<GtkWidget> = gtk_builder_get_object(builder, "shortcuts")!.cast()
        if let parent { gtk_window_set_transient_for(window.window, parent.window) }
        return window
    }

    /// The most lines a group shows; longer groups continue in the next column. A page has two
    /// columns (more would turn into sub-pages), so a page holds up to twice this many lines.
    package static let linesPerGroup = 16

    /// The `GtkBuilder` description of the window.
    package static func description(_ pages: [Page]) -> String {
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <interface>
          <object class="GtkShortcutsWindow" id="shortcuts">
            <property name="modal">1</property>
            <property name="hide-on-close">0</property>
            <property name="title">\(escape(tr("Keyboard Shortcuts")))</property>

        """
        for page in pages where !page.groups.isEmpty {
            xml += """
                <child>
                  <object class="GtkShortcutsSection">
                    <property name="section-name">\(escape(page.name))</property>
                    <property name="title">\(escape(page.title))</property>
                    <property name="max-height">\(linesPerGroup + 1)</property>

            """
            for group in columns(page.groups) { xml += groupDescription(group) }
            xml += """
                  </object>
                </child>

            """
        }
        xml += """
          </object>
        </interface>

        """
        return xml
    }

    private static func groupDescription(_ group: ShortcutGroup) -> String {
        var xml = """
                    <child>
                      <object class="GtkShortcutsGroup">
                        <property name="title">\(escape(group.title))</property>

        """
        for entry in group.entries {
            xml += """
                            <child>
                              <object class="GtkShortcutsShortcut">
                                <property name="accelerator">\(escape(entry.accelerator))</property>
                                <property name="title">\(escape(entry.title))</property>
                              </object>
                            </child>

            """
        }
        xml += """
                      </object>
                    </child>

        """
        return xml
    }

    /// The groups, with long ones cut into "… (continued)" parts of at most `linesPerGroup` lines
    /// (a group never breaks across columns by itself).
    package static func columns(_ groups: [ShortcutGroup]) -> [ShortcutGroup] {
        groups.flatMap { group -> [ShortcutGroup] in
            stride(from: 0, to: group.entries.count, by: linesPerGroup).map { start in
                let part = Array(group.entries[start..<min(start + linesPerGroup, group.entries.count)])
                return ShortcutGroup(title: start == 0 ? group.title : tr("%1 (continued)", group.title), entries: part)
            }
        }
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
