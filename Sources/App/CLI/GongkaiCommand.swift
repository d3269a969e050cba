import ArgumentParser
import Foundation
import Model

/// The `gongkai` command.
///
/// Without a subcommand it runs `OpenCommand` (the default subcommand), so all of these work:
///
///     gongkai                         # the window, on the built-in dataset
///     gongkai survey.gongkai          # the window, on a file
///     gongkai --screenshot docs/shots # PNGs of the window's sections, then quit
///     gongkai check survey.gongkai    # a subcommand
///
/// ArgumentParser looks for a subcommand name first and falls back to `open` when the first
/// argument is not one, so a file literally named like a subcommand needs `gongkai open check`.
///
/// To add a subcommand, write a `ParsableCommand` in `Sources/App/CLI/` and add one line to
/// `subcommands` below.
struct GongkaiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongkai",
        abstract: "Survey how Chinese governments disclose cleaner-production audit information.",
        usage: """
        gongkai [<file>] [--screenshot <dir>] [--lang <zh|en>]
        gongkai <subcommand> [<arguments>]
        """,
        discussion: "Without a subcommand, opens the survey FILE (default: the built-in 2018-2022 dataset) in a window.",
        subcommands: [
            OpenCommand.self,
        ],
        defaultSubcommand: OpenCommand.self
    )
}

/// Options every subcommand accepts.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Interface language: zh (Chinese) or en (English). Default: from LANGUAGE, LC_ALL, LC_MESSAGES or LANG.", valueName: "zh|en"))
    var lang: String?

    /// Applies the options (forces the language when `--lang` was given).
    func apply() throws {
        guard let lang else { return }
        guard let language = Language(code: lang) else {
            throw ValidationError("unknown language \"\(lang)\": use zh or en")
        }
        Localizer.shared.language = language
    }
}

/// `gongkai [open] [FILE] [--screenshot DIR]`: the GTK application.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open a survey in the window (the default when no subcommand is given)."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("A survey file (.gongkai). Default: the built-in 2018-2022 dataset.", valueName: "file"))
    var file: String?

    @Option(name: .long, help: ArgumentHelp("Render each section of the window to DIR/<section>.png after its first frame, then quit.", valueName: "dir"))
    var screenshot: String?

    func run() throws {
        try global.apply()
        let input = try OpenedSurvey.load(path: file)
        let status = MainActor.assumeIsolated {
            let launch = GongkaiApplication.Launch(
                survey: input.survey,
                fileURL: input.fileURL,
                screenshotDirectory: screenshot.map { URL(fileURLWithPath: $0, isDirectory: true) })
            return GongkaiApplication(launch).run()
        }
        if status != 0 { throw ExitCode(status) }
    }
}

/// A mistake the user can fix (a missing or unreadable file). ArgumentParser prints it as
/// `Error: <description>` on stderr and exits with status 1, without a stack trace.
struct UserError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A survey read for a command, and where it came from.
struct OpenedSurvey {
    var survey: Survey
    /// The file it was read from; nil for the built-in dataset (which must not be overwritten).
    var fileURL: URL?

    /// Reads the survey at `path`, or the built-in dataset when `path` is nil.
    /// Throws `UserError` with a translated message when the file is missing or unreadable.
    static func load(path: String?) throws -> OpenedSurvey {
        guard let path else {
            guard let url = BuiltinDataset.url else {
                throw UserError(tr("This build of Gongkai does not contain the built-in dataset."))
            }
            return OpenedSurvey(survey: try read(url), fileURL: nil)
        }
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw UserError(tr("No such file: %1", path))
        }
        guard !isDirectory.boolValue else {
            throw UserError(tr("%1 is a folder, not a survey file.", path))
        }
        return OpenedSurvey(survey: try read(url), fileURL: url)
    }

    /// Decodes a survey file, turning every failure into a `UserError` naming the file.
    private static func read(_ url: URL) throws -> Survey {
        do {
            return try SurveyFileReader.read(url)
        } catch let error as UserError {
            throw error
        } catch {
            throw UserError(tr("Cannot read %1: %2", url.path, SurveyFileReader.describe(error)))
        }
    }
}

/// Reads `.gongkai` files: `{"format": "gongkai-survey", "version": 1, "survey": {…}}`.
///
/// A stand-in for the storage layer's `SurveyFile.load(from:)` until that exists; it checks the
/// format and version and decodes the survey with `JSONDecoder`.
enum SurveyFileReader {
    static let format = "gongkai-survey"
    static let newestVersion = 1

    private struct Envelope: Decodable {
        var format: String
        var version: Int
        var survey: Survey
    }

    private struct Header: Decodable {
        var format: String?
        var version: Int?
    }

    static func read(_ url: URL) throws -> Survey {
        let data = try Data(contentsOf: url)
        let header = try JSONDecoder().decode(Header.self, from: data)
        guard header.format == format else {
            throw UserError(tr("%1 is not a Gongkai survey file.", url.path))
        }
        guard let version = header.version, version <= newestVersion else {
            throw UserError(tr("%1 was written by a newer version of Gongkai.", url.path))
        }
        return try JSONDecoder().decode(Envelope.self, from: data).survey
    }

    /// A one-line reason for a read or decode failure, naming the JSON path of a bad value.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else {
            return (error as NSError).localizedDescription
        }
        func path(_ context: DecodingError.Context, _ last: CodingKey? = nil) -> String {
            let keys = context.codingPath + (last.map { [$0] } ?? [])
            return keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
                .trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return tr("the file is not valid JSON")
        case .dataCorrupted(let context):
            return "\(path(context)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return tr("%1 is missing", path(context, key))
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context)): \(context.debugDescription)"
        @unknown default:
            return error.localizedDescription
        }
    }
}
