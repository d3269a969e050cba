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

/// The window laid out on small screens (issue 16): at 1024 × 600 and at half of a 1920-wide
/// screen, no text of any section is cut (every label gets at least its minimum width, lies inside
/// the pane that shows it, and is shortened with "…" only when its tooltip gives the whole text),
/// the disclosure matrix shows every year, and the sidebar gives its width to the section.
final class SmallScreenLayoutTests: WindowTestCase {
    static let sizes: [(width: Int32, height: Int32)] = [(1024, 600), (960, 1080)]

    func testNoLabelIsCutOnASmallScreen() throws { try onMain { context in
        var failures: [String] = []
        for language in [Language.chinese, .english] {
            Localizer.shared.language = language
            for size in Self.sizes {
                let window = try Self.makeWindow(context, size)
                defer { window.destroyForTest() }
                for section in window.sections {
                    window.showSection(id: section.id)
                    try Self.settle(window)
                    failures += Self.cutLabels(in: section.widget).map { "\(language) \(size.width)×\(size.height) \(section.id): \($0)" }
                }
            }
        }
        XCTAssertTrue(failures.isEmpty, "\(failures.count) labels cut:\n" + failures.joined(separator: "\n"))
    } }

    /// The check finds a cut label: a label wider than the pane that shows it.
    func testALabelWiderThanItsPaneIsFound() throws { try onMain { context in
        let window = try Self.makeWindow(context, Self.sizes[0])
        defer { window.destroyForTest() }
        let section = try XCTUnwrap(window.sections.compactMap { $0 as? MatrixSection }.first)
        window.showSection(id: section.id)
        let scroller = Widgets.verticalScroller(Widgets.label(String(repeating: "Wide ", count: 200)))
        gtk_box_append(section.widget.cast(), scroller)
        try Self.settle(window)
        XCTAssertTrue(Self.cutLabels(in: section.widget).contains { $0.contains("Wide Wide") })
    } }

    /// At 1024 px the whole grid shows (the sidebar hides, the details go below), with rows, in
    /// both languages; in Chinese also at half of a 1920-wide screen.
    func testTheMatrixShowsEveryYearOnASmallScreen() throws { try onMain { context in
        for language in [Language.chinese, .english] {
            Localizer.shared.language = language
            for size in language == .chinese ? Self.sizes : [Self.sizes[0]] {
                let window = try Self.makeWindow(context, size)
                defer { window.destroyForTest() }
                let matrix = try XCTUnwrap(window.sections.compactMap { $0 as? MatrixSection }.first)
                window.showSection(id: matrix.id)
                try Self.settle(window)
                let grid = matrix.grid
                XCTAssertGreaterThanOrEqual(gtk_widget_get_width(grid.widget), grid.fullWidth,
                                            "\(language) \(size.width)×\(size.height): the grid's width for all years")
                XCTAssertEqual(grid.layout.visibleColumns(grid.viewport), 0..<grid.layout.columnCount)
                XCTAssertEqual(grid.layout.columnCount, WindowTestCase.builtinSurvey.years.count * DisclosureKind.allCases.count)
                XCTAssertGreaterThanOrEqual(grid.layout.visibleDisplayRows(grid.viewport).count, 3,
                                            "\(language) \(size.width)×\(size.height): rows of the grid on screen")
            }
        }
    } }

    /// Where the grid is narrower than all its columns (English at 960 px, both languages at
    /// 1280 × 720 with the sidebar and the details beside it), it scrolls sideways: the cursor cell,
    /// in any column, is shown whole between the names and the totals columns, never under them,
    /// and the grid does not run under the details pane. The first cell is shown as the window
    /// opens, too (a scroll made while the grid was briefly lower hid it under the headings).
    func testTheCursorCellIsNeverHiddenUnderTheTotals() throws { try onMain { context in
        var scrolled = 0
        for language in [Language.chinese, .english] {
            Localizer.shared.language = language
            for size: (width: Int32, height: Int32) in [(1024, 600), (960, 1080), (1280, 720)] {
                let window = try Self.makeWindow(context, size)
                defer { window.destroyForTest() }
                let matrix = try XCTUnwrap(window.sections.compactMap { $0 as? MatrixSection }.first)
                window.showSection(id: matrix.id)
                try Self.settle(window)
                let grid = matrix.grid
                let label = "\(language) \(size.width)×\(size.height)"
                if gtk_widget_get_width(grid.widget) < grid.fullWidth { scrolled += 1 }
                @MainActor func expectCursorShown(_ what: String) {
                    let vp = grid.viewport, body = grid.layout.bodyRect(vp), totalsX = grid.layout.totalsColumnX(vp)
                    let cell = grid.layout.cellRect(grid.selection.cursor)
                    XCTAssertGreaterThanOrEqual(cell.x, body.x - 0.5, "\(label) \(what) under the names")
                    XCTAssertLessThanOrEqual(cell.maxX, body.maxX + 0.5, "\(label) \(what) under the totals")
                    XCTAssertGreaterThanOrEqual(cell.y, body.y - 0.5, "\(label) \(what) under the headings (view \(vp))")
                    XCTAssertLessThanOrEqual(cell.maxY, body.maxY + 0.5, "\(label) \(what) under the totals row")
                    XCTAssertLessThanOrEqual(body.maxX, totalsX + 0.5)
                }
                // As the window opens (the details moving below the grid shrinks and grows it).
                expectCursorShown("the first cell")
                for column in Array(0..<grid.layout.columnCount) + [0] {
                    var s = grid.selection
                    s.place(MatrixPoint(row: 1, column: column))
                    grid.setSelection(s)
                    try Self.settle(window)
                    expectCursorShown("column \(column)")
                }
                var gridBounds = graphene_rect_t(), detailsBounds = graphene_rect_t()
                let content = gtk_window_get_child(window.window.window)!
                XCTAssertNotEqual(gtk_widget_compute_bounds(grid.widget, content, &gridBounds), 0)
                XCTAssertNotEqual(gtk_widget_compute_bounds(matrix.details.widget, content, &detailsBounds), 0)
                XCTAssertFalse(graphene_rect_intersection(&gridBounds, &detailsBounds, nil),
                               "\(label): the grid and the details overlap")
                XCTAssertLessThanOrEqual(Double(gridBounds.origin.x + gridBounds.size.width), Double(gtk_widget_get_width(content)) + 0.5,
                                         "\(label): the grid runs off the window")
            }
        }
        XCTAssertGreaterThan(scrolled, 0, "some size makes the grid scroll sideways")
    } }

    /// The enterprise form takes about 460 px (not all but the list's 280-pixel minimum), so the
    /// list beside it keeps room (at least 400 px: names, jurisdictions and years; its other
    /// columns scroll sideways) at half of a wide screen and at 1024 px, and the form's texts are not cut.
    func testTheEnterpriseListKeepsItsRoomBesideTheForm() throws { try onMain { context in
        for language in [Language.chinese, .english] {
            Localizer.shared.language = language
            for size in Self.sizes {
                let window = try Self.makeWindow(context, size)
                defer { window.destroyForTest() }
                let section = try XCTUnwrap(window.sections.compactMap { $0 as? EnterprisesSection }.first)
                window.showSection(id: section.id)
                try Self.settle(window)
                let label = "\(language) \(size.width)×\(size.height)"
                let list = try XCTUnwrap(gtk_paned_get_start_child(section.widget.opaque))
                let listWidth = gtk_widget_get_width(list), formWidth = gtk_widget_get_width(section.form.widget)
                XCTAssertGreaterThanOrEqual(listWidth, 400, "\(label): the list is \(listWidth) px, the form \(formWidth) px")
                XCTAssertLessThanOrEqual(formWidth, 480, "\(label): the form")
                XCTAssertEqual(Self.cutLabels(in: section.form.widget), [], label)
            }
        }
    } }

    func testTheSidebarHidesOnANarrowWindowAndComesBackWhenWide() throws { try onMain { context in
        let narrow = try Self.makeWindow(context, (1024, 600))
        defer { narrow.destroyForTest() }
        let wide = try Self.makeWindow(context, (1200, 760))
        defer { wide.destroyForTest() }
        try Self.settle(narrow)
        try Self.settle(wide)
        XCTAssertEqual(gtk_widget_get_visible(narrow.sidebar), 0, "a 1024-pixel window hides its sidebar")
        XCTAssertFalse(narrow.sidebarCollapse.isShown)
        XCTAssertNotEqual(gtk_widget_get_visible(wide.sidebar), 0, "a wide window shows it")

        // The toggle (win.sidebar) works on its own window only, and the section gets the width.
        let section = try XCTUnwrap(wide.sections.first)
        wide.showSection(id: section.id)
        try Self.settle(wide)
        let before = gtk_widget_get_width(section.widget)
        wide.actions.map.activate("sidebar")
        try Self.settle(wide)
        XCTAssertEqual(gtk_widget_get_visible(wide.sidebar), 0)
        XCTAssertGreaterThanOrEqual(gtk_widget_get_width(section.widget) - before, 150, "the section takes the sidebar's width")
        XCTAssertEqual(gtk_widget_get_visible(narrow.sidebar), 0)
        narrow.actions.map.activate("sidebar")
        try Self.settle(narrow)
        XCTAssertNotEqual(gtk_widget_get_visible(narrow.sidebar), 0, "shown again on demand on a narrow window")
        XCTAssertEqual(gtk_widget_get_visible(wide.sidebar), 0, "the other window keeps its own state")
    } }

    func testTheHeaderBarToggleIsNamedAndF9IsInTheShortcutTable() throws { try onMain { context in
        let window = try Self.makeWindow(context, (1200, 760))
        defer { window.destroyForTest() }
        let toggle = try XCTUnwrap(Self.widgets(in: window.header).first { widget in
            GProperty.string(widget, "action-name") == "win.sidebar"
        })
        XCTAssertEqual(GProperty.string(toggle, "tooltip-text"), tr("Show or hide the sidebar (F9)"))
        XCTAssertTrue(ShortcutTable.bindings.contains { $0.action == "win.sidebar" && $0.accelerators == ["F9"] })
        Localizer.shared.language = .chinese
        XCTAssertNotEqual(tr("Show or hide the sidebar (F9)"), "Show or hide the sidebar (F9)", "translated")
        XCTAssertNotEqual(tr("Sidebar"), "Sidebar", "translated")
        // Pressing the toggle hides the sidebar.
        Events.emit(toggle, "clicked")
        try Self.settle(window)
        XCTAssertEqual(gtk_widget_get_visible(window.sidebar), 0)
        XCTAssertEqual(gtk_toggle_button_get_active(toggle.cast()), 0)
    } }

    /// With real keys: F9 hides the sidebar, and Alt+number still goes to each section.
    func testF9HidesTheSidebarAndAltNumbersStillWork() throws { try onMain { t in
        let (app, window) = try Self.focusedApplicationWindow(t)
        defer { app.shutdown() }
        try Self.settle(window)
        XCTAssertNotEqual(gtk_widget_get_visible(window.sidebar), 0)
        try XKeys.type(["F9"])
        try XKeys.wait("F9 hides the sidebar") { gtk_widget_get_visible(window.sidebar) == 0 }
        for (number, id) in [(3, "checks"), (5, "enterprises"), (2, "matrix")] {
            try XKeys.type(["alt+\(number)"])
            try XKeys.wait("Alt+\(number) shows \(id) with the sidebar hidden") { window.visibleSectionID == id }
        }
        try XKeys.type(["F9"])
        try XKeys.wait("F9 shows it again") { gtk_widget_get_visible(window.sidebar) != 0 }
    } }

    // MARK: Helpers

    /// A window of the given size on the built-in survey, shown and laid out.
    @MainActor static func makeWindow(_ context: UITestContext, _ size: (width: Int32, height: Int32)) throws -> MainWindow {
        let window = MainWindow(survey: WindowTestCase.builtinSurvey, fileURL: nil, services: context.makeServices())
        gtk_window_set_default_size(window.window.window, size.width, size.height)
        window.present()
        try waitForFirstFrame(window)
        try settle(window)
        return window
    }

    /// Lets layouts that follow the window's size (the sidebar, the matrix's panes) happen and draw.
    @MainActor static func settle(_ window: MainWindow) throws {
        for _ in 0..<3 {
            drainMainLoop()
            let frames = window.framesDrawn
            window.onNextFrame {}
            try waitUntil("a frame") { window.framesDrawn > frames }
        }
        drainMainLoop()
    }

    /// Every widget under `root`, depth first.
    @MainActor static func widgets(in root: UnsafeMutablePointer<GtkWidget>) -> [UnsafeMutablePointer<GtkWidget>] {
        var result: [UnsafeMutablePointer<GtkWidget>] = []
        var child = gtk_widget_get_first_child(root)
        while let c = child {
            result.append(c)
            result += widgets(in: c)
            child = gtk_widget_get_next_sibling(c)
        }
        return result
    }

    @MainActor static func isA(_ widget: UnsafeMutablePointer<GtkWidget>, _ type: GType) -> Bool {
        g_type_check_instance_is_a(widget.rawPointer.assumingMemoryBound(to: GTypeInstance.self), type) != 0
    }

    /// The labels on screen under `root` that are cut: given less than their minimum width,
    /// shortened with "…" without the whole text as tooltip, or running past the right edge of the
    /// pane showing them (their nearest scrolled window, else `root`). Tables (column and list
    /// views) scroll sideways by design and are left out.
    @MainActor static func cutLabels(in root: UnsafeMutablePointer<GtkWidget>) -> [String] {
        var failures: [String] = []
        for widget in widgets(in: root) where isA(widget, gtk_label_get_type()) && gtk_widget_is_drawable(widget) != 0 {
            let text = Widgets.text(ofLabel: widget)
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let quoted = "“" + String(text.prefix(40)) + "”"
            var pane: UnsafeMutablePointer<GtkWidget>?
            var inTable = false
            var ancestor = gtk_widget_get_parent(widget)
            while let a = ancestor, a != root {
                if isA(a, gtk_column_view_get_type()) || isA(a, gtk_list_view_get_type()) { inTable = true }
                if pane == nil, isA(a, gtk_scrolled_window_get_type()) { pane = a }
                ancestor = gtk_widget_get_parent(a)
            }
            if inTable { continue }
            // The text's widest line against the label's content width (without its CSS padding
            // and border, which the measured minimum includes).
            let width = gtk_widget_get_width(widget)
            var ink = PangoRectangle(), logical = PangoRectangle()
            pango_layout_get_pixel_extents(gtk_label_get_layout(widget.opaque), &ink, &logical)
            if logical.width > width + 1 { failures.append("\(quoted) is \(width) px wide, its text needs \(logical.width)") }
            if pango_layout_is_ellipsized(gtk_label_get_layout(widget.opaque)) != 0,
               GProperty.string(widget, "tooltip-text") != text {
                failures.append("\(quoted) is cut short with “…” and no tooltip gives the whole text")
            }
            let container = pane ?? root
            var bounds = graphene_rect_t()
            guard gtk_widget_compute_bounds(widget, container, &bounds) != 0 else { continue }
            let left = Double(bounds.origin.x), right = left + Double(bounds.size.width)
            let paneWidth = Double(gtk_widget_get_width(container))
            if left < -1 || right > paneWidth + 1 {
                failures.append("\(quoted) spans \(Int(left))…\(Int(right)) px of a pane \(Int(paneWidth)) px wide")
            }
        }
        return failures
    }
}
