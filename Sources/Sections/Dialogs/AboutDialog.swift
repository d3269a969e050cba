import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// About Gongkai: the application's name, version, purpose, licence, website, issue tracker and
/// credits, translated.
@MainActor
package enum AboutDialog {
    /// Makes the dialog, transient for `parent` (not yet shown).
    package static func make(parent: UnsafeMutablePointer<GtkWidget>?) -> UnsafeMutablePointer<GtkWidget> {
        let dialog: UnsafeMutablePointer<GtkWidget> = gtk_about_dialog_new()
        let about = dialog.opaque
        gtk_about_dialog_set_program_name(about, tr("Gongkai"))
        gtk_about_dialog_set_version(about, AppInfo.version)
        gtk_about_dialog_set_comments(about, tr("Survey how Chinese governments disclose cleaner-production audit information."))
        gtk_about_dialog_set_logo_icon_name(about, AppInfo.id)
        gtk_about_dialog_set_copyright(about, tr("© 2026 Gongkai contributors"))
        gtk_about_dialog_set_license_type(about, GTK_LICENSE_GPL_3_0)
        gtk_about_dialog_set_website(about, AppInfo.website)
        gtk_about_dialog_set_website_label(about, tr("Website"))
        setPeople(tr("Gongkai contributors")) { gtk_about_dialog_set_authors(about, $0) }
        // gettext's convention: the catalog's translation of "translator-credits" names the translators.
        let translators = tr("translator-credits")
        if translators != "translator-credits" { gtk_about_dialog_set_translator_credits(about, translators) }
        // A credit entry "Label URL" is shown as a link.
        setPeople("\(tr("Report a problem")) \(AppInfo.issueTracker)") {
            gtk_about_dialog_add_credit_section(about, tr("Issue tracker"), $0)
        }
        setPeople(tr("The 2018–2022 survey of the disclosure of cleaner-production audits")) {
            gtk_about_dialog_add_credit_section(about, tr("Built-in dataset"), $0)
        }
        gtk_window_set_modal(dialog.window, 1)
        gtk_window_set_destroy_with_parent(dialog.window, 1)
        if let parent { gtk_window_set_transient_for(dialog.window, parent.window) }
        return dialog
    }

    /// Calls `body` with a NULL-terminated C array holding `person` (GTK copies it).
    private static func setPeople(_ person: String, _ body: (UnsafeMutablePointer<UnsafePointer<CChar>?>) -> Void) {
        person.withCString { pointer in
            var people: [UnsafePointer<CChar>?] = [pointer, nil]
            people.withUnsafeMutableBufferPointer { buffer in
                if let base = buffer.baseAddress { body(base) }
            }
        }
    }
}
