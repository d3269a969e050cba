import CGtk
import Foundation

/// Watches one file (`GFileMonitor`): `onEvent` runs on the main loop after the file was written,
/// created, deleted, moved or renamed (its attributes alone do not count). The watch lasts until
/// `cancel()` or until the monitor is released.
@MainActor
package final class FileMonitor {
    private var monitor: UnsafeMutablePointer<GFileMonitor>?

    /// Starts watching `url`; nil when the file cannot be watched (e.g. its folder is gone).
    package init?(_ url: URL, onEvent: @escaping @MainActor () -> Void) {
        let file = g_file_new_for_path(url.path)
        defer { if let file { unref(file) } }
        var error: UnsafeMutablePointer<GError>?
        guard let monitor = g_file_monitor_file(file, G_FILE_MONITOR_WATCH_MOVES, nil, &error) else {
            g_clear_error(&error)
            return nil
        }
        self.monitor = monitor
        MoreSignals.connectFileChanged(monitor, onEvent)
    }

    /// Stops watching (once).
    package func cancel() {
        guard let monitor else { return }
        self.monitor = nil
        g_file_monitor_cancel(monitor)
        unref(monitor)
    }

    isolated deinit { cancel() }
}
