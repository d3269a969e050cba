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

    /// The language a process environment asks for, the way gettext picks a catalog: Chinese for a
    /// `zh*` locale, English (the msgid language) for any other language.
    ///
    /// LANGUAGE is a priority list ("de:zh_CN"): it is walked in order, and a language with no
    /// catalog (de, fr, ja…) passes to the next; a list naming only such languages means English.
    /// Without a usable LANGUAGE, the first non-empty of LC_ALL, LC_MESSAGES and LANG decides.
    /// No locale at all, "C" and "POSIX" name no language: the interface then speaks Chinese, its
    /// default.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        if let list = environment["LANGUAGE"] {
            var namedLanguage = false
            for item in list.split(separator: ":") where !isUnnamed(item) {
                namedLanguage = true
                if let language = catalogLanguage(item) { return language }
            }
            if namedLanguage { return .english }
        }
        for key in environmentKeys.dropFirst() {
            guard let value = environment[key], !value.isEmpty else { continue }
            if isUnnamed(value[...]) { return .chinese }
            return catalogLanguage(value[...]) ?? .english
        }
        return .chinese
    }

    /// The language with a catalog (or the msgid language) a locale name asks for, nil for others.
    private static func catalogLanguage(_ locale: Substring) -> Language? {
        let lower = locale.lowercased()
        if lower.hasPrefix("zh") { return .chinese }
        if lower == "en" || lower.hasPrefix("en_") || lower.hasPrefix("en.") || lower.hasPrefix("en@") { return .english }
        return nil
    }

    /// "C", "POSIX" and their encodings ("C.UTF-8") name no language.
    private static func isUnnamed(_ locale: Substring) -> Bool {
        let base = locale.split(separator: ".").first.map(String.init) ?? String(locale)
        return base.isEmpty || base == "C" || base == "POSIX"
    }
}
