import Foundation
import Model
import GtkKit

/// Writes table export files through `OutputFile`: never over a survey or anything that is not a
/// regular file, through a symbolic link to its target, and into a temporary file renamed over the
/// target only when complete. Errors become `ExportError`s.
package enum ExportFile {
    /// Writes `url` with `write`, which receives the path of the temporary file to fill.
    package static func replace(_ url: URL, write: (URL) throws -> Void) throws {
        try translated { try OutputFile.replace(url.path) { try write(URL(fileURLWithPath: $0)) } }
    }

    /// Writes `data` to `url` the same way.
    package static func replace(_ url: URL, with data: Data) throws {
        try translated { try OutputFile.replace(url.path, with: data) }
    }

    /// Writes one file per table into the folder `url` as one step (see `OutputFile.replaceFiles`).
    package static func replaceFiles(in url: URL, names: [String], force: Bool, write: (String, URL) throws -> Void) throws -> [URL] {
        try translated {
            try OutputFile.replaceFiles(in: url.path, names: names, force: force) { try write($0, URL(fileURLWithPath: $1)) }
                .map { URL(fileURLWithPath: $0) }
        }
    }

    /// `OutputFileError` as the `ExportError` the dialog and the command line show.
    private static func translated<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as OutputFileError {
            throw error.kind == .exists ? ExportError.exists(error.message) : ExportError.file(error.message)
        }
    }
}
