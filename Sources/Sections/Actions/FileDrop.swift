import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// Dropping a `.gongkai` file on the window opens it (through the unsaved-changes question).
@MainActor
package enum FileDrop {
    package static func install(on window: UnsafeMutablePointer<GtkWidget>, open: @escaping @MainActor (URL) -> Void) {
        let target = gtk_drop_target_new(GType(0), GDK_ACTION_COPY)!
        var types = [gdk_file_list_get_type(), g_file_get_type()]
        gtk_drop_target_set_gtypes(target, &types, gsize(types.count))
        MoreSignals.connectFileDrop(target) { paths in
            guard let url = surveyFile(in: paths) else { return false }
            // After the drop has finished, so a dialog may be shown.
            MainLoop.once { open(url) }
            return true
        }
        gtk_widget_add_controller(window, target.opaque)
    }

    /// The first dropped `.gongkai` file.
    package nonisolated static func surveyFile(in paths: [String]) -> URL? {
        paths.first { $0.hasSuffix(".\(SurveyFile.fileExtension)") }.map { URL(fileURLWithPath: $0) }
    }
}
