import CGtk
import Model
import GtkKit
import Rendering

/// The Enterprises page: the filter bar, the virtualised list of samples with Add, Duplicate,
/// Delete and Import, and the form editing the selected sample. Every change is one undo step
/// through the window's controller.
@MainActor
package final class EnterprisesSection: RevealingSection, FocusingSection {
    package let id = "enterprises"
    package var title: String { tr("Enterprises") }
    package let widget: UnsafeMutablePointer<GtkWidget>
    /// The section keeps its widget tree alive as long as itself: nothing it does after the window
    /// is gone (an idle update, a field committing its text) touches freed widgets.
    private let tree: OwnedObject<UnsafeMutablePointer<GtkWidget>>

    package let controller: DocumentController
    package let filterBar = EnterpriseFilterBar()
    package let list = EnterpriseListView()
    package let form = EnterpriseForm()
    private var survey: Survey

    package init(controller: DocumentController) {
        self.controller = controller
        survey = controller.survey
        Stylesheet.install()
        let paned = gtk_paned_new(GTK_ORIENTATION_HORIZONTAL)!
        Events.setAccessibleLabel(paned, tr("Divider between the enterprise list and the form"))
        widget = paned
        tree = OwnedObject(sinking: widget)

        let actions = Widgets.wrappingBar(spacing: 6, classes: ["gk-toolbar"])
        let add = FormParts.button(tr("Add"), classes: ["suggested-action"], tooltip: tr("Add an enterprise sample (Insert)")) { [weak self] in
            self?.addEnterprise()
        }
        let duplicate = FormParts.button(tr("Duplicate"), tooltip: tr("Duplicate the selected enterprise")) { [weak self] in
            self?.duplicateSelected()
        }
        let delete = FormParts.button(tr("Delete"), classes: ["destructive-action"], tooltip: tr("Delete the selected enterprise (Delete)")) { [weak self] in
            self?.deleteSelected()
        }
        let importButton = FormParts.button(tr("Import list…"), tooltip: tr("Import a published audit list (CSV or TSV)")) { [weak self] in
            self?.importList()
        }
        Widgets.append(actions, add, duplicate, delete, importButton, CopyTableButton.make("enterprises"))

        let left = Widgets.box(GTK_ORIENTATION_VERTICAL)
        Widgets.append(left, filterBar.widget, actions, list.widget)
        gtk_paned_set_start_child(paned.opaque, Widgets.horizontalScroller(left, minimumWidth: 280))
        gtk_paned_set_end_child(paned.opaque, form.widget)
        gtk_paned_set_resize_end_child(paned.opaque, 0)
        gtk_paned_set_shrink_end_child(paned.opaque, 0)
        gtk_paned_set_shrink_start_child(paned.opaque, 0)
        PanedDivider.place(paned, endWidth: 460)

        gtk_search_entry_set_key_capture_widget(filterBar.searchEntry.opaque, list.columnView)
        filterBar.onChange = { [weak self] filter in self?.applyFilter(filter) }
        list.onSelectionChanged = { [weak self] byFilter in self?.selectionChanged(byFilter: byFilter) }
        form.onEdit = { [weak self] e, label in
            self?.controller.perform(.updateEnterprise(e), label: label)
        }
        FocusWatch.onKey(list.columnView) { [weak self] key, control, _ in
            guard let self, !control else { return false }
            switch key {
            case "Delete", "KP_Delete": self.deleteSelected(); return true
            case "Insert", "KP_Insert": self.addEnterprise(); return true
            default: return false
            }
        }
    }

    package func show(_ survey: Survey) {
        self.survey = survey
        filterBar.update(survey)
        list.show(survey)
        updateCount()
        // Shown now, so a form update waiting for the list's frame is not needed any more.
        formUpdatePending = false
        showSelected()
    }

    // MARK: List

    private func applyFilter(_ filter: EnterpriseFilter) {
        guard filter != list.currentFilter else { return }
        list.setFilter(filter)
        updateCount()
    }

    private func updateCount() {
        filterBar.setCount(shown: list.shownCount, total: list.totalCount)
    }

    /// True while the form waits for the list's next frame to show the selected enterprise.
    package private(set) var formUpdatePending = false

    private func selectionChanged(byFilter: Bool) {
        // Whatever was typed belongs to the enterprise shown so far.
        form.commitPending()
        guard byFilter, gtk_widget_get_mapped(list.widget) != 0 else { return showSelected() }
        // Typing in the search field moves the selection with each keystroke: the list's frame
        // comes first and the form (a few hundred widgets to lay out again) follows in the next.
        guard !formUpdatePending else { return }
        formUpdatePending = true
        FrameWaiter.afterNextFrame(of: list.widget) { [weak self] in self?.showPendingSelection() }
    }

    /// Shows the selected enterprise in the form now if it waits for the list's frame.
    private func showPendingSelection() {
        guard formUpdatePending else { return }
        formUpdatePending = false
        showSelected()
    }

    private func showSelected() {
        form.show(list.selectedID.flatMap(enterprise(id:)), in: survey)
    }

    private func enterprise(id: String) -> Enterprise? {
        guard let row = list.row(ofID: id), row < survey.enterprises.count else { return nil }
        return survey.enterprises[row]
    }

    package var selectedEnterprise: Enterprise? { list.selectedID.flatMap(enterprise(id:)) }

    /// Selects an enterprise, clearing the filters when they hide it.
    @discardableResult
    package func select(id: String) -> Bool {
        defer { showPendingSelection() }
        if list.select(id: id) { return true }
        guard enterprise(id: id) != nil else { return false }
        filterBar.clear()
        return list.select(id: id)
    }

    package func reveal(_ location: ProblemLocation) -> Bool {
        guard case .enterprise(let id) = location else { return false }
        return select(id: id)
    }

    // MARK: Add, duplicate, delete

    /// An id not used by any enterprise: "sample-N".
    private func newID() -> String {
        let used = Set(survey.enterprises.map(\.id))
        var n = survey.enterprises.count + 1
        while used.contains("sample-\(n)") { n += 1 }
        return "sample-\(n)"
    }

    /// Adds an enterprise in the filtered jurisdiction (else with no jurisdiction chosen: Checks
    /// lists it as missing) and year (else the selected one's), selects it and puts the cursor in
    /// its name.
    package func addEnterprise() {
        form.commitPending()
        let filter = list.currentFilter
        let base = selectedEnterprise
        let jurisdiction = filter.jurisdiction ?? ""
        var year: Int? = base?.year ?? survey.years.last
        if case .year(let y) = filter.year { year = y }
        let e = Enterprise(id: newID(), name: tr("New enterprise"), jurisdiction: jurisdiction, year: year)
        guard controller.perform(.insertEnterprises([e], at: nil), label: tr("Add enterprise")) else { return }
        select(id: e.id)
        form.name.focus()
    }

    /// Adds a copy of the selected enterprise right after it.
    package func duplicateSelected() {
        form.commitPending()
        guard let original = selectedEnterprise, let row = list.row(ofID: original.id) else { return }
        var copy = original
        copy.id = newID()
        copy.name = tr("%1 (copy)", original.name)
        guard controller.perform(.insertEnterprises([copy], at: row + 1), label: tr("Duplicate enterprise")) else { return }
        select(id: copy.id)
    }

    /// Deletes the selected enterprise and selects the row that takes its place.
    package func deleteSelected() {
        guard let id = list.selectedID, let position = list.selectedPosition else { return }
        form.commitPending()
        guard controller.perform(.removeEnterprises(ids: [id]), label: tr("Delete enterprise")) else { return }
        list.select(position: position)
    }

    // MARK: Import

    package func importList() {
        form.commitPending()
        ImportDialog.chooseAndOpen(controller: controller, parent: widget) { [weak self] added in
            guard let self, let first = added.first else { return }
            self.select(id: first)
        }
    }

    /// Alt+5: the keyboard goes to the list of enterprises (typing there still searches: the
    /// search field captures the list's keys), or to the first control when the list is empty.
    package func focusMainWidget() {
        if list.shownCount > 0, gtk_widget_grab_focus(list.columnView) != 0 { return }
        _ = gtk_widget_child_focus(widget, GTK_DIR_TAB_FORWARD)
    }
}
