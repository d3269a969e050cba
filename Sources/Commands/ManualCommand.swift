import ArgumentParser
import Foundation
import Model
import GtkKit
import Rendering

/// `gongkai generate-manual` (hidden): writes the man page `gongkai(1)` in roff to stdout, made from
/// the command's own description (ArgumentParser's `--experimental-dump-help`), so the page never
/// falls behind the options. `make install` and `make deb` install its output as `gongkai.1.gz`.
package struct ManualCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "generate-manual",
        abstract: "Write the gongkai(1) man page (roff) to standard output.",
        shouldDisplay: false
    )

    package func run() throws {
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
    package init() {}
}

/// The roff text of the man page, from the part of ArgumentParser's tool description it uses.
package enum ManualPage {
    package struct ToolInfo: Decodable { var command: Command }
    package struct Command: Decodable {
        package var commandName: String
        package var abstract: String?
        package var discussion: String?
        package var shouldDisplay: Bool?
        package var subcommands: [Command]?
        package var arguments: [Argument]?
        package init(commandName: String, abstract: String? = nil, discussion: String? = nil, shouldDisplay: Bool? = nil, subcommands: [Command]? = nil, arguments: [Argument]? = nil) {
            self.commandName = commandName
            self.abstract = abstract
            self.discussion = discussion
            self.shouldDisplay = shouldDisplay
            self.subcommands = subcommands
            self.arguments = arguments
        }
    }
    package struct Argument: Decodable {
        package struct Name: Decodable { var kind: String; var name: String }
        package var kind: String
        package var shouldDisplay: Bool
        package var isOptional: Bool
        package var names: [Name]?
        package var valueName: String?
        package var defaultValue: String?
        package var abstract: String?
        package var discussion: String?
        package init(kind: String, shouldDisplay: Bool, isOptional: Bool, names: [Name]? = nil, valueName: String? = nil, defaultValue: String? = nil, abstract: String? = nil, discussion: String? = nil) {
            self.kind = kind
            self.shouldDisplay = shouldDisplay
            self.isOptional = isOptional
            self.names = names
            self.valueName = valueName
            self.defaultValue = defaultValue
            self.abstract = abstract
            self.discussion = discussion
        }
    }

    package static func render(_ root: Command) -> String {
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
    package static func escape(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var out = line.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
            if out.hasPrefix(".") || out.hasPrefix("'") { out = "\\&" + out }
            return out
        }.joined(separator: "\n")
    }
}
