import CGtk
import Foundation
import Model

/// The user's preferences, kept in `$XDG_CONFIG_HOME/gongkai/preferences.json` (by default
/// `~/.config/gongkai/`). Today: the author name the change log records.
package struct Preferences: Codable, Equatable {
    /// The name written in the change log; nil or empty: the account's real name.
    package var authorName: String?

    /// The preferences file for an environment: `$XDG_CONFIG_HOME` when it is an absolute path,
    /// `~/.config` otherwise.
    package static func fileURL(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        UserFolder.base("XDG_CONFIG_HOME", default: ".config", environment: environment)
            .appendingPathComponent("gongkai/preferences.json")
    }

    /// The saved preferences; defaults when there are none or the file cannot be read.
    package static func load(environment: [String: String] = ProcessInfo.processInfo.environment) -> Preferences {
        guard let data = try? Data(contentsOf: fileURL(environment: environment)),
              let preferences = try? JSONDecoder().decode(Preferences.self, from: data) else { return Preferences() }
        return preferences
    }

    package func save(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let url = Self.fileURL(environment: environment)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(self).write(to: url, options: .atomic)
    }
    package init(authorName: String? = nil) {
        self.authorName = authorName
    }
}

/// Who the change log names: `GONGKAI_AUTHOR` when set (for the command line and tests), else the
/// name set in Preferences, else the account's real name (`g_get_real_name`), else the login name.
package enum AuthorName {
    package static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let name = environment["GONGKAI_AUTHOR"]?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty { return name }
        if let name = Preferences.load(environment: environment).authorName?.trimmingCharacters(in: .whitespacesAndNewlines),
           !name.isEmpty { return name }
        return accountName(environment: environment)
    }

    /// The account's real name (GLib reads the password entry), or its login name.
    package static func accountName(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let real = g_get_real_name().map({ String(cString: $0) }), !real.isEmpty, real != "Unknown" { return real }
        if let user = g_get_user_name().map({ String(cString: $0) }), !user.isEmpty { return user }
        return environment["USER"] ?? "unknown"
    }
}
