import Foundation

/// Why a `.gongkai` file could not be loaded or saved: which kind of problem, where it is (file, JSON
/// path, line, column, byte offset), and what was expected and found. `message` puts these together
/// as full English sentences with every placeholder filled; the structured fields are there for the
/// interface (jump to a line) and for translation (one sentence template per kind).
public struct SurveyFileError: Error, LocalizedError, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable {
        /// The file does not exist.
        case fileNotFound
        /// The system refused to open the file for reading.
        case permissionDenied
        /// The path is a folder or a device, not a regular file.
        case notAFile
        /// Reading failed part-way (an I/O error).
        case unreadable
        /// The file is larger than `SurveyFile.maxFileSize`; it was not read.
        case tooLarge
        /// The file has no content (or only white space).
        case empty
        /// The bytes are not UTF-8 text. `byteOffset`, `line` and `column` point at the first bad byte.
        case invalidUTF8
        /// A JSON syntax error. `line`, `column`, `byteOffset` point at it; `path` says where in the document.
        case malformedJSON
        /// The JSON stops before it is complete: the file was cut off.
        case truncatedJSON
        /// An object has the same key twice.
        case duplicateKey
        /// The JSON is not a Gongkai survey (no or another `format`).
        case notGongkaiFile
        /// The file's format version is newer than this version of Gongkai reads (`version`).
        case newerVersion
        /// The format version is missing, not a whole number, or below 1.
        case invalidVersion
        /// A required field is missing (`path` ends with its key).
        case missingKey
        /// A value has the wrong type (text where a number belongs, null where a value is required…).
        case wrongType
        /// A value has the right type but is not allowed (an unknown status, a malformed date…).
        case invalidValue
        /// The survey could not be written as JSON (e.g. a number that is infinite).
        case encodingFailed
        /// Saving failed at `step`; the file on disk is unchanged (except after `fsyncDirectory`).
        case saveFailed
    }

    /// The steps of a safe save (see `SafeWriter`), for `saveFailed`.
    public enum SaveStep: String, Sendable, CaseIterable {
        case resolveTarget, createTemporary, write, setPermissions, fsync, close, backup, rename, fsyncDirectory
    }

    public var kind: Kind
    /// The file, as the user named it (or the `source` given to `SurveyFile.decode`).
    public var file: String?
    /// JSON path of the value concerned, e.g. `survey.enterprises[3].year`.
    public var path: String?
    /// 1-based line and column (in characters) of the problem in the file.
    public var line: Int?
    public var column: Int?
    public var byteOffset: Int?
    /// What should have been there, e.g. "a whole number", "',' or '}'".
    public var expected: String?
    /// What was there instead, e.g. "text (\"2019\")", "'x'".
    public var found: String?
    /// For `newerVersion`: the file's format version.
    public var version: Int?
    /// For `tooLarge`: the file's size in bytes.
    public var size: Int64?
    /// For `saveFailed`: the step that failed, and the file or folder it worked on.
    public var step: SaveStep?
    public var stepPath: String?
    /// The `errno` of a failed system call.
    public var systemError: Int32?
    /// Any further explanation, as a sentence fragment.
    public var detail: String?

    public init(kind: Kind, file: String? = nil, path: String? = nil, line: Int? = nil, column: Int? = nil,
                byteOffset: Int? = nil, expected: String? = nil, found: String? = nil, version: Int? = nil,
                size: Int64? = nil, step: SaveStep? = nil, stepPath: String? = nil, systemError: Int32? = nil,
                detail: String? = nil) {
        self.kind = kind
        self.file = file
        self.path = path
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
        self.expected = expected
        self.found = found
        self.version = version
        self.size = size
        self.step = step
        self.stepPath = stepPath
        self.systemError = systemError
        self.detail = detail
    }

    public var errorDescription: String? { message }
    public var description: String { message }

    /// The whole explanation: where, what, and (when it helps) what to do.
    public var message: String {
        let f = "“\(file ?? "survey")”"
        switch kind {
        case .fileNotFound:
            return "The file \(f) does not exist."
        case .permissionDenied:
            return "The file \(f) could not be opened: you do not have permission to read it."
        case .notAFile:
            return "\(f) cannot be opened as a survey: \(detail ?? "it is not a regular file")."
        case .unreadable:
            return "The file \(f) could not be read: \(detail ?? "input/output error")."
        case .tooLarge:
            let mib = Double(size ?? 0) / 1_048_576
            return "The file \(f) is too large to open: it is \(size ?? 0) bytes (\(String(format: "%.1f", mib)) MiB), "
                + "and Gongkai opens survey files of up to \(SurveyFile.maxFileSize / 1_048_576) MiB."
        case .empty:
            return "The file \(f) is empty."
        case .invalidUTF8:
            return "The file \(f) is not valid UTF-8 text: the bytes \(found ?? "") at \(position) (byte offset \(byteOffset ?? 0)) "
                + "are not a UTF-8 character. A .gongkai file is always UTF-8, so this one is damaged or is another kind of file."
        case .malformedJSON:
            let problem = detail ?? "expected \(expected ?? "something else") but found \(found ?? "something else")"
            return "The file \(f) is not valid JSON: at \(position)\(inPath), \(problem)."
        case .truncatedJSON:
            return "The file \(f) ends too early, at \(position)\(inPath): the JSON is incomplete (\(expected ?? "more text") is missing"
                + "\(detail.map { "; \($0)" } ?? "")). The file was probably cut off while it was being copied or saved; "
                + "its previous version may be in the backup “\(SurveyFile.backupPath(for: file ?? "survey"))”."
        case .duplicateKey:
            return "The file \(f) has the key \(quoted(found)) twice in the same object, at \(position) (\(path ?? "")). "
                + "Remove one of the two."
        case .notGongkaiFile:
            return "The file \(f) is not a Gongkai survey file: \(detail ?? "it has no \"format\": \"\(SurveyFile.formatName)\"")."
        case .newerVersion:
            return "The file \(f) was written by a newer version of Gongkai (format version \(version ?? 0); "
                + "this version reads up to \(SurveyFile.currentVersion)). Update Gongkai to open it."
        case .invalidVersion:
            if let found {
                return "The file \(f) has an invalid format version at \(position): expected \(expected ?? "a whole number such as 1"), found \(found)."
            }
            return "The file \(f) has no format version: \(detail ?? "the \"version\" field is missing")."
        case .missingKey:
            return "The file \(f) is missing the required field \(quoted(found)) in \(containerName) (the object at \(position))."
        case .wrongType:
            return "The file \(f) has a value of the wrong type at \(path ?? "the top level") (\(position)): "
                + "expected \(expected ?? "another type"), found \(found ?? "something else")."
        case .invalidValue:
            var text = "The file \(f) has an invalid value at \(path ?? "the top level") (\(position))"
            if let found { text += ": \(found) is not allowed here" }
            if let expected { text += "; expected one of: \(expected)" }
            if let detail { text += " (\(detail))" }
            return text + "."
        case .encodingFailed:
            return "The survey could not be written as JSON\(path.map { " at \($0)" } ?? ""): \(detail ?? "a value cannot be represented")."
        case .saveFailed:
            return saveMessage(f)
        }
    }

    private var position: String {
        guard let line else { return "an unknown place" }
        guard let column else { return "line \(line)" }
        return "line \(line), column \(column)"
    }

    /// Where the parser was when it stopped: the member or element it was reading, or had just read.
    private var inPath: String { path.map { $0.isEmpty ? "" : " (near \($0))" } ?? "" }

    /// For `missingKey`: the path of the object that lacks the key (`path` minus its last component).
    private var containerName: String {
        guard let path, let key = found else { return "the top-level object" }
        for suffix in ["[\"\(key)\"]", ".\(key)"] where path.hasSuffix(suffix) {
            return String(path.dropLast(suffix.count))
        }
        return "the top-level object"
    }

    private func quoted(_ s: String?) -> String { "\"\(s ?? "")\"" }

    private func saveMessage(_ f: String) -> String {
        let target = stepPath.map { "“\($0)”" } ?? f
        let action: String
        switch step ?? .write {
        case .resolveTarget: action = "finding the file to replace (\(target))"
        case .createTemporary: action = "creating the temporary file \(target)"
        case .write: action = "writing the temporary file \(target)"
        case .setPermissions: action = "giving the temporary file \(target) the permissions of the original"
        case .fsync: action = "flushing the temporary file \(target) to disk"
        case .close: action = "closing the temporary file \(target)"
        case .backup: action = "keeping the previous version as \(target)"
        case .rename: action = "replacing the file with the temporary file \(target)"
        case .fsyncDirectory: action = "flushing the folder \(target) to disk"
        }
        let reason = detail ?? "unknown error"
        if step == .fsyncDirectory {
            return "Saved \(f), but \(action) failed: \(reason). If the computer loses power now, the previous version may come back."
        }
        return "Could not save \(f): \(action) failed: \(reason). The file on disk was not changed."
    }
}
