import CGtk
import Model
import GtkKit
import Rendering

/// Edit › Undo and Redo (`win.undo`, `win.redo`) through the window's `DocumentController`, enabled
/// only when there is something to undo or redo, with the step's name in the buttons' tooltips.
@MainActor
package final class EditActions {
    private let controller: DocumentController
    private let undoAction: SimpleAction
    private let redoAction: SimpleAction
    /// Buttons whose tooltip names the step ("Undo Set 安徽 2019").
    private var undoButtons: [UnsafeMutablePointer<GtkWidget>] = []
    private var redoButtons: [UnsafeMutablePointer<GtkWidget>] = []

    package init(map: ActionMap, controller: DocumentController) {
        self.controller = controller
        // The actions live in the window's action map, which GTK may keep after the window closes:
        // they must not keep the survey and its history alive.
        undoAction = map.add("undo") { [weak controller] in controller?.undo() }
        redoAction = map.add("redo") { [weak controller] in controller?.redo() }
        controller.observe { [weak self] _ in self?.update() }
        update()
    }

    /// Adds buttons whose tooltips follow the undo and redo steps.
    package func track(undo: UnsafeMutablePointer<GtkWidget>, redo: UnsafeMutablePointer<GtkWidget>) {
        undoButtons.append(undo)
        redoButtons.append(redo)
        update()
    }

    private func update() {
        undoAction.isEnabled = controller.canUndo
        redoAction.isEnabled = controller.canRedo
        let undoTip = controller.undoLabel.map { tr("Undo %1", $0) } ?? tr("Undo")
        let redoTip = controller.redoLabel.map { tr("Redo %1", $0) } ?? tr("Redo")
        // Most edits leave the tips as they were ("Undo Set status"): nothing is set again then.
        for button in undoButtons { Widgets.setTooltip(button, undoTip) }
        for button in redoButtons { Widgets.setTooltip(button, redoTip) }
    }
}
