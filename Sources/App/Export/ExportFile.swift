import Foundation
import Model
#if canImport(Glibc)
import Glibc
#endif

/// Writes export files safely: into a temporary file in the target's folder, flushed to disk,
/// then renamed over the target, so that the target is either its old self or the complete new
/// file. On any failure the temporary file is removed and the target is untouched.
enum ExportFile {
    /// Writes `url` with `write`, which receives the path of the temporary file to fill.
    static func replace(_ url: URL, write: (URL) throws -> Void) throws {
        let folder = url.deletingLastPathComponent()
        var template = Array(folder.appendingPathComponent(".\(url.lastPathComponent).XXXXXX").path.utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw failure(url, errno) }
        close(fd)
        let temp = URL(fileURLWithPath: template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
        do {
            try write(temp)
            try finish(temp, as: url)
        } catch {
            unlink(temp.path)
            throw error
        }
    }

    /// Writes `data` to `url` the same way.
    static func replace(_ url: URL, with data: Data) throws {
        try replace(url) { temp in
            do {
                try data.write(to: temp)
            } catch {
                throw ExportError.file(tr("Cannot write %1: %2", url.path, error.localizedDescription))
            }
        }
    }

    /// Gives the temporary file the target's permissions (or the usual ones for a new file),
    /// flushes it, renames it over the target and flushes the folder.
    private static func finish(_ temp: URL, as url: URL) throws {
        let fd = open(temp.path, O_RDWR)
        guard fd >= 0 else { throw failure(url, errno) }
        var existing = stat()
        let mode: mode_t
        if stat(url.path, &existing) == 0 {
            mode = existing.st_mode & 0o7777
        } else {
            let mask = umask(0)
            umask(mask)
            mode = 0o666 & ~mask
        }
        let ok = fchmod(fd, mode) == 0 && fsync(fd) == 0
        let code = errno
        close(fd)
        guard ok else { throw failure(url, code) }
        guard rename(temp.path, url.path) == 0 else { throw failure(url, errno) }
        let dir = open(url.deletingLastPathComponent().path, O_RDONLY)
        if dir >= 0 {
            fsync(dir)
            close(dir)
        }
    }

    private static func failure(_ url: URL, _ code: Int32) -> ExportError {
        .file(tr("Cannot write %1: %2", url.path, String(cString: strerror(code))))
    }
}
