import Foundation

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

    /// Reads a survey file. Throws `SurveyFileError`; writes nothing, whatever happens.
    public static func load(from url: URL, fileSystem: any FileSystemOps = RealFileSystem()) throws -> Survey {
        let data = try FileReading.readAll(url.path, limit: maxFileSize, fileSystem: fileSystem)
        return try decode(data, source: url.path)
    }

    /// Writes a survey file safely (see `SafeWriter`): on failure the file on disk is unchanged and
    /// the error names the step that failed. The previous version is kept as `backupURL(for: url)`.
    public static func save(_ survey: Survey, to url: URL, fileSystem: any FileSystemOps = RealFileSystem()) throws {
        // The pieces are written one after the other: the document is never copied into one buffer.
        let encoded = try encodePieces(survey)
        try SafeWriter.write(SafeWriter.Contents { try encoded.forEachSegment($0) }, to: url.path, fileSystem: fileSystem)
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
