import CGtk
import Foundation

/// `GApplication::open` (files given on the command line, here or by a second launch that found
/// this instance on the session bus) and the command line `g_application_run` reads them from.
@MainActor
package enum ApplicationOpen {
    package typealias Handler = @MainActor ([URL]) -> Void

    /// Connects `handler` to the application's `open` signal; it gets the local files' paths.
    package static func connect(_ application: UnsafeMutablePointer<GtkApplication>, _ handler: @escaping Handler) {
        MoreSignals.connectFilesOpened(application, handler)
    }

    /// Runs the application with `files` as its command line (as `file://` URIs, so that no path
    /// is taken for an option): the primary instance gets them through `open` (or `activate` when
    /// there are none); a second instance hands them to the primary one over D-Bus and returns.
    package static func run(_ application: UnsafeMutablePointer<GtkApplication>, files: [URL]) -> Int32 {
        let uris = files.compactMap { String(takingGChars: g_filename_to_uri($0.path, nil, nil)) }
        let arguments = ["gongkai"] + uris
        var pointers: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        return pointers.withUnsafeMutableBufferPointer { buffer in
            g_application_run(application.gApplication, Int32(arguments.count), buffer.baseAddress)
        }
    }

    /// Hands `files` to a registered application as a launch would (`g_application_open`; with no
    /// files, `g_application_activate`).
    package static func open(_ application: UnsafeMutablePointer<GtkApplication>, files: [URL]) {
        guard !files.isEmpty else { return g_application_activate(application.gApplication) }
        var objects: [OpaquePointer?] = files.map { g_file_new_for_path($0.path) }
        defer { objects.forEach { if let object = $0 { unref(object) } } }
        objects.withUnsafeMutableBufferPointer { buffer in
            g_application_open(application.gApplication, buffer.baseAddress, Int32(files.count), "")
        }
    }
}
