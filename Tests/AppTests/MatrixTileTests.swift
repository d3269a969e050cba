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

/// The grid's frame is made of tiles kept from frame to frame (`MatrixTileCache`): a frame put
/// together from kept tiles must be the frame drawn afresh, pixel for pixel, after anything the
/// user can do; and a status key draws only the few tiles it changes.
final class MatrixTileTests: WindowTestCase {
    /// The grid's view painted into pixels through `cache` (a new cache when nil: every tile drawn).
    @MainActor
    private static func pixels(_ h: MatrixHarness, cache: MatrixTileCache?) throws -> [UInt8] {
        let cells = try XCTUnwrap(h.grid.cells)
        let vp = h.grid.viewport
        let width = Int32(vp.width.rounded(.up)), height = Int32(vp.height.rounded(.up))
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height)!
        defer { cairo_surface_destroy(surface) }
        let cr = cairo_create(surface)!
        cairo_translate(cr, -vp.x, -vp.y)
        h.grid.render(cr, cells: cells, viewport: vp, focused: h.grid.hasFocus, cache: cache)
        cairo_destroy(cr)
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = cairo_image_surface_get_data(surface)!
        return Array(UnsafeBufferPointer(start: data, count: stride * Int(height)))
    }

    @MainActor
    private static func settle() { _ = MainLoop.iterate(until: { false }, timeout: 0.05) }

    func testAFrameOfKeptTilesIsTheFrameDrawnAfresh() throws { try onMain {
        let h = try MatrixHarness(width: 1100, height: 620)
        defer { h.close() }
        h.section.advance = .stay
        h.place("anhui", year: 2018, kind: .auditList)
        let kept = MatrixTileCache()
        let vadjustment = gtk_scrolled_window_get_vadjustment(h.grid.widget.opaque)
        let hadjustment = gtk_scrolled_window_get_hadjustment(h.grid.widget.opaque)
        @MainActor func note(_ text: String) {
            var o = h.survey.observations.first { $0.jurisdiction == h.survey.jurisdictions[0].id }!
            o.note = text
            XCTAssertTrue(h.controller.perform(.setCells([CellChange(o)]), label: "note"))
        }
        let steps: [(String, @MainActor () -> Void)] = [
            ("the first frame", {}),
            ("√", { h.press(GDK_KEY_y) }),
            ("×", { h.press(GDK_KEY_n) }),
            ("prefecture", { h.press(GDK_KEY_p) }),
            ("down", { h.press(GDK_KEY_Down) }),
            ("shift+right twice", { h.press(GDK_KEY_Right, GDK_SHIFT_MASK); h.press(GDK_KEY_Right, GDK_SHIFT_MASK) }),
            ("shift+down", { h.press(GDK_KEY_Down, GDK_SHIFT_MASK) }),
            ("delete the selection", { h.press(GDK_KEY_Delete) }),
            ("undo", { _ = h.controller.undo() }),
            ("a note", { note("补充说明") }),
            ("problems marked", { h.section.updateProblems() }),
            ("quiet marks off", { h.grid.quietMarks = false }),
            ("only empty cells", { h.grid.fadeEntered = true }),
            ("faded off", { h.grid.fadeEntered = false }),
            ("scrolled down", { gtk_adjustment_set_value(vadjustment, 200) }),
            ("a key after the scroll", { h.press(GDK_KEY_End, GDK_CONTROL_MASK); h.press(GDK_KEY_y) }),
            ("scrolled back", { gtk_adjustment_set_value(vadjustment, 0) }),
            ("home", { h.press(GDK_KEY_Home, GDK_CONTROL_MASK) }),
            ("scrolled sideways", { gtk_adjustment_set_value(hadjustment, 150) }),
            ("a key there", { h.press(GDK_KEY_n) }),
            ("scrolled back sideways", { gtk_adjustment_set_value(hadjustment, 0) }),
        ]
        var reused = 0
        for (name, step) in steps {
            step()
            Self.settle()
            let fromKept = try Self.pixels(h, cache: kept)
            if kept.drawnLastFrame < kept.tilesLastFrame { reused += 1 }
            let fresh = try Self.pixels(h, cache: nil)
            XCTAssertTrue(fromKept == fresh, "after \(name): a kept tile shows something else than it would drawn again")
        }
        XCTAssertGreaterThan(reused, steps.count / 2, "most frames reuse tiles")
    } }

    /// A status key changes one cell, its row's totals, its column's total and the grand total:
    /// the frame after it draws those tiles and keeps the rest.
    func testAStatusKeyDrawsOnlyTheTilesItChanges() throws { try onMain {
        let h = try MatrixHarness(width: 1100, height: 620)
        defer { h.close() }
        h.section.advance = .stay
        h.place("beijing", year: 2019, kind: .evaluation)
        try h.waitForGridFrame()
        try h.waitForGridFrame()
        XCTAssertEqual(h.grid.tiles.drawnLastFrame, 0, "a frame with nothing changed draws nothing")
        let before = h.grid.framesDrawn
        XCTAssertTrue(h.press(h.status("beijing", 2019, .evaluation) == .disclosed ? GDK_KEY_n : GDK_KEY_y))
        XCTAssertTrue(MainLoop.iterate(until: { h.grid.framesDrawn > before }, timeout: 20))
        XCTAssertGreaterThan(h.grid.tiles.tilesLastFrame, 40)
        let drawn = h.grid.tiles.drawnTiles
        let row = h.grid.layout.displayIndex[h.grid.selection.cursor.row]
        for tile in [MatrixTile.ID.bodyRow(row), .totalsRow(row), .totalsRowStrip, .grandTotal] {
            XCTAssertTrue(drawn.contains(tile), "\(tile) is drawn again: \(drawn)")
        }
        // The row's name follows when the row's problem badge changes within the same frame.
        XCTAssertLessThanOrEqual(drawn.count, 5, "only the tiles the key changed: \(drawn)")
    } }

    /// A status key is shown in the frame after it, and then the window is still: no colour fade
    /// of the status buttons (the theme's 200 ms transition) drawing frame after frame.
    func testAStatusKeyIsShownWithoutAnAnimation() throws { try onMain { t in
        let window = try t.makeWindow()
        window.showSection(id: "matrix")
        let matrix = try XCTUnwrap(window.section(MatrixSection.self))
        matrix.advance = .stay
        XCTAssertTrue(matrix.reveal(.cell(jurisdiction: "hebei", year: 2020, kind: .auditList)))
        let watch = try XCTUnwrap(FrameWatch(window.window))
        // √ and × in turn: √ also brings a check's finding into the details (disclosed, no
        // evidence yet), which moved widgets under the pointer (the virtual screen's pointer rests
        // over the grid) and faded the grid's overlay scrollbars in and out for a second.
        for key in [GDK_KEY_y, GDK_KEY_n, GDK_KEY_y] {
            _ = MainLoop.iterate(until: { false }, timeout: 0.5)
            watch.reset()
            XCTAssertTrue(matrix.grid.handleKey(guint(key), GdkModifierType(0)))
            _ = MainLoop.iterate(until: { false }, timeout: 0.5)
            XCTAssertGreaterThanOrEqual(watch.frames, 1, "the key is drawn")
            XCTAssertLessThanOrEqual(watch.frames, 6, "a key draws the new status, the problems found after it and what follows them; an animation draws 30 frames in this time")
        }
    } }
}
