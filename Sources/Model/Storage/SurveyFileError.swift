import Foundation

/// Why a `.gongkai` file could not be loaded or saved: which kind of problem, where it is (file, JSON
/// path, line, column, byte offset), and what was expected and found. `message` puts these together
/// as full sentences in the interface language (one `tr` template per kind) with every placeholder
/// filled; the structured fields are there for the interface (jump to a line).
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
        /// An object has a member this version of Gongkai does not know (`found` is its key, `path`
        /// its place): refused rather than dropped, since saving would lose it.
        case unknownKey
        /// The survey could not be written as JSON (e.g. a number that is infinite).
        case encodingFailed
        /// Saving failed at `step`; the file on disk is unchanged (except after `fsyncDirectory`).
        case saveFailed
        /// Saving was refused: the file on disk is no longer the version that was read (another
        /// program saved it), or a file appeared where none was expected. Nothing was written.
        case changedOnDisk
        /// Saving was refused: the encoded survey (`size` bytes) is larger than `limitSize`, the
        /// largest file Gongkai opens. Nothing was written.
        case tooLargeToSave
    }

    /// The steps of a safe save (see `SafeWriter`), for `saveFailed`.
    public enum SaveStep: String, Sendable, CaseIterable {
        case resolveTarget, lock, createTemporary, write, setPermissions, fsync, close, backup, rename, fsyncDirectory
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
    /// What should have been there, e.g. "a whole number", "',' or '}'" (in the interface language
    /// of the moment the error was made, like `found` and `detail`).
    public var expected: String?
    /// What was there instead, e.g. "text (\"2019\")", "'x'".
    public var found: String?
    /// For `truncatedJSON`: how many objects and lists were still open where the file ends.
    public var openContainers: Int?
    /// For `newerVersion`: the file's format version.
    public var version: Int?
    /// For `tooLarge` and `tooLargeToSave`: the file's size in bytes.
    public var size: Int64?
    /// For `tooLargeToSave`: the largest size allowed.
    public var limitSize: Int64?
    /// For `saveFailed`: the step that failed, and the file or folder it worked on.
    public var step: SaveStep?
    public var stepPath: String?
    /// The `errno` of a failed system call.
    public var systemError: Int32?
    /// Any further explanation, as a sentence fragment.
    public var detail: String?

    public init(kind: Kind, file: String? = nil, path: String? = nil, line: Int? = nil, column: Int? = nil,
                byteOffset: Int? = nil, expected: String? = nil, found: String? = nil, version: Int? = nil,
                size: Int64? = nil, limitSize: Int64? = nil, step: SaveStep? = nil, stepPath: String? = nil, systemError: Int32? = nil,
                detail: String? = nil, openContainers: Int? = nil) {
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
        self.limitSize = limitSize
        self.step = step
        self.stepPath = stepPath
        self.systemError = systemError
        self.detail = detail
        self.openContainers = openContainers
    }

    public var errorDescription: String? { message }
    public var description: String { message }

    /// The whole explanation: where, what, and (when it helps) what to do, in the interface
    /// language (`tr` with positional placeholders; the structured fields do not depend on it).
    /// One line: control characters from the file (in a key, a value, the file's name) are
    /// shown as escapes (`Printable`).
    public var message: String { Printable.escaped(unescapedMessage) }

    private var unescapedMessage: String {
        let f = "“\(file ?? tr("survey"))”"
        switch kind {
        case .fileNotFound:
            return tr("The file %1 does not exist.", f)
        case .permissionDenied:
            return tr("The file %1 could not be opened: you do not have permission to read it.", f)
        case .notAFile:
            return tr("%1 cannot be opened as a survey: %2.", f, detail ?? tr("it is not a regular file"))
        case .unreadable:
            return tr("The file %1 could not be read: %2.", f, detail ?? tr("input/output error"))
        case .tooLarge:
            let mib = Double(size ?? 0) / 1_048_576
            return tr("The file %1 is too large to open: it is %2 bytes (%3 MiB), and Gongkai opens survey files of up to %4 MiB.",
                      f, size ?? 0, String(format: "%.1f", mib), SurveyFile.maxFileSize / 1_048_576)
        case .empty:
            return tr("The file %1 is empty.", f)
        case .invalidUTF8:
            return tr("The file %1 is not valid UTF-8 text: the bytes %2 at %3 (byte offset %4) are not a UTF-8 character. A .gongkai file is always UTF-8, so this one is damaged or is another kind of file.",
                      f, found ?? "", position, byteOffset ?? 0)
        case .malformedJSON:
            let problem = detail ?? tr("expected %1 but found %2", expected ?? tr("something else"), found ?? tr("something else"))
            return tr("The file %1 is not valid JSON: at %2%3, %4.", f, position, inPath, problem)
        case .truncatedJSON:
            let missing = expected ?? tr("more text")
            let incomplete: String
            switch openContainers ?? 0 {
            case ...0: incomplete = tr("%1 is missing", missing)
            case let open: incomplete = trn("%1 is missing, and %2 object or list is still open",
                                            "%1 is missing, and %2 objects or lists are still open", open, missing, open)
            }
            return tr("The file %1 ends too early, at %2%3: the JSON is incomplete: %4. The file was probably cut off while it was being copied or saved; its previous version may be in the backup “%5”.",
                      f, position, inPath, incomplete, SurveyFile.backupPath(for: file ?? "survey"))
        case .duplicateKey:
            return tr("The file %1 has the key %2 twice in the same object, at %3 (%4). Remove one of the two.",
                      f, quoted(found), position, path ?? "")
        case .notGongkaiFile:
            return tr("The file %1 is not a Gongkai survey file: %2.",
                      f, detail ?? tr("it has no \"format\": \"%1\"", SurveyFile.formatName))
        case .newerVersion:
            return tr("The file %1 was written by a newer version of Gongkai (format version %2; this version reads up to %3). Update Gongkai to open it.",
                      f, version ?? 0, SurveyFile.currentVersion)
        case .invalidVersion:
            if let found {
                return tr("The file %1 has an invalid format version at %2: expected %3, found %4.",
                          f, position, expected ?? tr("a whole number such as 1"), found)
            }
            return tr("The file %1 has no format version: %2.", f, detail ?? tr("the \"version\" field is missing"))
        case .missingKey:
            return tr("The file %1 is missing the required field %2 in %3 (the object at %4).", f, quoted(found), containerName, position)
        case .wrongType:
            return tr("The file %1 has a value of the wrong type at %2 (%3): expected %4, found %5.",
                      f, path ?? tr("the top level"), position, expected ?? tr("another type"), found ?? tr("something else"))
        case .invalidValue:
            var text = tr("The file %1 has an invalid value at %2 (%3)", f, path ?? tr("the top level"), position)
            if let found { text += tr(": %1 is not allowed here", found) }
            if let expected { text += tr("; expected one of: %1", expected) }
            if let detail { text += parenthesised(detail) }
            return text + tr(".")
        case .unknownKey:
            return tr("The file %1 has a field %2 that Gongkai does not know, at %3 (%4). Gongkai would lose it when saving, so it does not open the file: correct the field's name or remove it.",
                      f, quoted(found), path ?? tr("the top level"), position)
        case .encodingFailed:
            let reason = detail ?? tr("a value cannot be represented")
            if let path { return tr("The survey could not be written as JSON at %1: %2.", path, reason) }
            return tr("The survey could not be written as JSON: %1.", reason)
        case .saveFailed:
            return saveMessage(f)
        case .changedOnDisk:
            let why = detail.map { tr(" (%1)", $0) } ?? ""
            return tr("Did not save %1: the file on disk is no longer the version that was opened%2; another program or another Gongkai has changed it. Nothing was written. Open the file again to see the changes, or save under another name.",
                      f, why)
        case .tooLargeToSave:
            let limit = limitSize ?? SurveyFile.maxFileSize
            return tr("Did not save %1: the survey would be %2 bytes (%3 MiB), and Gongkai opens survey files of up to %4 MiB, so it could not open it again. Nothing was written.",
                      f, size ?? 0, String(format: "%.1f", Double(size ?? 0) / 1_048_576), String(format: "%.1f", Double(limit) / 1_048_576))
        }
    }

    private var position: String {
        guard let line else { return tr("an unknown place") }
        guard let column else { return tr("line %1", line) }
        return tr("line %1, column %2", line, column)
    }

    /// Where the parser was when it stopped: the member or element it was reading, or had just read.
    private var inPath: String { path.map { $0.isEmpty ? "" : tr(" (near %1)", $0) } ?? "" }

    /// For `missingKey`: the path of the object that lacks the key (`path` minus its last component).
    private var containerName: String {
        guard let path, let key = found else { return tr("the top-level object") }
        for suffix in ["[\"\(key)\"]", ".\(key)"] where path.hasSuffix(suffix) {
            return String(path.dropLast(suffix.count))
        }
        return tr("the top-level object")
    }

    private func quoted(_ s: String?) -> String { "\"\(s ?? "")\"" }

    private func saveMessage(_ f: String) -> String {
        let target = stepPath.map { "“\($0)”" } ?? f
        let action: String
        switch step ?? .write {
        case .resolveTarget: action = tr("finding the file to replace (%1)", target)
        case .lock: action = tr("taking the lock %1", target)
        case .createTemporary: action = tr("creating the temporary file %1", target)
        case .write: action = tr("writing the temporary file %1", target)
        case .setPermissions: action = tr("giving the temporary file %1 the permissions of the original", target)
        case .fsync: action = tr("flushing the temporary file %1 to disk", target)
        case .close: action = tr("closing the temporary file %1", target)
        case .backup: action = tr("keeping the previous version as %1", target)
        case .rename: action = tr("replacing the file with the temporary file %1", target)
        case .fsyncDirectory: action = tr("flushing the folder %1 to disk", target)
        }
        let reason = detail ?? tr("unknown error")
        if step == .fsyncDirectory {
            return tr("Saved %1, but %2 failed: %3. If the computer loses power now, the previous version may come back.", f, action, reason)
        }
        return tr("Could not save %1: %2 failed: %3. The file on disk was not changed.", f, action, reason)
    }
}
