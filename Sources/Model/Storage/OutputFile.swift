import Foundation
import Glibc

/// Why an export (a table, a chart) may not be written where it was asked to go, or failed.
public struct OutputFileError: Error, LocalizedError, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The path is a survey (`.gongkai`, its backup `.gongkai~`, or a file that starts like one).
        case wouldReplaceSurvey
        /// The path is a folder, a device, a FIFO or a socket.
        case notRegularFile
        /// Files of the names to write exist in the folder and replacing them was not allowed.
        case exists
        /// A system call failed.
        case failed
    }

    public var kind: Kind
    public var path: String
    /// The whole message, in the interface language.
    public var message: String

    public var errorDescription: String? { message }
    public var description: String { message }
}

/// Where exports are written: the one check of what may be replaced, and the safe writers that
/// every export (`gongkai export`, `gongkai chart`, the Export dialog, chart export in the window)
/// goes through.
///
/// An export never replaces a survey (`.gongkai`, `.gongkai~`, or any file whose first or last
/// bytes hold `"gongkai-survey"`) nor anything that is not a regular file (a folder, a device
/// node, a FIFO, a socket). A symbolic link is followed: the file it names is replaced and the link
/// stays, as when a survey is saved. A file is written to a temporary file beside its target,
/// flushed, given the target's permissions and renamed over it, so that the target is its old self
/// or the complete new file.
public enum OutputFile {
    /// Whether the first (or last) bytes of a file look like a survey file.
    static let surveyMarker = Array("\"gongkai-survey\"".utf8)

    /// Checks that `path` may be replaced by an export and returns the file to write (symbolic
    /// links followed). Throws `OutputFileError`.
    @discardableResult
    public static func checkReplaceable(_ path: String) throws -> String {
        let target: String
        do {
            target = try SafeWriter.resolveLinks(path, RealFileSystem())
        } catch let error as SystemCallError {
            throw failure(path, error.code)
        }
        if isSurveyName(path) || isSurveyName(target) { throw refusal(.wouldReplaceSurvey, path) }
        var st = stat()
        guard lstat(target, &st) == 0 else {
            if errno == ENOENT { return target }
            throw failure(path, errno)
        }
        guard st.st_mode & S_IFMT == S_IFREG else {
            throw refusal(.notRegularFile, path, folder: st.st_mode & S_IFMT == S_IFDIR)
        }
        if startsLikeSurvey(target, size: Int64(st.st_size)) { throw refusal(.wouldReplaceSurvey, path) }
        return target
    }

    /// Writes the file `path` (after `checkReplaceable`): `write` fills the temporary file whose
    /// path it is given; only when it returns is the temporary file renamed over the target.
    public static func replace(_ path: String, write: (String) throws -> Void) throws {
        let target = try checkReplaceable(path)
        let (folder, name) = SurveyFileLock.split(target)
        var template = Array((folder + "." + name + ".tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else { throw failure(path, errno) }
        close(fd)
        let temp = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var renamed = false
        defer { if !renamed { unlink(temp) } }
        try write(temp)
        try flush(temp, permissions: permissions(of: target), shownAs: path)
        // The target may have become a survey or a folder while the content was made: check again.
        try checkReplaceable(path)
        guard rename(temp, target) == 0 else { throw failure(path, errno) }
        renamed = true
        syncFolder(folder)
    }

    /// Writes `data` to the file `path` the same way.
    public static func replace(_ path: String, with data: Data) throws {
        try replace(path) { temp in
            do {
                try data.write(to: URL(fileURLWithPath: temp))
            } catch {
                throw OutputFileError(kind: .failed, path: path, message: tr("Cannot write %1: %2", path, error.localizedDescription))
            }
        }
    }

    /// Writes several files into the folder `folder` (created if missing) as one step: each is
    /// made by `write(name, temporaryPath)` inside a temporary folder, and only when all are
    /// complete are they moved into place; a failure leaves nothing behind. Files of those names
    /// already in the folder are refused unless `force` (then exactly those are replaced; the rest
    /// of the folder is left alone). Returns the paths written.
    @discardableResult
    public static func replaceFiles(in folder: String, names: [String], force: Bool,
                                    write: (_ name: String, _ temporaryPath: String) throws -> Void) throws -> [String] {
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        let targets = names.map { base + "/" + $0 }
        var st = stat()
        let exists = stat(base, &st) == 0
        if exists {
            guard st.st_mode & S_IFMT == S_IFDIR else {
                if isSurveyName(base) || startsLikeSurvey(base, size: Int64(st.st_size)) { throw refusal(.wouldReplaceSurvey, folder) }
                throw OutputFileError(kind: .notRegularFile, path: folder,
                                      message: tr("%1 is a file; a folder is needed for several tables.", folder))
            }
            let existing = targets.filter { FileManager.default.fileExists(atPath: $0) }
            if !existing.isEmpty && !force {
                let list = existing.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
                throw OutputFileError(kind: .exists, path: folder, message: tr("%1 already contains %2; use --force to replace them.", folder, list))
            }
            for target in targets { try checkReplaceable(target) }
        }
        // The temporary folder: inside the folder when it exists (same file system as the files'
        // places), else beside it (then it becomes the folder in one rename).
        let parent = exists ? base : (base as NSString).deletingLastPathComponent
        let parentFolder = parent.isEmpty ? "." : parent
        if !exists {
            do {
                try FileManager.default.createDirectory(atPath: parentFolder, withIntermediateDirectories: true)
            } catch {
                throw OutputFileError(kind: .failed, path: folder, message: tr("Cannot create the folder %1: %2", folder, error.localizedDescription))
            }
        }
        var template = Array((parentFolder + "/." + (exists ? "gongkai-export" : (base as NSString).lastPathComponent) + ".tmp-XXXXXX").utf8CString)
        guard template.withUnsafeMutableBufferPointer({ buffer in buffer.baseAddress.map { mkdtemp($0) } ?? nil }) != nil else {
            throw failure(folder, errno)
        }
        let staging = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var staged = true
        defer { if staged { try? FileManager.default.removeItem(atPath: staging) } }
        let mask = umask(0)
        umask(mask)
        for name in names {
            let temp = staging + "/" + name
            try write(name, temp)
            try flush(temp, permissions: 0o666 & ~UInt32(mask), shownAs: base + "/" + name)
        }
        if !exists {
            guard chmod(staging, 0o777 & ~mode_t(mask)) == 0, rename(staging, base) == 0 else { throw failure(folder, errno) }
            staged = false
            syncFolder(parentFolder + "/")
            return targets
        }
        for (name, target) in zip(names, targets) {
            guard rename(staging + "/" + name, target) == 0 else { throw failure(target, errno) }
        }
        syncFolder(base + "/")
        return targets
    }

    // MARK: - Checks

    /// `.gongkai` or `.gongkai~`, in any case.
    static func isSurveyName(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix("." + SurveyFile.fileExtension) || lower.hasSuffix("." + SurveyFile.fileExtension + "~")
    }

    /// Whether the file's first 64 KiB or last 4 KiB hold `"gongkai-survey"` and it starts with `{`
    /// (after white space and a byte-order mark): the envelope's `format`, wherever its key is.
    static func startsLikeSurvey(_ path: String, size: Int64) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        func read(at offset: Int64, count: Int) -> [UInt8] {
            var buffer = [UInt8](repeating: 0, count: count)
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, off_t(offset)) }
            return n > 0 ? Array(buffer[..<n]) : []
        }
        let head = read(at: 0, count: 65_536)
        guard let first = head.drop(while: { [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }).first, first == UInt8(ascii: "{") else {
            return false
        }
        if contains(head, surveyMarker) { return true }
        let tail = read(at: max(0, size - 4_096), count: 4_096)
        return contains(tail, surveyMarker)
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains { i in haystack[i..<(i + needle.count)].elementsEqual(needle) }
    }

    // MARK: - Writing

    private static func permissions(of target: String) -> UInt32 {
        var st = stat()
        if stat(target, &st) == 0 { return UInt32(st.st_mode & 0o7777) }
        let mask = umask(0)
        umask(mask)
        return 0o666 & ~UInt32(mask)
    }

    /// Gives the file its permissions and flushes it to disk.
    private static func flush(_ path: String, permissions: UInt32, shownAs shown: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(shown, errno) }
        let ok = fchmod(fd, mode_t(permissions)) == 0 && fsync(fd) == 0
        let code = errno
        close(fd)
        guard ok else { throw failure(shown, code) }
    }

    private static func syncFolder(_ folder: String) {
        let fd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    private static func refusal(_ kind: OutputFileError.Kind, _ path: String, folder: Bool = false) -> OutputFileError {
        switch kind {
        case .wouldReplaceSurvey:
            return OutputFileError(kind: kind, path: path,
                                   message: tr("Will not write over %1: it is a survey file. Choose another name for the export.", path))
        default:
            let what = folder ? tr("it is a folder") : tr("it is not a regular file")
            return OutputFileError(kind: kind, path: path, message: tr("Will not write over %1: %2. Choose a file name.", path, what))
        }
    }

    private static func failure(_ path: String, _ code: Int32) -> OutputFileError {
        OutputFileError(kind: .failed, path: path, message: tr("Cannot write %1: %2", path, SystemCallError(code).description))
    }
}
