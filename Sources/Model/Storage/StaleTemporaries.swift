import Foundation

/// The temporary files a save of a survey left behind when it was killed before its rename
/// (`SafeWriter` names them `.NAME.tmp-` and up to eight hex digits). Opening or saving a survey
/// removes its own, and only while holding the survey's lock (`SurveyFileLock`), so a temporary
/// file another Gongkai is writing right now is never touched. Other files are never touched.
enum StaleTemporaries {
    /// Whether `entry` (a name in the survey's folder) is one of `name`'s temporary files.
    static func isTemporary(_ entry: String, of name: String) -> Bool {
        let prefix = SafeWriter.temporaryPrefix(for: name)
        guard entry.hasPrefix(prefix) else { return false }
        let suffix = entry.utf8.dropFirst(prefix.utf8.count)
        return (1...8).contains(suffix.count) && suffix.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// The paths of the temporary files of the survey at `resolvedPath` (symbolic links followed)
    /// that are regular files.
    static func find(besideResolvedPath resolvedPath: String, fileSystem fs: any FileSystemOps) -> [String] {
        let (folder, name) = SurveyFileLock.split(resolvedPath)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder) else { return [] }
        return entries.filter { isTemporary($0, of: name) }.map { folder + $0 }.filter {
            (try? fs.status(ofPath: $0, followingSymlinks: false))??.kind == .regular
        }
    }

    /// Removes the temporary files of the survey at `resolvedPath`. The caller holds its lock.
    /// Best effort: a file that cannot be removed stays. Returns the paths removed.
    @discardableResult
    static func remove(besideResolvedPath resolvedPath: String, fileSystem fs: any FileSystemOps) -> [String] {
        find(besideResolvedPath: resolvedPath, fileSystem: fs).filter { (try? fs.unlink($0)) != nil }
    }

    /// On opening a survey: if it has temporary files left, takes its lock without waiting (when
    /// someone is saving it, their file is not stale: leave it) and removes them. Nothing is written
    /// when there is nothing to remove.
    @discardableResult
    static func sweep(afterOpening path: String, fileSystem fs: any FileSystemOps) -> [String] {
        guard let resolved = try? SafeWriter.resolveLinks(path, fs),
              !find(besideResolvedPath: resolved, fileSystem: fs).isEmpty,
              let lock = SurveyFileLock.tryAcquire(forSurveyAt: resolved) else { return [] }
        defer { lock.release() }
        return remove(besideResolvedPath: resolved, fileSystem: fs)
    }
}
