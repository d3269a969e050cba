import Foundation
import Glibc

/// Replaces a file's contents so that a failure at any moment (an error, a full disk, a crash, a
/// power cut) leaves either the complete old file or the complete new one, never a mixture:
///
/// 1. If the path is a symbolic link, follow it (and any further links): the link's target is
///    replaced and the link itself is kept.
/// 2. Write the bytes to a new temporary file `.NAME.tmp-XXXXXXXX` in the same folder, created with
///    the old file's permission bits (a new file gets 0644 minus the umask).
/// 3. Give it the old file's owner (best effort) and exact permissions (`fchmod`), `fsync` it, close it.
/// 4. If the file exists, keep it as the backup `NAME~` beside it (`NAME.gongkai~` for a survey),
///    replacing an older backup: a hard link to the old file, or a copy where links are not supported.
/// 5. `rename` the temporary file over the file (atomic), then `fsync` the folder so the rename is durable.
///
/// If steps 1–5 fail, the temporary file is removed, the file is untouched, and a
/// `SurveyFileError.saveFailed` names the step and the path it worked on. (A backup made in step 4
/// stays; it is a copy of the untouched file.) If only the final folder `fsync` fails, the new
/// contents are in place and the error says so. Extended attributes and ACLs are not carried over,
/// and other hard links to the old file keep the old contents (as with most editors).
enum SafeWriter {
    /// The backup's path: the file's path with `~` appended.
    static func backupPath(for path: String) -> String { path + "~" }

    @discardableResult
    static func write(_ bytes: UnsafeRawBufferPointer, to path: String, fileSystem fs: any FileSystemOps) throws -> FileStatus {
        try write(Contents { try $0(bytes) }, to: path, fileSystem: fs)
    }

    /// The prefix of the temporary files made for `name` (followed by up to eight hex digits).
    static func temporaryPrefix(for name: String) -> String { "." + name + ".tmp-" }

    /// The bytes to write, in one or more parts written one after the other (so that a document
    /// encoded in pieces is never copied into one buffer).
    struct Contents {
        /// Calls its argument with each part, in order.
        let forEachPart: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void
        init(_ forEachPart: @escaping ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) { self.forEachPart = forEachPart }
    }

    /// Returns the new file's status (as `fstat` gave it once the bytes were on disk).
    @discardableResult
    static func write(_ contents: Contents, to path: String, fileSystem fs: any FileSystemOps) throws -> FileStatus {
        let target = try step(.resolveTarget, path, shownAs: path) { try resolveLinks(path, fs) }
        let existing = try step(.resolveTarget, target, shownAs: path) { try fs.status(ofPath: target, followingSymlinks: false) }
        if let existing, existing.kind != .regular {
            throw SurveyFileError(kind: .saveFailed, file: path, step: .resolveTarget, stepPath: target,
                                  detail: existing.kind == .directory ? "it is a folder" : "it is not a regular file")
        }
        return try replace(target, with: contents, permissions: existing?.permissions, owner: existing, makeBackup: existing != nil,
                           shownAs: path, fs)
    }

    /// Steps 2–5 for an already resolved `target`.
    @discardableResult
    private static func replace(_ target: String, with contents: Contents, permissions: UInt32?, owner: FileStatus?,
                                makeBackup: Bool, shownAs shown: String, _ fs: any FileSystemOps) throws -> FileStatus {
        let folder = (target as NSString).deletingLastPathComponent
        let directory = folder.isEmpty ? "." : folder
        let name = (target as NSString).lastPathComponent

        let (temporary, fd) = try createTemporary(in: directory, for: name, permissions: permissions ?? 0o644, shownAs: shown, fs)
        var temp = temporary
        var isOpen = true
        var tempExists = true
        defer {
            // On failure: close and remove the temporary file. (After a crash this never runs, and
            // the temporary file is left behind until the next open or save sweeps it away.)
            if isOpen { try? fs.close(fd) }
            if tempExists { try? fs.unlink(temp) }
        }

        try contents.forEachPart { bytes in
            var written = 0
            while written < bytes.count {
                let n = try step(.write, temp, shownAs: shown) {
                    try fs.write(fd, UnsafeRawBufferPointer(rebasing: bytes[written...]))
                }
                if n <= 0 { throw saveError(.write, temp, shown, SystemCallError(EIO, call: "write")) }
                written += n
            }
        }
        if let owner { try? fs.setOwner(fd, owner: owner.owner, group: owner.group) }
        if let permissions { try step(.setPermissions, temp, shownAs: shown) { try fs.setPermissions(fd, permissions) } }
        try step(.fsync, temp, shownAs: shown) { try fs.fsync(fd) }
        // Written and flushed: the modification time no longer changes (rename and link leave it).
        let result = try step(.fsync, temp, shownAs: shown) { try fs.status(ofDescriptor: fd) }
        isOpen = false
        try step(.close, temp, shownAs: shown) { try fs.close(fd) }

        if makeBackup { try keepBackup(of: target, permissions: permissions ?? 0o644, shownAs: shown, fs) }

        try step(.rename, temp, shownAs: shown) { try fs.rename(temp, target) }
        tempExists = false
        temp = ""
        do {
            try fs.fsyncDirectory(directory)
        } catch let error as SystemCallError where error.code == EINVAL || error.code == ENOTSUP || error.code == EOPNOTSUPP {
            // Some file systems cannot fsync a folder; there is nothing more to do there.
        } catch let error as SystemCallError {
            throw saveError(.fsyncDirectory, directory, shown, error)
        }
        return result
    }

    private static func createTemporary(in directory: String, for name: String, permissions: UInt32, shownAs shown: String,
                                        _ fs: any FileSystemOps) throws -> (String, Int32) {
        var attempt = 0
        while true {
            let folder = directory.hasSuffix("/") ? directory : directory + "/"
            let temp = folder + temporaryPrefix(for: name) + String(UInt32.random(in: .min ... .max), radix: 16)
            do {
                return (temp, try fs.createExclusive(temp, permissions: permissions & 0o777))
            } catch let error as SystemCallError where error.code == EEXIST && attempt < 8 {
                attempt += 1
            } catch let error as SystemCallError {
                throw saveError(.createTemporary, temp, shown, error)
            }
        }
    }

    /// Makes `NAME~` the previous version of `target`: a hard link, or a copy where the file system
    /// has no hard links. An older backup is replaced.
    private static func keepBackup(of target: String, permissions: UInt32, shownAs shown: String, _ fs: any FileSystemOps) throws {
        let backup = backupPath(for: target)
        do {
            try fs.unlink(backup)
        } catch let error as SystemCallError where error.code == ENOENT {
            // No older backup.
        } catch let error as SystemCallError {
            throw saveError(.backup, backup, shown, error)
        }
        do {
            try fs.link(target, backup)
        } catch let error as SystemCallError where [EXDEV, EPERM, ENOTSUP, EOPNOTSUPP, EMLINK].contains(error.code) {
            let old: Data
            do {
                old = try FileReading.readAll(target, limit: Int64.max / 4, fileSystem: fs)
            } catch let problem as SurveyFileError {
                throw SurveyFileError(kind: .saveFailed, file: shown, step: .backup, stepPath: backup,
                                      systemError: problem.systemError, detail: problem.detail ?? problem.message)
            }
            try replace(backup, with: Contents { part in try old.withUnsafeBytes { try part($0) } }, permissions: permissions,
                        owner: nil, makeBackup: false, shownAs: shown, fs)
        } catch let error as SystemCallError {
            throw saveError(.backup, backup, shown, error)
        }
    }

    /// Follows symbolic links (up to 40, like the kernel) to the file they finally name.
    static func resolveLinks(_ path: String, _ fs: any FileSystemOps) throws -> String {
        var current = path
        for _ in 0..<40 {
            guard let status = try fs.status(ofPath: current, followingSymlinks: false), status.kind == .symlink else {
                return current
            }
            let destination = try fs.readLink(current)
            if destination.hasPrefix("/") {
                current = destination
            } else {
                let folder = (current as NSString).deletingLastPathComponent
                current = folder.isEmpty ? destination : folder + "/" + destination
            }
        }
        throw SystemCallError(ELOOP, call: "readlink")
    }

    /// Runs one step; a failed system call becomes a `saveFailed` error naming the step.
    private static func step<T>(_ step: SurveyFileError.SaveStep, _ path: String, shownAs shown: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as SystemCallError {
            throw saveError(step, path, shown, error)
        }
    }

    private static func saveError(_ step: SurveyFileError.SaveStep, _ path: String, _ shown: String, _ error: SystemCallError) -> SurveyFileError {
        SurveyFileError(kind: .saveFailed, file: shown, step: step, stepPath: path, systemError: error.code, detail: error.description)
    }
}
