import ArgumentParser
import Foundation
import Model
import GtkKit
import Rendering
import Commands
import Sections
import Bench

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
/// To add a subcommand, write a `ParsableCommand` in `Sources/Commands/` and add one line to
/// `subcommands` below.
package struct GongkaiCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "gongkai",
        abstract: "Survey how Chinese governments disclose cleaner-production audit information.",
        usage: """
        gongkai [<file>] [--screenshot <dir>] [--lang <zh|en>]
        gongkai <subcommand> [<arguments>]
        """,
        discussion: "Without a subcommand, opens the survey FILE (default: the built-in 2018-2022 dataset) in a window.",
        version: AppInfo.version,
        subcommands: [
            OpenCommand.self,
            CheckCommand.self,
            StatsCommand.self,
            ExportCommand.self,
            NewCommand.self,
            ReconcileCommand.self,
            YearsCommand.self,
            BenchCommand.self,
            FormatCommand.self,
            ChartCommand.self,
            ImportCommand.self,
            LogCommand.self,
            SetCommand.self,
            CompareCommand.self,
            MergeCommand.self,
            MergeDriverCommand.self,
            ManualCommand.self,
        ],
        defaultSubcommand: OpenCommand.self
    )
    package init() {}
}

/// `gongkai [open] [FILE] [--screenshot DIR]`: the GTK application.
///
/// The file and `--lang` are the option groups every subcommand shares (`SurveyInput`,
/// `LanguageOption`), so a bad file fails the same way here as in `gongkai check`.
package struct OpenCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open a survey in the window (the default when no subcommand is given)."
    )

    @OptionGroup package var input: SurveyInput
    @OptionGroup package var language: LanguageOption

    @Option(name: .long, help: ArgumentHelp("Render each section of the window to DIR/<section>.png after its first frame, then quit.", valueName: "dir"))
    package var screenshot: String?

    @Option(name: .customLong("screenshot-size"), help: ArgumentHelp("The window's size for --screenshot, e.g. 960x1080 (a small screen, half of a wide one).", valueName: "WxH"))
    package var screenshotSize: String?

    /// `--screenshot-size` as width and height, each 200…10000 pixels.
    package static func parseSize(_ text: String) -> (width: Int32, height: Int32)? {
        let parts = text.lowercased().split(separator: "x").compactMap { Int32($0) }
        guard parts.count == 2, parts.allSatisfy({ (200...10000).contains($0) }) else { return nil }
        return (parts[0], parts[1])
    }

    /// Run by D-Bus activation (the `.service` file, `DBusActivatable=true` in the desktop file):
    /// GApplication's flag for a service that waits for the session bus to activate it.
    @Flag(name: .customLong("gapplication-service"), help: .hidden)
    package var gapplicationService = false

    package func run() throws {
        try language.apply()
        let size = try screenshotSize.map { text -> (width: Int32, height: Int32) in
            guard let size = Self.parseSize(text) else {
                throw ValidationError(tr("--screenshot-size takes a width and a height in pixels, each 200 to 10000, such as 960x1080; not “%1”.", text))
            }
            return size
        }
        // A file is read with its fingerprint (which version was read: saving checks it).
        let survey: Survey, fingerprint: FileFingerprint?
        switch SurveyInput.readWithFingerprint(path: input.file) {
        case .success(let read):
            (survey, fingerprint) = read
        case .failure(let failure):
            // Launched from a file manager, stderr is seen by nobody: say it in a window too.
            if screenshot == nil, LaunchErrorWindow.isWanted() {
                MainActor.assumeIsolated {
                    LaunchErrorWindow.run(heading: LaunchErrorWindow.heading(for: input.file), message: failure.message)
                }
            }
            throw fail(failure.message, code: 2)
        }
        let status = MainActor.assumeIsolated {
            let launch = GongkaiApplication.Launch(
                survey: survey,
                fileURL: input.file.map { URL(fileURLWithPath: $0) },
                fingerprint: fingerprint,
                screenshotDirectory: screenshot.map { URL(fileURLWithPath: $0, isDirectory: true) },
                screenshotSize: size,
                isService: gapplicationService)
            return GongkaiApplication(launch).run()
        }
        if status != 0 { throw ExitCode(status) }
    }
    package init() {}
}
