import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// The application's actions — `app.quit`, `app.about`, `app.shortcuts` — and the keyboard
/// accelerators of every action in `ShortcutTable`.
@MainActor
package enum AppActions {
    /// `window` is the window the user works in; `windows` all of them (Quit closes each, asking
    /// about its unsaved changes).
    package static func register(on application: UnsafeMutablePointer<GtkApplication>,
                         window: @escaping @MainActor () -> MainWindow?,
                         windows: @escaping @MainActor () -> [MainWindow]) {
        let map = ActionMap(application)
        map.add("quit") {
            let open = windows()
            if open.isEmpty { g_application_quit(application.gApplication) }
            for current in open { current.flows.close() }
        }
        map.add("about") {
            gtk_window_present(AboutDialog.make(parent: window()?.window).window)
        }
        map.add("shortcuts") {
            guard let current = window() else { return }
            current.showShortcuts()
        }
        setAccelerators(on: application)
    }

    /// `gtk_application_set_accels_for_action` for every binding of the table.
    package static func setAccelerators(on application: UnsafeMutablePointer<GtkApplication>) {
        for binding in ShortcutTable.bindings {
            let strings = binding.accelerators.map { strdup($0) }
            defer { strings.forEach { free($0) } }
            var pointers: [UnsafePointer<CChar>?] = strings.map { UnsafePointer($0) } + [nil]
            gtk_application_set_accels_for_action(application, binding.action, &pointers)
        }
    }
}
