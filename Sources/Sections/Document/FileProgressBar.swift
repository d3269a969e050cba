import CGtk
import Model
import GtkKit
import Rendering

/// A bar across the window while a survey file is read or written on the background queue
/// (`BackgroundWork`): a spinner and what is going on ("Opening “big.gongkai”…"). The window stays
/// usable meanwhile. Several jobs at once show the newest; the bar goes when the last is done.
@MainActor
package final class FileProgressBar {
    package let bar: UnsafeMutablePointer<GtkWidget>
    private let spinner: UnsafeMutablePointer<GtkWidget>
    private let label: UnsafeMutablePointer<GtkWidget>
    /// The jobs shown, oldest first.
    private var jobs: [(id: Int, text: String)] = []
    private var nextID = 0

    package init() {
        bar = gtk_info_bar_new()
        gtk_info_bar_set_message_type(bar.opaque, GTK_MESSAGE_INFO)
        spinner = gtk_spinner_new()
        label = Widgets.label("", wrap: true)
        gtk_widget_set_hexpand(label, 1)
        let row = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 8)
        Widgets.append(row, spinner, label)
        gtk_info_bar_add_child(bar.opaque, row)
        gtk_widget_set_visible(bar, 0)
        Events.setAccessibleLabel(bar, tr("Reading or writing the survey’s file"))
        Events.setAccessibleLabel(spinner, tr("Working"))
        Events.nameCloseButtons(under: bar)
    }

    /// The text shown, nil when the bar is hidden.
    package var text: String? { jobs.last?.text }

    /// Shows `text` until `end` is called with the returned token.
    package func begin(_ text: String) -> Int {
        nextID += 1
        jobs.append((nextID, text))
        update()
        return nextID
    }

    package func end(_ token: Int) {
        jobs.removeAll { $0.id == token }
        update()
    }

    private func update() {
        guard let text else {
            gtk_spinner_stop(spinner.opaque)
            gtk_widget_set_visible(bar, 0)
            return
        }
        gtk_label_set_text(label.opaque, text)
        Events.setAccessibleLabel(bar, text)
        gtk_spinner_start(spinner.opaque)
        gtk_widget_set_visible(bar, 1)
    }
}
