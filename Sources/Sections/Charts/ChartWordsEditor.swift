import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// The user's words on the selected chart (issue 15), in two popovers under the chart: "Title…"
/// (the chart's own title and finding; an empty field means the computed one, shown as its
/// placeholder) and "Notes…" (the chart's notes, each with a Remove button, and a point and a
/// text to add one). The section turns each change into one edit of the survey.
@MainActor
package final class ChartWordsEditor {
    /// The "Title…" menu button.
    package let titleButton: UnsafeMutablePointer<GtkWidget>
    /// The "Notes…" menu button.
    package let notesButton: UnsafeMutablePointer<GtkWidget>

    package let titleField = CommitEntry()
    package let findingField = CommitEntry()
    package let pointChoice = ChartDropDown(tooltip: tr("The year or jurisdiction the note points at"))
    package let noteField = CommitEntry()
    private let addButton: UnsafeMutablePointer<GtkWidget>
    private let notesList: UnsafeMutablePointer<GtkWidget>
    private let noNotes: UnsafeMutablePointer<GtkWidget>
    private var points: [ChartPoint] = []
    /// The remove buttons of the notes shown, in order.
    package private(set) var removeButtons: [UnsafeMutablePointer<GtkWidget>] = []

    /// Called with the typed title or finding (empty: the computed one).
    package var onTitle: ((String) -> Void)?
    package var onFinding: ((String) -> Void)?
    /// Called to add a note on a point; returns whether it was added.
    package var onAddNote: ((ChartPoint, String) -> Bool)?
    /// Called with the index (in the chart's notes) of the note to remove.
    package var onRemoveNote: ((Int) -> Void)?

    package init() {
        // Title and finding.
        let titleBox = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 6)
        Widgets.setMargin(titleBox, 10)
        gtk_widget_set_size_request(titleBox, 460, -1)
        let titleLabel = Widgets.label(tr("Title"), classes: ["heading"])
        let findingLabel = Widgets.label(tr("Finding (under the title)"), classes: ["heading"])
        let hint = Widgets.label(tr("Leave a field empty to use the title or finding computed from the data."),
                                 classes: ["dim-label"], wrap: true)
        gtk_label_set_max_width_chars(hint.opaque, 50)
        Events.setAccessibleLabel(titleField.widget, tr("Chart title"))
        Events.setAccessibleLabel(findingField.widget, tr("Chart finding"))
        gtk_label_set_mnemonic_widget(titleLabel.opaque, titleField.widget)
        gtk_label_set_mnemonic_widget(findingLabel.opaque, findingField.widget)
        Widgets.append(titleBox, titleLabel, titleField.widget, findingLabel, findingField.widget, hint)
        titleButton = Self.menuButton(tr("Title…"), tooltip: tr("Change this chart's title and the finding under it"), content: titleBox)

        // Notes.
        let notesBox = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 6)
        Widgets.setMargin(notesBox, 10)
        gtk_widget_set_size_request(notesBox, 480, -1)
        notesList = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 4)
        noNotes = Widgets.label(tr("This chart has no notes."), classes: ["dim-label"])
        let addRow = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 6)
        addButton = gtk_button_new_with_label(tr("Add Note"))
        gtk_widget_set_tooltip_text(addButton, tr("Draw this note on the chart at the chosen point"))
        Events.setAccessibleLabel(pointChoice.widget, tr("Point of the note"))
        Events.setAccessibleLabel(noteField.widget, tr("Text of the note"))
        gtk_entry_set_placeholder_text(noteField.widget.cast(), tr("A short note"))
        Widgets.append(addRow, pointChoice.widget, noteField.widget, addButton)
        Widgets.append(notesBox, Widgets.label(tr("Notes on this chart"), classes: ["heading"]), notesList, noNotes, addRow)
        notesButton = Self.menuButton(tr("Notes…"), tooltip: tr("Attach short notes to years or jurisdictions of this chart"),
                                      content: notesBox)

        titleField.onCommit = { [weak self] text in self?.onTitle?(text); return true }
        findingField.onCommit = { [weak self] text in self?.onFinding?(text); return true }
        // Enter in the note's field adds it, as the button does; leaving the field does not.
        noteField.onCommit = { _ in true }
        Signals.connect(noteField.widget, "activate") { [weak self] in self?.addNote() }
        Signals.connect(addButton, "clicked") { [weak self] in self?.addNote() }
    }

    private static func menuButton(_ label: String, tooltip: String, content: UnsafeMutablePointer<GtkWidget>)
        -> UnsafeMutablePointer<GtkWidget> {
        let button: UnsafeMutablePointer<GtkWidget> = gtk_menu_button_new()
        gtk_menu_button_set_label(button.opaque, label)
        Events.setAccessibleLabel(button, label)  // AT-SPI would call it "GtkMenuButton"
        gtk_widget_set_tooltip_text(button, tooltip)
        let popover: UnsafeMutablePointer<GtkWidget> = gtk_popover_new()
        gtk_popover_set_child(popover.cast(), content)
        gtk_menu_button_set_popover(button.opaque, popover)
        return button
    }

    /// Shows a chart's words: its own title and finding (empty when computed), the computed ones as
    /// placeholders, its notes, and the points a note can take (none: notes are off).
    package func show(computedTitle: String, computedFinding: String?, override: ChartTextOverride?,
              notes: [ChartNote], points: [ChartPoint], pointLabels: [String]) {
        titleField.show(override?.title ?? "", force: true)
        findingField.show(override?.finding ?? "", force: true)
        gtk_entry_set_placeholder_text(titleField.widget.cast(), computedTitle)
        gtk_entry_set_placeholder_text(findingField.widget.cast(), computedFinding ?? "")

        while let child = gtk_widget_get_first_child(notesList) { gtk_box_remove(notesList.cast(), child) }
        removeButtons = []
        for (i, note) in notes.enumerated() {
            let row = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 6)
            let text = Widgets.label(tr("%1. %2: %3", i + 1, note.pointLabel, note.text), wrap: true)
            gtk_widget_set_hexpand(text, 1)
            let remove: UnsafeMutablePointer<GtkWidget> = gtk_button_new_from_icon_name("edit-delete-symbolic")
            gtk_widget_set_tooltip_text(remove, tr("Remove this note"))
            Events.setAccessibleLabel(remove, tr("Remove note %1", i + 1))
            Signals.connect(remove, "clicked") { [weak self] in self?.onRemoveNote?(i) }
            Widgets.append(row, text, remove)
            gtk_box_append(notesList.cast(), row)
            removeButtons.append(remove)
        }
        gtk_widget_set_visible(noNotes, notes.isEmpty ? 1 : 0)

        self.points = points
        let previous = pointChoice.items.indices.contains(pointChoice.selected) ? pointChoice.items[pointChoice.selected] : nil
        pointChoice.set(pointLabels, selected: previous.flatMap { pointLabels.firstIndex(of: $0) } ?? 0)
        let takesNotes = !points.isEmpty
        for w in [pointChoice.widget, noteField.widget, addButton] { gtk_widget_set_sensitive(w, takesNotes ? 1 : 0) }
        gtk_widget_set_tooltip_text(notesButton, takesNotes ? tr("Attach short notes to years or jurisdictions of this chart")
                                                            : tr("This chart has no years or jurisdictions to attach a note to"))
    }

    /// Adds the typed note at the chosen point (what Add Note and Enter do).
    package func addNote() {
        let text = noteField.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, points.indices.contains(pointChoice.selected) else { return }
        if onAddNote?(points[pointChoice.selected], text) ?? false {
            noteField.show("", force: true)
        }
    }
}
