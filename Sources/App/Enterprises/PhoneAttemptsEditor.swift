import CGtk
import Model

/// The phone calls made to an enterprise: one row per call (date YYYY[-MM[-DD]], outcome, note),
/// with buttons to add a call and remove one.
@MainActor
final class PhoneAttemptsEditor {
    let widget: UnsafeMutablePointer<GtkWidget>
    /// Called with the new list of calls and an undo label.
    var onChange: (([PhoneAttempt], String) -> Void)?

    private let rowsBox: UnsafeMutablePointer<GtkWidget>
    private let emptyLabel: UnsafeMutablePointer<GtkWidget>
    private(set) var rows: [Row] = []
    private var attempts: [PhoneAttempt] = []
    private var shownID: String?

    /// The widgets of one call.
    @MainActor
    final class Row {
        let date = CommitEntry(placeholder: tr("YYYY-MM-DD"), width: 11)
        let outcome = DropDown(PhoneOutcome.allCases.map(\.label))
        let note = CommitEntry(placeholder: tr("Note"))
        let widget = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 4)
    }

    init() {
        widget = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 6)
        rowsBox = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 10)
        emptyLabel = FormParts.hint(tr("No calls recorded."))
        let add = FormParts.button(tr("Record a call")) { [weak self] in self?.addCall() }
        gtk_widget_set_halign(add, GTK_ALIGN_START)
        Widgets.append(widget, emptyLabel, rowsBox, add)
    }

    var fields: [any CommittingField] { rows.flatMap { [$0.date, $0.note] as [any CommittingField] } }

    func show(_ e: Enterprise) {
        let force = e.id != shownID
        shownID = e.id
        attempts = e.phoneAttempts
        if force || rows.count != attempts.count { rebuild(count: attempts.count) }
        for (row, attempt) in zip(rows, attempts) {
            row.date.show(attempt.date?.description ?? "", force: force)
            row.outcome.selected = PhoneOutcome.allCases.firstIndex(of: attempt.outcome) ?? 0
            row.note.show(attempt.note ?? "", force: force)
        }
        gtk_widget_set_visible(emptyLabel, attempts.isEmpty ? 1 : 0)
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
            row.outcome.onSelect = { [weak self] i in
                guard PhoneOutcome.allCases.indices.contains(i) else { return }
                self?.change(index, tr("Edit call outcome")) { $0.outcome = PhoneOutcome.allCases[i] }
            }
            row.note.onCommit = { [weak self] text in
                self?.change(index, tr("Edit call note")) { $0.note = FormParts.optional(text) }
                return true
            }
            gtk_widget_set_hexpand(row.date.widget, 0)
            gtk_widget_set_tooltip_text(row.date.widget, tr("Date of the call: 2021, 2021-05 or 2021-05-17"))
            let remove = FormParts.iconButton("list-remove-symbolic", tooltip: tr("Remove call")) { [weak self] in
                self?.removeCall(index)
            }
            let top = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 6)
            let spacer = Widgets.box(GTK_ORIENTATION_HORIZONTAL)
            gtk_widget_set_hexpand(spacer, 1)
            Widgets.append(top, row.date.widget, row.outcome.widget, spacer, remove)
            Widgets.append(row.widget, top, row.note.widget)
            Widgets.append(rowsBox, row.widget)
            rows.append(row)
        }
    }

    private func change(_ index: Int, _ label: String, _ body: (inout PhoneAttempt) -> Void) {
        guard attempts.indices.contains(index) else { return }
        var new = attempts
        body(&new[index])
        guard new != attempts else { return }
        onChange?(new, label)
    }

    /// Adds a call dated today, not reached, and puts the cursor in its note.
    func addCall() {
        onChange?(attempts + [PhoneAttempt(date: FormParts.today(), outcome: .notReached)], tr("Record a call"))
        rows.last?.note.focus()
    }

    private func removeCall(_ index: Int) {
        guard attempts.indices.contains(index) else { return }
        var new = attempts
        new.remove(at: index)
        onChange?(new, tr("Remove call"))
    }
}
