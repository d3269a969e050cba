import CGtk
import Foundation
import Model
import XCTest

@testable import GtkKit
@testable import Rendering
@testable import Commands
@testable import Sections
@testable import Bench
@testable import gongkai

/// The line under the grid in the application's window at its default size (1200 × 760, the
/// sidebar and the details beside the grid), with real keys under Xvfb. An outside tester found
/// there the built-in survey's progress cut after four of its five years ("…; Year 2021: 64 of …")
/// and the note on a key that does nothing cut from its start ("… Y/1 √, N/X/0 ×, …"), so the
/// line never said which key did nothing.
final class MatrixStatusLineTests: WindowTestCase {
    @MainActor private static func isCut(_ label: UnsafeMutablePointer<GtkWidget>) -> Bool {
        pango_layout_is_ellipsized(gtk_label_get_layout(label.opaque)) != 0
    }

    /// The application's window on the built-in survey, in `language`, with the keyboard in the grid.
    @MainActor private static func matrixWindow(_ t: UITestContext, _ language: Language) throws -> (GongkaiApplication, MatrixSection) {
        Localizer.shared.language = language
        let (app, window) = try Self.focusedApplicationWindow(t)
        let matrix = try XCTUnwrap(window.section(MatrixSection.self))
        try XKeys.type(["alt+2"])
        try XKeys.wait("Alt+2 puts the keyboard in the grid") { window.visibleSectionID == "matrix" && matrix.grid.hasFocus }
        try XKeys.wait("the status line is laid out") { gtk_widget_get_width(matrix.statusLine.progressLabel) > 0 }
        return (app, matrix)
    }

    @MainActor private static func laidOut(_ matrix: MatrixSection) throws {
        let before = matrix.grid.framesDrawn
        matrix.grid.redraw()
        try XKeys.wait("the grid draws") { matrix.grid.framesDrawn > before }
    }

    // One application per test: a second window started in the same test loses the X focus
    // when the first one goes.
    func testEveryYearsProgressIsOnTheLineInChinese() throws { try onMain { t in try Self.progress(t, .chinese) } }
    func testEveryYearsProgressIsOnTheLineInEnglish() throws { try onMain { t in try Self.progress(t, .english) } }
    func testTheNoteOnAnUnusedKeyIsShownWholeInChinese() throws { try onMain { t in try Self.note(t, .chinese) } }
    func testTheNoteOnAnUnusedKeyIsShownWholeInEnglish() throws { try onMain { t in try Self.note(t, .english) } }

    @MainActor private static func progress(_ t: UITestContext, _ language: Language) throws {
        let (app, matrix) = try matrixWindow(t, language)
        defer { app.shutdown() }
        let line = matrix.statusLine
        XCTAssertFalse(isCut(line.progressLabel), "\(language): \(line.progress)")
        XCTAssertTrue(line.progress.contains("2018") && line.progress.contains("2022"), line.progress)

        try XKeys.type(["Delete"])
        try XKeys.wait("Delete empties a cell of 2018") { line.progress.contains("63") }
        try laidOut(matrix)
        XCTAssertFalse(isCut(line.progressLabel), "\(language): \(line.progress)")
        XCTAssertTrue(line.progress.contains("2019") && line.progress.contains("2022"), line.progress)
    }

    @MainActor private static func note(_ t: UITestContext, _ language: Language) throws {
        let (app, matrix) = try matrixWindow(t, language)
        defer { app.shutdown() }
        let line = matrix.statusLine
        try XKeys.type(["q"])
        try XKeys.wait("q is said to do nothing") { !line.note.isEmpty }
        try laidOut(matrix)
        XCTAssertFalse(isCut(line.noteLabel), "\(language): \(line.note)")
        XCTAssertTrue(line.note.hasPrefix("Q"), "it names the key first: \(line.note)")

        try XKeys.type(["y"])
        try XKeys.wait("the next key that works clears the note") { line.note.isEmpty }
        try laidOut(matrix)
        XCTAssertTrue(gtk_widget_get_visible(line.progressLabel) != 0, "and the progress is back")
    }
}
