import CGtk
import Foundation
import Model

/// "History": the latest logged changes of one record (a matrix cell, an enterprise, a
/// regulation), newest first, under the record's form.
@MainActor
final class HistoryList {
    /// The most entries shown; the log view shows them all.
    static let limit = 12

    let widget: UnsafeMutablePointer<GtkWidget>
    private let list: UnsafeMutablePointer<GtkWidget>
    /// The texts of the rows shown, newest first (for tests).
    private(set) var rows: [String] = []

    init() {
        widget = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 4)
        list = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 2)
        Widgets.append(widget, Widgets.label(tr("History"), classes: ["heading"]), list)
        gtk_widget_set_margin_top(widget, 8)
    }

    /// Shows the changes of `record` (a path such as `enterprises/e-1`; a cell's quality marks,
    /// `observations/<cell>/qualities`, are under the cell's path) and of the `related` records
    /// about it (an enterprise's recorded verdict, `verdicts/<id>`); nil hides the list.
    func show(_ log: ChangeLog, record: String?, related: [String] = []) {
        var entries: [ChangeEntry] = []
        if let record {
            let records = [record] + related
            let prefixes = records.map { $0 + "/" }
            for e in log.entries.reversed() where records.contains(e.path) || prefixes.contains(where: { e.path.hasPrefix($0) }) {
                entries.append(e)
                if entries.count == Self.limit { break }
            }
        }
        let texts = entries.map(Self.describe)
        guard texts != rows || record == nil else { return }
        rows = texts
        while let child = gtk_widget_get_first_child(list) { gtk_box_remove(list.cast(), child) }
        if texts.isEmpty {
            gtk_box_append(list.cast(), Widgets.label(tr("No changes logged yet."), classes: ["dim-label", "caption"]))
        }
        for text in texts { gtk_box_append(list.cast(), Widgets.label(text, classes: ["caption"], wrap: true, selectable: true)) }
        gtk_widget_set_visible(widget, record == nil ? 0 : 1)
    }

    /// "2026-12-06 21:10 王芳 · status: not_disclosed → disclosed"
    static func describe(_ e: ChangeEntry) -> String {
        let time = e.time.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: "").prefix(16)
        let field = e.path.split(separator: "/").last.map(String.init) ?? e.path
        return "\(time) \(e.author) · \(field): \(TeamText.quoted(e.old)) → \(TeamText.quoted(e.new))"
    }
}
