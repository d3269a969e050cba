import Foundation
import Glibc

/// Standard output and standard error, written with `write(2)` and nothing else: a failed write
/// (a full disk, `/dev/full`, a closed stream, a reader that went away) is a thrown
/// `SystemCallError`, never a crash (Foundation's `FileHandle.write(_:)` traps on one). Every
/// command-line output goes through `StandardStream.output`; diagnostics through
/// `StandardStream.error.report(_:)`, which cannot fail.
public enum StandardStream: Int32, Sendable {
    case output = 1
    case error = 2

    /// Writes all of `bytes`, retrying short writes and interrupted calls.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        try checkHeld()
        var done = 0
        while done < bytes.count {
            guard let base = bytes.baseAddress else { return }
            let n = Glibc.write(rawValue, base + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw SystemCallError(errno, call: "write")
            }
            if n == 0 { throw SystemCallError(EIO, call: "write") }
            done += n
        }
    }

    public func write(_ data: Data) throws {
        try data.withUnsafeBytes { try write($0) }
    }

    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    /// Writes a diagnostic line (`text` and a newline), ignoring failure: there is nowhere left to
    /// report it.
    public func report(_ text: String) {
        try? write(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// Streams that were closed at start, now held open on /dev/null so that no file the command
    /// opens gets their number; writing to one of them fails with `EBADF`, as it would have.
    nonisolated(unsafe) private static var held: Set<Int32> = []

    /// Call once at start, before any file is opened: finds closed standard streams, holds their
    /// numbers, and makes writes to them fail.
    public static func holdClosedStreams() {
        for stream in [0, 1, 2] as [Int32] where fcntl(stream, F_GETFD) < 0 && errno == EBADF {
            let fd = open("/dev/null", O_RDWR)
            if fd >= 0 && fd != stream {
                _ = dup2(fd, stream)
                _ = close(fd)
            }
            held.insert(stream)
        }
    }

    /// Fails with `EBADF` on a stream that was closed at start.
    private func checkHeld() throws {
        if Self.held.contains(rawValue) { throw SystemCallError(EBADF, call: "write") }
    }
}
