import CGtk
import Foundation

/// Choosing a file to open with `GtkFileChooserNative` (the portal's dialog where there is one),
/// and opening web links in the browser (`gtk_show_uri`).
@MainActor
enum DataFileChooser {
    /// A file filter: its name and glob patterns ("*.csv").
    struct Filter {
        var name: String
        var patterns: [String]
    }

    /// Asks for one file to open; calls `completion` with its path, or nil when the user cancels.
    static func open(title: String, parent: UnsafeMutablePointer<GtkWidget>?, accept: String, filters: [Filter],
                     completion: @escaping @MainActor (URL?) -> Void) {
        let parentWindow = parent.flatMap { gtk_widget_get_root($0) }.map { UnsafeMutableRawPointer($0).window }
        let dialog = gtk_file_chooser_native_new(title, parentWindow, GTK_FILE_CHOOSER_ACTION_OPEN, accept, nil)!
        let chooser = dialog.opaque
        for filter in filters {
            let f = gtk_file_filter_new()!
            gtk_file_filter_set_name(f, filter.name)
            for pattern in filter.patterns { gtk_file_filter_add_pattern(f, pattern) }
            gtk_file_chooser_add_filter(chooser, f)
            g_object_unref(UnsafeMutableRawPointer(f))
        }
        gtk_native_dialog_set_modal(dialog.cast(), 1)
        typealias Response = @MainActor (Int32) -> Void
        let handler: Response = { response in
            var url: URL?
            if response == GTK_RESPONSE_ACCEPT.rawValue, let file = gtk_file_chooser_get_file(chooser) {
                url = String(takingGChars: g_file_get_path(file)).map { URL(fileURLWithPath: $0) }
                g_object_unref(UnsafeMutableRawPointer(file))
            }
            completion(url)
            g_object_unref(UnsafeMutableRawPointer(dialog))  // the reference `new` gave us
        }
        let thunk: @convention(c) (UnsafeMutableRawPointer?, Int32, UnsafeMutableRawPointer?) -> Void = { _, response, data in
            let box = CallbackBox<Response>.from(data)
            MainActor.assumeIsolated { box.handler(response) }
        }
        Signals.connect(UnsafeMutableRawPointer(dialog), "response", thunk: unsafeBitCast(thunk, to: GCallback.self), handler: handler)
        gtk_native_dialog_show(dialog.cast())
    }
}

/// Web links recorded in the survey.
@MainActor
enum WebLink {
    /// Whether a link may be opened: an absolute http or https URL with a host. Other schemes
    /// (file:, javascript:, …) are never handed to the browser.
    nonisolated static func isOpenable(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty else { return false }
        return true
    }

    /// Opens an http(s) link in the browser; returns false (doing nothing) for any other text.
    @discardableResult
    static func open(_ text: String, from widget: UnsafeMutablePointer<GtkWidget>) -> Bool {
        guard isOpenable(text) else { return false }
        let window = gtk_widget_get_root(widget).map { UnsafeMutableRawPointer($0).window }
        gtk_show_uri(window, text.trimmingCharacters(in: .whitespaces), guint32(GDK_CURRENT_TIME))
        return true
    }
}
