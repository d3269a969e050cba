import Foundation
import Glibc

/// The `.gongkai` survey file: UTF-8 JSON holding an envelope
///
///     {
///       "format": "gongkai-survey",
///       "survey": { … the Survey, as its Codable conformance writes it … },
///       "version": 1
///     }
///
/// Files are written in a canonical form so that they diff cleanly and the same survey always gives
/// the same bytes: records in canonical order (`Survey.canonicalize()`), object keys sorted by
/// Unicode code point, two-space indentation, slashes not escaped, a final newline.
///
/// Loading checks, in order: size (refused above `maxFileSize` before reading), emptiness, UTF-8,
/// JSON syntax (including duplicate keys), the envelope's format and version, then the survey's
/// types; every failure is a `SurveyFileError` saying where (line, column, JSON path) and what.
/// Saving goes through `SafeWriter`: a temporary file, `fsync`, `rename`, with the previous version
/// kept as the backup `NAME.gongkai~`.
public enum SurveyFile {
    /// The envelope's `format` value.
    public static let formatName = "gongkai-survey"
    /// The format version this build writes, and the newest it reads.
    public static let currentVersion = 1
    /// The largest file `load` reads: 256 MiB.
    public static let maxFileSize: Int64 = 256 * 1024 * 1024
    /// The file name extension, without the dot.
    public static let fileExtension = "gongkai"

    /// The canonical bytes of a survey file, ending with a newline.
    public static func encode(_ survey: Survey) throws -> Data {
        let encoded = try encodePieces(survey)
        var data = Data(capacity: encoded.count)
        encoded.forEachSegment { data.append(contentsOf: $0) }
        return data
    }

    /// Reads a survey from a file's bytes. `source` names the file in error messages.
    public static func decode(_ data: Data, source: String) throws -> Survey {
        try data.withUnsafeBytes { try SurveyDecoding.decode($0, source: source) }
    }

    /// Reads a survey file. Throws `SurveyFileError`; writes nothing, whatever happens (except
    /// removing the file's own stale temporary files, see `loadWithFingerprint`).
    public static func load(from url: URL, fileSystem: any FileSystemOps = RealFileSystem()) throws -> Survey {
        try read(url, fingerprinted: false, fileSystem).survey
    }

    /// Reads a survey file, and which version of the file it was (to give to `save(_:to:expecting:)`).
    /// Afterwards, removes the temporary files `.NAME.tmp-*` a save killed part-way left beside it
    /// (only when no other Gongkai is saving it). Throws `SurveyFileError`; a failed load writes nothing.
    public static func loadWithFingerprint(from url: URL, fileSystem: any FileSystemOps = RealFileSystem())
        throws -> (survey: Survey, fingerprint: FileFingerprint) {
        let (survey, fingerprint) = try read(url, fingerprinted: true, fileSystem)
        return (survey, fingerprint ?? FileFingerprint(size: -1, modified: FileTimestamp(), contentHash: 0))
    }

    /// `load`, and the fingerprint when asked for (hashing costs a pass over the bytes).
    private static func read(_ url: URL, fingerprinted: Bool, _ fileSystem: any FileSystemOps) throws -> (survey: Survey, fingerprint: FileFingerprint?) {
        let data = try FileReading.readAll(url.path, limit: maxFileSize, fileSystem: fileSystem)
        // The status after reading: if the file changed meanwhile, the hash no longer goes with the
        // size and time, and the next save with this fingerprint refuses (safe).
        let status: FileStatus?
        do {
            status = try fileSystem.status(ofPath: url.path, followingSymlinks: true)
        } catch let error as SystemCallError {
            throw SurveyFileError(kind: .unreadable, file: url.path, systemError: error.code, detail: error.description)
        }
        let survey = try decode(data, source: url.path)
        let fingerprint = !fingerprinted ? nil : data.withUnsafeBytes {
            FileFingerprint(bytes: $0, status: status ?? FileStatus(kind: .regular, size: -1, permissions: 0))
        }
        StaleTemporaries.sweep(afterOpening: url.path, fileSystem: fileSystem)
        return (survey, fingerprint)
    }

    /// What a save expects to find on disk before it replaces the file.
    public enum Expectation: Equatable, Sendable {
        /// Replace whatever is there (a new file, "save as" confirmed, "overwrite" chosen).
        case anything
        /// No file may be there yet (a new survey that must not replace one).
        case absent
        /// The version that was read: refuse if the file changed, or is gone.
        case version(FileFingerprint)
    }

    /// Writes a survey file safely (see `SafeWriter`) and returns the new file's fingerprint:
    /// 1. encodes the survey, and refuses (writing nothing) when it is larger than `maxFileSize`,
    ///    which `load` would refuse to open (`SurveyFileError.tooLargeToSave`);
    /// 2. takes the survey's lock (`SurveyFileLock`), waiting for another writer to finish;
    /// 3. checks that the file on disk is still the version `expecting` names (size, modification
    ///    time, content hash), else throws `SurveyFileError.changedOnDisk` and writes nothing;
    /// 4. removes the file's stale temporary files; 5. writes (a temporary file, `fsync`, backup
    ///    `NAME~`, `rename`); 6. lets go of the lock.
    /// On failure the file on disk is unchanged and the error names the step that failed.
    @discardableResult
    public static func save(_ survey: Survey, to url: URL, expecting: Expectation = .anything, maxFileSize limit: Int64 = maxFileSize,
                            fileSystem: any FileSystemOps = RealFileSystem()) throws -> FileFingerprint {
        // The pieces are written one after the other: the document is never copied into one buffer.
        let encoded = try encodePieces(survey)
        let size = Int64(encoded.count)
        guard size <= limit else {
            throw SurveyFileError(kind: .tooLargeToSave, file: url.path, size: size, limitSize: limit)
        }
        let lock: SurveyFileLock?
        do {
            lock = try SurveyFileLock.acquire(forSurveyAt: url.path)
        } catch let error as SurveyFileError where error.step == .lock && Self.cannotCreateFiles(error.systemError) {
            // No file can be made in that folder (missing, read-only): the save fails below, when
            // the temporary file cannot be made either, with the message that says so.
            lock = nil
        }
        defer { lock?.release() }
        let target = try SurveyFileLock.resolve(url.path)
        try check(expecting, at: target, shownAs: url.path, fileSystem)
        StaleTemporaries.remove(besideResolvedPath: target, fileSystem: fileSystem)
        let hasher = HashingSink()
        let status = try SafeWriter.write(SafeWriter.Contents { part in
            try encoded.forEachSegment { bytes in
                hasher.hash.update(bytes)
                try part(bytes)
            }
        }, to: url.path, fileSystem: fileSystem)
        return FileFingerprint(size: status.size, modified: status.modified, contentHash: hasher.hash.finish())
    }

    /// `save(_:to:expecting:)` with the fingerprint from `loadWithFingerprint`: nil replaces
    /// whatever is on disk.
    @discardableResult
    public static func save(_ survey: Survey, to url: URL, expecting fingerprint: FileFingerprint?,
                            fileSystem: any FileSystemOps = RealFileSystem()) throws -> FileFingerprint {
        try save(survey, to: url, expecting: fingerprint.map(Expectation.version) ?? .anything, fileSystem: fileSystem)
    }

    /// Step 3 of `save`: throws `changedOnDisk` unless the file at `target` is what `expectation` says.
    private static func check(_ expectation: Expectation, at target: String, shownAs shown: String, _ fs: any FileSystemOps) throws {
        if expectation == .anything { return }
        let status: FileStatus?
        do {
            status = try fs.status(ofPath: target, followingSymlinks: false)
        } catch let error as SystemCallError {
            throw SurveyFileError(kind: .saveFailed, file: shown, step: .resolveTarget, stepPath: target, systemError: error.code,
                                  detail: error.description)
        }
        switch (expectation, status) {
        case (.absent, nil): return
        case (.absent, _?): throw SurveyFileError(kind: .changedOnDisk, file: shown, detail: tr("a file of that name exists now"))
        case (.version, nil): throw SurveyFileError(kind: .changedOnDisk, file: shown, detail: tr("it was deleted or moved away"))
        case (.version(let fingerprint), let status?):
            let same: Bool
            do {
                same = try fingerprint.matches(fileAt: target, status: status, fileSystem: fs)
            } catch let error as SurveyFileError {
                throw SurveyFileError(kind: .changedOnDisk, file: shown, detail: error.message)
            }
            if !same { throw SurveyFileError(kind: .changedOnDisk, file: shown) }
        case (.anything, _): return
        }
    }

    /// Whether an `errno` from creating the lock file means no file can be created in its folder.
    private static func cannotCreateFiles(_ code: Int32?) -> Bool {
        [ENOENT, ENOTDIR, EACCES, EPERM, EROFS, ENAMETOOLONG, ENOSPC, EDQUOT].contains(code ?? 0)
    }

    /// Hashes the bytes as they are written (a class: the writer's closure is escaping).
    private final class HashingSink {
        var hash = XXHash64()
    }

    /// Where `save` keeps the previous version of a file: the same name with `~` appended
    /// (`survey.gongkai` → `survey.gongkai~`), beside it. For a symbolic link, the backup is beside
    /// the file the link points to.
    public static func backupURL(for url: URL) -> URL {
        URL(fileURLWithPath: backupPath(for: url.path))
    }

    /// `backupURL(for:)` for a path.
    public static func backupPath(for path: String) -> String { SafeWriter.backupPath(for: path) }

    /// The canonical bytes, ending with a newline, as the main buffer and the long record lists'
    /// pieces (see `CanonicalJSON.encodePieces`).
    static func encodePieces(_ survey: Survey) throws -> EncodedJSON {
        var canonical = survey
        canonical.canonicalize()
        do {
            // A generous guess at the size of what is not encoded in parallel pieces (untouched
            // capacity costs nothing; regrowing copies everything).
            let records = [canonical.enterprises.count, canonical.observations.count, canonical.subUnitObservations.count,
                           canonical.outreach.count, canonical.regulations.count]
            let estimate = 1 << 16 + 1024 * (canonical.jurisdictions.count + canonical.subUnitTallies.count
                                             + records.map { $0 < ParallelCoding.defaultThreshold ? $0 : 0 }.reduce(0, +))
            var encoded = try CanonicalJSON.encodePieces(Envelope(survey: canonical), capacity: estimate)
            encoded.bytes.append(0x0A)
            return encoded
        } catch let error as EncodingError {
            guard case .invalidValue(_, let context) = error else { throw error }
            throw SurveyFileError(kind: .encodingFailed, path: JSONLocation.format(context.codingPath), detail: context.debugDescription)
        }
    }

    /// The envelope, in the order the canonical encoder writes it.
    private struct Envelope: Encodable {
        var survey: Survey

        enum CodingKeys: String, CodingKey { case format, survey, version }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(SurveyFile.formatName, forKey: .format)
            try c.encode(survey, forKey: .survey)
            try c.encode(SurveyFile.currentVersion, forKey: .version)
        }
    }
}
