import CGtk
import Model
import GtkKit
import Rendering

/// A one-line entry bound to a text field of the survey, committed as one edit when the user
/// presses Enter or the focus leaves it (not per keystroke).
///
/// Typed text is never lost: the model's value replaces the entry's text only when the entry
/// holds no uncommitted typing, and `commit` is tried again before the pane shows another cell.
/// A commit may refuse the text (an invalid date): the entry keeps it, marked as an error.
@MainActor
package final class MatrixField: CommittingField {
    package typealias Widget = UnsafeMutablePointer<GtkWidget>

    package let entry: Widget
    /// Stores the text; returns false when it cannot be stored (the text stays, marked).
    package var onCommit: ((String) -> Bool)?
    /// The value last shown from the model.
    package private(set) var shown = ""
    private var updating = false
    /// Why the text the entry holds was refused (see `TypedText`).
    package private(set) var refusal: String?

    package init(placeholder: String = "", width: Int32 = -1) {
        entry = gtk_entry_new()
        gtk_entry_set_placeholder_text(entry.cast(), placeholder)
        // Named after its placeholder until its form names it (`TypedText.setName`, `Events.setAccessibleLabel`).
        if !placeholder.isEmpty { Events.setAccessibleLabel(entry, placeholder) }
        if width > 0 { gtk_editable_set_width_chars(entry.opaque, width) }
        gtk_widget_set_hexpand(entry, 1)
        Signals.connect(entry, "activate") { [weak self] in self?.commit() }
        Events.onFocus(entry, leave: { [weak self] in self?.commit() })
        TypedText.register(self)
    }

    package var widget: Widget { entry }
    package var refusedText: String { text }

    /// The entry's current text.
    package var text: String {
        get { String(borrowingGChars: gtk_editable_get_text(entry.opaque)) ?? "" }
        set {
            updating = true
            gtk_editable_set_text(entry.opaque, newValue)
            updating = false
        }
    }

    /// True when the entry holds typing that is not stored yet.
    package var isDirty: Bool { text != shown }

    /// Shows the model's value, unless the user's uncommitted typing is in the entry and
    /// `force` is false.
    package func show(_ value: String, force: Bool = false) {
        if isDirty && !force {
            shown = value
            return
        }
        shown = value
        if refusal != nil && text != value { TypedText.drop(self) }  // kept in the list until told
        if text != value { text = value }
        setError(false)
    }

    /// Stores uncommitted typing (Enter, focus leaving, or the pane moving to another cell).
    package func commit() {
        guard !updating, isDirty, let onCommit else { return }
        let typed = text
        if onCommit(typed) {
            shown = typed
            setError(false)
        } else {
            setError(true)
        }
    }

    /// Puts text in the entry as if typed (a draft restored after moving away and back).
    package func restoreTyping(_ typed: String) {
        text = typed
        setError(true)
    }

    package func setError(_ on: Bool) {
        refusal = on ? tr("This value cannot be read; it was not saved.") : nil
        if on { gtk_widget_add_css_class(entry, "error") } else { gtk_widget_remove_css_class(entry, "error") }
    }

    package func setSensitive(_ on: Bool) { gtk_widget_set_sensitive(entry, on ? 1 : 0) }
}
