import Foundation
import Model

#if canImport(Glibc)
import Glibc
#endif

/// The folder of drafts: copies of surveys with unsaved changes, written while the user works so
/// that a crash loses at most a few seconds (`$XDG_DATA_HOME/gongkai/drafts/`, by default
/// `~/.local/share/gongkai/drafts/`).
///
/// A draft is three files named by an id: `<id>.gongkai` (the survey, written with
/// `SurveyFile.save`), `<id>.json` (`DraftInfo`: the file the survey belongs to, its title, when)
/// and `<id>.lock`, which the window writing the draft keeps locked (`flock`). The kernel drops the
/// lock when the process dies, however it dies, so a draft whose lock can be taken was left behind
/// by a window that is gone: that is what `recoverable()` offers. A clean save, a discard or a
/// clean quit removes all three files.
struct DraftStore: Sendable {
    let directory: URL

    /// The drafts folder for an environment: `$XDG_DATA_HOME` when it is an absolute path,
    /// `~/.local/share` otherwise, then `gongkai/drafts`.
    static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> DraftStore {
        let dataHome = UserFolder.base("XDG_DATA_HOME", default: ".local/share", environment: environment)
        return DraftStore(directory: dataHome.appendingPathComponent("gongkai/drafts", isDirectory: true))
    }

    func surveyURL(_ id: String) -> URL { directory.appendingPathComponent("\(id).\(SurveyFile.fileExtension)") }
    func infoURL(_ id: String) -> URL { directory.appendingPathComponent("\(id).json") }
    func lockURL(_ id: String) -> URL { directory.appendingPathComponent("\(id).lock") }

    /// Takes the lock of draft `id` (creating the folder and the lock file); nil when another
    /// window, in this process or another, holds it.
    func lock(_ id: String) throws -> DraftLock? {
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
    func write(_ survey: Survey, id: String, originalFile: URL?) throws {
        try SurveyFile.save(survey, to: surveyURL(id))
        let info = DraftInfo(originalPath: originalFile?.path, title: survey.meta.title, savedAt: Date(),
                             processID: getpid())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        try encoder.encode(info).write(to: infoURL(id), options: .atomic)
    }

    /// Removes a draft's files (the lock file too; its holder may keep its descriptor).
    func remove(_ id: String) {
        for url in [infoURL(id), surveyURL(id), SurveyFile.backupURL(for: surveyURL(id)), lockURL(id)] {
            unlink(url.path)
        }
    }

    /// The drafts no living window holds, newest first, each with its lock now held by the caller.
    func recoverable() -> [RecoverableDraft] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        var drafts: [RecoverableDraft] = []
        for name in names where name.hasSuffix(".json") {
            let id = String(name.dropLast(".json".count))
            guard let data = try? Data(contentsOf: infoURL(id)), let info = try? decoder.decode(DraftInfo.self, from: data),
                  FileManager.default.fileExists(atPath: surveyURL(id).path),
                  let lock = try? lock(id) else { continue }
            drafts.append(RecoverableDraft(id: id, info: info, lock: lock))
        }
        return drafts.sorted { $0.info.savedAt > $1.info.savedAt }
    }

    /// Reads a draft's survey.
    func load(_ id: String) throws -> Survey {
        try SurveyFile.load(from: surveyURL(id))
    }
}

/// What a draft's `<id>.json` says about it.
struct DraftInfo: Codable, Equatable, Sendable {
    /// The survey's file, nil for an untitled survey.
    var originalPath: String?
    var title: String
    var savedAt: Date
    var processID: Int32

    var originalFile: URL? { originalPath.map { URL(fileURLWithPath: $0) } }
}

/// A draft left behind by a window that is gone, locked by whoever found it.
struct RecoverableDraft {
    var id: String
    var info: DraftInfo
    var lock: DraftLock
}

/// An open, `flock`ed lock file; closing it (or the process ending) releases the lock.
final class DraftLock: @unchecked Sendable {
    private var fd: Int32

    init(fd: Int32) { self.fd = fd }

    /// Releases the lock (once).
    func release() {
        guard fd >= 0 else { return }
        close(fd)
        fd = -1
    }

    deinit { release() }
}

/// A system call on the drafts folder failed.
struct DraftError: Error, CustomStringConvertible {
    var code: Int32
    var path: String
    var description: String { "\(path): \(String(cString: strerror(code)))" }
}
