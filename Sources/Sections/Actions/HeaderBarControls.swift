import CGtk
import Model
import GtkKit
import Rendering

/// The header bar's buttons: Open and Save, Undo and Redo on the left, the primary menu on the
/// right. Each button activates a GAction, so it is insensitive whenever its action is disabled.
@MainActor
package enum HeaderBarControls {
    package static func install(in header: UnsafeMutablePointer<GtkWidget>, menu: PrimaryMenu, edit: EditActions) {
        let open = button(icon: "document-open-symbolic", action: "win.open", tooltip: tr("Open a survey (Ctrl+O)"), name: tr("Open a survey"))
        let save = button(icon: "document-save-symbolic", action: "win.save", tooltip: tr("Save (Ctrl+S)"), name: tr("Save"))
        let undo = button(icon: "edit-undo-symbolic", action: "win.undo", tooltip: tr("Undo"), name: tr("Undo"))
        let redo = button(icon: "edit-redo-symbolic", action: "win.redo", tooltip: tr("Redo"), name: tr("Redo"))
        edit.track(undo: undo, redo: redo)

        let files = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 0, classes: ["linked"])
        Widgets.append(files, open, save)
        let history = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 0, classes: ["linked"])
        Widgets.append(history, undo, redo)
        gtk_header_bar_pack_start(header.opaque, SidebarCollapse.toggleButton())
        gtk_header_bar_pack_start(header.opaque, files)
        gtk_header_bar_pack_start(header.opaque, history)

        let menuButton: UnsafeMutablePointer<GtkWidget> = gtk_menu_button_new()
        gtk_menu_button_set_icon_name(menuButton.opaque, "open-menu-symbolic")
        gtk_menu_button_set_menu_model(menuButton.opaque, menu.model.model)
        gtk_menu_button_set_primary(menuButton.opaque, 1)
        gtk_widget_set_tooltip_text(menuButton, tr("Main menu (F10)"))
        Events.setAccessibleLabel(menuButton, tr("Main menu"))
        gtk_header_bar_pack_end(header.opaque, menuButton)
    }

    private static func button(icon: String, action: String, tooltip: String, name: String) -> UnsafeMutablePointer<GtkWidget> {
        let button: UnsafeMutablePointer<GtkWidget> = gtk_button_new_from_icon_name(icon)
        gtk_actionable_set_action_name(button.opaque, action)
        gtk_widget_set_tooltip_text(button, tooltip)
        Events.setAccessibleLabel(button, name)
        return button
    }
}
