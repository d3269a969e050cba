import CGtk
import Model
import GtkKit
import Rendering

/// A section that says which of its widgets takes the keyboard when it is brought to the front
/// from the keyboard (Alt+number); other sections focus their first focusable widget.
@MainActor
package protocol FocusingSection: WindowSection {
    func focusMainWidget()
}

/// A section made of several panes (the matrix: toolbar, grid, details), which F6 and Ctrl+Tab
/// go through in order; other sections are one pane.
@MainActor
package protocol PanedSection: WindowSection {
    var focusPanes: [UnsafeMutablePointer<GtkWidget>] { get }
}

/// Alt+1 … Alt+7: `win.section-N` brings the Nth section of the sidebar to the front and puts the
/// keyboard focus in its main widget (the matrix: the grid, ready for status keys).
@MainActor
package enum SectionActions {
    package static func register(in map: ActionMap, window: MainWindow) {
        for number in 1...ShortcutTable.sectionTitles.count {
            map.add("section-\(number)") { [weak window] in window?.goToSection(number: number) }
        }
        map.add("next-pane") { [weak window] in window?.moveToPane(forward: true) }
        map.add("previous-pane") { [weak window] in window?.moveToPane(forward: false) }
        installSidebarKeys(window)
    }

    /// Arrow keys in the sidebar only show a section (the keyboard stays in the sidebar, GTK's
    /// own behaviour); Enter goes into the section shown, as Alt+number does.
    private static func installSidebarKeys(_ window: MainWindow) {
        let sidebar = window.sidebar
        // GTK's stack sidebar holds a list box (in a scrolled window): the list is what takes the keys.
        func listBox(under widget: UnsafeMutablePointer<GtkWidget>) -> UnsafeMutablePointer<GtkWidget>? {
            if widget.isA(gtk_list_box_get_type()) { return widget }
            var child = gtk_widget_get_first_child(widget)
            while let current = child {
                if let found = listBox(under: current) { return found }
                child = gtk_widget_get_next_sibling(current)
            }
            return nil
        }
        if let list = listBox(under: sidebar) { Events.setAccessibleLabel(list, tr("Sections")) }
        Events.setAccessibleLabel(sidebar, tr("Sections"))
        Events.onKeyPressed(sidebar, phase: GTK_PHASE_CAPTURE) { [weak window] keyval, state in
            guard let window, state.rawValue & GDK_CONTROL_MASK.rawValue == 0,
                  keyval == guint(GDK_KEY_Return) || keyval == guint(GDK_KEY_KP_Enter) || keyval == guint(GDK_KEY_ISO_Enter),
                  let id = window.visibleSectionID, let i = window.sectionIDs.firstIndex(of: id) else { return false }
            window.goToSection(number: i + 1)
            return true
        }
    }
}

extension MainWindow {
    /// Brings the section at a 1-based sidebar position to the front (building it the first time)
    /// and focuses its main widget.
    package func goToSection(number: Int) {
        let ids = sectionIDs
        guard number >= 1, number <= ids.count, let section = section(id: ids[number - 1]) else { return }
        showSection(id: section.id)
        if let focusing = section as? any FocusingSection {
            focusing.focusMainWidget()
        } else {
            _ = gtk_widget_child_focus(section.widget, GTK_DIR_TAB_FORWARD)
        }
    }
}

extension MainWindow {
    /// The panes F6 and Ctrl+Tab go through: the sidebar, then the panes of the section shown.
    package var panes: [UnsafeMutablePointer<GtkWidget>] {
        guard let id = visibleSectionID, let section = section(id: id) else { return [sidebar] }
        return [sidebar] + ((section as? any PanedSection)?.focusPanes ?? [section.widget])
    }

    /// F6 / Ctrl+Tab (forward) and Shift+F6 / Ctrl+Shift+Tab: the keyboard goes to the next (or
    /// previous) pane that can take it, out of the matrix grid whose Tab moves between cells.
    package func moveToPane(forward: Bool) {
        let panes = self.panes
        let focus = gtk_root_get_focus(window.opaque)
        let current = focus.flatMap { f in panes.lastIndex { $0 == f || gtk_widget_is_ancestor(f, $0) != 0 } }
        for step in 1...panes.count {
            let start = current ?? (forward ? panes.count - 1 : 0)
            let pane = panes[((start + (forward ? step : -step)) % panes.count + panes.count) % panes.count]
            guard gtk_widget_get_mapped(pane) != 0 else { continue }
            if gtk_widget_get_focusable(pane) != 0, gtk_widget_grab_focus(pane) != 0 { return }
            if gtk_widget_child_focus(pane, GTK_DIR_TAB_FORWARD) != 0 { return }
        }
    }
}
