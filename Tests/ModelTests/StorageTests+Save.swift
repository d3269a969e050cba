import Foundation
import Glibc
import XCTest
@testable import Model

/// Saving: permissions, backup, symbolic links, and a failure or crash injected at every step.
/// After each, the file must decode to exactly the old or exactly the new survey.
final class SafeSaveStorageTests: XCTestCase {
    private var dir: URL!
    private var url: URL!
    private let old = StorageFixtures.survey()
    private var new: Survey {
        var s = StorageFixtures.survey()
        s.meta.title = "new version"
        s.enterprises.append(StorageFixtures.enterprise(7))
        return s
    }

    override func setUpWithError() throws {
        Localizer.shared.language = .english  // the tests read the English messages
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("save-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        url = dir.appendingPathComponent("survey.gongkai")
    }

    override func tearDownWithError() throws {
        Localizer.shared.followEnvironment()
        try? FileManager.default.removeItem(at: dir)
    }

    // MARK: - Success

    func testNewFileGetsDefaultPermissionsAndNoBackup() throws {
        try SurveyFile.save(new, to: url)
        XCTAssertEqual(try SurveyFile.load(from: url), canonical(new))
        let mask = umask(0)
        umask(mask)
        XCTAssertEqual(permissions(url), 0o644 & ~UInt32(mask))
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path + "~"))
        XCTAssertEqual(try listing(), ["survey.gongkai"])
    }

    func testPermissionsAreKeptAndThePreviousVersionIsBackedUp() throws {
        try writeOld(permissions: 0o600)
        let oldBytes = try Data(contentsOf: url)
        try SurveyFile.save(new, to: url)
        XCTAssertEqual(try SurveyFile.load(from: url), canonical(new))
        XCTAssertEqual(permissions(url), 0o600)
        let backup = SurveyFile.backupURL(for: url)
        XCTAssertEqual(backup.lastPathComponent, "survey.gongkai~")
        XCTAssertEqual(try Data(contentsOf: backup), oldBytes)
        XCTAssertEqual(try listing(), ["survey.gongkai", "survey.gongkai~"])

        // The next save replaces the backup with the version it overwrites.
        let newBytes = try Data(contentsOf: url)
        var third = new
        third.meta.title = "third"
        try SurveyFile.save(third, to: url)
        XCTAssertEqual(try Data(contentsOf: backup), newBytes)
        XCTAssertEqual(try SurveyFile.load(from: url).meta.title, "third")
    }

    func testSaveWritesThroughASymbolicLink() throws {
        let data = dir.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let real = data.appendingPathComponent("real.gongkai")
        try SurveyFile.save(old, to: real)
        let link = dir.appendingPathComponent("link.gongkai")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "data/real.gongkai")

        try SurveyFile.save(new, to: link)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link.path), "data/real.gongkai")
        XCTAssertEqual(try SurveyFile.load(from: real), canonical(new))
        XCTAssertEqual(try SurveyFile.load(from: URL(fileURLWithPath: real.path + "~")), canonical(old))
        XCTAssertEqual(try listing(), ["data", "link.gongkai"])
    }

    func testBackupIsCopiedWhereHardLinksAreNotSupported() throws {
        try writeOld(permissions: 0o640)
        let fs = FaultyFileSystem()
        fs.faults[.link] = .fail(EPERM)
        try SurveyFile.save(new, to: url, fileSystem: fs)
        XCTAssertEqual(try SurveyFile.load(from: url), canonical(new))
        XCTAssertEqual(try SurveyFile.load(from: SurveyFile.backupURL(for: url)), canonical(old))
        XCTAssertEqual(permissions(SurveyFile.backupURL(for: url)), 0o640)
        XCTAssertEqual(try listing(), ["survey.gongkai", "survey.gongkai~"])
    }

    // MARK: - Injected failures

    func testEveryFailedStepLeavesTheOldFileUntouched() throws {
        let cases: [(FaultyFileSystem.Op, FaultyFileSystem.Fault, SurveyFileError.SaveStep)] = [
            (.createExclusive, .fail(EACCES), .createTemporary),
            (.write, .fail(EIO), .write),
            (.write, .failAfter(bytes: 1000, ENOSPC), .write),
            (.setPermissions, .fail(EPERM), .setPermissions),
            (.fsync, .fail(EIO), .fsync),
            (.close, .fail(EIO), .close),
            (.link, .fail(EIO), .backup),
            (.rename, .fail(EXDEV), .rename),
        ]
        for (op, fault, step) in cases {
            try writeOld(permissions: 0o640)
            let oldBytes = try Data(contentsOf: url)
            let fs = FaultyFileSystem()
            fs.faults[op] = fault
            XCTAssertThrowsError(try SurveyFile.save(new, to: url, fileSystem: fs), "\(op)") { error in
                guard let error = error as? SurveyFileError else { return XCTFail("\(op): \(error)") }
                XCTAssertEqual(error.kind, .saveFailed, "\(op)")
                XCTAssertEqual(error.step, step, "\(op)")
                XCTAssertEqual(error.file, url.path)
                XCTAssertTrue(error.message.hasPrefix("Could not save “\(url.path)”: "), error.message)
                XCTAssertTrue(error.message.hasSuffix("The file on disk was not changed."), error.message)
                if case .failAfter = fault {
                    XCTAssertEqual(error.systemError, ENOSPC)
                    XCTAssertTrue(error.message.contains("No space left on device"), error.message)
                    XCTAssertGreaterThan(fs.calls[.write, default: 0], 1, "the disk filled part-way through")
                }
            }
            XCTAssertEqual(try Data(contentsOf: url), oldBytes, "\(op): the file must be exactly the old one")
            XCTAssertEqual(try SurveyFile.load(from: url), canonical(old))
            XCTAssertEqual(permissions(url), 0o640, "\(op)")
            XCTAssertEqual(try temporaryFiles(), [], "\(op): the temporary file must be removed")
        }
    }

    func testFolderFsyncFailureIsReportedAfterTheNewFileIsInPlace() throws {
        try writeOld(permissions: 0o644)
        let fs = FaultyFileSystem()
        fs.faults[.fsyncDirectory] = .fail(EIO)
        XCTAssertThrowsError(try SurveyFile.save(new, to: url, fileSystem: fs)) { error in
            XCTAssertEqual((error as? SurveyFileError)?.step, .fsyncDirectory)
            XCTAssertTrue((error as? SurveyFileError)?.message.hasPrefix("Saved “\(url.path)”, but flushing the folder") ?? false)
        }
        XCTAssertEqual(try SurveyFile.load(from: url), canonical(new))
        XCTAssertEqual(try temporaryFiles(), [])
    }

    func testFolderFsyncUnsupportedIsIgnored() throws {
        let fs = FaultyFileSystem()
        fs.faults[.fsyncDirectory] = .fail(EINVAL)
        try SurveyFile.save(new, to: url, fileSystem: fs)
        XCTAssertEqual(try SurveyFile.load(from: url), canonical(new))
    }

    func testCrashAtAnyStepLeavesTheOldOrTheNewFile() throws {
        let steps: [FaultyFileSystem.Op] = [.createExclusive, .write, .setPermissions, .fsync, .close, .unlink, .link, .rename, .fsyncDirectory]
        for op in steps {
            try? FileManager.default.removeItem(at: dir)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try writeOld(permissions: 0o640)
            try SurveyFile.save(old, to: url)  // so that a backup exists and is unlinked (the `.unlink` step)
            let fs = FaultyFileSystem()
            fs.faults[op] = .crash
            XCTAssertThrowsError(try SurveyFile.save(new, to: url, fileSystem: fs), "\(op)") { error in
                XCTAssertTrue(error is FaultyFileSystem.SimulatedCrash, "\(op): \(error)")
            }
            let onDisk = try SurveyFile.load(from: url)
            XCTAssertTrue(onDisk == canonical(old) || onDisk == canonical(new), "\(op)")
            if op == .fsyncDirectory {
                XCTAssertEqual(onDisk, canonical(new))
            } else {
                XCTAssertEqual(onDisk, canonical(old), "\(op): before the rename the old file is intact")
            }
            XCTAssertEqual(permissions(url), 0o640)
            XCTAssertLessThanOrEqual(try temporaryFiles().count, 1, "\(op): at most one leftover temporary file")
            // A later save works, whatever the crash left behind.
            try SurveyFile.save(new, to: url)
            XCTAssertEqual(try SurveyFile.load(from: url), canonical(new))
        }
    }

    func testSavingIntoAMissingFolderFails() {
        let missing = dir.appendingPathComponent("no/such/folder/survey.gongkai")
        XCTAssertThrowsError(try SurveyFile.save(new, to: missing)) { error in
            XCTAssertEqual((error as? SurveyFileError)?.step, .createTemporary)
            XCTAssertEqual((error as? SurveyFileError)?.systemError, ENOENT)
        }
    }

    func testSavingOverAFolderFails() throws {
        let folder = dir.appendingPathComponent("folder.gongkai")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        XCTAssertThrowsError(try SurveyFile.save(new, to: folder)) { error in
            XCTAssertEqual((error as? SurveyFileError)?.step, .resolveTarget)
            XCTAssertTrue((error as? SurveyFileError)?.message.contains("it is a folder") ?? false)
        }
        XCTAssertEqual(try listing(), ["folder.gongkai"])
    }

    // MARK: - Helpers

    private func canonical(_ survey: Survey) -> Survey {
        var s = survey
        s.canonicalize()
        return s
    }

    private func writeOld(permissions mode: mode_t) throws {
        try? FileManager.default.removeItem(at: url)
        try? FileManager.default.removeItem(atPath: url.path + "~")
        try SurveyFile.encode(old).write(to: url)
        XCTAssertEqual(chmod(url.path, mode), 0)
    }

    private func permissions(_ url: URL) -> UInt32 {
        var st = stat()
        XCTAssertEqual(stat(url.path, &st), 0)
        return UInt32(st.st_mode & 0o7777)
    }

    private func listing() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    }

    private func temporaryFiles() throws -> [String] {
        try listing().filter { $0.contains(".tmp-") }
    }
}
