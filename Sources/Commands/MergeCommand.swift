import ArgumentParser
import Foundation
import Model
import GtkKit
import Rendering

/// `gongkai merge BASE OURS THEIRS -o OUT`: three-way merge. Exit 0 when clean, 1 with conflicts
/// (OUT is written either way, with the conflicts kept in it for the window to resolve), 2 on an error.
package struct MergeCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Three-way merge of surveys; conflicts are listed and kept in the merged file.",
        discussion: "Exit status: 0 when the merge is clean, 1 with conflicts (OUT is written either way), 2 on an error.")

    @Argument(help: "The version both sides started from.")
    package var base: String

    @Argument(help: "Our version.")
    package var ours: String

    @Argument(help: "Their version.")
    package var theirs: String

    @Option(name: .shortAndLong, help: "Where to write the merged survey.")
    package var output: String

    @OptionGroup package var language: LanguageOption

    package func run() throws {
        try language.apply()
        let clean = try Self.merge(base: base, ours: ours, theirs: theirs, into: SurveyUpdate.create(output, replacing: true))
        if !clean { throw ExitCode(1) }
    }

    /// Merges three files into `output`; prints warnings and conflicts to stderr. True when clean.
    package static func merge(base: String, ours: String, theirs: String, into output: SurveyUpdate) throws -> Bool {
        let result = SurveyMerge.merge(base: try TeamIO.load(base), ours: try TeamIO.load(ours), theirs: try TeamIO.load(theirs),
                                       author: AuthorName.current())
        try output.save(result.survey)
        var report = ""
        for w in result.warnings { report += tr("Warning: %1", w) + "\n" }
        for c in result.survey.conflicts {
            report += tr("Conflict: %1: ours %2, theirs %3", c.path, TeamText.quoted(MergeConflict.display(c.ours)),
                         TeamText.quoted(MergeConflict.display(c.theirs))) + "\n"
        }
        if !result.isClean {
            report += tr("%1 conflicts kept in %2: resolve them in the window (Checks).", result.survey.conflicts.count, output.path) + "\n"
        }
        if !report.isEmpty { StandardStream.error.report(String(report.dropLast())) }
        return result.isClean
    }
    package init() {}
}

/// `gongkai merge-driver %O %A %B`: git's merge driver for `.gongkai` files (see "Keeping a survey in git" in the README).
/// Writes the merge to %A; exit 0 when clean, 1 with conflicts (kept in the file), 2 on an error.
package struct MergeDriverCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "merge-driver",
        abstract: "Git merge driver: merges %O (base), %A (ours) and %B (theirs) into %A.")

    @Argument(help: "%O: the common ancestor.")
    package var base: String

    @Argument(help: "%A: our version, replaced by the merge.")
    package var ours: String

    @Argument(help: "%B: their version.")
    package var theirs: String

    @OptionGroup package var language: LanguageOption

    package func run() throws {
        try language.apply()
        // %A is written back only if it is still the version read.
        let (update, _) = try SurveyUpdate.load(ours)
        if !(try MergeCommand.merge(base: base, ours: ours, theirs: theirs, into: update)) { throw ExitCode(1) }
    }
    package init() {}
}
