import Foundation

/// Reads a published list (CSV or TSV) from disk for an import, refusing anything that is not a
/// regular file BEFORE opening it (a FIFO would block forever, a device never ends) and any file
/// over `maxSize`, with a message that names the real cause.
public enum ListFile {
    /// The largest list Gongkai imports: 64 MiB (a list of 10,000 enterprises is about 1 MiB).
    public static let maxSize: Int64 = 64 * 1024 * 1024

    /// The bytes of the list at `path`. Throws `EnterpriseImport.Failure`; writes nothing.
    public static func read(_ path: String, fileSystem: any FileSystemOps = RealFileSystem()) throws -> Data {
        do {
            return try FileReading.readAll(path, limit: maxSize, fileSystem: fileSystem)
        } catch let error as SurveyFileError {
            throw EnterpriseImport.Failure(message: message(for: error, path: path))
        }
    }

    /// The loader's message, said of a list rather than of a survey where it differs.
    static func message(for error: SurveyFileError, path: String) -> String {
        let f = "“\(Printable.escaped(path))”"
        switch error.kind {
        case .notAFile:
            return tr("%1 cannot be read as a list: %2.", f, error.detail ?? tr("it is not a regular file"))
        case .tooLarge:
            return tr("The list %1 is too large to import: it is %2 bytes, and Gongkai imports lists of up to %3 MiB.",
                      f, error.size ?? 0, maxSize / 1_048_576)
        default:
            return error.message
        }
    }
}
