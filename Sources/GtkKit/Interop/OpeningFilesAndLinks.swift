import CGtk
import Foundation

/// Web links recorded in the survey.
@MainActor
package enum WebLink {
    /// Whether a link may be opened: an absolute http or https URL with a host. Other schemes
    /// (file:, javascript:, …) are never handed to the browser.
    package nonisolated static func isOpenable(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty else { return false }
        return true
    }

    /// Opens an http(s) link in the browser; returns false (doing nothing) for any other text.
    @discardableResult
    package static func open(_ text: String, from widget: UnsafeMutablePointer<GtkWidget>) -> Bool {
        guard isOpenable(text) else { return false }
        let window = gtk_widget_get_root(widget)?.window
        gtk_show_uri(window, text.trimmingCharacters(in: .whitespaces), guint32(GDK_CURRENT_TIME))
        return true
    }
}
