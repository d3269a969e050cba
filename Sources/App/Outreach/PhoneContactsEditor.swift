import CGtk
import Model

/// The phone survey of a jurisdiction's departments: one row per call (date, department, outcome,
/// summary), with buttons to add and remove calls.
@MainActor
final class PhoneContactsEditor {
    let widget: UnsafeMutablePointer<GtkWidget>
    var onChange: (([PhoneContact], String) -> Void)?

    @MainActor
    final class Row {
        let date = CommitEntry(placeholder: tr("YYYY-MM-DD"), width: 11)
        let department = CommitEntry(placeholder: tr("Department"))
        let outcome = CommitEntry(placeholder: tr("Outcome"), width: 10)
        let summary = CommitEntry(placeholder: tr("What was said"))
        let widget = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 4)
    }

    private let rowsBox: UnsafeMutablePointer<GtkWidget>
    private let emptyLabel: UnsafeMutablePointer<GtkWidget>
    private(set) var rows: [Row] = []
    private var contacts: [PhoneContact] = []
    private var shownKey: String?

    init() {
        widget = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 6)
        rowsBox = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 10)
        emptyLabel = FormParts.hint(tr("No calls recorded."))
        let add = FormParts.button(tr("Record a call")) { [weak self] in self?.addContact() }
        gtk_widget_set_halign(add, GTK_ALIGN_START)
        Widgets.append(widget, emptyLabel, rowsBox, add)
    }

    var fields: [any CommittingField] { rows.flatMap { [$0.date, $0.department, $0.outcome, $0.summary] as [any CommittingField] } }

    func show(_ list: [PhoneContact], key: String) {
        let force = key != shownKey
        shownKey = key
        contacts = list
        if force || rows.count != list.count { rebuild(count: list.count) }
        for (row, c) in zip(rows, list) {
            row.date.show(c.date?.description ?? "", force: force)
            row.department.show(c.department ?? "", force: force)
            row.outcome.show(c.outcome ?? "", force: force)
            row.summary.show(c.summary, force: force)
        }
        gtk_widget_set_visible(emptyLabel, list.isEmpty ? 1 : 0)
    }

    private func rebuild(count: Int) {
        FormParts.clear(rowsBox)
        rows = []
        for index in 0..<count {
            let row = Row()
            row.date.onCommit = { [weak self] text in
                guard let parsed = FormParts.parseDate(text) else { return false }
                self?.change(index, tr("Edit call date")) { $0.date = parsed }
                return true
            }
            row.department.onCommit = { [weak self] text in
                self?.change(index, tr("Edit %1", tr("Department"))) { $0.department = FormParts.optional(text) }
                return true
            }
            row.outcome.onCommit = { [weak self] text in
                self?.change(index, tr("Edit call outcome")) { $0.outcome = FormParts.optional(text) }
                return true
            }
            row.summary.onCommit = { [weak self] text in
                self?.change(index, tr("Edit call summary")) { $0.summary = text.trimmingCharacters(in: .whitespacesAndNewlines) }
                return true
            }
            gtk_widget_set_hexpand(row.date.widget, 0)
            gtk_widget_set_hexpand(row.outcome.widget, 0)
            let remove = FormParts.iconButton("list-remove-symbolic", tooltip: tr("Remove call")) { [weak self] in
                self?.removeContact(index)
            }
            let top = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 6)
            Widgets.append(top, row.date.widget, row.department.widget, row.outcome.widget, remove)
            Widgets.append(row.widget, top, row.summary.widget)
            Widgets.append(rowsBox, row.widget)
            rows.append(row)
        }
    }

    private func change(_ index: Int, _ label: String, _ body: (inout PhoneContact) -> Void) {
        guard contacts.indices.contains(index) else { return }
        var new = contacts
        body(&new[index])
        guard new != contacts else { return }
        onChange?(new, label)
    }

    /// Adds a call dated today and puts the cursor in its department.
    func addContact() {
        onChange?(contacts + [PhoneContact(date: FormParts.today(), summary: "")], tr("Record a call"))
        rows.last?.department.focus()
    }

    private func removeContact(_ index: Int) {
        guard contacts.indices.contains(index) else { return }
        var new = contacts
        new.remove(at: index)
        onChange?(new, tr("Remove call"))
    }
}
