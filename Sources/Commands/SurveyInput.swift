import ArgumentParser
import Foundation
import Model
import GtkKit
import Rendering

/// Options shared by commands that read one survey: the file, or the built-in dataset.
package struct SurveyInput: ParsableArguments {
    @Argument(help: "A .gongkai survey file (default: the built-in 2018-2022 dataset).")
    package var file: String?

    /// Loads the survey; on failure prints the storage layer's message and exits with 2.
    package func load() throws -> Survey { try Self.load(path: file) }

    /// Loads the survey at `path` (the built-in dataset when nil); on failure prints the storage
    /// layer's message and exits with 2.
    package static func load(path file: String?) throws -> Survey {
        switch read(path: file) {
        case .success(let survey): return survey
        case .failure(let failure): throw fail(failure.message, code: 2)
        }
    }

    /// Loads the survey file at `path` and which version of the file it was (for a command that
    /// writes it back, see `SurveyUpdate`); on failure prints the storage layer's message and exits with 2.
    package static func loadWithFingerprint(path: String) throws -> (survey: Survey, fingerprint: FileFingerprint) {
        switch reading({ try SurveyFile.loadWithFingerprint(from: URL(fileURLWithPath: path)) }) {
        case .success(let loaded): return loaded
        case .failure(let failure): throw fail(failure.message, code: 2)
        }
    }

    /// Why a survey could not be read, in the interface language.
    package struct ReadFailure: Error {
        package var message: String
        package init(message: String) {
            self.message = message
        }
    }

    /// The survey at `path` (the built-in dataset when nil), or the message saying why not.
    package static func read(path file: String?) -> Result<Survey, ReadFailure> {
        readWithFingerprint(path: file).map(\.survey)
    }

    /// `read(path:)`, with which version of the file was read (nil for the built-in dataset).
    package static func readWithFingerprint(path file: String?) -> Result<(survey: Survey, fingerprint: FileFingerprint?), ReadFailure> {
        if let file {
            return reading { () -> (survey: Survey, fingerprint: FileFingerprint?) in
                let (survey, fingerprint) = try SurveyFile.loadWithFingerprint(from: URL(fileURLWithPath: file))
                return (survey, fingerprint)
            }
        }
        guard let url = BuiltinDataset.url else {
            return .failure(ReadFailure(message: tr("The built-in dataset is missing from this build.")))
        }
        return reading { (try SurveyFile.load(from: url), nil) }
    }

    /// What `load` gives, or the storage layer's message.
    private static func reading<T>(_ load: () throws -> T) -> Result<T, ReadFailure> {
        do {
            return .success(try load())
        } catch {
            return .failure(ReadFailure(message: String(describing: (error as? LocalizedError)?.errorDescription ?? "\(error)")))
        }
    }
    package init() {}
}

/// `--lang zh|en`: forces the language of labels and messages.
package struct LanguageOption: ParsableArguments {
    @Option(name: .long, help: "Language of labels: zh or en (default: from the locale).")
    package var lang: String?

    package func apply() throws {
        guard let lang else { return }
        guard let language = Language(code: lang) else {
            throw ValidationError("unknown language \"\(lang)\" (use zh or en)")
        }
        Localizer.shared.language = language
    }
    package init() {}
}
