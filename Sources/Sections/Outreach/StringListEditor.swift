import CGtk
import Model
import GtkKit
import Rendering

/// An editable list of short texts (the departments responsible): one entry per item with a
/// remove button, and an entry at the bottom that adds an item on Enter.
@MainActor
package final class StringListEditor {
    package let widget: UnsafeMutablePointer<GtkWidget>
    /// Called with the new list and an undo label.
    package var onChange: (([String], String) -> Void)?
    package let newItem: CommitEntry
    private let rowsBox: UnsafeMutablePointer<GtkWidget>
    package private(set) var entries: [CommitEntry] = []
    private var items: [String] = []
    private var shownKey: String?
    private let addLabel: String
    private let editLabel: String
    private let removeLabel: String

    package init(placeholder: String, addLabel: String, editLabel: String, removeLabel: String) {
        self.addLabel = addLabel
        self.editLabel = editLabel
        self.removeLabel = removeLabel
        widget = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 4)
        rowsBox = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 4)
        newItem = CommitEntry(placeholder: placeholder)
        let addRow = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 4)
        let add = FormParts.iconButton("list-add-symbolic", tooltip: addLabel) { [weak self] in self?.newItem.commit() }
        Widgets.append(addRow, newItem.widget, add)
        Widgets.append(widget, rowsBox, addRow)
        newItem.onCommit = { [weak self] text in
            guard let self, let value = FormParts.optional(text) else { return true }
            self.newItem.show("", force: true)
            self.onChange?(self.items + [value], self.addLabel)
            return true
        }
    }

    package var fields: [any CommittingField] { entries + [newItem] }

    /// Shows a list; `key` names the record shown (a different key replaces typed text).
    package func show(_ list: [String], key: String) {
        let force = key != shownKey
        shownKey = key
        items = list
        if force || entries.count != list.count { rebuild(count: list.count) }
        for (entry, item) in zip(entries, list) { entry.show(item, force: force) }
        if force { newItem.show("", force: true) }
    }

    private func rebuild(count: Int) {
        FormParts.clear(rowsBox)
        entries = []
        for index in 0..<count {
            let entry = CommitEntry()
            Events.setAccessibleLabel(entry.widget, tr("Item %1 of %2", index + 1, count))
            entry.onCommit = { [weak self] text in
                guard let self, self.items.indices.contains(index) else { return true }
                var new = self.items
                if let value = FormParts.optional(text) { new[index] = value } else { new.remove(at: index) }
                self.onChange?(new, FormParts.optional(text) == nil ? self.removeLabel : self.editLabel)
                return true
            }
            let remove = FormParts.iconButton("list-remove-symbolic", tooltip: removeLabel) { [weak self] in
                guard let self, self.items.indices.contains(index) else { return }
                var new = self.items
                new.remove(at: index)
                self.onChange?(new, self.removeLabel)
            }
            let row = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 4)
            Widgets.append(row, entry.widget, remove)
            Widgets.append(rowsBox, row)
            entries.append(entry)
        }
    }
}
