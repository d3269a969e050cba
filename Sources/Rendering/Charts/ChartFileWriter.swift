import Foundation
import Model
import GtkKit

/// Why a chart could not be exported.
package struct ChartExportError: Error, LocalizedError, CustomStringConvertible {
    package var message: String
    package var errorDescription: String? { message }
    package var description: String { message }
    package init(message: String) {
        self.message = message
    }
}

/// Writes chart files through `OutputFile` (the checks and the safe writing every export shares):
/// never over a survey or anything that is not a regular file, through a symbolic link to its
/// target, complete or not at all. Errors become `ChartExportError`s.
package enum ChartFileWriter {
    /// Calls `write` with the temporary file's path, then renames it to `path`.
    package static func write(to path: String, _ write: (String) throws -> Void) throws {
        try translated { try OutputFile.replace(path, write: write) }
    }

    /// Writes one file per name into the folder `folder` as one step (see `OutputFile.replaceFiles`);
    /// files already there of those names are replaced.
    @discardableResult
    package static func writeFiles(in folder: String, names: [String], _ write: (_ name: String, _ temporaryPath: String) throws -> Void) throws -> [String] {
        try translated { try OutputFile.replaceFiles(in: folder, names: names, force: true, write: write) }
    }

    private static func translated<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as OutputFileError {
            throw ChartExportError(message: error.message)
        }
    }
}
