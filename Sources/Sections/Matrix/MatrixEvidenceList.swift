import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// The evidence of one cell as editable rows: link (with a button that opens http and https
/// links in the browser), date checked (YYYY, YYYY-MM or YYYY-MM-DD), method and note, each row
/// removable, and a button that adds a row. Every change replaces the cell's evidence list in one
/// undoable edit (`onChange`).
@MainActor
package final class MatrixEvidenceList {
    package typealias Widget = UnsafeMutablePointer<GtkWidget>

    package let widget: Widget
    private let list: Widget
    private let addButton: Widget
    private var rows: [Row] = []
    /// The rows on screen, for tests.
    package var fields: [Row] { rows }
    private var evidence: [Evidence] = []
    private var key: CellKey?
    private var updating = false

    /// Stores a new evidence list for the cell; returns false when it could not be stored.
    package var onChange: ((CellKey, [Evidence], String) -> Bool)?
    /// Opens a link (the section checks its scheme).
    package var onOpen: ((String) -> Void)?
    /// Tells the user something (an invalid date).
    package var onMessage: ((String) -> Void)?
    /// Text typed in date entries that is not a valid date, by cell and row: kept so that moving
    /// to another cell and back never loses it.
    private var dateDrafts: [CellKey: [Int: String]] = [:]

    /// The entries and the method of one evidence row.
    package struct Row {
        package let box: Widget
        package let url: MatrixField
        package let date: MatrixField
        package let note: MatrixField
        package let method: Widget
        package init(box: Widget, url: MatrixField, date: MatrixField, note: MatrixField, method: Widget) {
            self.box = box
            self.url = url
            self.date = date
            self.note = note
            self.method = method
        }
    }

    package init() {
        widget = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 8)
        list = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 8)
        addButton = gtk_button_new_with_label(tr(context: "matrix", "Add evidence"))
        gtk_widget_set_halign(addButton, GTK_ALIGN_START)
        Widgets.append(widget, list, addButton)
        Signals.connect(addButton, "clicked") { [weak self] in self?.add() }
    }

    /// Shows a cell's evidence (nil: no recorded cell, nothing to edit). Rows are rebuilt only
    /// when the cell or the number of rows changes, so focus and typing survive other edits.
    package func show(_ key: CellKey?, _ evidence: [Evidence]) {
        let sameShape = key == self.key && evidence.count == rows.count
        self.key = key
        self.evidence = evidence
        updating = true
        defer { updating = false }
        if !sameShape {
            for row in rows { gtk_box_remove(list.cast(), row.box) }
            rows = evidence.indices.map(makeRow)
        }
        for (i, e) in evidence.enumerated() {
            let row = rows[i]
            row.url.show(e.url ?? "")
            row.date.show(e.dateChecked?.description ?? "")
            row.note.show(e.note ?? "")
            gtk_drop_down_set_selected(row.method.opaque, guint(EvidenceMethod.allCases.firstIndex(of: e.method) ?? 0))
            if let key, let draft = dateDrafts[key]?[i], !sameShape { row.date.restoreTyping(draft) }
        }
        gtk_widget_set_sensitive(addButton, key == nil ? 0 : 1)
    }

    /// Stores typing not yet committed (before the pane shows another cell).
    package func commitPending() {
        for row in rows {
            row.url.commit()
            row.note.commit()
            row.date.commit()
        }
    }

    /// Focuses the first row's link (after adding a row).
    package func focusLast() {
        if let row = rows.last { gtk_widget_grab_focus(row.url.entry) }
    }

    /// The labels of the methods, in `EvidenceMethod.allCases` order.
    package static var methodLabels: [String] {
        EvidenceMethod.allCases.map { method in
            switch method {
            case .onlineSearch: return tr(context: "matrix", "Online search")
            case .phone: return tr(context: "matrix", "Phone")
            case .letterReply: return tr(context: "matrix", "Letter reply")
            }
        }
    }

    // MARK: Rows

    private func makeRow(_ index: Int) -> Row {
        let box = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 6, classes: ["gk-evidence", "card"])
        let url = MatrixField(placeholder: tr(context: "matrix", "https://…"))
        Events.setAccessibleLabel(url.entry, tr("Evidence link"))
        let open = gtk_button_new_with_label(tr(context: "matrix", "Open"))!
        gtk_widget_set_tooltip_text(open, tr(context: "matrix", "Open the link in the browser"))
        let remove = gtk_button_new_from_icon_name("user-trash-symbolic")!
        Events.nameAndTooltip(remove, tr(context: "matrix", "Remove this evidence"))
        let top = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 6)
        Widgets.append(top, url.entry, open, remove)

        let date = MatrixField(placeholder: tr(context: "matrix", "YYYY-MM-DD"), width: 11)
        gtk_widget_set_hexpand(date.entry, 0)
        gtk_widget_set_tooltip_text(date.entry, tr("Date checked: YYYY, YYYY-MM or YYYY-MM-DD"))
        Events.setAccessibleLabel(date.entry, tr("Date checked"))
        let labels = Self.methodLabels
        let method = labels.withCStringArray { gtk_drop_down_new_from_strings($0)! }
        Events.nameAndTooltip(method, tr(context: "matrix", "How the evidence was obtained"))
        let middle = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 6)
        Widgets.append(middle, Widgets.label(tr(context: "matrix", "Checked"), classes: ["dim-label"]), date.entry, method)

        let note = MatrixField(placeholder: tr(context: "matrix", "Note on this evidence"))
        Widgets.append(box, top, middle, note.entry)
        gtk_box_append(list.cast(), box)

        url.onCommit = { [weak self] text in self?.update(index, tr(context: "matrix", "Edit evidence link")) { $0.url = Self.optional(text) } ?? false }
        note.onCommit = { [weak self] text in self?.update(index, tr(context: "matrix", "Edit evidence note")) { $0.note = Self.optional(text) } ?? false }
        date.onCommit = { [weak self] text in self?.commitDate(index, text) ?? false }
        Signals.connect(method, "notify::selected", withArgument: { [weak self] _ in
            guard let self, !self.updating else { return }
            let chosen = EvidenceMethod.allCases[min(Int(gtk_drop_down_get_selected(method.opaque)), EvidenceMethod.allCases.count - 1)]
            _ = self.update(index, tr(context: "matrix", "Edit evidence method")) { $0.method = chosen }
        })
        Signals.connect(open, "clicked") { [weak self] in self?.onOpen?(url.text) }
        Signals.connect(remove, "clicked") { [weak self] in self?.remove(index) }
        return Row(box: box, url: url, date: date, note: note, method: method)
    }

    private func commitDate(_ index: Int, _ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let key else { return false }
        if trimmed.isEmpty || PartialDate(parsing: trimmed) != nil {
            dateDrafts[key]?[index] = nil
            return update(index, tr(context: "matrix", "Edit evidence date")) { $0.dateChecked = trimmed.isEmpty ? nil : PartialDate(parsing: trimmed) }
        }
        dateDrafts[key, default: [:]][index] = text
        onMessage?(tr("“%1” is not a date: write YYYY, YYYY-MM or YYYY-MM-DD. It was not saved; the field keeps it.", text))
        return false
    }

    /// Replaces one evidence with a changed copy; true when stored (or nothing changed).
    private func update(_ index: Int, _ label: String, _ body: (inout Evidence) -> Void) -> Bool {
        guard !updating, let key, evidence.indices.contains(index) else { return false }
        var changed = evidence
        body(&changed[index])
        if changed == evidence { return true }
        return onChange?(key, changed, label) ?? false
    }

    /// Adds an empty evidence (found by online search) and focuses its link.
    package func add() {
        guard let key else { return }
        commitPending()
        if onChange?(key, evidence + [Evidence(method: .onlineSearch)], tr(context: "matrix", "Add evidence")) == true { focusLast() }
    }

    package func remove(_ index: Int) {
        guard let key, evidence.indices.contains(index) else { return }
        var changed = evidence
        changed.remove(at: index)
        dateDrafts[key] = nil
        _ = onChange?(key, changed, tr(context: "matrix", "Remove evidence"))
    }

    /// Forgets drafts (a different survey was opened).
    package func forgetDrafts() { dateDrafts = [:] }

    private static func optional(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
