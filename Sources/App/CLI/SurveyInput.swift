import ArgumentParser
import Foundation
import Model

/// Prints a user-facing error and turns it into the exit code ArgumentParser should use.
func fail(_ message: String, code: Int32) -> ExitCode {
    FileHandle.standardError.write(Data("gongkai: \(message)\n".utf8))
    return ExitCode(code)
}

/// Options shared by commands that read one survey: the file, or the built-in dataset.
struct SurveyInput: ParsableArguments {
    @Argument(help: "A .gongkai survey file (default: the built-in 2018-2022 dataset).")
    var file: String?

    /// Loads the survey; on failure prints the storage layer's message and exits with 2.
    func load() throws -> Survey { try Self.load(path: file) }

    /// Loads the survey at `path` (the built-in dataset when nil); on failure prints the storage
    /// layer's message and exits with 2.
    static func load(path file: String?) throws -> Survey {
        switch read(path: file) {
        case .success(let survey): return survey
        case .failure(let failure): throw fail(failure.message, code: 2)
        }
    }

    /// Why a survey could not be read, in the interface language.
    struct ReadFailure: Error {
        var message: String
    }

    /// The survey at `path` (the built-in dataset when nil), or the message saying why not.
    static func read(path file: String?) -> Result<Survey, ReadFailure> {
        do {
            if let file {
                return .success(try SurveyFile.load(from: URL(fileURLWithPath: file)))
            }
            guard let url = BuiltinDataset.url else {
                return .failure(ReadFailure(message: tr("The built-in dataset is missing from this build.")))
            }
            return .success(try SurveyFile.load(from: url))
        } catch {
            return .failure(ReadFailure(message: String(describing: (error as? LocalizedError)?.errorDescription ?? "\(error)")))
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

/// Writes bytes to `--output` (replacing the file only once everything is written) or stdout.
func emit(_ data: Data, to output: String?) throws {
    guard let output else {
        FileHandle.standardOutput.write(data)
        return
    }
    do {
        try data.write(to: URL(fileURLWithPath: output), options: .atomic)
    } catch {
        throw fail(tr("Cannot write %1: %2", output, error.localizedDescription), code: 1)
    }
}
