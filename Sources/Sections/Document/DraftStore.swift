import Foundation
import Model

#if canImport(Glibc)
import Glibc
import GtkKit
import Rendering
#endif

/// The folder of drafts: copies of surveys with unsaved changes, written while the user works so
/// that a crash loses at most a few seconds (`$XDG_DATA_HOME/gongkai/drafts/`, by default
/// `~/.local/share/gongkai/drafts/`).
///
/// A draft belongs to exactly one document: its id is `DraftStore.id(for:)` of the survey's file
/// (from the file's canonical path), or an `untitled-…` id of its own for an untitled survey. It
/// is offered only for that file (`recoverable(for:)`) or, for untitled drafts, to an untitled window.
///
/// A draft is three files named by an id: `<id>.gongkai` (the survey, written with
/// `SurveyFile.save`), `<id>.json` (`DraftInfo`: the file the survey belongs to, its title, when)
/// and `<id>.lock`, which the window writing the draft keeps locked (`flock`). The kernel drops the
/// lock when the process dies, however it dies, so a draft whose lock can be taken was left behind
/// by a window that is gone: that is what `recoverable()` offers. A clean save, a discard or a
/// clean quit removes all three files.
package struct DraftStore: Sendable {
    package let directory: URL

    /// The drafts folder for an environment: `$XDG_DATA_HOME` when it is an absolute path,
    /// `~/.local/share` otherwise, then `gongkai/drafts`.
    package static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> DraftStore {
        let dataHome = UserFolder.base("XDG_DATA_HOME", default: ".local/share", environment: environment)
        return DraftStore(directory: dataHome.appendingPathComponent("gongkai/drafts", isDirectory: true))
    }

    /// How long a draft nobody recovers is kept (`prune`).
    package static let maximumAge: TimeInterval = 30 * 24 * 3600

    /// The draft id of a document: from the file's canonical path (`file-` and a 64-bit FNV-1a hash
    /// of it; the draft's info records the path itself, which `recoverable(for:)` compares), or a new
    /// `untitled-` id for a document without a file.
    package static func id(for file: URL?) -> String {
        guard let file else { return "untitled-" + UUID().uuidString.lowercased() }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in file.canonicalFilePath.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return "file-" + String(hash, radix: 16)
    }

    package func surveyURL(_ id: String) -> URL { directory.appendingPathComponent("\(id).\(SurveyFile.fileExtension)") }
    package func infoURL(_ id: String) -> URL { directory.appendingPathComponent("\(id).json") }
    package func lockURL(_ id: String) -> URL { directory.appendingPathComponent("\(id).lock") }

    /// Takes the lock of draft `id` (creating the folder and the lock file); nil when another
    /// window, in this process or another, holds it.
    package func lock(_ id: String) throws -> DraftLock? {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let fd = open(lockURL(id).path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw DraftError(code: errno, path: lockURL(id).path) }
        // flock locks belong to the open file description, so a second open in the same process
        // conflicts with the first just as another process would.
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return nil
        }
        return DraftLock(fd: fd)
    }

    /// Writes the survey, then its description (so a listed draft always has its survey).
    package func write(_ survey: Survey, id: String, originalFile: URL?) throws {
        try SurveyFile.save(survey, to: surveyURL(id))
        let info = DraftInfo(originalPath: originalFile?.path, title: survey.meta.title, savedAt: Date(),
                             processID: getpid())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        try encoder.encode(info).write(to: infoURL(id), options: .atomic)
    }

    /// Removes a draft's files (the lock file too; its holder may keep its descriptor).
    package func remove(_ id: String) {
        for url in [infoURL(id), surveyURL(id), SurveyFile.backupURL(for: surveyURL(id)), lockURL(id)] {
            unlink(url.path)
        }
    }

    /// The drafts no living window holds, newest first, each with its lock now held by the caller.
    package func recoverable() -> [RecoverableDraft] {
        var drafts: [RecoverableDraft] = []
        for id in draftIDs() {
            guard let info = info(id), FileManager.default.fileExists(atPath: surveyURL(id).path),
                  let lock = try? lock(id) else { continue }
            drafts.append(RecoverableDraft(id: id, info: info, lock: lock))
        }
        return drafts.sorted { $0.info.savedAt > $1.info.savedAt }
    }

    /// The drafts that may be offered to a window showing `file`: the draft of that very file (at
    /// most one), or for an untitled window (nil) the untitled drafts, newest first. Each comes
    /// with its lock held by the caller; the others stay untouched.
    package func recoverable(for file: URL?) -> [RecoverableDraft] {
        guard let file else {
            return draftIDs().filter { $0.hasPrefix("untitled-") }.compactMap(recoverable).sorted { $0.info.savedAt > $1.info.savedAt }
        }
        guard let draft = recoverable(Self.id(for: file)) else { return [] }
        guard let original = draft.info.originalFile, original.canonicalFilePath == file.canonicalFilePath else {
            draft.lock.release()
            return []
        }
        return [draft]
    }

    /// One draft with its lock, if it is complete (`<id>.json` and `<id>.gongkai`) and no one holds it.
    private func recoverable(_ id: String) -> RecoverableDraft? {
        guard let info = info(id), FileManager.default.fileExists(atPath: surveyURL(id).path),
              let lock = try? lock(id) else { return nil }
        return RecoverableDraft(id: id, info: info, lock: lock)
    }

    /// Removes the drafts no one will be offered: older than `maximumAge`, drafts of a file that no
    /// longer exists, and the pieces of drafts whose description was never written. Drafts a living
    /// window holds are never touched. Returns the ids removed.
    @discardableResult
    package func prune(now: Date = Date(), maximumAge: TimeInterval = DraftStore.maximumAge) -> [String] {
        var removed: [String] = []
        for id in draftIDs(includingIncomplete: true) {
            guard let lock = try? lock(id) else { continue }
            defer { lock.release() }
            let stale: Bool
            if let info = info(id) {
                let gone = info.originalFile.map { !FileManager.default.fileExists(atPath: $0.path) } ?? false
                stale = now.timeIntervalSince(info.savedAt) > maximumAge || gone
                    || !FileManager.default.fileExists(atPath: surveyURL(id).path)
            } else {
                stale = true
            }
            if stale {
                remove(id)
                removed.append(id)
            }
        }
        return removed
    }

    /// The ids of the drafts in the folder (with `includingIncomplete`, also of survey or lock
    /// files without a description).
    private func draftIDs(includingIncomplete: Bool = false) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        let suffixes = includingIncomplete ? [".json", ".\(SurveyFile.fileExtension)", ".lock"] : [".json"]
        var ids = Set<String>()
        for name in names where !name.hasPrefix(".") {  // not the survey files' own locks and temporary files
            guard let suffix = suffixes.first(where: { name.hasSuffix($0) }), name.count > suffix.count else { continue }
            ids.insert(String(name.dropLast(suffix.count)))
        }
        return ids.sorted()
    }

    /// A draft's description, nil when it is missing or unreadable.
    package func info(_ id: String) -> DraftInfo? {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let data = try? Data(contentsOf: infoURL(id)) else { return nil }
        return try? decoder.decode(DraftInfo.self, from: data)
    }

    /// Reads a draft's survey.
    package func load(_ id: String) throws -> Survey {
        try SurveyFile.load(from: surveyURL(id))
    }
    package init(directory: URL) {
        self.directory = directory
    }
}

/// What a draft's `<id>.json` says about it.
package struct DraftInfo: Codable, Equatable, Sendable {
    /// The survey's file, nil for an untitled survey.
    package var originalPath: String?
    package var title: String
    package var savedAt: Date
    package var processID: Int32

    package var originalFile: URL? { originalPath.map { URL(fileURLWithPath: $0) } }
    package init(originalPath: String? = nil, title: String, savedAt: Date, processID: Int32) {
        self.originalPath = originalPath
        self.title = title
        self.savedAt = savedAt
        self.processID = processID
    }
}

/// A draft left behind by a window that is gone, locked by whoever found it.
package struct RecoverableDraft {
    package var id: String
    package var info: DraftInfo
    package var lock: DraftLock
    package init(id: String, info: DraftInfo, lock: DraftLock) {
        self.id = id
        self.info = info
        self.lock = lock
    }
}

/// An open, `flock`ed lock file; closing it (or the process ending) releases the lock.
package final class DraftLock: @unchecked Sendable {
    private var fd: Int32

    package init(fd: Int32) { self.fd = fd }

    /// Releases the lock (once).
    package func release() {
        guard fd >= 0 else { return }
        close(fd)
        fd = -1
    }

    deinit { release() }
}

/// A system call on the drafts folder failed.
package struct DraftError: Error, CustomStringConvertible {
    package var code: Int32
    package var path: String
    package var description: String { "\(path): \(String(cString: strerror(code)))" }
    package init(code: Int32, path: String) {
        self.code = code
        self.path = path
    }
}
