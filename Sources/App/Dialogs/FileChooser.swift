import CGtk
import Foundation
import Model

/// Asks the user for a survey file to open or a place to save one. The window uses
/// `NativeFileChooser`; tests put in a chooser that answers without a dialog.
@MainActor
protocol FileChoosing: AnyObject {
    /// Calls `done` with the chosen `.gongkai` file, or nil when the user cancels.
    func chooseFileToOpen(parent: UnsafeMutablePointer<GtkWidget>, _ done: @escaping @MainActor (URL?) -> Void)
    /// Calls `done` with the path to save to (as typed; Save adds `.gongkai` when it has no extension),
    /// or nil when the user cancels.
    func chooseSaveLocation(parent: UnsafeMutablePointer<GtkWidget>, suggestedName: String, folder: URL?,
                            _ done: @escaping @MainActor (URL?) -> Void)
}

/// The desktop's file chooser (`GtkFileChooserNative`: the portal's dialog in a sandbox, GTK's
/// own otherwise), filtered to `.gongkai` files. GTK 4.8 has no `GtkFileDialog`.
@MainActor
final class NativeFileChooser: FileChoosing {
    /// Choosers on screen, kept alive until they answer.
    private var pending: [OpaquePointer] = []

    func chooseFileToOpen(parent: UnsafeMutablePointer<GtkWidget>, _ done: @escaping @MainActor (URL?) -> Void) {
        let chooser = gtk_file_chooser_native_new(tr("Open Survey"), parent.window, GTK_FILE_CHOOSER_ACTION_OPEN,
                                                  tr("_Open"), tr("_Cancel"))!.opaque
        addFilters(chooser)
        run(chooser) { url in done(url) }
    }

    func chooseSaveLocation(parent: UnsafeMutablePointer<GtkWidget>, suggestedName: String, folder: URL?,
                            _ done: @escaping @MainActor (URL?) -> Void) {
        let chooser = gtk_file_chooser_native_new(tr("Save Survey"), parent.window, GTK_FILE_CHOOSER_ACTION_SAVE,
                                                  tr("_Save"), tr("_Cancel"))!.opaque
        addFilters(chooser)
        gtk_file_chooser_set_current_name(chooser, suggestedName)
        if let folder {
            let file = GFiles.file(for: folder)
            gtk_file_chooser_set_current_folder(chooser, file, nil)
            unref(file)
        }
        run(chooser) { url in done(url) }
    }

    private func addFilters(_ chooser: OpaquePointer) {
        let surveys = gtk_file_filter_new()!
        gtk_file_filter_set_name(surveys, tr("Gongkai surveys (*.gongkai)"))
        gtk_file_filter_add_pattern(surveys, "*.\(SurveyFile.fileExtension)")
        gtk_file_chooser_add_filter(chooser, surveys)
        let all = gtk_file_filter_new()!
        gtk_file_filter_set_name(all, tr("All files"))
        gtk_file_filter_add_pattern(all, "*")
        gtk_file_chooser_add_filter(chooser, all)
        gtk_file_chooser_set_filter(chooser, surveys)
        unref(surveys)
        unref(all)
    }

    private func run(_ chooser: OpaquePointer, _ done: @escaping @MainActor (URL?) -> Void) {
        pending.append(chooser)
        gtk_native_dialog_set_modal(chooser.cast(), 1)
        MoreSignals.connect(chooser, "response", withInteger: { [weak self] response in
            let url = response == Int(GTK_RESPONSE_ACCEPT.rawValue) ? GFiles.takePath(gtk_file_chooser_get_file(chooser)) : nil
            gtk_native_dialog_destroy(chooser.cast())
            self?.pending.removeAll { $0 == chooser }
            unref(chooser)
            done(url)
        })
        gtk_native_dialog_show(chooser.cast())
    }
}
