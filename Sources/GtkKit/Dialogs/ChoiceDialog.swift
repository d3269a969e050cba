import CGtk
import Foundation
import Model

/// A small modal question or message window: a heading, an explanation and a row of buttons
/// (GTK 4.8 has no `GtkAlertDialog`, and `GtkMessageDialog` is deprecated). Escape and the close
/// button choose the cancel choice; Enter the default one.
///
/// A dialog keeps itself alive while it is open (`ChoiceDialog.open`); `choose(_:)` closes it and
/// calls the handler once.
@MainActor
package final class ChoiceDialog {
    package struct Choice {
        package enum Style { case normal, suggested, destructive }
        package var id: String
        package var label: String
        package var style: Style = .normal
        package init(id: String, label: String, style: Style = .normal) {
            self.id = id
            self.label = label
            self.style = style
        }
    }

    /// The dialogs on screen, oldest first (tests and screenshots find them here).
    package static var open: [ChoiceDialog] { OpenDialogs.all(ChoiceDialog.self) }

    package let window: UnsafeMutablePointer<GtkWidget>
    package let heading: String
    package let body: String
    package let choices: [Choice]
    private let cancelID: String
    private var defaultButton: UnsafeMutablePointer<GtkWidget>?
    private var bodyLabel: UnsafeMutablePointer<GtkWidget>?
    private var handler: (@MainActor (String) -> Void)?

    /// Makes the dialog (not yet shown). `cancel` is the choice Escape and the close button make.
    package init(parent: UnsafeMutablePointer<GtkWidget>?, heading: String, body: String, choices: [Choice],
         defaultChoice: String, cancel: String, handler: @escaping @MainActor (String) -> Void) {
        self.heading = heading
        self.body = body
        self.choices = choices
        self.cancelID = cancel
        self.handler = handler

        window = DialogShell.window(title: heading, parent: parent)
        Widgets.addClasses(window, ["gk-dialog"])

        let content = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 12, classes: ["gk-dialog-content"])
        let headingLabel = Widgets.label(heading, classes: ["title-3"], wrap: true)
        let bodyLabel = Widgets.label(body, wrap: true, selectable: true)
        gtk_label_set_max_width_chars(headingLabel.opaque, 50)
        gtk_label_set_max_width_chars(bodyLabel.opaque, 60)
        gtk_label_set_width_chars(bodyLabel.opaque, 40)
        Widgets.append(content, headingLabel, bodyLabel)
        self.bodyLabel = bodyLabel

        let buttons = DialogShell.buttonRow()
        for choice in choices {
            let button: UnsafeMutablePointer<GtkWidget> = gtk_button_new_with_mnemonic(choice.label)
            switch choice.style {
            case .normal: break
            case .suggested: Widgets.addClasses(button, ["suggested-action"])
            case .destructive: Widgets.addClasses(button, ["destructive-action"])
            }
            let id = choice.id
            Signals.connect(button, "clicked") { [weak self] in self?.choose(id) }
            gtk_box_append(buttons.cast(), button)
            if choice.id == defaultChoice {
                gtk_window_set_default_widget(window.window, button)
                defaultButton = button
            }
        }
        gtk_box_append(content.cast(), buttons)
        gtk_window_set_child(window.window, content)

        // Escape closes the window; closing it (Escape or the title bar's button) cancels.
        DialogShell.onClose(window) { [weak self] in
            guard let self else { return }
            self.choose(self.cancelID)
        }
    }

    /// Shows the dialog and focuses its default button.
    package func present() {
        OpenDialogs.keep(self)
        gtk_window_present(window.window)
        // The default button, not the (selectable) explanation, has the focus.
        if let defaultButton { gtk_widget_grab_focus(defaultButton) }
        if let bodyLabel { gtk_label_select_region(bodyLabel.opaque, 0, 0) }
    }

    /// Closes the dialog as if the button `id` had been pressed.
    package func choose(_ id: String) {
        guard let handler else { return }
        self.handler = nil
        OpenDialogs.release(self)
        gtk_window_destroy(window.window)
        handler(id)
    }

    /// Whether the dialog is still on screen.
    package var isOpen: Bool { handler != nil }

    // MARK: Common dialogs

    /// A message with one button (Close).
    @discardableResult
    package static func message(parent: UnsafeMutablePointer<GtkWidget>?, heading: String, body: String,
                        then: @escaping @MainActor () -> Void = {}) -> ChoiceDialog {
        let dialog = ChoiceDialog(parent: parent, heading: heading, body: body,
                                  choices: [Choice(id: "close", label: tr("_Close"), style: .suggested)],
                                  defaultChoice: "close", cancel: "close") { _ in then() }
        dialog.present()
        return dialog
    }
}
