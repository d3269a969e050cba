import ArgumentParser
import Foundation
import Model

/// Options shared by commands that read one survey: the file, or the built-in dataset.
struct SurveyInput: ParsableArguments {
    @Argument(help: "A .gongkai survey file (default: the built-in 2018-2022 dataset).")
    var file: String?

    /// Loads the survey; on failure prints the storage layer's message and exits with 2.
    func load() throws -> Survey { try Self.load(path: file) }

    /// Loads the survey at `path` (the built-in dataset when nil); on failure prints the storage
    /// layer's message and exits with 2.
    static func load(path file: String?) throws -> Survey {
        if let file { return try loadWithFingerprint(path: file).survey }
        guard let url = BuiltinDataset.url else {
            throw fail(tr("The built-in dataset is missing from this build."), code: 2)
        }
        return try reporting { try SurveyFile.load(from: url) }
    }

    /// Loads the survey file at `path` and which version of the file it was; on failure prints
    /// the storage layer's message and exits with 2.
    static func loadWithFingerprint(path: String) throws -> (survey: Survey, fingerprint: FileFingerprint) {
        try reporting { try SurveyFile.loadWithFingerprint(from: URL(fileURLWithPath: path)) }
    }

    private static func reporting<T>(_ load: () throws -> T) throws -> T {
        do {
            return try load()
        } catch {
            throw fail(String(describing: (error as? LocalizedError)?.errorDescription ?? "\(error)"), code: 2)
        }
    }
}

/// `--lang zh|en`: forces the language of labels and messages.
struct LanguageOption: ParsableArguments {
    @Option(name: .long, help: "Language of labels: zh or en (default: from the locale).")
    var lang: String?

    func apply() throws {
        guard let lang else { return }
        guard let language = Language(code: lang) else {
            throw ValidationError("unknown language \"\(lang)\" (use zh or en)")
        }
        Localizer.shared.language = language
    }
}
