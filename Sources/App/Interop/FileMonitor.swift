import CGtk
import Foundation

/// Watches one file (`GFileMonitor`): `onEvent` runs on the main loop after the file was written,
/// created, deleted, moved or renamed (its attributes alone do not count). The watch lasts until
/// `cancel()` or until the monitor is released.
@MainActor
final class FileMonitor {
    private var monitor: UnsafeMutablePointer<GFileMonitor>?

    /// Starts watching `url`; nil when the file cannot be watched (e.g. its folder is gone).
    init?(_ url: URL, onEvent: @escaping @MainActor () -> Void) {
        let file = g_file_new_for_path(url.path)
        defer { if let file { unref(file) } }
        var error: UnsafeMutablePointer<GError>?
        guard let monitor = g_file_monitor_file(file, G_FILE_MONITOR_WATCH_MOVES, nil, &error) else {
            g_clear_error(&error)
            return nil
        }
        self.monitor = monitor
        typealias Handler = @MainActor () -> Void
        let thunk: @convention(c) (UnsafeMutableRawPointer?, OpaquePointer?, OpaquePointer?, GFileMonitorEvent,
                                   UnsafeMutableRawPointer?) -> Void = { _, _, _, event, data in
            guard event != G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED, event != G_FILE_MONITOR_EVENT_PRE_UNMOUNT,
                  event != G_FILE_MONITOR_EVENT_UNMOUNTED else { return }
            let box = CallbackBox<Handler>.from(data)
            MainActor.assumeIsolated { box.handler() }
        }
        g_signal_connect_data(monitor.rawPointer, "changed", unsafeBitCast(thunk, to: GCallback.self),
                              CallbackBox<Handler>(onEvent).retainedPointer(),
                              { data, _ in CallbackBox<Handler>.release(data) }, GConnectFlags(rawValue: 0))
    }

    /// Stops watching (once).
    func cancel() {
        guard let monitor else { return }
        self.monitor = nil
        g_file_monitor_cancel(monitor)
        unref(monitor)
    }

    isolated deinit { cancel() }
}
