import ArgumentParser
import Foundation
import Model

/// `gongkai generate-manual` (hidden): writes the man page `gongkai(1)` in roff to stdout, made from
/// the command's own description (ArgumentParser's `--experimental-dump-help`), so the page never
/// falls behind the options. `make install` and `make deb` install its output as `gongkai.1.gz`.
struct ManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-manual",
        abstract: "Write the gongkai(1) man page (roff) to standard output.",
        shouldDisplay: false
    )

    func run() throws {
        guard let executable = ResourceLocator.currentExecutable() else { throw ValidationError("cannot find the gongkai executable") }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--experimental-dump-help"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ValidationError("--experimental-dump-help failed") }
        let info = try JSONDecoder().decode(ManualPage.ToolInfo.self, from: data)
        try Output.write(ManualPage.render(info.command))
    }
}

/// The roff text of the man page, from the part of ArgumentParser's tool description it uses.
enum ManualPage {
    struct ToolInfo: Decodable { var command: Command }
    struct Command: Decodable {
        var commandName: String
        var abstract: String?
        var discussion: String?
        var shouldDisplay: Bool?
        var subcommands: [Command]?
        var arguments: [Argument]?
    }
    struct Argument: Decodable {
        struct Name: Decodable { var kind: String; var name: String }
        var kind: String
        var shouldDisplay: Bool
        var isOptional: Bool
        var names: [Name]?
        var valueName: String?
        var defaultValue: String?
        var abstract: String?
        var discussion: String?
    }

    static func render(_ root: Command) -> String {
        var page = [
            ".TH GONGKAI 1 \"\" \"gongkai \(AppInfo.version)\" \"User Commands\"",
            ".SH NAME", "gongkai \\- " + escape(root.abstract ?? ""),
            ".SH SYNOPSIS",
            ".B gongkai", "[\\fIfile\\fR] [\\fB\\-\\-screenshot\\fR \\fIdir\\fR] [\\fB\\-\\-lang\\fR \\fIzh|en\\fR]", ".br",
            ".B gongkai", "\\fIsubcommand\\fR [\\fIarguments\\fR]",
            ".SH DESCRIPTION", escape(root.discussion ?? ""),
        ]
        page += options(of: root, heading: ".SH OPTIONS")
        let commands = (root.subcommands ?? []).filter { $0.shouldDisplay ?? true }
        if !commands.isEmpty { page.append(".SH COMMANDS") }
        for command in commands {
            page += [".SS gongkai \(escape(command.commandName))", escape(command.abstract ?? "")]
            if let discussion = command.discussion, !discussion.isEmpty { page += [".PP", escape(discussion)] }
            page += options(of: command, heading: nil)
        }
        page += [
            ".SH ENVIRONMENT",
            ".TP", ".B LANGUAGE\\fR, \\fBLC_ALL\\fR, \\fBLC_MESSAGES\\fR, \\fBLANG",
            "The interface language, as gettext reads them: Chinese for a zh locale, English for any other language.",
            ".TP", ".B \(ResourceLocator.environmentKey)",
            "A folder holding the data files (dataset/, po/, icons/), looked in when they are neither beside the executable nor in ../share/gongkai.",
            ".SH FILES",
            ".TP", ".I PREFIX/share/gongkai/",
            "The built-in dataset, the translations and the icons, found relative to the executable's real path.",
            ".SH BUGS", "Report problems at " + escape(AppInfo.issueTracker) + ".",
            "",
        ]
        return page.joined(separator: "\n")
    }

    /// An `.TP` paragraph per shown argument of `command`.
    private static func options(of command: Command, heading: String?) -> [String] {
        let shown = (command.arguments ?? []).filter(\.shouldDisplay)
        guard !shown.isEmpty else { return [] }
        var lines = heading.map { [$0] } ?? []
        for argument in shown {
            lines += [".TP", term(argument)]
            var text = argument.abstract ?? ""
            if let value = argument.defaultValue, !value.isEmpty { text += " (default: \(value))" }
            lines.append(escape(text))
            if let discussion = argument.discussion, !discussion.isEmpty { lines.append(escape(discussion)) }
        }
        return lines
    }

    /// `\fB\-\-format\fR \fIformat\fR`, `\fIfile\fR` for a positional argument.
    private static func term(_ argument: Argument) -> String {
        let value = argument.valueName.map { "\\fI\(escape($0))\\fR" } ?? ""
        guard argument.kind != "positional" else { return value.isEmpty ? "\\fIargument\\fR" : value }
        let names = (argument.names ?? []).map { name -> String in
            let dashes = name.kind == "long" ? "\\-\\-" : "\\-"
            return "\\fB\(dashes)\(escape(name.name))\\fR"
        }.joined(separator: ", ")
        return argument.kind == "option" && !value.isEmpty ? "\(names) \(value)" : names
    }

    /// Escapes text for roff: backslashes, hyphens, and a leading dot or quote.
    static func escape(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var out = line.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
            if out.hasPrefix(".") || out.hasPrefix("'") { out = "\\&" + out }
            return out
        }.joined(separator: "\n")
    }
}
