import Foundation

/// Translates English msgids into the user interface language.
///
/// `Localizer.shared` picks its language from the environment (see `Language.fromEnvironment`)
/// unless something forces one with `Localizer.shared.language = …` (the `--lang` option, tests).
/// Catalogs are read from the Model bundle (`resources/po/<language>.po`) once, on first use.
/// A msgid without a usable translation is shown as it is (English).
///
/// Charts, tables and workbooks in another language than the interface's are made inside
/// `Localizer.with(language:)`: their `tr` calls (on that thread or task only) use that language,
/// while the interface, and every other thread, keep theirs.
public final class Localizer: @unchecked Sendable {
    /// The localizer behind `tr`.
    public static let shared = Localizer()

    // Guards `_language` and `catalogs`; `tr` may be called from any thread.
    private let lock = NSLock()
    private var _language: Language
    /// Catalogs loaded so far; a nil value records a catalog that could not be loaded.
    private var catalogs: [Language: POCatalog?] = [:]
    private let loadCatalog: @Sendable (Language) -> POCatalog?

    /// A localizer for `language` (default: from the environment) with catalogs from `loadCatalog`
    /// (default: the catalogs bundled with Model).
    public init(language: Language = .fromEnvironment(),
                loadCatalog: @escaping @Sendable (Language) -> POCatalog? = { Localizer.bundledCatalog(for: $0) }) {
        _language = language
        self.loadCatalog = loadCatalog
    }

    /// The current language. Setting it forces a language regardless of the environment.
    public var language: Language {
        get { lock.withLock { _language } }
        set { lock.withLock { _language = newValue } }
    }

    /// The language of the `tr` calls inside `with(language:)` on this thread or task (nil outside).
    @TaskLocal public static var scopedLanguage: Language?

    /// Runs `body` with every `tr` it makes, on this thread or task, in `language` (nil: the
    /// current language); nothing else changes language, and nothing needs restoring afterwards.
    public static func with<T>(language: Language?, _ body: () throws -> T) rethrows -> T {
        guard let language else { return try body() }
        return try $scopedLanguage.withValue(language, operation: body)
    }

    /// The language `tr` uses here: the scoped one inside `with(language:)`, else `language`.
    public var effectiveLanguage: Language { Self.scopedLanguage ?? language }

    /// Forgets any forced language and follows the environment again.
    public func followEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) {
        language = .fromEnvironment(environment)
    }

    /// The translation of `msgid` (optionally in a `msgctxt`) in the current language.
    public func translate(_ msgid: String, context: String? = nil) -> String {
        translate(msgid, context: context, in: Self.scopedLanguage)
    }

    /// The translation of `msgid` in `language` (nil: the current language).
    public func translate(_ msgid: String, context: String? = nil, in language: Language?) -> String {
        lock.withLock {
            let language = language ?? _language
            guard language.catalogName != nil else { return msgid }
            if catalogs[language] == nil { catalogs[language] = .some(loadCatalog(language)) }
            return catalogs[language]??.translation(msgid, context: context) ?? msgid
        }
    }

    /// The form of a plural message for `count`: in English `msgid` for 1 and `plural` otherwise; in a
    /// catalog language the entry's `msgstr[i]` for the catalog's plural rule (the English form when
    /// there is no usable translation). Inside `with(language:)` in that language, as `tr`.
    public func translatePlural(_ msgid: String, _ plural: String, count: Int) -> String {
        let english = count == 1 ? msgid : plural
        let scoped = Self.scopedLanguage  // inside `with(language:)`, as `translate` does
        return lock.withLock {
            let language = scoped ?? _language
            guard language.catalogName != nil else { return english }
            if catalogs[language] == nil { catalogs[language] = .some(loadCatalog(language)) }
            guard let catalog = catalogs[language] ?? nil else { return english }
            return catalog.pluralTranslation(msgid, plural: plural, index: catalog.pluralIndex(count)) ?? english
        }
    }

    /// Translates `msgid` and fills its positional placeholders (see `Localizer.format`).
    public func translate(_ msgid: String, context: String? = nil, arguments: [any CustomStringConvertible]) -> String {
        Self.format(translate(msgid, context: context), arguments)
    }

    /// The URL of a bundled catalog (`po/<name>.po`, found by `ResourceLocator`), nil when the
    /// language needs none or the file is missing.
    public static func bundledCatalogURL(for language: Language) -> URL? {
        guard let name = language.catalogName else { return nil }
        return ResourceLocator.shared.url("po/\(name).po")
    }

    /// The bundled catalog of a language, nil when it needs none or it cannot be read. A catalog
    /// that fails to parse is reported on stderr once and the UI falls back to English.
    public static func bundledCatalog(for language: Language) -> POCatalog? {
        guard let url = bundledCatalogURL(for: language) else { return nil }
        do {
            return try POCatalog(contentsOf: url)
        } catch {
            StandardStream.error.report("gongkai: cannot read \(url.lastPathComponent): \(error)")
            return nil
        }
    }

    /// Fills Qt-style positional placeholders: `%1` is the first argument, `%2` the second, …
    /// (up to `%9`), so a translation can reorder them; `%%` is a literal percent sign.
    /// A placeholder without an argument is left as it is.
    public static func format(_ template: String, _ arguments: [any CustomStringConvertible]) -> String {
        var out = ""
        var chars = template.makeIterator()
        while let c = chars.next() {
            guard c == "%" else { out.append(c); continue }
            guard let next = chars.next() else { out.append(c); break }
            if next == "%" {
                out.append("%")
            } else if let n = next.wholeNumberValue, n >= 1, n <= arguments.count, next.isASCII {
                out += arguments[n - 1].description
            } else {
                out.append(c)
                out.append(next)
            }
        }
        return out
    }
}

/// The translation of an English msgid in the user interface language, e.g. `tr("Overview")`.
///
/// Use string literals, so that `LocalizationTests` can check every msgid has a Chinese entry.
public func tr(_ msgid: String) -> String {
    Localizer.shared.translate(msgid)
}

/// Translates a msgid with positional placeholders `%1`, `%2`, … and fills them with `arguments`,
/// e.g. `tr("%1 of %2", 3, 32)`. A count before a noun takes `trn`.
public func tr(_ msgid: String, _ arguments: any CustomStringConvertible...) -> String {
    Localizer.shared.translate(msgid, arguments: arguments)
}

/// The plural form of a count message for `count`, with its placeholders filled: `%1` is `count`
/// unless `arguments` are given (then they fill `%1`, `%2`, … and `count` only picks the form), e.g.
/// `trn("%1 warning", "%1 warnings", n)` or `trn("Added %1 enterprise to %2.", "Added %1 enterprises to %2.", n, n, file)`.
/// Both strings are literals: `LocalizationTests` checks that each pair has a plural entry.
public func trn(_ msgid: String, _ plural: String, _ count: Int, _ arguments: any CustomStringConvertible...) -> String {
    Localizer.format(Localizer.shared.translatePlural(msgid, plural, count: count), arguments.isEmpty ? [count] : arguments)
}

/// The translation of an English msgid in a given language, whatever the interface's.
public func tr(_ msgid: String, language: Language) -> String {
    Localizer.shared.translate(msgid, in: language)
}

/// Translates a msgid within a context (`msgctxt`), for words that translate differently in
/// different places.
public func tr(context: String, _ msgid: String) -> String {
    Localizer.shared.translate(msgid, context: context)
}
