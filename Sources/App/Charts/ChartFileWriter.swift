import Foundation
import Glibc
import Model

/// Why a chart could not be exported.
struct ChartExportError: Error, LocalizedError, CustomStringConvertible {
    var message: String
    var errorDescription: String? { message }
    var description: String { message }
}

/// Writes a file so that it is either complete or not there at all: the content goes to a
/// temporary file `.NAME.tmp-XXXXXX` in the same folder, which is flushed to disk and renamed over
/// the target only when everything was written. A failure removes the temporary file and leaves
/// any previous file untouched.
enum ChartFileWriter {
    /// Calls `write` with the temporary file's path, then renames it to `path`.
    static func write(to path: String, _ write: (String) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ChartExportError(message: tr("Cannot write %1: it is a folder.", path))
        }
        var template = Array((folder + "/." + url.lastPathComponent + ".tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw failure(path) }
        close(fd)
        let temp = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var renamed = false
        defer { if !renamed { unlink(temp) } }
        try write(temp)
        // Flush the content, make the file readable like any new file, then replace the target.
        let out = open(temp, O_RDWR)
        guard out >= 0 else { throw failure(path) }
        let mask = umask(0)
        umask(mask)
        fchmod(out, 0o666 & ~mask)
        let synced = fsync(out)
        close(out)
        guard synced == 0 else { throw failure(path) }
        guard rename(temp, path) == 0 else {
            throw failure(path)
        }
        renamed = true
        let dir = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY)
        if dir >= 0 {
            fsync(dir)
            close(dir)
        }
    }

    /// The error of the last system call, for `path`.
    private static func failure(_ path: String) -> ChartExportError {
        ChartExportError(message: tr("Cannot write %1: %2", path, String(decoding: Data(bytes: strerror(errno), count: Int(strlen(strerror(errno)))), as: UTF8.self)))
    }
}
