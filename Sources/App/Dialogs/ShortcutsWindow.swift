import CGtk
import Foundation
import Model

/// The keyboard-shortcuts window (Ctrl+?), built from `ShortcutTable` and the sections' keys.
///
/// GTK 4.8's `GtkShortcutsWindow` takes its sections and groups only from a builder description
/// (`gtk_shortcuts_window_add_section` is 4.14), so the description is written here from the
/// table and loaded with `GtkBuilder`.
@MainActor
enum ShortcutsWindow {
    /// Makes the window for `groups`, transient for `parent` (not yet shown).
    static func make(groups: [ShortcutGroup], parent: UnsafeMutablePointer<GtkWidget>?) -> UnsafeMutablePointer<GtkWidget> {
        let builder = gtk_builder_new_from_string(description(groups), -1)!
        defer { unref(builder) }
        let window: UnsafeMutablePointer<GtkWidget> = gtk_builder_get_object(builder, "shortcuts")!.cast()
        if let parent { gtk_window_set_transient_for(window.window, parent.window) }
        return window
    }

    /// The `GtkBuilder` description of the window.
    static func description(_ groups: [ShortcutGroup]) -> String {
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <interface>
          <object class="GtkShortcutsWindow" id="shortcuts">
            <property name="modal">1</property>
            <property name="title">\(escape(tr("Keyboard Shortcuts")))</property>
            <child>
              <object class="GtkShortcutsSection">
                <property name="section-name">main</property>
                <property name="title">\(escape(tr("Keyboard Shortcuts")))</property>
                <property name="max-height">14</property>

        """
        for group in groups where !group.entries.isEmpty {
            xml += """
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
        }
        xml += """
              </object>
            </child>
          </object>
        </interface>

        """
        return xml
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
