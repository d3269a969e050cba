import CGtk
import Model
import GtkKit
import Rendering

/// The regulations as a list grouped by level: national laws and rules first, then provincial
/// documents, each row with its title, level, document number and its status on the chosen date
/// as a coloured tag with the status in words.
@MainActor
package final class RegulationList {
    package let widget: UnsafeMutablePointer<GtkWidget>
    package let listBox: UnsafeMutablePointer<GtkWidget>
    /// Called when the user selects a regulation.
    package var onSelect: ((String?) -> Void)?
    package private(set) var selectedID: String?
    private var rowIDs: [UnsafeMutableRawPointer: String] = [:]
    private var rowsByID: [String: UnsafeMutablePointer<GtkWidget>] = [:]
    private var showing = false
    /// The tag text of each regulation, as shown (for tests).
    package private(set) var statusTexts: [String: String] = [:]

    package init() {
        listBox = gtk_list_box_new()
        gtk_list_box_set_selection_mode(listBox.opaque, GTK_SELECTION_SINGLE)
        Widgets.addClasses(listBox, ["navigation-sidebar"])
        Events.setAccessibleLabel(listBox, tr("Laws and rules"))
        widget = Widgets.verticalScroller(listBox)
        Signals.connect(listBox, "row-selected", withArgument: { [weak self] row in
            guard let self, !self.showing else { return }
            self.selectedID = row.flatMap { self.rowIDs[$0] }
            self.onSelect?(self.selectedID)
        })
    }

    /// Lists the survey's regulations with their status on `date`, keeping the selection.
    package func show(_ survey: Survey, statusOn date: PartialDate) {
        showing = true
        defer { showing = false }
        FormParts.clear(listBox)
        rowIDs = [:]
        rowsByID = [:]
        statusTexts = [:]
        let names = Dictionary(survey.jurisdictions.map { ($0.id, $0.displayName) }, uniquingKeysWith: { a, _ in a })
        let groups: [(String, [Regulation])] = [
            (tr("National laws and rules"), survey.regulations.filter { $0.level.isNational }),
            (tr("Provincial documents"), survey.regulations.filter { !$0.level.isNational }),
        ]
        for (heading, regulations) in groups where !regulations.isEmpty {
            let header: UnsafeMutablePointer<GtkWidget> = gtk_list_box_row_new()
            gtk_list_box_row_set_child(header.cast(), Widgets.label(heading, classes: ["gk-group-heading"]))
            gtk_list_box_row_set_selectable(header.cast(), 0)
            gtk_list_box_row_set_activatable(header.cast(), 0)
            gtk_list_box_append(listBox.opaque, header)
            for regulation in regulations where rowsByID[regulation.id] == nil {
                let row = self.row(regulation, status: regulation.status(on: date), names: names)
                gtk_list_box_append(listBox.opaque, row)
                rowIDs[row.rawPointer] = regulation.id
                rowsByID[regulation.id] = row
            }
        }
        if let id = selectedID, let row = rowsByID[id] {
            gtk_list_box_select_row(listBox.opaque, row.cast())
        } else {
            selectedID = nil
        }
    }

    private func row(_ r: Regulation, status: RegulationStatus, names: [String: String]) -> UnsafeMutablePointer<GtkWidget> {
        let title = Widgets.label(r.title, wrap: true)
        gtk_label_set_max_width_chars(title.opaque, 30)
        Widgets.addClasses(title, ["heading"])
        var details = [r.level.label]
        if let number = r.documentNumber { details.append(number) }
        if let j = r.jurisdiction { details.append(names[j] ?? j) }
        if let start = r.startDate { details.append(start.description) }
        let subtitle = Widgets.label(details.joined(separator: " · "), classes: ["gk-hint"], wrap: true)
        let text = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 2)
        gtk_widget_set_hexpand(text, 1)
        Widgets.append(text, title, subtitle)
        let tag = FormParts.tag(status.label, cssClass: EnterpriseStyle.regulationStatusClass(status))
        gtk_widget_set_valign(tag, GTK_ALIGN_START)
        statusTexts[r.id] = status.label
        let line = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 10, classes: ["gk-list-row"])
        Widgets.append(line, text, tag)
        let row: UnsafeMutablePointer<GtkWidget> = gtk_list_box_row_new()
        gtk_list_box_row_set_child(row.cast(), line)
        return row
    }

    /// Selects a regulation (as the user would) and scrolls to it, with the keyboard on its row
    /// unless `focus` is false (the first row chosen when the list is shown: the keyboard stays
    /// where the user has it, e.g. in the sidebar); false when it is not listed.
    @discardableResult
    package func select(id: String, focus: Bool = true) -> Bool {
        guard let row = rowsByID[id] else { return false }
        gtk_list_box_select_row(listBox.opaque, row.cast())
        if focus, gtk_widget_get_mapped(row) != 0 { gtk_widget_grab_focus(row) }
        return true
    }

    /// The ids in the order shown.
    package var shownIDs: [String] {
        var ids: [String] = []
        var child = gtk_widget_get_first_child(listBox)
        while let current = child {
            if let id = rowIDs[current.rawPointer] { ids.append(id) }
            child = gtk_widget_get_next_sibling(current)
        }
        return ids
    }
}
