import CGtk
import Foundation

/// Signal handler shapes that `Signals` does not cover: an integer argument (`response`,
/// `activate` of list views), a drop target's `drop`, GApplication's `open` and GFileMonitor's
/// `changed`. Each goes through `Signals.connect(_:_:thunk:handler:)`.
@MainActor
package enum MoreSignals {
    package typealias IntHandler = @MainActor (Int) -> Void
    package typealias DropHandler = @MainActor ([String]) -> Bool

    /// Connects `handler` to a signal whose C handler is `void (*)(instance, int or guint, user_data)`.
    @discardableResult
    package static func connect(_ instance: some GPointer, _ signal: String, withInteger handler: @escaping IntHandler) -> gulong {
        let thunk: @convention(c) (UnsafeMutableRawPointer?, Int32, UnsafeMutableRawPointer?) -> Void = { _, value, data in
            let box = CallbackBox<IntHandler>.from(data)
            MainActor.assumeIsolated { box.handler(Int(value)) }
        }
        return Signals.connect(instance, signal, thunk: unsafeBitCast(thunk, to: GCallback.self), handler: handler)
    }

    /// Connects a `GtkDropTarget`'s `drop` signal; the handler gets the dropped files' paths
    /// (from a `GdkFileList` or a single `GFile`) and returns whether it took them.
    @discardableResult
    package static func connectFileDrop(_ target: some GPointer, _ handler: @escaping DropHandler) -> gulong {
        Signals.connect(target, "drop", thunk: unsafeBitCast(dropThunk, to: GCallback.self), handler: handler)
    }

    package typealias FilesHandler = @MainActor ([URL]) -> Void

    /// Connects GApplication's `open` (`void (*)(app, GFile **files, int n, const char *hint, user_data)`);
    /// the handler gets the local files' paths.
    @discardableResult
    package static func connectFilesOpened(_ application: some GPointer, _ handler: @escaping FilesHandler) -> gulong {
        let thunk: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<OpaquePointer?>?, Int32,
                                   UnsafePointer<CChar>?, UnsafeMutableRawPointer?) -> Void = { _, files, count, _, data in
            var urls: [URL] = []
            if let files, count > 0 {
                for index in 0..<Int(count) {
                    guard let file = files[index], let path = String(takingGChars: g_file_get_path(file)) else { continue }
                    urls.append(URL(fileURLWithPath: path))
                }
            }
            let box = CallbackBox<FilesHandler>.from(data)
            MainActor.assumeIsolated { box.handler(urls) }
        }
        return Signals.connect(application, "open", thunk: unsafeBitCast(thunk, to: GCallback.self), handler: handler)
    }

    /// Connects GFileMonitor's `changed` (`void (*)(monitor, GFile *, GFile *, GFileMonitorEvent, user_data)`);
    /// the handler runs for every event but a change of attributes or of mounts.
    @discardableResult
    package static func connectFileChanged(_ monitor: some GPointer, _ handler: @escaping Signals.Handler) -> gulong {
        let thunk: @convention(c) (UnsafeMutableRawPointer?, OpaquePointer?, OpaquePointer?, GFileMonitorEvent,
                                   UnsafeMutableRawPointer?) -> Void = { _, _, _, event, data in
            guard event != G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED, event != G_FILE_MONITOR_EVENT_PRE_UNMOUNT,
                  event != G_FILE_MONITOR_EVENT_UNMOUNTED else { return }
            let box = CallbackBox<Signals.Handler>.from(data)
            MainActor.assumeIsolated { box.handler() }
        }
        return Signals.connect(monitor, "changed", thunk: unsafeBitCast(thunk, to: GCallback.self), handler: handler)
    }

    private typealias DropThunk = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<GValue>?, Double, Double,
                                                  UnsafeMutableRawPointer?) -> gboolean

    private static let dropThunk: DropThunk = { _, value, _, _, data in
        let paths: [String] = value.map { filePaths(in: $0) } ?? []
        return handleDrop(paths, data)
    }

    private nonisolated static func handleDrop(_ paths: [String], _ data: UnsafeMutableRawPointer?) -> gboolean {
        let box = CallbackBox<DropHandler>.from(data)
        return MainActor.assumeIsolated { box.handler(paths) } ? 1 : 0
    }

    /// The paths of the local files in a `GValue` holding a `GdkFileList` or a `GFile`.
    package nonisolated static func filePaths(in value: UnsafePointer<GValue>) -> [String] {
        let type = value.pointee.g_type
        var files: [OpaquePointer] = []
        if type == gdk_file_list_get_type(), let list = g_value_get_boxed(value) {
            var node = gdk_file_list_get_files(OpaquePointer(list))
            let head = node
            while let current = node {
                if let file = current.pointee.data { files.append(OpaquePointer(file)) }
                node = current.pointee.next
            }
            g_slist_free(head)
        } else if g_type_is_a(type, g_file_get_type()) != 0, let file = g_value_get_object(value) {
            files.append(OpaquePointer(file))
        }
        return files.compactMap { String(takingGChars: g_file_get_path($0)) }
    }
}

/// Local paths of `GFile`s.
package enum GFiles {
    /// The path of a `GFile` (nil for a file that is not local), releasing the caller's reference.
    package static func takePath(_ file: OpaquePointer?) -> URL? {
        guard let file else { return nil }
        defer { unref(file) }
        return String(takingGChars: g_file_get_path(file)).map { URL(fileURLWithPath: $0) }
    }

    /// A new `GFile` for a path (the caller owns the reference).
    package static func file(for url: URL) -> OpaquePointer {
        g_file_new_for_path(url.path)
    }
}
