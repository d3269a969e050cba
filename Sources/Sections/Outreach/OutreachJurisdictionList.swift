import CGtk
import Model
import GtkKit
import Rendering

/// The jurisdictions of the survey in order, each with a line saying what outreach is recorded
/// (letter sent and replied, calls, delegated sub-units).
@MainActor
package final class OutreachJurisdictionList {
    package let widget: UnsafeMutablePointer<GtkWidget>
    package let listBox: UnsafeMutablePointer<GtkWidget>
    package var onSelect: ((String?) -> Void)?
    package private(set) var selectedID: String?
    private var rowIDs: [UnsafeMutableRawPointer: String] = [:]
    private var rowsByID: [String: UnsafeMutablePointer<GtkWidget>] = [:]
    private var summaries: [String: UnsafeMutablePointer<GtkWidget>] = [:]
    private var ids: [String] = []
    private var showing = false

    package init() {
        listBox = gtk_list_box_new()
        gtk_list_box_set_selection_mode(listBox.opaque, GTK_SELECTION_BROWSE)
        Widgets.addClasses(listBox, ["navigation-sidebar"])
        Events.setAccessibleLabel(listBox, tr("Jurisdictions"))
        widget = Widgets.paneScroller(listBox)
        gtk_widget_set_size_request(widget, 260, -1)
        Signals.connect(listBox, "row-selected", withArgument: { [weak self] row in
            guard let self, !self.showing else { return }
            self.selectedID = row.flatMap { self.rowIDs[$0] }
            self.onSelect?(self.selectedID)
        })
    }

    package func show(_ survey: Survey) {
        showing = true
        defer { showing = false }
        let newIDs = survey.jurisdictions.map(\.id)
        if newIDs != ids {
            ids = newIDs
            FormParts.clear(listBox)
            rowIDs = [:]
            rowsByID = [:]
            summaries = [:]
            for j in survey.jurisdictions where rowsByID[j.id] == nil {
                let name = Widgets.label(j.displayName, classes: ["heading"], wrap: true)
                let summary = Widgets.label("", classes: ["gk-hint"], wrap: true)
                let box = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 1, classes: ["gk-list-row"])
                Widgets.append(box, name, summary)
                let row: UnsafeMutablePointer<GtkWidget> = gtk_list_box_row_new()
                gtk_list_box_row_set_child(row.cast(), box)
                gtk_list_box_append(listBox.opaque, row)
                rowIDs[row.rawPointer] = j.id
                rowsByID[j.id] = row
                summaries[j.id] = summary
            }
        }
        let outreach = Dictionary(survey.outreach.map { ($0.jurisdiction, $0) }, uniquingKeysWith: { a, _ in a })
        for j in survey.jurisdictions {
            guard let label = summaries[j.id] else { continue }
            Widgets.setText(label, Self.summary(j, outreach[j.id]))
        }
        if selectedID == nil || rowsByID[selectedID!] == nil { selectedID = ids.first }
        if let id = selectedID, let row = rowsByID[id] { gtk_list_box_select_row(listBox.opaque, row.cast()) }
    }

    /// "Letter sent · replied · 2 calls · 21 sub-units".
    package static func summary(_ j: Jurisdiction, _ o: Outreach?) -> String {
        var parts: [String] = []
        if let letter = o?.letter {
            if letter.sent {
                parts.append(letter.replied == true ? tr("Letter answered") : tr("Letter sent"))
            } else {
                parts.append(tr("No letter"))
            }
        }
        if let calls = o?.phoneContacts.count, calls > 0 { parts.append(trn("%1 call", "%1 calls", calls)) }
        if !j.subUnits.isEmpty { parts.append(trn("%1 sub-unit", "%1 sub-units", j.subUnits.count)) }
        return parts.isEmpty ? tr("Nothing recorded") : parts.joined(separator: " · ")
    }

    /// Selects a jurisdiction as the user would; false when it is not listed.
    @discardableResult
    package func select(id: String) -> Bool {
        guard let row = rowsByID[id] else { return false }
        gtk_list_box_select_row(listBox.opaque, row.cast())
        return true
    }
}
