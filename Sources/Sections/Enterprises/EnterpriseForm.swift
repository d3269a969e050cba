import CGtk
import Model
import GtkKit
import Rendering

/// The form beside the enterprise list: every field of the selected enterprise. Each change is one
/// undoable `.updateEnterprise` edit through `onEdit`; text fields commit on Enter and on leaving
/// them.
@MainActor
package final class EnterpriseForm {
    /// The scrolled form (or the "nothing selected" page).
    package let widget: UnsafeMutablePointer<GtkWidget>
    /// Performs an edit of the shown enterprise with an undo label.
    package var onEdit: ((Enterprise, String) -> Void)?

    package let name = CommitEntry(check: .required)
    package let jurisdiction = DropDown([], searchable: true)
    package let city = CommitEntry()
    package let year = DropDown([])
    package let reasonBoxes: [Reason: CheckBox]
    package let unknownReason = CheckBox(tr("Unknown"))
    package let industry = CommitEntry()
    package let parentCompany = CommitEntry()
    package let notes = CommitTextView()
    package let checklist = DisclosureChecklist()
    package let sources = EnterpriseSources()
    package let calls = PhoneAttemptsEditor()

    private let stack: UnsafeMutablePointer<GtkWidget>
    /// The enterprise's logged changes.
    package let history = HistoryList()
    private let titleLabel: UnsafeMutablePointer<GtkWidget>
    private let idLabel: UnsafeMutablePointer<GtkWidget>
    package private(set) var current: Enterprise?
    private var jurisdictionIDs: [String] = []
    private var yearChoices: [Int?] = []

    package init() {
        var boxes: [Reason: CheckBox] = [:]
        for r in Reason.allCases { boxes[r] = CheckBox(Self.reasonLabel(r)) }
        reasonBoxes = boxes

        let page = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 8, classes: ["gk-form"])
        titleLabel = Widgets.label("", classes: ["gk-form-title"], wrap: true, selectable: true)
        idLabel = Widgets.label("", classes: ["gk-hint"], selectable: true)
        let grid = FormGrid()
        grid.add(tr("Name"), name.widget)
        grid.add(tr("Jurisdiction"), jurisdiction.widget)
        grid.add(tr("City"), city.widget)
        grid.add(tr("Year"), year.widget)
        let reasons = Widgets.wrappingBar(spacing: 10)
        for r in Reason.allCases { Widgets.append(reasons, boxes[r]!.widget) }
        Widgets.append(reasons, unknownReason.widget)
        grid.add(tr("Reasons"), reasons)
        grid.add(tr("Industry"), industry.widget)
        grid.add(tr("Parent company"), parentCompany.widget)
        grid.add(tr("Notes"), notes.widget)
        gtk_widget_set_halign(year.widget, GTK_ALIGN_START)
        Widgets.append(page, titleLabel, idLabel, grid.widget,
                       FormParts.heading(tr("Items required by article 11 of the Cleaner Production Audit Measures")), checklist.widget,
                       FormParts.heading(tr("Channels and links")), sources.widget,
                       FormParts.heading(tr("Phone calls")), calls.widget, history.widget)

        let empty = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 6, classes: ["gk-form"])
        gtk_widget_set_valign(empty, GTK_ALIGN_CENTER)
        Widgets.append(empty, Widgets.label(tr("No enterprise selected"), classes: ["title-3", "dim-label"], xalign: 0.5),
                       Widgets.label(tr("Select an enterprise in the list, or add one."), classes: ["dim-label"], xalign: 0.5))
        stack = gtk_stack_new()
        gtk_stack_add_named(stack.opaque, Widgets.paneScroller(page), "form")
        gtk_stack_add_named(stack.opaque, empty, "empty")
        widget = stack
        gtk_widget_set_size_request(widget, 440, -1)
        connect()
    }

    package static func reasonLabel(_ r: Reason) -> String {
        switch r {
        case .pollution: return tr("1 Pollution")
        case .energy: return tr("2 Energy")
        case .toxic: return tr("3 Toxic")
        }
    }

    private func connect() {
        name.onCommit = { [weak self] text in
            guard let value = FormParts.optional(text) else { return false }
            return self?.edit(tr("Rename enterprise")) { $0.name = value } ?? false
        }
        city.onCommit = { [weak self] text in self?.edit(tr("Edit %1", tr("City"))) { $0.city = FormParts.optional(text) } ?? false }
        industry.onCommit = { [weak self] text in
            self?.edit(tr("Edit %1", tr("Industry"))) { $0.industry = FormParts.optional(text) } ?? false
        }
        parentCompany.onCommit = { [weak self] text in
            self?.edit(tr("Edit %1", tr("Parent company"))) { $0.parentCompany = FormParts.optional(text) } ?? false
        }
        notes.onCommit = { [weak self] text in _ = self?.edit(tr("Edit %1", tr("Notes"))) { $0.notes = FormParts.optional(text) } }
        jurisdiction.onSelect = { [weak self] i in
            guard let self, self.jurisdictionIDs.indices.contains(i) else { return }
            let id = self.jurisdictionIDs[i]
            _ = self.edit(tr("Edit %1", tr("Jurisdiction"))) { $0.jurisdiction = id }
        }
        year.onSelect = { [weak self] i in
            guard let self, self.yearChoices.indices.contains(i) else { return }
            let y = self.yearChoices[i]
            _ = self.edit(tr("Edit %1", tr("Year"))) { $0.year = y }
        }
        for (r, box) in reasonBoxes {
            box.onToggle = { [weak self] on in
                _ = self?.edit(tr("Edit %1", tr("Reasons"))) { e in
                    var set = Set(e.reasons?.reasons ?? [])
                    if on { set.insert(r) } else { set.remove(r) }
                    e.reasons = set.isEmpty ? nil : ReasonSet(set)
                }
            }
        }
        unknownReason.onToggle = { [weak self] on in
            guard let self else { return }
            if on {
                _ = self.edit(tr("Edit %1", tr("Reasons"))) { $0.reasons = nil }
            } else {
                self.unknownReason.isActive = self.current?.reasons == nil  // tick a reason instead
            }
        }
        checklist.onChange = { [weak self] items in
            _ = self?.edit(tr("Tick disclosed items")) { $0.disclosedItems = items }
        }
        sources.onChange = { [weak self] searched, found, urls, label in
            _ = self?.edit(label) { e in
                e.channelsSearched = searched
                e.foundAt = found
                e.urls = urls
            }
        }
        calls.onChange = { [weak self] attempts, label in
            _ = self?.edit(label) { $0.phoneAttempts = attempts }
        }
    }

    /// Applies a change to the shown enterprise as one edit; true when there was one to edit.
    private func edit(_ label: String, _ body: (inout Enterprise) -> Void) -> Bool {
        guard var e = current else { return false }
        body(&e)
        if e != current { onEdit?(e, label) }
        return true
    }

    /// Every text field, for committing what was typed before the form changes enterprise.
    package var fields: [any CommittingField] {
        [name, city, industry, parentCompany, notes] + sources.fields + calls.fields
    }

    package func commitPending() {
        for field in fields where field.isDirty { field.commit() }
    }

    /// Shows an enterprise (nil: the empty page). Typed text of the same enterprise is kept.
    package func show(_ e: Enterprise?, in survey: Survey) {
        guard let e else {
            current = nil
            gtk_stack_set_visible_child_name(stack.opaque, "empty")
            return
        }
        let force = e.id != current?.id
        current = e
        history.show(survey.changeLog, record: "enterprises/" + e.id, related: ["verdicts/" + e.id])
        gtk_stack_set_visible_child_name(stack.opaque, "form")
        Widgets.setText(titleLabel, e.name)
        Widgets.setText(idLabel, tr("ID %1", e.id))
        name.show(e.name, force: force)
        city.show(e.city ?? "", force: force)
        industry.show(e.industry ?? "", force: force)
        parentCompany.show(e.parentCompany ?? "", force: force)
        notes.show(e.notes ?? "", force: force)

        jurisdictionIDs = survey.jurisdictions.map(\.id)
        var labels = survey.jurisdictions.map(\.displayName)
        if !jurisdictionIDs.contains(e.jurisdiction) {
            jurisdictionIDs.append(e.jurisdiction)
            labels.append(e.jurisdiction.isEmpty ? tr("Not chosen") : e.jurisdiction)
        }
        jurisdiction.setLabels(labels, selected: jurisdictionIDs.firstIndex(of: e.jurisdiction) ?? -1)

        let years = Set(survey.years + (e.year.map { [$0] } ?? [])).sorted()
        yearChoices = [nil] + years.map { Optional($0) }
        year.setLabels([tr("Not stated")] + years.map(String.init), selected: yearChoices.firstIndex(of: e.year) ?? 0)

        for (r, box) in reasonBoxes { box.isActive = e.reasons?.contains(r) ?? false }
        unknownReason.isActive = e.reasons == nil || e.reasons!.isEmpty
        checklist.show(e, in: survey)
        sources.show(e)
        calls.show(e)
    }
}
