import Foundation
import Glibc

/// Reads a whole file for loading, refusing it by its size before reading a byte, and turning each
/// failure into a `SurveyFileError` that names the file. Never writes anything.
enum FileReading {
    static func readAll(_ path: String, limit: Int64, fileSystem fs: any FileSystemOps) throws -> Data {
        func failure(_ kind: SurveyFileError.Kind, _ error: SystemCallError? = nil) -> SurveyFileError {
            SurveyFileError(kind: kind, file: path, systemError: error?.code, detail: error?.description)
        }

        // Its kind is checked BEFORE opening it: opening a FIFO waits for a writer, forever.
        func refuse(_ status: FileStatus) -> SurveyFileError? {
            switch status.kind {
            case .regular: return nil
            case .directory:
                var e = failure(.notAFile)
                e.detail = tr("it is a folder")
                return e
            default:
                var e = failure(.notAFile)
                e.detail = describeSpecial(path)
                return e
            }
        }
        do {
            guard let status = try fs.status(ofPath: path, followingSymlinks: true) else { throw failure(.fileNotFound) }
            if let refusal = refuse(status) { throw refusal }
        } catch let error as SystemCallError {
            switch error.code {
            case ENOENT, ENOTDIR, ELOOP: throw failure(.fileNotFound, error)
            case EACCES, EPERM: throw failure(.permissionDenied, error)
            default: throw failure(.unreadable, error)
            }
        }

        let fd: Int32
        do {
            fd = try fs.openForReading(path)
        } catch let error as SystemCallError {
            switch error.code {
            case ENOENT, ENOTDIR: throw failure(.fileNotFound, error)
            case EACCES, EPERM: throw failure(.permissionDenied, error)
            case EISDIR:
                var e = failure(.notAFile, error)
                e.detail = tr("it is a folder")
                throw e
            default: throw failure(.unreadable, error)
            }
        }
        defer { try? fs.close(fd) }

        let status: FileStatus
        do {
            status = try fs.status(ofDescriptor: fd)
        } catch let error as SystemCallError {
            throw failure(.unreadable, error)
        }
        // Checked again on what was opened, in case the path changed meanwhile (a pipe or a
        // device could block or never end).
        if let refusal = refuse(status) { throw refusal }
        guard status.size <= limit else {
            var e = failure(.tooLarge)
            e.size = status.size
            throw e
        }

        // Read into one buffer sized from fstat; grow it if the file grew meanwhile (up to the limit).
        var capacity = Int(status.size) + 1
        guard var buffer = malloc(capacity) else { throw failure(.unreadable, SystemCallError(ENOMEM, call: "malloc")) }
        var length = 0
        do {
            while true {
                if length == capacity {
                    guard Int64(capacity) <= limit else {
                        var e = failure(.tooLarge)
                        e.size = Int64(capacity)
                        throw e
                    }
                    capacity = min(capacity * 2, Int(limit) + 1)
                    guard let grown = realloc(buffer, capacity) else { throw SystemCallError(ENOMEM, call: "realloc") }
                    buffer = grown
                }
                let n = try fs.read(fd, into: UnsafeMutableRawBufferPointer(start: buffer + length, count: capacity - length))
                if n == 0 { break }
                length += n
            }
        } catch let error as SystemCallError {
            free(buffer)
            throw failure(.unreadable, error)
        } catch {
            free(buffer)
            throw error
        }
        return Data(bytesNoCopy: buffer, count: length, deallocator: .free)
    }

    /// "it is not a regular file (a FIFO)", naming what the path is: a FIFO, a device, a socket.
    static func describeSpecial(_ path: String) -> String {
        var st = stat()
        guard stat(path, &st) == 0 else { return tr("it is not a regular file") }
        switch st.st_mode & S_IFMT {
        case S_IFIFO: return tr("it is not a regular file (a FIFO, or named pipe)")
        case S_IFCHR: return tr("it is not a regular file (a character device)")
        case S_IFBLK: return tr("it is not a regular file (a block device)")
        case S_IFSOCK: return tr("it is not a regular file (a socket)")
        case S_IFDIR: return tr("it is a folder")
        default: return tr("it is not a regular file")
        }
    }
}
