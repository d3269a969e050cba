import ArgumentParser
import Foundation
import Model
import GtkKit
import Rendering
import Commands
import Sections
import Bench

// The `gongkai` executable: parse the command line and run the command (see `GongkaiCommand`).
//
// As `GongkaiCommand.main()` would, but every line goes through `StandardStream`: help and usage
// text too, so a failed write to standard output is exit code 1 with one line on standard error.
// A standard stream closed at start keeps its number (writes to it fail cleanly) so that no file
// the command opens can take it.
StandardStream.holdClosedStreams()
ChartCommand.benchmark = { try ChartBench.run(enterprises: $0, runs: $1) }
do {
    var command = try GongkaiCommand.parseAsRoot()
    try command.run()
} catch {
    var code = GongkaiCommand.exitCode(for: error)
    // The team commands document exit code 2 for a bad argument, where ArgumentParser uses 64.
    if code == .validationFailure, let first = CommandLine.arguments.dropFirst().first, TeamIO.commandNames.contains(first) {
        code = ExitCode(2)
    }
    let message = GongkaiCommand.fullMessage(for: error)
    if !message.isEmpty {
        if code == .success {
            do {
                try StandardStream.output.write(message.hasSuffix("\n") ? message : message + "\n")
            } catch let failure as SystemCallError {
                StandardStream.error.report("gongkai: " + tr("Cannot write to standard output: %1.", failure.description))
                exit(1)
            }
        } else {
            StandardStream.error.report(message)
        }
    }
    exit(code.rawValue)
}
