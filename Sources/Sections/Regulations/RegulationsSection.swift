import CGtk
import Model
import GtkKit
import Rendering

/// The Regulations page: the laws, rules and provincial documents grouped by level with their
/// status on a chosen date (by default the end of the last survey year), and the editor of the
/// selected one. Adding, editing and removing are each one undo step.
@MainActor
package final class RegulationsSection: RevealingSection {
    package let id = "regulations"
    package var title: String { tr("Laws and rules") }
    package let widget: UnsafeMutablePointer<GtkWidget>
    /// The section keeps its widget tree alive as long as itself: nothing it does after the window
    /// is gone (an idle update, a field committing its text) touches freed widgets.
    private let tree: OwnedObject<UnsafeMutablePointer<GtkWidget>>

    package let controller: DocumentController
    package let list = RegulationList()
    package let editor = RegulationEditor()
    /// The date the statuses are shown for.
    package let dateEntry = CommitEntry(placeholder: tr("YYYY-MM-DD"), width: 11)
    package private(set) var statusDate: PartialDate
    /// True once the user chose a date (else it follows the survey's last year).
    private var dateChosen = false
    private var survey: Survey

    package init(controller: DocumentController) {
        self.controller = controller
        survey = controller.survey
        statusDate = Self.defaultDate(survey)
        Events.setAccessibleLabel(dateEntry.widget, tr("Status on the date"))
        Stylesheet.install()
        let paned = gtk_paned_new(GTK_ORIENTATION_HORIZONTAL)!
        Events.setAccessibleLabel(paned, tr("Divider between the list of laws and rules and the form"))
        widget = paned
        tree = OwnedObject(sinking: widget)

        let toolbar = Widgets.wrappingBar(spacing: 6, classes: ["gk-toolbar"])
        gtk_widget_set_hexpand(dateEntry.widget, 0)
        gtk_widget_set_tooltip_text(dateEntry.widget, tr("The date the statuses are shown for: 2022, 2022-06 or 2022-06-30"))
        let add = FormParts.button(tr("Add"), classes: ["suggested-action"], tooltip: tr("Add a regulation")) { [weak self] in
            self?.addRegulation()
        }
        let delete = FormParts.button(tr("Delete"), classes: ["destructive-action"], tooltip: tr("Delete the selected regulation")) { [weak self] in
            self?.deleteSelected()
        }
        Widgets.append(toolbar, Widgets.label(tr("Status on"), classes: ["gk-field-label"]), dateEntry.widget, add, delete, CopyTableButton.make("regulations"))
        let left = Widgets.box(GTK_ORIENTATION_VERTICAL)
        Widgets.append(left, toolbar, list.widget)
        gtk_paned_set_start_child(paned.opaque, Widgets.horizontalScroller(left, minimumWidth: 280))
        gtk_paned_set_end_child(paned.opaque, editor.widget)
        gtk_paned_set_shrink_start_child(paned.opaque, 0)
        gtk_paned_set_shrink_end_child(paned.opaque, 0)
        PanedDivider.place(paned, startWidth: 430)

        dateEntry.onCommit = { [weak self] text in
            guard let self, let date = PartialDate(parsing: text.trimmingCharacters(in: .whitespaces)) else { return false }
            self.statusDate = date
            self.dateChosen = true
            self.refresh()
            return true
        }
        list.onSelect = { [weak self] _ in
            guard let self else { return }
            self.editor.commitPending()
            self.showSelected()
        }
        editor.onEdit = { [weak self] r, label in
            self?.controller.perform(.setRegulation(r), label: label)
        }
    }

    /// The end of the last survey year.
    package static func defaultDate(_ survey: Survey) -> PartialDate {
        PartialDate(year: survey.years.last ?? 2022, month: 12, day: 31)
    }

    package func show(_ survey: Survey) {
        self.survey = survey
        if !dateChosen { statusDate = Self.defaultDate(survey) }
        refresh()
    }

    private func refresh() {
        dateEntry.show(statusDate.description)
        list.show(survey, statusOn: statusDate)
        if list.selectedID == nil, let first = list.shownIDs.first { list.select(id: first, focus: false) }
        showSelected()
    }

    private func showSelected() {
        let r = list.selectedID.flatMap { id in survey.regulations.first { $0.id == id } }
        editor.show(r, in: survey, statusOn: statusDate)
    }

    /// Selects a regulation (and shows it in the editor).
    @discardableResult
    package func select(id: String) -> Bool {
        list.select(id: id)
    }

    package func reveal(_ location: ProblemLocation) -> Bool {
        guard case .regulation(let id) = location else { return false }
        return select(id: id)
    }

    /// Adds a national regulation after the selected one (or at the end), selects it and puts the
    /// cursor in its title.
    package func addRegulation() {
        editor.commitPending()
        let used = Set(survey.regulations.map(\.id))
        var n = survey.regulations.count + 1
        while used.contains("regulation-\(n)") { n += 1 }
        let r = Regulation(id: "regulation-\(n)", title: tr("New regulation"), level: .normativeDocument)
        let position = list.selectedID.flatMap { id in survey.regulations.firstIndex { $0.id == id } }.map { $0 + 1 }
            ?? survey.regulations.count
        guard controller.perform(.insertRegulation(r, at: position), label: tr("Add regulation")) else { return }
        select(id: r.id)
        editor.titleEntry.focus()
        gtk_editable_select_region(editor.titleEntry.widget.opaque, 0, -1)
    }

    /// Removes the selected regulation and selects its neighbour.
    package func deleteSelected() {
        guard let id = list.selectedID else { return }
        editor.commitPending()
        let shown = list.shownIDs
        let index = shown.firstIndex(of: id) ?? 0
        guard controller.perform(.removeRegulation(id: id), label: tr("Delete regulation")) else { return }
        let remaining = list.shownIDs
        if !remaining.isEmpty { list.select(id: remaining[min(index, remaining.count - 1)]) }
    }
}
