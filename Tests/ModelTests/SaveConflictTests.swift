import Foundation
import Glibc
import XCTest
@testable import Model

/// Saving over a file someone else changed: fingerprints, the lock, the size limit, the sweep of
/// stale temporary files, and a name too long for a temporary file.
final class SaveConflictTests: XCTestCase {
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
        Localizer.shared.language = .english
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("conflict-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        url = dir.appendingPathComponent("survey.gongkai")
    }

    override func tearDownWithError() throws {
        Localizer.shared.followEnvironment()
        try? FileManager.default.removeItem(at: dir)
    }

    // MARK: - The hash

    func testXXHash64GivesTheReferenceValues() {
        func hash(_ text: String) -> UInt64 { Array(text.utf8).withUnsafeBytes(XXHash64.hash) }
        XCTAssertEqual(hash(""), 0xEF46_DB37_51D8_E999)
        XCTAssertEqual(hash("a"), 0xD24E_C4F1_A98C_6E5B)
        XCTAssertEqual(hash("abc"), 0x44BC_2CF5_AD77_0999)
        XCTAssertEqual(hash("Nobody inspects the spammish repetition"), 0xFBCE_A83C_8A37_8BF1)
    }

    func testXXHash64InPartsEqualsTheWhole() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<1_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let whole = bytes.withUnsafeBytes(XXHash64.hash)
        for cuts in [[0], [1, 2], [31, 32, 33], [7, 64, 65, 500, 999], Array(stride(from: 0, to: 1_000, by: 13))] {
            var hasher = XXHash64()
            var start = 0
            for cut in cuts + [1_000] where cut >= start {
                bytes[start..<cut].withUnsafeBytes { hasher.update($0) }
                start = cut
            }
            XCTAssertEqual(hasher.finish(), whole, "cut at \(cuts)")
        }
    }

    // MARK: - Fingerprints and the check before replacing

    func testLoadGivesTheFingerprintSaveReturned() throws {
        let saved = try SurveyFile.save(old, to: url)
        let (survey, read) = try SurveyFile.loadWithFingerprint(from: url)
        XCTAssertEqual(survey, canonical(old))
        XCTAssertEqual(read, saved)
        let bytes = try Data(contentsOf: url)
        XCTAssertEqual(read.size, Int64(bytes.count))
        XCTAssertEqual(read.contentHash, bytes.withUnsafeBytes(XXHash64.hash))
        XCTAssertEqual(try FileFingerprint.current(ofPath: url.path), read)

        let next = try SurveyFile.save(new, to: url, expecting: read)
        XCTAssertNotEqual(next, read)
        XCTAssertEqual(try SurveyFile.loadWithFingerprint(from: url).fingerprint, next)
        XCTAssertEqual(try SurveyFile.load(from: url), canonical(new))
    }

    func testSaveRefusesAFileAnotherProgramChanged() throws {
        try SurveyFile.save(old, to: url)
        let read = try SurveyFile.loadWithFingerprint(from: url).fingerprint
        var theirs = old
        theirs.meta.title = "saved by someone else"
        try SurveyFile.save(theirs, to: url)
        let theirBytes = try Data(contentsOf: url)

        let error = try XCTUnwrap(saveError { try SurveyFile.save(new, to: url, expecting: read) })
        XCTAssertEqual(error.kind, .changedOnDisk)
        XCTAssertTrue(error.message.contains("Nothing was written"), error.message)
        XCTAssertTrue(error.message.contains(url.path), error.message)
        XCTAssertEqual(try Data(contentsOf: url), theirBytes)
        XCTAssertEqual(try listing(), ["survey.gongkai", "survey.gongkai~"])
    }

    func testSameSizeAndTimeButOtherBytesIsNoticedByTheHash() throws {
        try SurveyFile.save(old, to: url)
        let read = try SurveyFile.loadWithFingerprint(from: url).fingerprint
        var bytes = try Data(contentsOf: url)
        // Same length, other content: two different neighbouring bytes swapped.
        let i = try XCTUnwrap((bytes.count / 2..<bytes.count - 1).first { bytes[$0] != bytes[$0 + 1] })
        bytes.swapAt(i, i + 1)
        try bytes.write(to: url)
        var times = [timespec(tv_sec: Int(read.modified.seconds), tv_nsec: Int(read.modified.nanoseconds)),
                     timespec(tv_sec: Int(read.modified.seconds), tv_nsec: Int(read.modified.nanoseconds))]
        XCTAssertEqual(utimensat(AT_FDCWD, url.path, &times, 0), 0)
        let now = try XCTUnwrap(RealFileSystem().status(ofPath: url.path, followingSymlinks: true))
        XCTAssertEqual(now.size, read.size)
        XCTAssertEqual(now.modified, read.modified)

        XCTAssertEqual(saveError { try SurveyFile.save(new, to: url, expecting: read) }?.kind, .changedOnDisk)
        XCTAssertEqual(try Data(contentsOf: url), bytes)
    }

    func testSaveRefusesWhenTheFileWasDeletedOrAppeared() throws {
        try SurveyFile.save(old, to: url)
        let read = try SurveyFile.loadWithFingerprint(from: url).fingerprint
        try FileManager.default.removeItem(at: url)
        let gone = try XCTUnwrap(saveError { try SurveyFile.save(new, to: url, expecting: read) })
        XCTAssertEqual(gone.kind, .changedOnDisk)
        XCTAssertTrue(gone.message.contains("deleted or moved"), gone.message)
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path))

        try SurveyFile.save(old, to: url, expecting: .absent)
        XCTAssertEqual(try SurveyFile.load(from: url), canonical(old))
        XCTAssertEqual(saveError { try SurveyFile.save(new, to: url, expecting: .absent) }?.kind, .changedOnDisk)
        XCTAssertEqual(try SurveyFile.load(from: url), canonical(old))
        // Overwriting on purpose (the window's "overwrite", the CLI's --force) still works.
        try SurveyFile.save(new, to: url, expecting: nil)
        XCTAssertEqual(try SurveyFile.load(from: url), canonical(new))
    }

    func testASymlinkedSurveyIsCheckedAndLockedThroughItsTarget() throws {
        try SurveyFile.save(old, to: url)
        let link = dir.appendingPathComponent("link.gongkai")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "survey.gongkai")
        let read = try SurveyFile.loadWithFingerprint(from: link).fingerprint
        XCTAssertEqual(read, try SurveyFile.loadWithFingerprint(from: url).fingerprint)
        XCTAssertEqual(SurveyFileLock.lockPath(forResolvedPath: url.path), dir.path + "/.survey.gongkai.lock")
        let held = try SurveyFileLock.acquire(forSurveyAt: link.path)
        XCTAssertEqual(held.lockPath, dir.path + "/.survey.gongkai.lock")
        XCTAssertNil(SurveyFileLock.tryAcquire(forSurveyAt: url.path), "the link and its target share one lock")
        held.release()
        try SurveyFile.save(new, to: link, expecting: read)
        XCTAssertEqual(try SurveyFile.load(from: url), canonical(new))
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link.path), "survey.gongkai")
    }

    // MARK: - The lock

    func testTheLockIsHeldWhileSavingAndLeavesNoFileBehind() throws {
        try SurveyFile.save(old, to: url)
        XCTAssertEqual(try listing(), ["survey.gongkai"], "no lock file stays after a save")
        let lock = try SurveyFileLock.acquire(forSurveyAt: url.path)
        XCTAssertTrue(FileManager.default.fileExists(atPath: lock.lockPath))
        XCTAssertNotEqual(lock.lockPath, url.path)
        XCTAssertNil(SurveyFileLock.tryAcquire(forSurveyAt: url.path))

        let saved = expectation(description: "saved once the lock is free")
        let target: URL = url
        let survey = new
        DispatchQueue.global().async {
            do {
                try SurveyFile.save(survey, to: target)
                saved.fulfill()
            } catch {
                XCTFail("\(error)")
            }
        }
        usleep(200_000)
        XCTAssertEqual(try SurveyFile.load(from: url), canonical(old), "a save waits while another writer holds the lock")
        lock.release()
        wait(for: [saved], timeout: 60)
        XCTAssertEqual(try SurveyFile.load(from: url), canonical(new))
        XCTAssertEqual(try listing(), ["survey.gongkai", "survey.gongkai~"])
        XCTAssertNotNil(SurveyFileLock.tryAcquire(forSurveyAt: url.path))
    }

    func testAVeryLongNameHasAShorterLockName() throws {
        let name = String(repeating: "长", count: 80) + ".gongkai"  // 248 bytes
        let path = dir.path + "/" + name
        let lockName = (SurveyFileLock.lockPath(forResolvedPath: path) as NSString).lastPathComponent
        XCTAssertLessThanOrEqual(lockName.utf8.count, 255)
        XCTAssertTrue(lockName.hasPrefix(".长"))
        XCTAssertTrue(lockName.hasSuffix(".lock"))
        XCTAssertNotEqual(lockName, (SurveyFileLock.lockPath(forResolvedPath: path + "x") as NSString).lastPathComponent)
    }

    // MARK: - A name too long for the temporary file

    func testANameTooLongForTheTemporaryFileFailsClearlyAndLosesNothing() throws {
        let name = String(repeating: "a", count: 247) + ".gongkai"  // 255 bytes: the longest name allowed
        let long = dir.appendingPathComponent(name)
        try SurveyFile.encode(old).write(to: long)
        let before = try Data(contentsOf: long)
        let read = try SurveyFile.loadWithFingerprint(from: long).fingerprint

        let error = try XCTUnwrap(saveError { try SurveyFile.save(new, to: long, expecting: read) })
        XCTAssertEqual(error.kind, .saveFailed)
        XCTAssertEqual(error.step, .createTemporary)
        XCTAssertEqual(error.systemError, ENAMETOOLONG)
        XCTAssertTrue(error.message.contains("creating the temporary file"), error.message)
        XCTAssertTrue(error.message.contains("The file on disk was not changed."), error.message)
        XCTAssertEqual(try Data(contentsOf: long), before)
        XCTAssertEqual(try listing(), [name], "nothing else is left in the folder")
    }

    // MARK: - Never a file Gongkai cannot open again

    func testASurveyLargerThanTheLimitIsRefusedAndNothingIsWritten() throws {
        try SurveyFile.save(old, to: url)
        let before = try Data(contentsOf: url)
        let size = Int64(try SurveyFile.encode(new).count)

        let error = try XCTUnwrap(saveError { try SurveyFile.save(new, to: url, maxFileSize: size - 1) })
        XCTAssertEqual(error.kind, .tooLargeToSave)
        XCTAssertEqual(error.size, size)
        XCTAssertTrue(error.message.contains("Nothing was written"), error.message)
        XCTAssertEqual(try Data(contentsOf: url), before)
        XCTAssertEqual(try listing(), ["survey.gongkai"])

        try SurveyFile.save(new, to: url, maxFileSize: size)  // exactly the limit is allowed
        XCTAssertEqual(try SurveyFile.load(from: url), canonical(new))
    }

    // MARK: - Stale temporary files

    func testOpeningAndSavingRemoveTheSurveysOwnStaleTemporaryFiles() throws {
        try SurveyFile.save(old, to: url)
        let stale = [".survey.gongkai.tmp-1a2b3c4d", ".survey.gongkai.tmp-0"]
        let kept = [".survey.gongkai.tmp-notahex", ".other.gongkai.tmp-12345678", "survey.gongkai.tmp-12345678",
                    ".survey.gongkai~.tmp-12345678", ".survey.gongkai.tmp-123456789"]
        for name in stale + kept { try Data("partial".utf8).write(to: dir.appendingPathComponent(name)) }

        _ = try SurveyFile.load(from: url)
        XCTAssertEqual(try listing(), (["survey.gongkai"] + kept).sorted())

        for name in stale { try Data("partial".utf8).write(to: dir.appendingPathComponent(name)) }
        try SurveyFile.save(new, to: url)
        XCTAssertEqual(try listing(), (["survey.gongkai", "survey.gongkai~"] + kept).sorted())
    }

    func testOpeningLeavesTheTemporaryFileOfASaveInProgress() throws {
        try SurveyFile.save(old, to: url)
        let writing = dir.appendingPathComponent(".survey.gongkai.tmp-abcdef01")
        try Data("being written".utf8).write(to: writing)
        let lock = try SurveyFileLock.acquire(forSurveyAt: url.path)  // another writer, mid-save
        _ = try SurveyFile.load(from: url)
        XCTAssertTrue(FileManager.default.fileExists(atPath: writing.path))
        lock.release()
        _ = try SurveyFile.load(from: url)
        XCTAssertFalse(FileManager.default.fileExists(atPath: writing.path))
    }

    // MARK: - Helpers

    private func saveError(_ body: () throws -> Void) -> SurveyFileError? {
        do {
            try body()
            XCTFail("expected the save to fail")
            return nil
        } catch let error as SurveyFileError {
            return error
        } catch {
            XCTFail("unexpected error \(error)")
            return nil
        }
    }

    private func canonical(_ survey: Survey) -> Survey {
        var s = survey
        s.canonicalize()
        return s
    }

    private func listing() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    }
}
