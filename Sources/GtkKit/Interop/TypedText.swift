import CGtk
import Foundation
import Model

/// What the user typed into the window's fields and the survey does not hold yet: text not
/// committed (Ctrl+S pressed with the cursor still in a field), and text a field refused (a date
/// that is not a date), which the field keeps, marked, with the reason beside it. Saving and
/// closing ask `TypedText` first (`DocumentFlows`), so a value is never silently lost: typing is
/// committed, and refused text is listed before the survey is written without it or the window
/// goes. Text refused and then replaced by another record's value (the form moved on) is kept in
/// the list too, until the user has been told.
///
/// Every field (`CommitEntry`, `CommitTextView`, the matrix's fields) registers itself here when
/// it is made; a window finds its own through the widget tree (`gtk_widget_get_root`).
@MainActor
package enum TypedText {
    /// Refused text, as listed to the user.
    package struct Unaccepted: Equatable {
        /// The field's label (from its form row, else its placeholder).
        package var field: String
        package var text: String
        package var reason: String
        package init(field: String, text: String, reason: String) {
            self.field = field
            self.text = text
            self.reason = reason
        }
    }

    /// A field, while both it and its widget live (the widget may be destroyed first: its window
    /// went away while the section objects live on).
    private final class Registered {
        weak var field: (any CommittingField)?
        var widgetAlive = true
        init(_ field: any CommittingField) { self.field = field }
        var living: (any CommittingField)? { widgetAlive ? field : nil }
    }

    private static var fields: [Registered] = []
    private static var dropped: [(root: UnsafeMutableRawPointer, item: Unaccepted)] = []

    package static func register(_ field: any CommittingField) {
        if fields.count >= 256, fields.count.nonzeroBitCount == 1 { fields.removeAll { $0.living == nil } }
        let registered = Registered(field)
        fields.append(registered)
        Signals.connect(field.widget, "destroy") { [weak registered] in registered?.widgetAlive = false }
    }

    /// The living fields inside `window`.
    package static func fields(in window: UnsafeMutablePointer<GtkWidget>) -> [any CommittingField] {
        fields.compactMap(\.living).filter { root(of: $0.widget) == UnsafeMutableRawPointer(window) }
    }

    /// Commits every field of `window` that holds typed, uncommitted text.
    package static func commitAll(in window: UnsafeMutablePointer<GtkWidget>) {
        for field in fields(in: window) where field.isDirty && field.refusal == nil { field.commit() }
    }

    /// The refused text of `window`'s fields, and refused text they no longer show.
    package static func unaccepted(in window: UnsafeMutablePointer<GtkWidget>) -> [Unaccepted] {
        var items = fields(in: window).compactMap { field in
            field.refusal.map { Unaccepted(field: name(of: field.widget), text: field.refusedText, reason: $0) }
        }
        for entry in dropped where entry.root == UnsafeMutableRawPointer(window) && !items.contains(entry.item) {
            items.append(entry.item)
        }
        return items
    }

    /// A field showing refused text is about to show another value: its text is remembered.
    package static func drop(_ field: any CommittingField) {
        guard let reason = field.refusal, let root = root(of: field.widget) else { return }
        let item = Unaccepted(field: name(of: field.widget), text: field.refusedText, reason: reason)
        if !dropped.contains(where: { $0.root == root && $0.item == item }) { dropped.append((root, item)) }
    }

    /// The user was told and went on: the remembered text of `window` is forgotten.
    package static func forget(in window: UnsafeMutablePointer<GtkWidget>) {
        dropped.removeAll { $0.root == UnsafeMutableRawPointer(window) }
    }

    /// Puts the cursor in the first field of `window` that holds refused text; false if none does.
    @discardableResult
    package static func focusFirstRefused(in window: UnsafeMutablePointer<GtkWidget>) -> Bool {
        guard let field = fields(in: window).first(where: { $0.refusal != nil }) else { return false }
        gtk_widget_grab_focus(field.widget)
        return true
    }

    /// Names a field after its form row's label (read back by `name(of:)`) and tells screen
    /// readers the same.
    package static func setName(_ widget: UnsafeMutablePointer<GtkWidget>, _ label: String) {
        g_object_set_data_full(UnsafeMutableRawPointer(widget).assumingMemoryBound(to: GObject.self), nameKey, strdup(label)) { free($0) }
        Events.setAccessibleLabel(widget, label)
        fields.first { $0.living?.widget == widget }?.living?.named(label)
    }

    /// A field's name: the nearest named widget at or above it, else its placeholder text.
    package static func name(of widget: UnsafeMutablePointer<GtkWidget>) -> String {
        var current: UnsafeMutablePointer<GtkWidget>? = widget
        while let node = current {
            if let data = g_object_get_data(UnsafeMutableRawPointer(node).assumingMemoryBound(to: GObject.self), nameKey) {
                return String(cString: data.assumingMemoryBound(to: CChar.self))
            }
            current = gtk_widget_get_parent(node)
        }
        if g_type_check_instance_is_a(UnsafeMutableRawPointer(widget).assumingMemoryBound(to: GTypeInstance.self), gtk_entry_get_type()) != 0,
           let placeholder = String(borrowingGChars: gtk_entry_get_placeholder_text(widget.cast())) {
            return placeholder
        }
        return ""
    }

    private static let nameKey = "gk-field-name"

    private static func root(of widget: UnsafeMutablePointer<GtkWidget>) -> UnsafeMutableRawPointer? {
        gtk_widget_get_root(widget).map { UnsafeMutableRawPointer($0) }
    }
}

/// Checks a field applies to typed text before committing it; a failed check refuses the text
/// with its reason (the survey keeps its previous value).
package enum FieldCheck {
    /// Empty (no date) or a date: YYYY, YYYY-MM or YYYY-MM-DD.
    case date
    /// Dates separated by commas (or none).
    case dates
    /// Anything but empty.
    case required
    /// Empty or an http/https link.
    case link

    /// Why `text` cannot be taken; nil when it can.
    package func problem(in text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch self {
        case .date:
            guard !trimmed.isEmpty, PartialDate(parsing: trimmed) == nil else { return nil }
            return tr("Not a date: write YYYY, YYYY-MM or YYYY-MM-DD. The previous value is kept.")
        case .dates:
            let parts = trimmed.split(whereSeparator: { ",，、;； ".contains($0) })
            guard let bad = parts.first(where: { PartialDate(parsing: String($0)) == nil }) else { return nil }
            return tr("“%1” is not a date: write YYYY, YYYY-MM or YYYY-MM-DD. The previous value is kept.", String(bad))
        case .required:
            return trimmed.isEmpty ? tr("This field cannot be empty. The previous value is kept.") : nil
        case .link:
            guard !trimmed.isEmpty, !WebLink.isOpenable(trimmed) else { return nil }
            return tr("Only http and https links can be kept. The previous value is kept.")
        }
    }
}
