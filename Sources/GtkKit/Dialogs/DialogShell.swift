import CGtk
import Model

/// The window every small dialog is built in (survey details, new survey, export, choices, the
/// team dialogs): a window over its parent and destroyed with it, that Escape and the title bar's
/// button close through one handler, and the row of buttons at its foot.
@MainActor
package enum DialogShell {
    package typealias Widget = UnsafeMutablePointer<GtkWidget>

    /// A new window titled `title` over `parent`, destroyed with it.
    package static func window(title: String, parent: Widget?, modal: Bool = true, resizable: Bool = false) -> Widget {
        let window: Widget = gtk_window_new()
        gtk_window_set_title(window.window, title)
        if modal { gtk_window_set_modal(window.window, 1) }
        if !resizable { gtk_window_set_resizable(window.window, 0) }
        gtk_window_set_destroy_with_parent(window.window, 1)
        if let parent { gtk_window_set_transient_for(window.window, parent.window) }
        return window
    }

    /// Escape and the title bar's close button run `onClose` (GTK does not close the window: the
    /// handler decides, usually by destroying it). Capture the dialog weakly: the window keeps
    /// the handler.
    package static func onClose(_ window: Widget, _ onClose: @escaping @MainActor () -> Void) {
        let shortcuts = gtk_shortcut_controller_new()!
        gtk_shortcut_controller_add_shortcut(shortcuts.opaque, gtk_shortcut_new(gtk_shortcut_trigger_parse_string("Escape"),
                                                                                 gtk_named_action_new("window.close")))
        gtk_widget_add_controller(window, shortcuts)
        Signals.connectReturningBool(window, "close-request") {
            onClose()
            return true
        }
    }

    /// The row of buttons at the dialog's foot, at its end edge.
    package static func buttonRow() -> Widget {
        let buttons = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 8)
        gtk_widget_set_halign(buttons, GTK_ALIGN_END)
        gtk_widget_set_margin_top(buttons, 12)
        return buttons
    }

    /// A row of Cancel and the dialog's action (`confirm`, a mnemonic label), which is the window's
    /// default widget (Enter in a field that activates the default presses it). Capture the dialog
    /// weakly in the actions.
    package static func cancelAndConfirm(in window: Widget, confirm: String, cancel onCancel: @escaping @MainActor () -> Void,
                                 confirm onConfirm: @escaping @MainActor () -> Void) -> Widget {
        let buttons = buttonRow()
        let cancel: Widget = gtk_button_new_with_mnemonic(tr("_Cancel"))
        let confirmButton: Widget = gtk_button_new_with_mnemonic(confirm)
        Widgets.addClasses(confirmButton, ["suggested-action"])
        Widgets.append(buttons, cancel, confirmButton)
        gtk_window_set_default_widget(window.window, confirmButton)
        Signals.connect(cancel, "clicked") { onCancel() }
        Signals.connect(confirmButton, "clicked") { onConfirm() }
        return buttons
    }
}
