import CGtk
import Model
import GtkKit
import Rendering

/// The phone survey of a jurisdiction's departments: one row per call (date, department, outcome,
/// summary), with buttons to add and remove calls.
@MainActor
package final class PhoneContactsEditor: RecordListOwner {
    @MainActor
    package final class Row {
        package let date = CommitEntry(placeholder: tr("YYYY-MM-DD"), width: 11, check: .date)
        package let department = CommitEntry(placeholder: tr("Department"))
        package let outcome = CommitEntry(placeholder: tr("Outcome"), width: 10)
        package let summary = CommitEntry(placeholder: tr("What was said"))
        package let widget = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 4)
        package init() { Events.setAccessibleLabel(date.widget, tr("Date of the call")) }
    }

    package private(set) var list: RecordListEditor<PhoneContact, Row>!

    package init() {
        list = RecordListEditor(emptyText: tr("No calls recorded."), addLabel: tr("Record a call")) { [weak self] in self?.addContact() }
        list.makeRow = { [weak self] index in self?.makeRow(index) }
        list.fill = { row, c, force in
            row.date.show(c.date?.description ?? "", force: force)
            row.department.show(c.department ?? "", force: force)
            row.outcome.show(c.outcome ?? "", force: force)
            row.summary.show(c.summary, force: force)
        }
    }

    package var fields: [any CommittingField] { rows.flatMap { [$0.date, $0.department, $0.outcome, $0.summary] as [any CommittingField] } }

    package func show(_ contacts: [PhoneContact], key: String) {
        list.show(contacts, key: key)
    }

    private func makeRow(_ index: Int) -> (row: Row, widget: UnsafeMutablePointer<GtkWidget>) {
        let row = Row()
        row.date.onCommit = list.dateCommit(index, label: tr("Edit call date"), \.date)
        row.department.onCommit = { [weak list] text in
            list?.change(index, tr("Edit %1", tr("Department"))) { $0.department = FormParts.optional(text) }
            return true
        }
        row.outcome.onCommit = { [weak list] text in
            list?.change(index, tr("Edit call outcome")) { $0.outcome = FormParts.optional(text) }
            return true
        }
        row.summary.onCommit = { [weak list] text in
            list?.change(index, tr("Edit call summary")) { $0.summary = text.trimmingCharacters(in: .whitespacesAndNewlines) }
            return true
        }
        gtk_widget_set_hexpand(row.date.widget, 0)
        gtk_widget_set_hexpand(row.outcome.widget, 0)
        let top = list.topLine(index, removeTooltip: tr("Remove call"), removeLabel: tr("Remove call"),
                               [row.date.widget, row.department.widget, row.outcome.widget])
        Widgets.append(row.widget, top, row.summary.widget)
        return (row, row.widget)
    }

    /// Adds a call dated today and puts the cursor in its department.
    package func addContact() {
        list.append(PhoneContact(date: FormParts.today(), summary: ""), label: tr("Record a call"))
        rows.last?.department.focus()
    }
}
