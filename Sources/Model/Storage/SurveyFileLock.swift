import Foundation
import Glibc

/// The advisory lock every Gongkai writer of a survey holds while it checks and replaces the file:
/// `flock` on a lock file beside the survey, `.NAME.lock` (for `s.gongkai`, `.s.gongkai.lock`; the
/// lock file is never the survey itself). Symbolic links are followed first, so two paths to one
/// survey share one lock.
///
/// The lock file exists only while the lock is held: the holder removes it before letting go, and
/// a process that locked a file which was removed meanwhile (its inode is no longer the one at the
/// path) tries again, so two processes never both believe they hold the lock.
///
/// The lock is advisory: a program that does not take it is not stopped (the fingerprint check in
/// `SurveyFile.save(_:to:expecting:)` still notices what it wrote).
public final class SurveyFileLock {
    /// The lock file.
    public let lockPath: String
    private var fd: Int32?

    private init(lockPath: String, fd: Int32) {
        self.lockPath = lockPath
        self.fd = fd
    }

    deinit { release() }

    /// The longest file name most Linux file systems allow, in bytes.
    static let maxNameBytes = 255

    /// The lock file of the survey at `path` (its symbolic links already followed).
    public static func lockPath(forResolvedPath path: String) -> String {
        let (folder, name) = SurveyFileLock.split(path)
        var lockName = "." + name + ".lock"
        if lockName.utf8.count > maxNameBytes {
            // A very long name: a shorter, still unique name (a prefix and the whole name's hash).
            var prefix = ""
            for character in name where prefix.utf8.count + character.utf8.count <= 200 { prefix.append(character) }
            let hash = Array(name.utf8).withUnsafeBytes(XXHash64.hash)
            lockName = "." + prefix + "-" + String(hash, radix: 16) + ".lock"
        }
        return folder + lockName
    }

    /// Takes the lock of the survey at `path`, waiting up to `timeout` seconds for another writer to
    /// finish. Throws `SurveyFileError.saveFailed` (step `.lock`) when the lock file cannot be
    /// made or the lock stays taken.
    public static func acquire(forSurveyAt path: String, timeout: TimeInterval = 30) throws -> SurveyFileLock {
        let resolved = try resolve(path)
        let lockPath = lockPath(forResolvedPath: resolved)
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let lock = try attempt(lockPath, shownAs: path) { return lock }
            if Date() >= deadline {
                throw SurveyFileError(kind: .saveFailed, file: path, step: .lock, stepPath: lockPath, systemError: EWOULDBLOCK,
                                      detail: tr("another program is saving this survey and still holds its lock"))
            }
            usleep(5_000)
        }
    }

    /// Takes the lock if nobody holds it; nil if another writer holds it or no lock file can be made
    /// (a read-only folder).
    public static func tryAcquire(forSurveyAt path: String) -> SurveyFileLock? {
        guard let resolved = try? resolve(path) else { return nil }
        return (try? attempt(lockPath(forResolvedPath: resolved), shownAs: path)) ?? nil
    }

    /// Removes the lock file and lets go of the lock. Called by `deinit` too; safe to call twice.
    public func release() {
        guard let fd else { return }
        self.fd = nil
        _ = unlink(lockPath)  // Still holding the lock: nobody else can be using this lock file.
        _ = close(fd)
    }

    /// One try: the lock, or nil when another process holds it.
    private static func attempt(_ lockPath: String, shownAs shown: String) throws -> SurveyFileLock? {
        while true {
            let fd = open(lockPath, O_RDONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
            if fd < 0 {
                let code = errno
                if code == EINTR { continue }
                throw SurveyFileError(kind: .saveFailed, file: shown, step: .lock, stepPath: lockPath, systemError: code,
                                      detail: SystemCallError(code, call: "open").description)
            }
            var rc: Int32
            repeat { rc = flock(fd, LOCK_EX | LOCK_NB) } while rc != 0 && errno == EINTR
            if rc != 0 {
                let code = errno
                _ = close(fd)
                if code == EWOULDBLOCK { return nil }
                throw SurveyFileError(kind: .saveFailed, file: shown, step: .lock, stepPath: lockPath, systemError: code,
                                      detail: SystemCallError(code, call: "flock").description)
            }
            // The holder before us may have removed the file after we opened it: then we hold a lock
            // on a file nobody else will open. Start again with the file now at the path.
            var held = stat()
            var current = stat()
            if fstat(fd, &held) == 0, stat(lockPath, &current) == 0, held.st_ino == current.st_ino, held.st_dev == current.st_dev {
                return SurveyFileLock(lockPath: lockPath, fd: fd)
            }
            _ = close(fd)
        }
    }

    /// Follows symbolic links; a failure is a `saveFailed` error at the step `.resolveTarget`.
    static func resolve(_ path: String) throws -> String {
        do {
            return try SafeWriter.resolveLinks(path, RealFileSystem())
        } catch let error as SystemCallError {
            throw SurveyFileError(kind: .saveFailed, file: path, step: .resolveTarget, stepPath: path, systemError: error.code,
                                  detail: error.description)
        }
    }

    /// The folder (ending with "/", or empty for the current folder) and the name of a path.
    static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[...slash]), String(path[path.index(after: slash)...]))
    }
}
