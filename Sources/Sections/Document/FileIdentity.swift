import CGtk
import Foundation

#if canImport(Glibc)
import Glibc
import GtkKit
import Rendering
#endif

extension URL {
    /// The path a file is known by, whichever way it was named: absolute, `.` and `..` removed,
    /// symbolic links resolved (those of its folder when the file itself does not exist yet). Two
    /// URLs of one file have the same canonical path; drafts and windows are keyed by it.
    package var canonicalFilePath: String {
        var components: [Substring] = []
        for component in (path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path).split(separator: "/") {
            if component == "." { continue }
            if component == ".." { _ = components.popLast() } else { components.append(component) }
        }
        let lexical = "/" + components.joined(separator: "/")
        if let resolved = realpath(lexical, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        guard let name = components.last else { return lexical }
        let folder = "/" + components.dropLast().joined(separator: "/")
        guard let resolved = realpath(folder, nil) else { return lexical }
        defer { free(resolved) }
        let parent = String(cString: resolved)
        return (parent.hasSuffix("/") ? parent : parent + "/") + name
    }
}

/// The windows of this process and the files they show, so that one file is never open in two
/// windows: opening a file that another window shows brings that window to the front instead.
@MainActor
package enum OpenWindows {
    private static var windows: [WeakWindow] = []

    private struct WeakWindow {
        weak var window: MainWindow?
    }

    package static func add(_ window: MainWindow) {
        windows.removeAll { $0.window == nil }
        windows.append(WeakWindow(window: window))
        Signals.connect(window.window, "destroy") { [weak window] in
            windows.removeAll { $0.window == nil || $0.window === window }
        }
    }

    /// A living window other than `except` whose survey's file is `url`.
    package static func window(showing url: URL, except: MainWindow? = nil) -> MainWindow? {
        let path = url.canonicalFilePath
        return windows.lazy.compactMap(\.window).first {
            $0 !== except && $0.fileURL?.canonicalFilePath == path
        }
    }
}
