import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// Resolving a merge conflict in the open survey: the one way the Merge Conflicts dialog and the
/// matrix details pane take a side (or an edited value). One undo step, logged as `resolve`.
@MainActor
package enum ConflictResolution {
    /// Sets the conflict's field to `json` (a side's value or an edited one; nil removes the
    /// record) and drops the conflict. False when refused (the error is reported).
    @discardableResult
    package static func resolve(_ conflict: MergeConflict, with json: String?, in controller: DocumentController) -> Bool {
        do {
            let edit = try controller.survey.resolving(conflict, with: json)
            return controller.perform(edit, label: tr("Resolve conflict"), action: .resolve)
        } catch {
            controller.onError?((error as? LocalizedError)?.errorDescription ?? "\(error)")
            return false
        }
    }
}

/// The merge conflicts of one matrix cell, where its data is shown (the matrix details pane):
/// each field both sides changed differently, with both values and Take Mine / Take Theirs.
/// Hidden when the cell has none.
@MainActor
package final class CellConflictsPanel {
    package typealias Widget = UnsafeMutablePointer<GtkWidget>

    package let widget: Widget
    private let list: Widget
    /// Resolves a conflict with a side's value (JSON; nil: absent).
    package var onResolve: ((MergeConflict, String?) -> Void)?
    /// The conflicts shown, in order.
    package private(set) var shown: [MergeConflict] = []
    /// The take-mine and take-theirs buttons of each conflict shown (for tests).
    package private(set) var buttons: [(mine: Widget, theirs: Widget)] = []

    package init() {
        widget = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 6, classes: ["gk-cell-conflicts"])
        list = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 8)
        let heading = Widgets.label(tr("Merge conflict"), classes: ["heading", "gk-warning"])
        let hint = Widgets.label(tr("Both sides of a merge changed this cell differently. The cell holds mine until you choose."),
                                 classes: ["dim-label", "caption"], wrap: true)
        Widgets.append(widget, heading, hint, list)
        gtk_widget_set_visible(widget, 0)
    }

    package func show(_ conflicts: [MergeConflict]) {
        gtk_widget_set_visible(widget, conflicts.isEmpty ? 0 : 1)
        guard conflicts != shown else { return }
        shown = conflicts
        buttons = []
        while let child = gtk_widget_get_first_child(list) { gtk_box_remove(list.cast(), child) }
        for c in conflicts {
            let field = String(c.path.dropFirst(c.record.count).drop { $0 == "/" })
            let box = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 3)
            let mineText = tr("Mine: %1", TeamText.quoted(MergeConflict.display(c.ours)))
            let theirsText = tr("Theirs: %1", TeamText.quoted(MergeConflict.display(c.theirs)))
            Widgets.append(box, Widgets.label(field.isEmpty ? tr("The whole cell") : field, classes: ["caption", "monospace"]),
                           Widgets.label(mineText, wrap: true, selectable: true), Widgets.label(theirsText, wrap: true, selectable: true))
            let row = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 6)
            let mine = TeamDialog.button(tr("Take _Mine")) { [weak self] in self?.onResolve?(c, c.ours) }
            let theirs = TeamDialog.button(tr("Take _Theirs")) { [weak self] in self?.onResolve?(c, c.theirs) }
            Events.setAccessibleLabel(mine, tr("Take mine for %1", c.path))
            Events.setAccessibleLabel(theirs, tr("Take theirs for %1", c.path))
            Widgets.append(row, mine, theirs)
            gtk_box_append(box.cast(), row)
            gtk_box_append(list.cast(), box)
            buttons.append((mine, theirs))
        }
    }
}
