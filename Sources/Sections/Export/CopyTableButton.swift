import CGtk
import Model
import GtkKit
import Rendering

/// The "Copy Table" button of a section: activates `win.copy-table::<id>` (see `ExportActions`),
/// which puts the whole table on the clipboard as HTML (a table in Word/WPS) and as tab-separated
/// text (cells in Excel/WPS).
@MainActor
package enum CopyTableButton {
    package static func make(_ tableID: String, label: String = tr("Copy Table")) -> UnsafeMutablePointer<GtkWidget> {
        let button: UnsafeMutablePointer<GtkWidget> = gtk_button_new_with_label(label)
        gtk_actionable_set_action_name(button.opaque, "win.copy-table")
        gtk_actionable_set_action_target_value(button.opaque, g_variant_new_string(tableID))
        gtk_widget_set_tooltip_text(button, tr("Copy the whole table: pasted into Word or WPS it is a table, into Excel or WPS Spreadsheets it fills cells"))
        return button
    }
}
