import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// Recently opened and saved survey files, kept by GTK's `GtkRecentManager` (the desktop's shared
/// `recently-used.xbel`, so file managers and other applications see them too).
@MainActor
package final class RecentFiles {
    /// How many files the Recent menu lists.
    package static let menuLimit = 8

    private let owned: OwnedObject<OpaquePointer>
    private var manager: OpaquePointer { owned.pointer }
    private var handlers: [@MainActor () -> Void] = []

    /// The desktop's recent files.
    package static let shared = RecentFiles(storedIn: nil)

    /// A list stored in `file` (a `recently-used.xbel`), or the desktop's when nil.
    package init(storedIn file: URL?) {
        if let file {
            var value = GValue()
            g_value_init(&value, GProperty.Fundamental.string)
            g_value_set_string(&value, file.path)
            let object = "filename".withCString { name -> UnsafeMutablePointer<GObject> in
                var names: [UnsafePointer<CChar>?] = [name]
                return g_object_new_with_properties(gtk_recent_manager_get_type(), 1, &names, &value)
            }
            g_value_unset(&value)
            owned = OwnedObject(taking: object.opaque)
        } else {
            owned = OwnedObject(sinking: gtk_recent_manager_get_default().opaque)
        }
        Signals.connect(manager, "changed") { [weak self] in
            for handler in self?.handlers ?? [] { handler() }
        }
    }

    /// Calls `body` whenever the list changes (in this process or another).
    package func onChange(_ body: @escaping @MainActor () -> Void) {
        handlers.append(body)
    }

    /// Puts a survey file at the top of the list.
    package func add(_ url: URL) {
        guard let uri = String(takingGChars: g_filename_to_uri(url.path, nil, nil)) else { return }
        let names: [String] = [url.lastPathComponent, "application/x-gongkai", "gongkai", "gongkai %f"]
        let strings = names.map { strdup($0) }
        defer { strings.forEach { free($0) } }
        var data = GtkRecentData(display_name: strings[0], description: nil, mime_type: strings[1],
                                 app_name: strings[2], app_exec: strings[3], groups: nil, is_private: 0)
        gtk_recent_manager_add_full(manager.cast(), uri, &data)
    }

    /// Writes changes not yet stored (GTK writes them shortly after each change, from the main loop).
    package func flush() {
        var instance = GValue()
        g_value_init(&instance, gtk_recent_manager_get_type())
        g_value_set_object(&instance, manager.rawPointer)
        g_signal_emitv(&instance, g_signal_lookup("changed", gtk_recent_manager_get_type()), 0, nil)
        g_value_unset(&instance)
    }

    /// The survey files on the list that still exist, most recently used first.
    package func surveys(limit: Int = RecentFiles.menuLimit) -> [URL] {
        var found: [(URL, Int)] = []
        var node = gtk_recent_manager_get_items(manager.cast())
        let head = node
        while let current = node {
            if let info = current.pointee.data?.opaque {
                if let uri = String(borrowingGChars: gtk_recent_info_get_uri(info)),
                   let path = String(takingGChars: g_filename_from_uri(uri, nil, nil)),
                   path.hasSuffix(".\(SurveyFile.fileExtension)"), FileManager.default.fileExists(atPath: path) {
                    let modified = gtk_recent_info_get_modified(info).map { Int(g_date_time_to_unix($0)) } ?? 0
                    found.append((URL(fileURLWithPath: path), modified))
                }
                gtk_recent_info_unref(info)
            }
            node = current.pointee.next
        }
        g_list_free(head)
        return found.sorted { $0.1 > $1.1 }.prefix(limit).map(\.0)
    }
}
