import CGtk
import Model

/// Text fields of the editing forms. They commit what the user typed on Enter (one-line fields)
/// and whenever the focus leaves them, so a value is never lost by clicking elsewhere; and a
/// refresh from the survey (`show`) never overwrites text the user has typed but not committed.
///
/// A field may refuse typed text (`FieldCheck`, or its handler returning false): it then keeps the
/// text, marked, with the reason beside it (`refusal`), and the survey keeps its previous value;
/// `TypedText` lists such text before the survey is saved or the window closed.
@MainActor
package protocol CommittingField: AnyObject {
    /// The field's widget (in the layout).
    var widget: UnsafeMutablePointer<GtkWidget> { get }
    /// True when the field holds typed text that differs from what was last shown or committed.
    var isDirty: Bool { get }
    /// Why the text the field holds was refused; nil when it holds none.
    var refusal: String? { get }
    /// The refused text the field holds.
    var refusedText: String { get }
    /// Commits typed text now (as leaving the field would).
    func commit()
    /// The field's form row names it (`TypedText.setName`): a field made of several widgets
    /// names its parts for screen readers.
    func named(_ name: String)
}

extension CommittingField {
    package var refusal: String? { nil }
    package var refusedText: String { "" }
    package func named(_ name: String) {}
}

/// A one-line `GtkEntry` that commits on Enter and on focus-out.
@MainActor
package final class CommitEntry: CommittingField {
    package let widget: UnsafeMutablePointer<GtkWidget>
    /// Called with the typed text when it is committed; returns false to refuse it (the field is
    /// then marked invalid and keeps the text).
    package var onCommit: ((String) -> Bool)?
    /// Applied to the typed text before `onCommit`, which sees only text that passes.
    package var check: FieldCheck?
    /// The text last shown or accepted.
    package private(set) var shown = ""
    package private(set) var refusal: String?

    package init(placeholder: String? = nil, width: Int32 = -1, check: FieldCheck? = nil) {
        self.check = check
        widget = gtk_entry_new()
        if let placeholder {
            gtk_entry_set_placeholder_text(widget.cast(), placeholder)
            // Named after its placeholder until its form row names it (`FormGrid.add`).
            if !placeholder.isEmpty { Events.setAccessibleLabel(widget, placeholder) }
        }
        if width > 0 { gtk_editable_set_width_chars(widget.opaque, width) }
        gtk_widget_set_hexpand(widget, 1)
        Signals.connect(widget, "activate") { [weak self] in self?.commit() }
        FocusWatch.onLeave(widget) { [weak self] in self?.commit() }
        TypedText.register(self)
    }

    package var refusedText: String { text }

    package var text: String {
        get { String(borrowingGChars: gtk_editable_get_text(widget.opaque)) ?? "" }
        set { gtk_editable_set_text(widget.opaque, newValue) }
    }

    package var isDirty: Bool { text != shown }

    /// Shows a value from the survey. Typed, uncommitted text is kept unless `force` (a different
    /// record is now shown).
    package func show(_ value: String, force: Bool = false) {
        if !force && isDirty && !committing { return }
        if refusal != nil && text != value { TypedText.drop(self) }  // the form moves on: remembered
        shown = value
        if text != value { text = value }
        markInvalid(nil)
    }

    /// True while `onCommit` runs: the survey it changes is then shown even over the typed text.
    private var committing = false

    /// Types `value` as the user would and commits it (for tests and programmatic entry).
    package func enter(_ value: String) {
        text = value
        commit()
    }

    package func commit() {
        guard isDirty else { return }
        if let problem = check?.problem(in: text) { return refuse(problem) }
        committing = true
        let accepted = onCommit?(text) ?? true
        committing = false
        if accepted {
            // The handler may have shown a normalised value or cleared the field.
            shown = text
            markInvalid(nil)
        } else {
            refuse(tr("This value cannot be read; it was not saved."))
        }
    }

    /// Keeps the typed text, refused: marked, with the reason beside it (an icon in the field and
    /// its tooltip); the survey keeps its previous value.
    private func refuse(_ reason: String) {
        markInvalid(reason)
        refusal = reason
        gtk_entry_set_icon_from_icon_name(widget.cast(), GTK_ENTRY_ICON_SECONDARY, "dialog-warning-symbolic")
        gtk_entry_set_icon_tooltip_text(widget.cast(), GTK_ENTRY_ICON_SECONDARY, reason)
    }

    /// Marks the field as invalid with the reason as its tooltip (nil: clears the mark and any
    /// refusal).
    package func markInvalid(_ message: String?) {
        if let message {
            gtk_widget_add_css_class(widget, "error")
            gtk_widget_set_tooltip_text(widget, message)
        } else if gtk_widget_has_css_class(widget, "error") != 0 {
            gtk_widget_remove_css_class(widget, "error")
            gtk_widget_set_tooltip_text(widget, nil)
        }
        if message == nil, refusal != nil {
            refusal = nil
            gtk_entry_set_icon_from_icon_name(widget.cast(), GTK_ENTRY_ICON_SECONDARY, nil)
        }
    }

    package var isInvalid: Bool { gtk_widget_has_css_class(widget, "error") != 0 }

    package func focus() {
        gtk_widget_grab_focus(widget)
    }
}

/// Watching keyboard focus and keys on a widget.
@MainActor
package enum FocusWatch {
    /// Calls `body` when the focus leaves `widget` or its descendants (`GtkEventControllerFocus::leave`).
    package static func onLeave(_ widget: UnsafeMutablePointer<GtkWidget>, _ body: @escaping @MainActor () -> Void) {
        let controller = gtk_event_controller_focus_new()!
        Signals.connect(controller, "leave", body)
        gtk_widget_add_controller(widget, controller)
    }

    package typealias KeyHandler = @MainActor (_ key: String, _ control: Bool, _ shift: Bool) -> Bool

    /// Calls `handler` with the key's name (`gdk_keyval_name` of its lower-case keyval: "y",
    /// "Delete", "Return") on key press; it returns true when it handled the key.
    package static func onKey(_ widget: UnsafeMutablePointer<GtkWidget>, _ handler: @escaping KeyHandler) {
        let controller = gtk_event_controller_key_new()!
        let thunk: @convention(c) (UnsafeMutableRawPointer?, guint, guint, GdkModifierType, UnsafeMutableRawPointer?) -> gboolean = { _, keyval, _, state, data in
            let box = CallbackBox<KeyHandler>.from(data)
            let name = String(borrowingGChars: gdk_keyval_name(gdk_keyval_to_lower(keyval))) ?? ""
            let control = state.rawValue & GDK_CONTROL_MASK.rawValue != 0
            let shift = state.rawValue & GDK_SHIFT_MASK.rawValue != 0
            return MainActor.assumeIsolated { box.handler(name, control, shift) } ? 1 : 0
        }
        Signals.connect(controller, "key-pressed", thunk: unsafeBitCast(thunk, to: GCallback.self), handler: handler)
        gtk_widget_add_controller(widget, controller)
    }
}
