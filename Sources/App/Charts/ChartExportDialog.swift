import CGtk
import Foundation
import Model

/// What the user chose in an export dialog.
enum ChartExportTarget: Equatable {
    /// One chart to a file in a format.
    case file(URL, ChartFormat)
    /// Every chart to a folder, one file each in a format.
    case folder(URL, ChartFormat)
    /// Every chart into one PDF (a handout).
    case handout(URL)
}

/// The export dialogs of the charts section (`GtkFileChooserNative`; GTK 4.8 has no
/// `GtkFileDialog`). Tests replace `ask` to answer without a dialog.
@MainActor
final class ChartExportDialog {
    /// Choosers on screen, kept alive until they answer.
    private var pending: [OpaquePointer] = []

    /// Asks where to save the chart named `name`; the format follows the file's extension, else
    /// the filter chosen.
    func askForChart(named name: String, parent: UnsafeMutablePointer<GtkWidget>, _ done: @escaping @MainActor (ChartExportTarget?) -> Void) {
        let chooser = gtk_file_chooser_native_new(tr("Export Chart"), parent.window, GTK_FILE_CHOOSER_ACTION_SAVE,
                                                  tr("_Export"), tr("_Cancel"))!.opaque
        var filters: [(OpaquePointer, ChartFormat)] = []
        for (format, label) in [(ChartFormat.png, tr("PNG image (*.png)")), (.svg, tr("SVG drawing (*.svg)")), (.pdf, tr("PDF document (*.pdf)"))] {
            let filter = gtk_file_filter_new()!
            gtk_file_filter_set_name(filter, label)
            gtk_file_filter_add_pattern(filter, "*.\(format.rawValue)")
            gtk_file_chooser_add_filter(chooser, filter)
            filters.append((filter.opaque, format))
            unref(filter)
        }
        gtk_file_chooser_set_filter(chooser, filters[0].0)
        gtk_file_chooser_set_current_name(chooser, "\(name).png")
        run(chooser) { url in
            guard var url else { return done(nil) }
            let chosen = gtk_file_chooser_get_filter(chooser)
            let filterFormat = filters.first { $0.0 == chosen }?.1 ?? .png
            let format = ChartFormat(path: url.path) ?? filterFormat
            if ChartFormat(path: url.path) == nil { url = url.appendingPathExtension(format.rawValue) }
            done(.file(url, format))
        }
    }

    /// Asks for a folder and a format for every chart (or one handout PDF in that folder).
    func askForAll(suggestedHandoutName: String, parent: UnsafeMutablePointer<GtkWidget>,
                   _ done: @escaping @MainActor (ChartExportTarget?) -> Void) {
        let chooser = gtk_file_chooser_native_new(tr("Export All Charts"), parent.window, GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                                  tr("_Export"), tr("_Cancel"))!.opaque
        let ids = ["handout", "png", "svg", "pdf"]
        let labels = [tr("One PDF, a chart per page (handout)"), tr(context: "chart", "PNG files"), tr(context: "chart", "SVG files"), tr(context: "chart", "PDF files")]
        withCStrings(ids) { idPointers in
            withCStrings(labels) { labelPointers in
                gtk_file_chooser_add_choice(chooser, "format", tr("Format"), idPointers, labelPointers)
            }
        }
        gtk_file_chooser_set_choice(chooser, "format", "handout")
        run(chooser) { folder in
            guard let folder else { return done(nil) }
            let choice = String(borrowingGChars: gtk_file_chooser_get_choice(chooser, "format")) ?? "handout"
            if let format = ChartFormat(rawValue: choice) {
                done(.folder(folder, format))
            } else {
                done(.handout(folder.appendingPathComponent(suggestedHandoutName)))
            }
        }
    }

    private func run(_ chooser: OpaquePointer, _ done: @escaping @MainActor (URL?) -> Void) {
        pending.append(chooser)
        gtk_native_dialog_set_modal(chooser.cast(), 1)
        MoreSignals.connect(chooser, "response", withInteger: { [weak self] response in
            let url = response == Int(GTK_RESPONSE_ACCEPT.rawValue) ? GFiles.takePath(gtk_file_chooser_get_file(chooser)) : nil
            done(url)
            gtk_native_dialog_destroy(chooser.cast())
            self?.pending.removeAll { $0 == chooser }
            unref(chooser)
        })
        gtk_native_dialog_show(chooser.cast())
    }

    /// A NULL-terminated array of C strings for the duration of `body`.
    private func withCStrings<T>(_ strings: [String], _ body: (UnsafeMutablePointer<UnsafePointer<CChar>?>) -> T) -> T {
        let copies = strings.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        var pointers: [UnsafePointer<CChar>?] = copies.map { UnsafePointer($0) } + [nil]
        return pointers.withUnsafeMutableBufferPointer { body($0.baseAddress!) }
    }
}
