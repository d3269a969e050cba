import CGtk
import Foundation
import XCTest

@testable import GtkKit
@testable import Rendering
@testable import Commands
@testable import Sections
@testable import Bench
@testable import gongkai

/// The C boundary stays in Interop: no feature folder counts GObject references by hand or casts
/// pointers, every signal is connected by `Signals`, and the named casts check their type in debug
/// builds.
final class InteropBoundaryTests: XCTestCase {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every Swift file under Sources/ outside the model, as (path relative to the root, lines).
    static func sourceFiles() throws -> [(path: String, lines: [Substring])] {
        let sources = repositoryRoot.appendingPathComponent("Sources")
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var files: [(String, [Substring])] = []
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            let path = String(url.path.dropFirst(repositoryRoot.path.count + 1))
            if path.hasPrefix("Sources/Model/") { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            files.append((path, text.split(separator: "\n", omittingEmptySubsequences: false)))
        }
        return files
    }

    /// Lines of code (not comments) of files outside `Interop` folders that contain one of `needles`.
    static func uses(of needles: [String], allowedIn allowed: (String) -> Bool) throws -> [String] {
        var found: [String] = []
        for (path, lines) in try sourceFiles() where !allowed(path) {
            for (number, line) in lines.enumerated() {
                let code = line.drop { $0 == " " }
                if code.hasPrefix("//") { continue }
                for needle in needles where code.contains(needle) {
                    found.append("\(path):\(number + 1): \(needle)")
                }
            }
        }
        return found
    }

    static func inInterop(_ path: String) -> Bool { path.contains("/Interop/") }

    func testNoFeatureFolderCountsReferencesOrCastsPointers() throws {
        let files = try Self.sourceFiles()
        XCTAssertGreaterThan(files.filter { $0.path.contains("/Enterprises/") }.count, 5, "the scan reads the feature folders")
        let found = try Self.uses(of: ["g_object_ref", "g_object_unref", "withMemoryRebound", "OpaquePointer(", "unsafeBitCast",
                                       "UnsafeMutableRawPointer(", "assumingMemoryBound", "Unmanaged"],
                                  allowedIn: Self.inInterop)
        XCTAssertEqual(found, [], "use OwnedObject, OwnedObjectArray, holdingReference, ListModel.withItem and the named casts of Interop")
    }

    func testEverySignalIsConnectedBySignals() throws {
        let found = try Self.uses(of: ["g_signal_connect_data", "g_signal_connect_object"]) { $0.hasSuffix("/Interop/Signals.swift") }
        XCTAssertEqual(found, [], "connect with Signals, MoreSignals or Signals.connect(_:_:thunk:handler:)")
    }

    @MainActor
    func testNamedCastsKnowTheirTypes() throws {
        try WindowTestCase.requireGtk()
        let label: UnsafeMutablePointer<GtkWidget> = gtk_label_new("x")
        g_object_ref_sink(label.rawPointer)
        defer { g_object_unref(label.rawPointer) }
        let window: UnsafeMutablePointer<GtkWidget> = gtk_window_new()
        defer { gtk_window_destroy(window.window) }
        XCTAssertTrue(GTypeCheck.isInstance(label.rawPointer, of: gtk_widget_get_type()))
        XCTAssertTrue(GTypeCheck.isInstance(label.rawPointer, of: g_object_get_type()))
        XCTAssertFalse(GTypeCheck.isInstance(label.rawPointer, of: gtk_window_get_type()), "a label is no window")
        XCTAssertTrue(GTypeCheck.isInstance(window.rawPointer, of: gtk_window_get_type()))
        XCTAssertTrue(GTypeCheck.isInstance(window.rawPointer, of: gtk_root_get_type()), "interfaces count")
        XCTAssertEqual(GTypeCheck.typeName(label.rawPointer), "GtkLabel")
    }
}
