import CGtk
import Model
import GtkKit
import Rendering

/// The bar above the enterprise list: a search field (name, as you type) with the "N of M" count,
/// and drop-downs for jurisdiction, year, reason and completeness.
@MainActor
package final class EnterpriseFilterBar {
    package let widget: UnsafeMutablePointer<GtkWidget>
    package let searchEntry: UnsafeMutablePointer<GtkWidget>
    package let jurisdiction = DropDown([], searchable: true)
    package let year = DropDown([])
    package let reason = DropDown([])
    package let completeness = DropDown([])
    /// The "N of M" count.
    package let countLabel: UnsafeMutablePointer<GtkWidget>
    /// Called whenever the filter changes.
    package var onChange: ((EnterpriseFilter) -> Void)?

    private var jurisdictionIDs: [String?] = [nil]
    private var yearChoices: [EnterpriseFilter.YearChoice] = [.any]
    private let reasonChoices: [EnterpriseFilter.ReasonChoice] = [.any] + Reason.allCases.map { .reason($0) } + [.unknown]
    private let completenessChoices: [Completeness?] = [nil] + Completeness.allCases.map { Optional($0) }

    package init() {
        widget = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 6, classes: ["gk-toolbar"])
        searchEntry = gtk_search_entry_new()
        GProperty.set(searchEntry, "placeholder-text", tr("Search names"))
        Events.setAccessibleLabel(searchEntry, tr("Search names"))
        Events.setAccessibleLabel(jurisdiction.widget, tr("Jurisdiction"))
        Events.setAccessibleLabel(year.widget, tr("Year"))
        Events.setAccessibleLabel(reason.widget, tr("Reasons"))
        Events.setAccessibleLabel(completeness.widget, tr("Completeness"))
        gtk_search_entry_set_search_delay(searchEntry.opaque, 80)
        gtk_editable_set_width_chars(searchEntry.opaque, 18)
        countLabel = Widgets.label("", classes: ["gk-count", "numeric"], xalign: 1)
        reason.setLabels([tr("All reasons")] + Reason.allCases.map { tr("Reason %1", $0.rawValue) } + [tr("Reasons unknown")], selected: 0)
        completeness.setLabels([tr("Any completeness")] + Completeness.allCases.map(\.label), selected: 0)
        gtk_widget_set_hexpand(searchEntry, 1)
        let searchRow = Widgets.wrappingBar(spacing: 8)
        Widgets.append(searchRow, searchEntry, countLabel)
        let choices = Widgets.wrappingBar(spacing: 6)
        for dropDown in [jurisdiction, year, reason, completeness] {
            gtk_widget_set_hexpand(dropDown.widget, 1)
            Widgets.append(choices, dropDown.widget)
        }
        Widgets.append(widget, searchRow, choices)
        Signals.connect(searchEntry, "search-changed") { [weak self] in self?.changed() }
        for dropDown in [jurisdiction, year, reason, completeness] {
            dropDown.onSelect = { [weak self] _ in self?.changed() }
        }
    }

    /// Refreshes the drop-downs' choices from the survey, keeping what is chosen.
    package func update(_ survey: Survey) {
        let chosenJurisdiction = jurisdictionIDs[ifPresent: jurisdiction.selected] ?? nil
        jurisdictionIDs = [nil] + survey.jurisdictions.map(\.id)
        jurisdiction.setLabels([tr("All jurisdictions")] + survey.jurisdictions.map(\.displayName),
                               selected: jurisdictionIDs.firstIndex(of: chosenJurisdiction) ?? 0)
        let chosenYear = yearChoices[ifPresent: year.selected] ?? .any
        yearChoices = [.any] + survey.years.map { .year($0) } + [.notStated]
        year.setLabels([tr("Any year")] + survey.years.map(String.init) + [tr("Year not stated")],
                       selected: yearChoices.firstIndex(of: chosenYear) ?? 0)
    }

    /// The filter the controls show.
    package var filter: EnterpriseFilter {
        var f = EnterpriseFilter()
        f.text = String(borrowingGChars: gtk_editable_get_text(searchEntry.opaque)) ?? ""
        f.jurisdiction = jurisdictionIDs[ifPresent: jurisdiction.selected] ?? nil
        f.year = yearChoices[ifPresent: year.selected] ?? .any
        f.reason = reasonChoices[ifPresent: reason.selected] ?? .any
        f.completeness = completenessChoices[ifPresent: completeness.selected] ?? nil
        return f
    }

    /// Types a search text and applies it at once (without the search field's short delay).
    package func search(_ text: String) {
        let current = String(borrowingGChars: gtk_editable_get_text(searchEntry.opaque)) ?? ""
        if text.hasPrefix(current) && !current.isEmpty {
            // Typed at the end, as a keystroke would (set_text would empty the field first).
            var position = Int32(current.unicodeScalars.count)
            let rest = String(text.dropFirst(current.count))
            gtk_editable_insert_text(searchEntry.opaque, rest, -1, &position)
        } else if current.hasPrefix(text) && !text.isEmpty {
            // Erased at the end, as Backspace would.
            gtk_editable_delete_text(searchEntry.opaque, Int32(text.unicodeScalars.count), -1)
        } else {
            gtk_editable_set_text(searchEntry.opaque, text)
        }
        changed()
    }

    /// Clears every filter.
    package func clear() {
        gtk_editable_set_text(searchEntry.opaque, "")
        for dropDown in [jurisdiction, year, reason, completeness] { dropDown.selected = 0 }
        changed()
    }

    package func setCount(shown: Int, total: Int) {
        Widgets.setText(countLabel, tr("Showing %1 of %2", shown, total))
    }

    package var countText: String { Widgets.text(ofLabel: countLabel) }

    private func changed() {
        onChange?(filter)
    }
}

extension Array {
    package subscript(ifPresent index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
