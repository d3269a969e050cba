import CGtk
import Model
import GtkKit
import Rendering

/// The key articles of a regulation: one row per article (its number, e.g. 第十一条, and the text
/// as quoted), with buttons to add and remove articles.
@MainActor
package final class ArticlesEditor {
    package let widget: UnsafeMutablePointer<GtkWidget>
    /// Called with the new list of articles and an undo label.
    package var onChange: (([Article], String) -> Void)?

    @MainActor
    package final class Row {
        package let number = CommitEntry(placeholder: tr("e.g. Article 11"), width: 9, check: .required)
        package let text = CommitTextView(minHeight: 48)
        package let note = CommitEntry(placeholder: tr("Note"))
        package let widget = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 6)
        package init() {
            Events.setAccessibleLabel(number.widget, tr("Article number"))
            text.named(tr("Article text"))
        }
    }

    private let rowsBox: UnsafeMutablePointer<GtkWidget>
    private let emptyLabel: UnsafeMutablePointer<GtkWidget>
    package private(set) var rows: [Row] = []
    private var articles: [Article] = []
    private var shownID: String?

    package init() {
        widget = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 6)
        rowsBox = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 8)
        emptyLabel = FormParts.hint(tr("No key articles recorded."))
        let add = FormParts.button(tr("Add article")) { [weak self] in self?.addArticle() }
        gtk_widget_set_halign(add, GTK_ALIGN_START)
        Widgets.append(widget, emptyLabel, rowsBox, add)
    }

    package var fields: [any CommittingField] { rows.flatMap { [$0.number, $0.text, $0.note] as [any CommittingField] } }

    package func show(_ r: Regulation) {
        let force = r.id != shownID
        shownID = r.id
        articles = r.articles
        if force || rows.count != articles.count { rebuild(count: articles.count) }
        for (row, article) in zip(rows, articles) {
            row.number.show(article.number, force: force)
            row.text.show(article.text ?? "", force: force)
            row.note.show(article.note ?? "", force: force)
        }
        gtk_widget_set_visible(emptyLabel, articles.isEmpty ? 1 : 0)
    }

    private func rebuild(count: Int) {
        FormParts.clear(rowsBox)
        rows = []
        for index in 0..<count {
            let row = Row()
            row.number.onCommit = { [weak self] text in
                guard let number = FormParts.optional(text) else { return false }
                self?.change(index, tr("Edit article number")) { $0.number = number }
                return true
            }
            row.text.onCommit = { [weak self] text in
                self?.change(index, tr("Edit article text")) { $0.text = FormParts.optional(text) }
            }
            row.note.onCommit = { [weak self] text in
                self?.change(index, tr("Edit article note")) { $0.note = FormParts.optional(text) }
                return true
            }
            gtk_widget_set_hexpand(row.number.widget, 0)
            gtk_widget_set_size_request(row.number.widget, 120, -1)
            gtk_editable_set_max_width_chars(row.number.widget.opaque, 9)
            gtk_widget_set_valign(row.number.widget, GTK_ALIGN_START)
            let remove = FormParts.iconButton("list-remove-symbolic", tooltip: tr("Remove article")) { [weak self] in
                self?.removeArticle(index)
            }
            gtk_widget_set_valign(remove, GTK_ALIGN_START)
            let right = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 4)
            gtk_widget_set_hexpand(right, 1)
            Widgets.append(right, row.text.widget, row.note.widget)
            Widgets.append(row.widget, row.number.widget, right, remove)
            Widgets.append(rowsBox, row.widget)
            rows.append(row)
        }
    }

    private func change(_ index: Int, _ label: String, _ body: (inout Article) -> Void) {
        guard articles.indices.contains(index) else { return }
        var new = articles
        body(&new[index])
        guard new != articles else { return }
        onChange?(new, label)
    }

    /// Adds an article and puts the cursor in its number.
    package func addArticle() {
        onChange?(articles + [Article(number: tr("New article"))], tr("Add article"))
        if let row = rows.last {
            row.number.focus()
            gtk_editable_select_region(row.number.widget.opaque, 0, -1)
        }
    }

    private func removeArticle(_ index: Int) {
        guard articles.indices.contains(index) else { return }
        var new = articles
        new.remove(at: index)
        onChange?(new, tr("Remove article"))
    }
}
