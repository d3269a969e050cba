import CGtk
import Model
import GtkKit
import Rendering

/// The phone calls made to an enterprise: one row per call (date YYYY[-MM[-DD]], outcome, note),
/// with buttons to add a call and remove one.
@MainActor
package final class PhoneAttemptsEditor: RecordListOwner {
    /// The widgets of one call.
    @MainActor
    package final class Row {
        package let date = CommitEntry(placeholder: tr("YYYY-MM-DD"), width: 11, check: .date)
        /// "Not chosen", then every outcome.
        package let outcome = DropDown([tr("Outcome not chosen")] + PhoneOutcome.allCases.map(\.label))
        package let note = CommitEntry(placeholder: tr("Note"))
        package let widget = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 4)
        package init() {
            Events.setAccessibleLabel(date.widget, tr("Date of the call"))
            Events.setAccessibleLabel(outcome.widget, tr("Outcome"))
        }
    }

    package private(set) var list: RecordListEditor<PhoneAttempt, Row>!

    package init() {
        list = RecordListEditor(emptyText: tr("No calls recorded."), addLabel: tr("Record a call")) { [weak self] in self?.addCall() }
        list.makeRow = { [weak self] index in self?.makeRow(index) }
        list.fill = { row, attempt, force in
            row.date.show(attempt.date?.description ?? "", force: force)
            row.outcome.selected = attempt.outcome.flatMap { PhoneOutcome.allCases.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
            row.note.show(attempt.note ?? "", force: force)
        }
    }

    package var fields: [any CommittingField] { rows.flatMap { [$0.date, $0.note] as [any CommittingField] } }

    package func show(_ e: Enterprise) {
        list.show(e.phoneAttempts, key: e.id)
    }

    private func makeRow(_ index: Int) -> (row: Row, widget: UnsafeMutablePointer<GtkWidget>) {
        let row = Row()
        row.date.onCommit = list.dateCommit(index, label: tr("Edit call date"), \.date)
        row.outcome.onSelect = { [weak list] i in
            guard i == 0 || PhoneOutcome.allCases.indices.contains(i - 1) else { return }
            list?.change(index, tr("Edit call outcome")) { $0.outcome = i == 0 ? nil : PhoneOutcome.allCases[i - 1] }
        }
        row.note.onCommit = { [weak list] text in
            list?.change(index, tr("Edit call note")) { $0.note = FormParts.optional(text) }
            return true
        }
        gtk_widget_set_hexpand(row.date.widget, 0)
        gtk_widget_set_tooltip_text(row.date.widget, tr("Date of the call: 2021, 2021-05 or 2021-05-17"))
        let spacer = Widgets.box(GTK_ORIENTATION_HORIZONTAL)
        gtk_widget_set_hexpand(spacer, 1)
        let top = list.topLine(index, removeTooltip: tr("Remove call"), removeLabel: tr("Remove call"),
                               [row.date.widget, row.outcome.widget, spacer])
        Widgets.append(row.widget, top, row.note.widget)
        return (row, row.widget)
    }

    /// Adds a call dated today with no outcome chosen yet (not "not reached", which is a finding),
    /// and puts the cursor in its note.
    package func addCall() {
        list.append(PhoneAttempt(date: FormParts.today(), outcome: nil), label: tr("Record a call"))
        rows.last?.note.focus()
    }
}
