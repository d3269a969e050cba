import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// Everything a window's user does besides editing in a section: the `win.*` actions, the header
/// bar's buttons and menu, dropping files, the unsaved-changes question on close, and the draft.
@MainActor
package final class WindowActions {
    /// The window's action group: the `GtkApplicationWindow` itself, or a group inserted as "win"
    /// in a window made without an application.
    package let map: ActionMap
    package let flows: DocumentFlows
    package let edit: EditActions
    package let menu: PrimaryMenu

    package init(window: MainWindow, services: WindowServices, isApplicationWindow: Bool) {
        if isApplicationWindow {
            map = ActionMap(window.window)
        } else {
            map = ActionMap.newGroup()
            gtk_widget_insert_action_group(window.window, "win", map.pointer)
            unref(map.pointer)  // the window keeps its reference
        }
        flows = DocumentFlows(window: window, services: services)
        FileActions.register(in: map, flows: flows)
        edit = EditActions(map: map, controller: window.controller)
        map.add("checks") { [weak window] in window?.showSection(id: ChecksSection.sectionID) }
        SectionActions.register(in: map, window: window)
        window.sidebarCollapse.register(in: map)
        TeamActions.register(in: map, window: window, chooser: services.chooser)
        menu = PrimaryMenu(recent: services.recent)
        HeaderBarControls.install(in: window.header, menu: menu, edit: edit)
        FileDrop.install(on: window.window) { [weak self] url in self?.flows.open(url) }

        Signals.connectReturningBool(window.window, "close-request") { [weak self] in
            self?.flows.closeRequested() ?? false
        }
        Signals.connect(window.window, "destroy") { [weak self] in self?.flows.drafts.detach() }
    }
}
