import Foundation
import Glibc  // Gongkai is a Linux app; the calls below are glibc's.

/// A failed system call: the `errno` it set, and which call it was.
public struct SystemCallError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The `errno` value, e.g. `ENOSPC`.
    public var code: Int32
    /// The call that failed, e.g. "write" (for messages and debugging only).
    public var call: String

    public init(_ code: Int32, call: String = "") {
        self.code = code
        self.call = call
    }

    /// The system's description of the error, e.g. "No space left on device".
    public var description: String { String(cString: strerror(code)) }
}

/// What kind of object a path names.
public enum FileKind: Sendable, Equatable {
    case regular, directory, symlink, other
}

/// The parts of `stat(2)` that loading and saving need.
public struct FileStatus: Equatable, Sendable {
    public var kind: FileKind
    /// Size in bytes (for a sparse file, the apparent size).
    public var size: Int64
    /// Permission bits, `st_mode & 0o7777`.
    public var permissions: UInt32
    public var owner: UInt32
    public var group: UInt32
    /// Last modification (`st_mtim`), to the nanosecond where the file system keeps it.
    public var modified: FileTimestamp
    /// The device and inode: which file this is (two paths to one file have the same pair).
    public var device: UInt64
    public var inode: UInt64

    public init(kind: FileKind, size: Int64, permissions: UInt32, owner: UInt32 = 0, group: UInt32 = 0,
                modified: FileTimestamp = FileTimestamp(), device: UInt64 = 0, inode: UInt64 = 0) {
        self.kind = kind
        self.size = size
        self.permissions = permissions
        self.owner = owner
        self.group = group
        self.modified = modified
        self.device = device
        self.inode = inode
    }
}

/// A file time as `stat` gives it: seconds and nanoseconds since 1970 (UTC).
public struct FileTimestamp: Equatable, Hashable, Sendable, Codable, CustomStringConvertible {
    public var seconds: Int64
    public var nanoseconds: Int64

    public init(seconds: Int64 = 0, nanoseconds: Int64 = 0) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    public var description: String { "\(seconds).\(String(format: "%09lld", nanoseconds))" }
}

/// The operating-system calls that loading and saving a survey file make, one method per call, so
/// tests can inject a failure (or a simulated crash) at any step. Every method throws
/// `SystemCallError` on failure; file descriptors are plain `Int32`s.
public protocol FileSystemOps {
    /// `stat`/`lstat` of a path; nil when nothing exists there (`ENOENT`).
    func status(ofPath path: String, followingSymlinks: Bool) throws -> FileStatus?
    /// `readlink`: the target a symbolic link points to, as written in the link.
    func readLink(_ path: String) throws -> String
    /// `open(O_RDONLY)`.
    func openForReading(_ path: String) throws -> Int32
    /// `fstat` of an open descriptor.
    func status(ofDescriptor fd: Int32) throws -> FileStatus
    /// `read`: up to `buffer.count` bytes; 0 at end of file.
    func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) throws -> Int
    /// `open(O_WRONLY | O_CREAT | O_EXCL)`: creates a new file with these permission bits (before umask).
    func createExclusive(_ path: String, permissions: UInt32) throws -> Int32
    /// `write`: writes some prefix of `bytes` and returns its length (may be short).
    func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws -> Int
    /// `fsync`.
    func fsync(_ fd: Int32) throws
    /// `fchmod`.
    func setPermissions(_ fd: Int32, _ permissions: UInt32) throws
    /// `fchown`.
    func setOwner(_ fd: Int32, owner: UInt32, group: UInt32) throws
    /// `close`.
    func close(_ fd: Int32) throws
    /// `link`: a second name for an existing file.
    func link(_ existing: String, _ newPath: String) throws
    /// `rename`: atomically replaces `to` with `from`.
    func rename(_ from: String, _ to: String) throws
    /// `unlink`.
    func unlink(_ path: String) throws
    /// Opens a directory, `fsync`s it and closes it, so that a rename inside it is durable.
    func fsyncDirectory(_ path: String) throws
}

/// The real calls, straight to the C library. Retries calls interrupted by a signal (`EINTR`).
public struct RealFileSystem: FileSystemOps, Sendable {
    public init() {}

    private static func fail(_ call: String) -> SystemCallError { SystemCallError(errno, call: call) }

    private static func makeStatus(_ st: stat) -> FileStatus {
        let kind: FileKind
        switch st.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symlink
        default: kind = .other
        }
        return FileStatus(kind: kind, size: Int64(st.st_size), permissions: UInt32(st.st_mode & 0o7777),
                          owner: UInt32(st.st_uid), group: UInt32(st.st_gid),
                          modified: FileTimestamp(seconds: Int64(st.st_mtim.tv_sec), nanoseconds: Int64(st.st_mtim.tv_nsec)),
                          device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
    }

    public func status(ofPath path: String, followingSymlinks: Bool) throws -> FileStatus? {
        var st = stat()
        let rc = followingSymlinks ? stat(path, &st) : lstat(path, &st)
        if rc != 0 {
            if errno == ENOENT { return nil }
            throw Self.fail(followingSymlinks ? "stat" : "lstat")
        }
        return Self.makeStatus(st)
    }

    public func readLink(_ path: String) throws -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(path, &buffer, buffer.count - 1)
        if n < 0 { throw Self.fail("readlink") }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    public func openForReading(_ path: String) throws -> Int32 {
        while true {
            let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)  // a FIFO must not block the open
            if fd >= 0 { return fd }
            if errno != EINTR { throw Self.fail("open") }
        }
    }

    public func status(ofDescriptor fd: Int32) throws -> FileStatus {
        var st = stat()
        if fstat(fd, &st) != 0 { throw Self.fail("fstat") }
        return Self.makeStatus(st)
    }

    public func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if n >= 0 { return n }
            if errno != EINTR { throw Self.fail("read") }
        }
    }

    public func createExclusive(_ path: String, permissions: UInt32) throws -> Int32 {
        while true {
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(permissions))
            if fd >= 0 { return fd }
            if errno != EINTR { throw Self.fail("open") }
        }
    }

    public func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws -> Int {
        while true {
            let n = Glibc.write(fd, bytes.baseAddress, bytes.count)
            if n >= 0 { return n }
            if errno != EINTR { throw Self.fail("write") }
        }
    }

    public func fsync(_ fd: Int32) throws {
        while Glibc.fsync(fd) != 0 {
            if errno != EINTR { throw Self.fail("fsync") }
        }
    }

    public func setPermissions(_ fd: Int32, _ permissions: UInt32) throws {
        if fchmod(fd, mode_t(permissions)) != 0 { throw Self.fail("fchmod") }
    }

    public func setOwner(_ fd: Int32, owner: UInt32, group: UInt32) throws {
        if fchown(fd, uid_t(owner), gid_t(group)) != 0 { throw Self.fail("fchown") }
    }

    public func close(_ fd: Int32) throws {
        // Never retry close on Linux: the descriptor is released even when it reports EINTR.
        if Glibc.close(fd) != 0 && errno != EINTR { throw Self.fail("close") }
    }

    public func link(_ existing: String, _ newPath: String) throws {
        if Glibc.link(existing, newPath) != 0 { throw Self.fail("link") }
    }

    public func rename(_ from: String, _ to: String) throws {
        if Glibc.rename(from, to) != 0 { throw Self.fail("rename") }
    }

    public func unlink(_ path: String) throws {
        if Glibc.unlink(path) != 0 { throw Self.fail("unlink") }
    }

    public func fsyncDirectory(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd < 0 { throw Self.fail("open") }
        defer { _ = Glibc.close(fd) }
        while Glibc.fsync(fd) != 0 {
            if errno != EINTR { throw Self.fail("fsync") }
        }
    }
}
