import CGtk
import Model
import GtkKit
import Rendering

/// The line under the grid: how much of each year is entered, and a short note on the last key
/// that did nothing (so a key never seems to be ignored silently). The note goes with the next key
/// the grid uses. While a note is shown it has the line to itself: beside five years of progress it
/// was cut, and the part that names the key went first.
@MainActor
package final class MatrixStatusLine {
    package typealias Widget = UnsafeMutablePointer<GtkWidget>

    package let widget: Widget
    package let progressLabel: Widget
    package let noteLabel: Widget

    package init() {
        widget = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 16, classes: ["gk-matrix-status"])
        progressLabel = Widgets.label("", classes: ["caption"])
        gtk_label_set_ellipsize(progressLabel.opaque, PANGO_ELLIPSIZE_END)
        gtk_widget_set_hexpand(progressLabel, 1)
        noteLabel = Widgets.label("", classes: ["caption", "gk-matrix-key-note"], xalign: 1)
        gtk_label_set_ellipsize(noteLabel.opaque, PANGO_ELLIPSIZE_END)
        Widgets.append(widget, progressLabel, noteLabel)
        gtk_widget_set_margin_start(widget, 8)
        gtk_widget_set_margin_end(widget, 8)
        gtk_widget_set_margin_top(widget, 3)
        gtk_widget_set_margin_bottom(widget, 3)
    }

    /// The progress shown: a key that leaves every year's count as it was (√ to ×) makes no text.
    private var shown: EntryProgress?

    /// Shows each year's progress (the full text is also the tooltip, for a narrow window).
    package func show(_ progress: EntryProgress) {
        guard progress != shown else { return }
        shown = progress
        let text = progress.text
        guard text != self.progress else { return }
        Widgets.setText(progressLabel, text)
        gtk_widget_set_tooltip_text(progressLabel, text)
    }

    /// Says that a key does nothing in the grid, and which keys do.
    package func unusedKey(_ key: String) {
        Widgets.setText(noteLabel, tr("%1 does nothing here. Status keys: Y/1 √, N/X/0 ×, P, D, Delete; Ctrl+? lists every key.", key))
        gtk_widget_set_visible(progressLabel, 0)
    }

    package func clearNote() {
        guard !note.isEmpty else { return }
        Widgets.setText(noteLabel, "")
        gtk_widget_set_visible(progressLabel, 1)
    }

    package var progress: String { Widgets.text(ofLabel: progressLabel) }
    package var note: String { Widgets.text(ofLabel: noteLabel) }
}
