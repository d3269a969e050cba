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

/// A real window showing only the matrix section, on a `DocumentController` of the built-in
/// dataset, for the matrix's UI tests (run under Xvfb by `make test`).
@MainActor
final class MatrixHarness {
    let window: UnsafeMutablePointer<GtkWidget>
    let controller: DocumentController
    let section: MatrixSection

    init(survey: Survey? = nil, width: Int32 = 1400, height: Int32 = 860) throws {
        try MatrixHarness.requireGtk()
        let survey = try survey ?? MatrixHarness.builtin()
        controller = DocumentController(survey: survey, fileURL: nil)
        section = MatrixSection(controller: controller)
        window = gtk_window_new()
        gtk_window_set_default_size(window.window, width, height)
        gtk_window_set_child(window.window, section.widget)
        gtk_window_present(window.window)
        section.grid.grabFocus()
        try waitForGridFrame()
        section.updateProblems()
    }

    func close() {
        gtk_window_destroy(window.window)
        _ = MainLoop.iterate(until: { false }, timeout: 0.05)
    }

    var grid: MatrixGrid { section.grid }
    var survey: Survey { controller.survey }

    /// The status of a cell of the survey by jurisdiction id, year and kind.
    func status(_ id: String, _ year: Int, _ kind: DisclosureKind) -> DisclosureStatus {
        survey.observation(id, year, kind)?.status ?? .notSurveyed
    }

    /// The cell key under the cursor.
    var cursorKey: CellKey? { section.addressing.map { $0.key(grid.selection.cursor) } }

    /// Puts the cursor on a jurisdiction's cell (by id) in a column.
    func place(_ id: String, year: Int, kind: DisclosureKind) {
        XCTAssertTrue(section.reveal(.cell(jurisdiction: id, year: year, kind: kind)))
    }

    /// Presses a key through the grid's key handler (the function its key controller calls).
    @discardableResult
    func press(_ keyval: Int32, _ modifiers: GdkModifierType = GdkModifierType(0)) -> Bool {
        grid.handleKey(guint(keyval), modifiers)
    }

    /// Waits until the grid has drawn a new frame (no time is asserted; the wait only bounds a hang).
    func waitForGridFrame() throws {
        let before = grid.framesDrawn
        gtk_widget_queue_draw(grid.area)
        guard MainLoop.iterate(until: { self.grid.framesDrawn > before }, timeout: 20) else {
            throw MatrixTestError("the matrix did not draw within 20 s")
        }
    }

    static func builtin() throws -> Survey {
        let url = try XCTUnwrap(BuiltinDataset.url, "the built-in dataset is missing from the test bundle")
        return try SurveyFile.load(from: url)
    }

    static func requireGtk() throws { try WindowTestCase.requireGtk() }
}

/// Matrix tests fail with the window tests' error.
typealias MatrixTestError = WindowTestError

/// Runs a UI test body on the main actor (XCTest runs tests on the main thread, where GTK lives).
func onMainActor(_ body: @MainActor () throws -> Void) throws {
    XCTAssertTrue(Thread.isMainThread, "UI tests must run on the main thread")
    try MainActor.assumeIsolated { try body() }
}

/// The pointer under Xvfb: clicks at a point of a widget with `xdotool`, through the X server and
/// GTK's event delivery, as a user's mouse does.
@MainActor
enum XPointer {
    /// Clicks the primary button at (x, y) of `widget` (its own coordinates) in a window that
    /// `XKeys.focus` has focused (it named the window uniquely).
    static func click(_ widget: UnsafeMutablePointer<GtkWidget>, x: Double, y: Double,
                      in window: UnsafeMutablePointer<GtkWidget>) throws {
        guard let title = String(borrowingGChars: gtk_window_get_title(window.window)) else {
            throw MatrixTestError("the window has no title for xdotool to find it by")
        }
        var point = graphene_point_t(x: Float(x), y: Float(y))
        var inWindow = graphene_point_t()
        guard gtk_widget_compute_point(widget, window, &point, &inWindow) != 0 else {
            throw MatrixTestError("the widget is not in the window")
        }
        var dx = 0.0, dy = 0.0
        gtk_native_get_surface_transform(OpaquePointer(window), &dx, &dy)
        let sx = Int((Double(inWindow.x) + dx).rounded()), sy = Int((Double(inWindow.y) + dy).rounded())
        try XKeys.xdotool(["search", "--name", title, "mousemove", "--window", "%1", "--sync", String(sx), String(sy)])
        try XKeys.xdotool(["click", "1"])
    }
}

@MainActor
extension MatrixGrid {
    /// The part of the grid's body (cells, not the frozen headings) on screen, in the drawing
    /// area's coordinates.
    var visibleBody: MatrixRect { layout.bodyRect(viewport) }

    /// True when the cursor cell is wholly on screen, outside the frozen headings and totals.
    var cursorIsOnScreen: Bool {
        guard let cell = cursorRect else { return false }
        let body = visibleBody
        return cell.x >= body.x - 0.5 && cell.maxX <= body.maxX + 0.5 && cell.y >= body.y - 0.5 && cell.maxY <= body.maxY + 0.5
    }
}
