import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// "History": the latest logged changes of one record (a matrix cell, an enterprise, a
/// regulation), newest first, under the record's form.
@MainActor
package final class HistoryList {
    /// The most entries shown; the log view shows them all.
    package static let limit = 12

    package let widget: UnsafeMutablePointer<GtkWidget>
    private let list: UnsafeMutablePointer<GtkWidget>
    /// The texts of the rows shown, newest first (for tests).
    package private(set) var rows: [String] = []
    /// The entries of the rows shown, in the order of `rows`.
    private var shown: [ChangeEntry] = []
    /// The row labels, in the order of `rows` (empty while the "no changes" line shows).
    private var labels: [UnsafeMutablePointer<GtkWidget>] = []

    package init() {
        widget = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 4)
        list = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 2)
        Widgets.append(widget, Widgets.label(tr("History"), classes: ["heading"]), list)
        gtk_widget_set_margin_top(widget, 8)
    }

    /// Shows the changes of `record` (a path such as `enterprises/e-1`; a cell's quality marks,
    /// `observations/<cell>/qualities`, are under the cell's path) and of the `related` records
    /// about it (an enterprise's recorded verdict, `verdicts/<id>`); nil hides the list.
    package func show(_ log: ChangeLog, record: String?, related: [String] = []) {
        var entries: [ChangeEntry] = []
        if let record {
            let records = [record] + related
            let prefixes = records.map { $0 + "/" }
            for e in log.entries.reversed() where records.contains(e.path) || prefixes.contains(where: { e.path.hasPrefix($0) }) {
                entries.append(e)
                if entries.count == Self.limit { break }
            }
        }
        gtk_widget_set_visible(widget, record == nil ? 0 : 1)
        guard entries != shown || record == nil else { return }
        // An edit of the record shown adds its newest rows at the top and pushes the oldest out
        // at the bottom: only those rows change (and only their texts are made), the others keep
        // their labels (and their measured size, so the pane is not laid out again from scratch
        // on every key).
        if let shift = Self.shift(from: shown, to: entries), !labels.isEmpty {
            let kept = entries.count - shift
            for label in labels[kept...] { gtk_box_remove(list.cast(), label) }
            labels.removeLast(labels.count - kept)
            let texts = entries[..<shift].map(Self.describe)
            let added = texts.map(Self.row)
            for label in added.reversed() { gtk_box_prepend(list.cast(), label) }
            labels.insert(contentsOf: added, at: 0)
            rows = texts + rows.prefix(kept)
        } else {
            while let child = gtk_widget_get_first_child(list) { gtk_box_remove(list.cast(), child) }
            if entries.isEmpty {
                gtk_box_append(list.cast(), Widgets.label(tr("No changes logged yet."), classes: ["dim-label", "caption"]))
            }
            rows = entries.map(Self.describe)
            labels = rows.map(Self.row)
            for label in labels { gtk_box_append(list.cast(), label) }
        }
        shown = entries
    }

    private static func row(_ text: String) -> UnsafeMutablePointer<GtkWidget> {
        let label = Widgets.label(text, classes: ["caption"], wrap: true, selectable: true)
        Widgets.setMinimumChars(label)
        return label
    }

    /// How many rows `new` has on top of `old`'s: the smallest count such that the rest of `new`
    /// is `old`'s first rows (nil when it is not so, or nothing was added).
    package static func shift<Row: Equatable>(from old: [Row], to new: [Row]) -> Int? {
        guard !old.isEmpty, !new.isEmpty else { return nil }
        for shift in 1..<new.count + 1 where new.count - shift <= old.count {
            if new[shift...].elementsEqual(old[..<(new.count - shift)]) { return shift }
        }
        return nil
    }

    /// "2026-12-06 21:10 王芳 · status: not_disclosed → disclosed"
    package static func describe(_ e: ChangeEntry) -> String {
        let time = e.time.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: "").prefix(16)
        let field = e.path.split(separator: "/").last.map(String.init) ?? e.path
        return "\(time) \(e.author) · \(field): \(TeamText.quoted(e.old)) → \(TeamText.quoted(e.new))"
    }
}
