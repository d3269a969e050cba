import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// The merge conflicts of the open survey, each with Take A (ours), Take B (theirs) or an edited
/// value; each decision is one undo step (logged as `resolve`). The matrix details pane resolves
/// a cell's conflicts too, through the same `ConflictResolution`.
@MainActor
package final class ConflictsDialog: TeamDialog {
    package let controller: DocumentController
    private let list: Widget
    private let summary: Widget
    /// The conflicts listed, in order.
    package private(set) var shown: [MergeConflict] = []

    package init(parent: Widget?, controller: DocumentController) {
        self.controller = controller
        let (list, scroller) = TeamDialog.list(name: tr("Merge Conflicts"))
        self.list = list
        summary = Widgets.label("", wrap: true)
        super.init(title: tr("Merge Conflicts"), parent: parent, width: 760, height: 560)
        Widgets.append(content, summary, scroller)
        follow(controller) { [weak self] in self?.refresh() }
        refresh()
    }

    package func refresh() {
        let conflicts = controller.survey.conflicts
        guard conflicts != shown || conflicts.isEmpty else { return }
        shown = conflicts
        Widgets.setText(summary, conflicts.isEmpty ? tr("No merge conflicts: the survey is fully merged.")
                                                             : tr("%1 fields were changed differently on both sides.", conflicts.count))
        TeamDialog.removeAll(list)
        for c in conflicts {
            let row = DecisionRow.make(path: c.path, a: MergeConflict.display(c.ours), b: MergeConflict.display(c.theirs),
                                       aTitle: tr("A (ours)"), bTitle: tr("B (theirs)"),
                                       choices: .init(takeA: { [weak self] in self?.resolve(c, with: c.ours) },
                                                      takeB: { [weak self] in self?.resolve(c, with: c.theirs) },
                                                      useValue: { [weak self] text in
                                                          self?.resolve(c, with: DecisionRow.json(typed: text, current: c.ours))
                                                      }))
            gtk_list_box_append(list.opaque, row)
        }
    }

    /// Resolves a conflict with a value (JSON; nil removes the record) as one undo step.
    @discardableResult
    package func resolve(_ conflict: MergeConflict, with json: String?) -> Bool {
        ConflictResolution.resolve(conflict, with: json, in: controller)
    }
}
