import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// The window's export actions:
/// - `win.export` opens the Export dialog on the window's survey;
/// - `win.copy-table` (a table id as its string parameter, e.g. `win.copy-table::matrix`) puts
///   that table on the clipboard as HTML and tab-separated text (`TableClipboard`), in the
///   interface language, matrix cells as symbols.
@MainActor
package enum ExportActions {
    /// Adds the actions to the window's `win` group. Call once, after the window is made.
    package static func install(on window: MainWindow, controller: DocumentController) {
        let map = window.actions.map
        map.add("export") { [weak window, weak controller] in
            guard let window, let controller else { return }
            ExportDialog(parent: window.window, survey: controller.survey).present()
        }
        map.add("copy-table", stringParameter: { [weak window, weak controller] id in
            guard let window, let controller, let table = TableBuilder(controller.survey).table(named: id, notes: .inline) else { return }
            TableClipboard.copy(table, info: ExportInfo(controller.survey.meta), from: window.window)
        })
    }
}
