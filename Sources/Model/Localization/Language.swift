import Foundation

/// A language the user interface speaks.
///
/// msgids are English, so English needs no catalog; Chinese comes from `resources/po/zh_CN.po`.
public enum Language: String, CaseIterable, Sendable {
    case chinese = "zh_CN"
    case english = "en"

    /// The name of the catalog file in `resources/po/` (without `.po`), nil for the msgid language.
    public var catalogName: String? { self == .english ? nil : rawValue }

    /// Parses a language as a user types it (`--lang zh`, `--lang en_GB.UTF-8`, `--lang chinese`).
    public init?(code: String) {
        let lower = code.lowercased()
        if lower == "english" || lower.hasPrefix("en") {
            self = .english
        } else if lower == "chinese" || lower.hasPrefix("zh") {
            self = .chinese
        } else {
            return nil
        }
    }

    /// The environment variables gettext consults for messages, in its order of precedence.
    public static let environmentKeys = ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"]

    /// The language a process environment asks for: the first non-empty of LANGUAGE, LC_ALL,
    /// LC_MESSAGES and LANG decides; a value starting with "en" means English, anything else
    /// (including no value, "C" and "POSIX") Chinese. LANGUAGE may list several languages
    /// ("en_GB:zh_CN"): its first one counts.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        for key in environmentKeys {
            guard let value = environment[key], !value.isEmpty else { continue }
            let first = value.split(separator: ":").first.map(String.init) ?? value
            return first.lowercased().hasPrefix("en") ? .english : .chinese
        }
        return .chinese
    }
}
