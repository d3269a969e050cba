import CGtk
import Model
import GtkKit
import Rendering

/// The Outreach page: the 32 jurisdictions on the left; on the right, for the selected one, the
/// departments responsible, the phone survey of its departments, the suggestion letter, notes,
/// and for jurisdictions that delegate the work to cities or divisions, the sub-unit table.
/// Every change is one undo step (`setJurisdiction`, `setOutreach`, `setSubUnitObservations`).
@MainActor
package final class OutreachSection: RevealingSection, FocusingSection {
    package let id = "outreach"
    package var title: String { tr("Outreach") }
    package let widget: UnsafeMutablePointer<GtkWidget>
    /// The section keeps its widget tree alive as long as itself: nothing it does after the window
    /// is gone (an idle update, a field committing its text) touches freed widgets.
    private let tree: OwnedObject<UnsafeMutablePointer<GtkWidget>>

    package let controller: DocumentController
    package let jurisdictions = OutreachJurisdictionList()
    package let mandatory = StringListEditor(placeholder: tr("Add a department for mandatory audits"), addLabel: tr("Add department"),
                                     editLabel: tr("Edit department"), removeLabel: tr("Remove department"))
    package let voluntary = StringListEditor(placeholder: tr("Add a department for voluntary audits"), addLabel: tr("Add department"),
                                     editLabel: tr("Edit department"), removeLabel: tr("Remove department"))
    package let contacts = PhoneContactsEditor()
    package let letter = LetterEditor()
    package let notes = CommitTextView(placeholder: tr("Notes on this jurisdiction's outreach"))
    package let subUnits = SubUnitGrid()
    private let heading: UnsafeMutablePointer<GtkWidget>
    private let subUnitPart: UnsafeMutablePointer<GtkWidget>
    private var survey: Survey

    package init(controller: DocumentController) {
        self.controller = controller
        survey = controller.survey
        Stylesheet.install()
        let paned = gtk_paned_new(GTK_ORIENTATION_HORIZONTAL)!
        Events.setAccessibleLabel(paned, tr("Divider between the jurisdictions and their details"))
        widget = paned
        tree = OwnedObject(sinking: widget)
        heading = Widgets.label("", classes: ["gk-form-title"])
        subUnitPart = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 8)

        let page = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 8, classes: ["gk-form"])
        let departments = FormGrid()
        departments.add(tr("Mandatory audits: department"), mandatory.widget)
        departments.add(tr("Voluntary audits: department"), voluntary.widget)
        Widgets.append(subUnitPart, FormParts.heading(tr("Sub-units")), subUnits.widget)
        Widgets.append(page, heading,
                       FormParts.heading(tr("Departments responsible")), departments.widget,
                       FormParts.heading(tr("Phone survey")), contacts.widget,
                       FormParts.heading(tr("Suggestion letter")), letter.widget,
                       FormParts.heading(tr("Notes")), notes.widget,
                       subUnitPart)
        notes.named(tr("Notes"))
        let copyButtons = Widgets.wrappingBar(spacing: 6, classes: ["gk-toolbar"])
        Widgets.append(copyButtons, CopyTableButton.make("outreach"), CopyTableButton.make("sub-units", label: tr("Copy Sub-unit Table")))
        let start = Widgets.box(GTK_ORIENTATION_VERTICAL)
        gtk_widget_set_vexpand(jurisdictions.widget, 1)
        Widgets.append(start, copyButtons, jurisdictions.widget)
        gtk_paned_set_start_child(paned.opaque, Widgets.horizontalScroller(start, minimumWidth: 220))
        gtk_paned_set_end_child(paned.opaque, Widgets.verticalScroller(page))
        gtk_paned_set_shrink_start_child(paned.opaque, 0)
        gtk_paned_set_shrink_end_child(paned.opaque, 0)
        gtk_paned_set_resize_start_child(paned.opaque, 0)
        PanedDivider.place(paned, startWidth: 280)
        connect()
    }

    private func connect() {
        jurisdictions.onSelect = { [weak self] _ in
            guard let self else { return }
            self.commitPending()
            self.showSelected()
        }
        mandatory.onChange = { [weak self] list, label in self?.editJurisdiction(label) { $0.mandatoryDepartments = list } }
        voluntary.onChange = { [weak self] list, label in self?.editJurisdiction(label) { $0.voluntaryDepartments = list } }
        contacts.onChange = { [weak self] list, label in self?.editOutreach(label) { $0.phoneContacts = list } }
        letter.onChange = { [weak self] new, label in self?.editOutreach(label) { $0.letter = new } }
        notes.onCommit = { [weak self] text in self?.editOutreach(tr("Edit %1", tr("Notes"))) { $0.notes = FormParts.optional(text) } }
        subUnits.onChange = { [weak self] list, label in
            guard let self, let j = self.selectedJurisdiction else { return }
            self.controller.perform(.setSubUnitObservations(jurisdiction: j.id, list), label: label)
        }
    }

    package var selectedJurisdiction: Jurisdiction? {
        jurisdictions.selectedID.flatMap { id in survey.jurisdictions.first { $0.id == id } }
    }

    /// The selected jurisdiction's outreach record (an empty one when none is recorded).
    package var selectedOutreach: Outreach? {
        guard let j = selectedJurisdiction else { return nil }
        return survey.outreach.first { $0.jurisdiction == j.id } ?? Outreach(jurisdiction: j.id)
    }

    private func editJurisdiction(_ label: String, _ body: (inout Jurisdiction) -> Void) {
        guard var j = selectedJurisdiction else { return }
        let old = j
        body(&j)
        if j != old { controller.perform(.setJurisdiction(j), label: label) }
    }

    private func editOutreach(_ label: String, _ body: (inout Outreach) -> Void) {
        guard var o = selectedOutreach else { return }
        let old = o
        body(&o)
        if o != old { controller.perform(.setOutreach(o), label: label) }
    }

    private func commitPending() {
        let fields: [any CommittingField] = mandatory.fields + voluntary.fields + contacts.fields + letter.fields + [notes]
        for field in fields where field.isDirty { field.commit() }
    }

    package func show(_ survey: Survey) {
        self.survey = survey
        jurisdictions.show(survey)
        showSelected()
    }

    private func showSelected() {
        guard let j = selectedJurisdiction, let o = selectedOutreach else { return }
        Widgets.setText(heading, j.displayFullName)
        mandatory.show(j.mandatoryDepartments, key: j.id)
        voluntary.show(j.voluntaryDepartments, key: j.id)
        contacts.show(o.phoneContacts, key: j.id)
        letter.show(o.letter, key: j.id)
        notes.show(o.notes ?? "", force: notesKey != j.id)
        notesKey = j.id
        let delegated = !j.subUnits.isEmpty || survey.subUnitObservations.contains { $0.jurisdiction == j.id }
        gtk_widget_set_visible(subUnitPart, delegated ? 1 : 0)
        if delegated { subUnits.show(j, in: survey) }
    }

    private var notesKey: String?

    /// Selects a jurisdiction.
    @discardableResult
    package func select(jurisdiction id: String) -> Bool {
        jurisdictions.select(id: id)
    }

    package func reveal(_ location: ProblemLocation) -> Bool {
        switch location {
        case .outreach(let j), .jurisdiction(let j), .subUnit(let j, _), .subUnitTally(let j, _, _):
            return select(jurisdiction: j)
        default:
            return false
        }
    }

    /// Alt+7: the keyboard goes to the selected jurisdiction of the list (not to the copy buttons
    /// above it), so ↑ and ↓ go through the jurisdictions at once.
    package func focusMainWidget() {
        if gtk_widget_child_focus(jurisdictions.listBox, GTK_DIR_TAB_FORWARD) == 0 { _ = gtk_widget_child_focus(widget, GTK_DIR_TAB_FORWARD) }
    }
}
