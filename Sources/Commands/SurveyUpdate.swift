import ArgumentParser
import Foundation
import Model
import GtkKit
import Rendering

/// A survey file a command changes (`import --into`, `fmt`, `new`, and any later command that
/// writes a survey): it is read with its fingerprint, and written back only if it is still the
/// version that was read. The write takes the survey's lock (`SurveyFileLock`) and checks the file
/// on disk (`SurveyFile.save(_:to:expecting:)`); if another program or another `gongkai` changed it
/// meanwhile, the command stops with a clear message and exit code 1, writing nothing. Every CLI
/// writer of a survey goes through here.
package struct SurveyUpdate {
    package let path: String
    /// What `save` expects to find on disk.
    package let expectation: SurveyFile.Expectation

    /// Reads the survey at `path`; on failure prints the storage layer's message and exits with 2.
    package static func load(_ path: String) throws -> (update: SurveyUpdate, survey: Survey) {
        let (survey, fingerprint) = try SurveyInput.loadWithFingerprint(path: path)
        return (SurveyUpdate(path: path, expectation: .version(fingerprint)), survey)
    }

    /// A survey file to be created: refused if a file appears there before it is written, unless
    /// `replacing`.
    package static func create(_ path: String, replacing: Bool) -> SurveyUpdate {
        SurveyUpdate(path: path, expectation: replacing ? .anything : .absent)
    }

    /// Writes `survey` over the file, if it is still the version read; else prints why and exits
    /// with 1 (nothing written).
    package func save(_ survey: Survey) throws {
        do {
            try SurveyFile.save(survey, to: URL(fileURLWithPath: path), expecting: expectation)
        } catch let error as SurveyFileError where error.kind == .changedOnDisk && expectation == .absent {
            throw fail(tr("%1 already exists; use --force to replace it.", path), code: 1)
        } catch {
            throw fail((error as? LocalizedError)?.errorDescription ?? "\(error)", code: 1)
        }
    }
    package init(path: String, expectation: SurveyFile.Expectation) {
        self.path = path
        self.expectation = expectation
    }
}
