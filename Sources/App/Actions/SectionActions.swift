import CGtk
import Model

/// A section that says which of its widgets takes the keyboard when it is brought to the front
/// from the keyboard (Alt+number); other sections focus their first focusable widget.
@MainActor
protocol FocusingSection: WindowSection {
    func focusMainWidget()
}

/// Alt+1 … Alt+7: `win.section-N` brings the Nth section of the sidebar to the front and puts the
/// keyboard focus in its main widget (the matrix: the grid, ready for status keys).
@MainActor
enum SectionActions {
    static func register(in map: ActionMap, window: MainWindow) {
        for number in 1...ShortcutTable.sectionTitles.count {
            map.add("section-\(number)") { [weak window] in window?.goToSection(number: number) }
        }
    }
}

extension MainWindow {
    /// Brings the section at a 1-based sidebar position to the front and focuses its main widget.
    func goToSection(number: Int) {
        guard number >= 1, number <= sections.count else { return }
        let section = sections[number - 1]
        showSection(id: section.id)
        if let focusing = section as? any FocusingSection {
            focusing.focusMainWidget()
        } else {
            _ = gtk_widget_child_focus(section.widget, GTK_DIR_TAB_FORWARD)
        }
    }
}
