import Foundation

/// The user's base folders of the XDG Base Directory specification.
package enum UserFolder {
    /// `$variable` when it is an absolute path, else `$HOME/<fallback>` (e.g. `XDG_CONFIG_HOME`,
    /// `.config`).
    package static func base(_ variable: String, default fallback: String, environment: [String: String]) -> URL {
        if let xdg = environment[variable], xdg.hasPrefix("/") { return URL(fileURLWithPath: xdg, isDirectory: true) }
        let home = environment["HOME"].map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        return home.appendingPathComponent(fallback, isDirectory: true)
    }
}
