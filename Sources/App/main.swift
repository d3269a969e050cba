import Foundation

// The `gongkai` executable: parse the command line and run the command (see `GongkaiCommand`).
// The team commands document exit code 2 for a bad argument, where ArgumentParser would use 64.
let arguments = Array(CommandLine.arguments.dropFirst())
if let first = arguments.first, TeamIO.commandNames.contains(first) {
    do {
        var command = try GongkaiCommand.parseAsRoot(arguments)
        try command.run()
    } catch {
        let code = GongkaiCommand.exitCode(for: error)
        if code == .validationFailure {
            FileHandle.standardError.write(Data(("gongkai: " + GongkaiCommand.message(for: error) + "\n").utf8))
            exit(2)
        }
        GongkaiCommand.exit(withError: error)
    }
} else {
    GongkaiCommand.main()
}
