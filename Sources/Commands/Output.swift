import ArgumentParser
import Foundation
import Model
import GtkKit
import Rendering

/// Everything the commands print: one throwing writer (`StandardStream`). A failed write to
/// standard output (a full disk, `/dev/full`, stdout closed) prints one line on standard error
/// and ends the command with exit code 1.
package enum Output {
    package static func write(_ data: Data) throws {
        do {
            try StandardStream.output.write(data)
        } catch let error as SystemCallError {
            throw fail(tr("Cannot write to standard output: %1.", error.description), code: 1)
        }
    }

    package static func write(_ text: String) throws { try write(Data(text.utf8)) }

    /// `text` and a newline.
    package static func line(_ text: String) throws { try write(text + "\n") }

    /// Writes a file's bytes to standard output (for `-o -`).
    package static func copy(fileAt path: String) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw fail(tr("Cannot write to standard output: %1.", error.localizedDescription), code: 1)
        }
        try write(data)
    }
}

/// Prints a user-facing error and turns it into the exit code ArgumentParser should use.
package func fail(_ message: String, code: Int32) -> ExitCode {
    StandardStream.error.report("gongkai: \(Printable.escaped(message))")
    return ExitCode(code)
}

/// `-o -` means standard output.
package func isStandardOutput(_ output: String?) -> Bool { output == "-" }

/// Writes a file through a temporary file to standard output: `make` fills the path it is given
/// (for writers that need a file, such as libxlsxwriter and cairo).
package func emitThroughTemporaryFile(suffix: String, _ make: (URL) throws -> Void) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-out-\(getpid())-\(UUID().uuidString)")
    do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
        throw fail(tr("Cannot create the folder %1: %2", folder.path, error.localizedDescription), code: 1)
    }
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("out." + suffix)
    try make(file)
    try Output.copy(fileAt: file.path)
}
