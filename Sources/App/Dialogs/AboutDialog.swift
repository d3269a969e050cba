import CGtk
import Foundation
import Model

/// About Gongkai: the application's name, version, purpose and authors, translated.
@MainActor
enum AboutDialog {
    /// Makes the dialog, transient for `parent` (not yet shown).
    static func make(parent: UnsafeMutablePointer<GtkWidget>?) -> UnsafeMutablePointer<GtkWidget> {
        let dialog: UnsafeMutablePointer<GtkWidget> = gtk_about_dialog_new()
        let about = dialog.opaque
        gtk_about_dialog_set_program_name(about, tr("Gongkai"))
        gtk_about_dialog_set_version(about, GongkaiApplication.version)
        gtk_about_dialog_set_comments(about, tr("Survey how Chinese governments disclose cleaner-production audit information."))
        gtk_about_dialog_set_logo_icon_name(about, GongkaiApplication.id)
        "Gongkai contributors".withCString { author in
            var authors: [UnsafePointer<CChar>?] = [author, nil]
            gtk_about_dialog_set_authors(about, &authors)
        }
        gtk_window_set_modal(dialog.window, 1)
        gtk_window_set_destroy_with_parent(dialog.window, 1)
        if let parent { gtk_window_set_transient_for(dialog.window, parent.window) }
        return dialog
    }
}
