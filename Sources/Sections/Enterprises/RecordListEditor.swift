import CGtk
import Model
import GtkKit
import Rendering

/// A small editable list of records in a form (an enterprise's phone calls, a jurisdiction's phone
/// contacts): one block of widgets per record, a hint when there is none, a button that adds one.
/// Every change goes out through `onChange` as the whole new list with an undo label; the owner
/// turns it into one edit, and the list is shown again from the survey.
@MainActor
package final class RecordListEditor<Record: Equatable, Row> {
    package let widget: UnsafeMutablePointer<GtkWidget>
    /// Called with the new list and an undo label.
    package var onChange: (([Record], String) -> Void)?
    /// Makes the widgets of the record at an index: the row and its block (set by the owner; nil
    /// once the owner is gone).
    package var makeRow: ((Int) -> (row: Row, widget: UnsafeMutablePointer<GtkWidget>)?)?
    /// Shows a record in its row; `force` replaces text the user may be typing (another record).
    package var fill: ((Row, Record, _ force: Bool) -> Void)?

    private let rowsBox: UnsafeMutablePointer<GtkWidget>
    private let emptyLabel: UnsafeMutablePointer<GtkWidget>
    package private(set) var rows: [Row] = []
    package private(set) var records: [Record] = []
    private var shownKey: String?

    package init(emptyText: String, addLabel: String, add: @escaping @MainActor () -> Void) {
        widget = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 6)
        rowsBox = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 10)
        emptyLabel = FormParts.hint(emptyText)
        let button = FormParts.button(addLabel, add)
        gtk_widget_set_halign(button, GTK_ALIGN_START)
        Widgets.append(widget, emptyLabel, rowsBox, button)
    }

    /// Shows the records of the owner `key` (an enterprise or jurisdiction id): the rows are made
    /// again when the owner or the number of records changes.
    package func show(_ list: [Record], key: String) {
        let force = key != shownKey
        shownKey = key
        records = list
        if force || rows.count != list.count {
            FormParts.clear(rowsBox)
            rows = []
            for index in list.indices {
                guard let made = makeRow?(index) else { continue }
                Widgets.append(rowsBox, made.widget)
                rows.append(made.row)
            }
        }
        for (row, record) in zip(rows, list) { fill?(row, record, force) }
        gtk_widget_set_visible(emptyLabel, list.isEmpty ? 1 : 0)
    }

    /// Changes the record at `index`; nothing goes out when it stays the same.
    package func change(_ index: Int, _ label: String, _ body: (inout Record) -> Void) {
        guard records.indices.contains(index) else { return }
        var new = records
        body(&new[index])
        guard new != records else { return }
        onChange?(new, label)
    }

    package func append(_ record: Record, label: String) {
        onChange?(records + [record], label)
    }

    package func remove(_ index: Int, label: String) {
        guard records.indices.contains(index) else { return }
        var new = records
        new.remove(at: index)
        onChange?(new, label)
    }

    /// A date field's commit handler: "2021", "2021-05" or "2021-05-17" (empty: no date) goes
    /// into the record at `index`; anything else is refused.
    package func dateCommit(_ index: Int, label: String,
                    _ date: WritableKeyPath<Record, PartialDate?>) -> @MainActor (String) -> Bool {
        { [weak self] text in
            guard let parsed = FormParts.parseDate(text) else { return false }
            self?.change(index, label) { $0[keyPath: date] = parsed }
            return true
        }
    }

    /// A row's top line: its fields, then a button that removes the record.
    package func topLine(_ index: Int, removeTooltip: String, removeLabel: String,
                 _ fields: [UnsafeMutablePointer<GtkWidget>]) -> UnsafeMutablePointer<GtkWidget> {
        let remove = FormParts.iconButton("list-remove-symbolic", tooltip: removeTooltip) { [weak self] in
            self?.remove(index, label: removeLabel)
        }
        let top = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 6)
        for field in fields { Widgets.append(top, field) }
        Widgets.append(top, remove)
        return top
    }
}

/// An editor built on a `RecordListEditor`: its widget, change callback and rows are the list's.
@MainActor
package protocol RecordListOwner: AnyObject {
    associatedtype Record: Equatable
    associatedtype Row
    var list: RecordListEditor<Record, Row>! { get }
}

extension RecordListOwner {
    package var widget: UnsafeMutablePointer<GtkWidget> { list.widget }
    /// Called with the new list of records and an undo label.
    package var onChange: (([Record], String) -> Void)? {
        get { list.onChange }
        set { list.onChange = newValue }
    }
    package var rows: [Row] { list.rows }
}
