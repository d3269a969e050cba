import CGtk
import Model
import GtkKit
import Rendering

/// The custom-drawn disclosure grid: a focusable drawing area (`SnapshotArea`) the size of the
/// whole grid in a `GtkScrolledWindow`, whose frozen headings and totals are drawn at the scroll
/// position. A frame is made of tiles (`MatrixTiles`): only those that changed are drawn again.
///
/// The grid owns the cursor and selection and moves them itself; everything that changes the
/// survey (a status key, paste, the details) goes to `onAction` for the section to perform.
@MainActor
package final class MatrixGrid {
    package typealias Widget = UnsafeMutablePointer<GtkWidget>

    /// The scrolled window (the grid's top-level widget).
    package let widget: Widget
    /// The drawing area, which takes the keyboard focus.
    package let area: Widget
    private let hadjustment: UnsafeMutablePointer<GtkAdjustment>
    private let vadjustment: UnsafeMutablePointer<GtkAdjustment>
    private let text: MatrixText

    package private(set) var rows = MatrixRows(jurisdictions: [], order: .report, rates: [], include: { _ in true })
    package private(set) var cells: MatrixCells?
    package private(set) var jurisdictions: [Jurisdiction] = []
    package private(set) var layout = MatrixLayout(rows: MatrixRows(jurisdictions: [], order: .report, rates: [], include: { _ in true }),
                                           columnCount: 0, metrics: MatrixMetrics())
    package private(set) var selection = MatrixSelection()
    /// The sizes measured for the fonts and names; cells widen from these to fill a wide window.
    private var baseMetrics = MatrixMetrics()
    /// The widest a cell grows when the window has room.
    private static let widestCell = 92.0
    private var dragStart: (x: Double, y: Double)?
    /// A scroll to the cursor or a focus asked for while the grid was not on screen (another
    /// section in front): done once it is shown and laid out.
    private var scrollWhenShown = false
    /// The view's size (the adjustments' page sizes) when last seen.
    private var viewSize = (0.0, 0.0)
    private var scrollPending = false
    private var focusWhenShown = false

    /// An action for the section: a status, details, copy, paste or the context menu.
    package var onAction: ((MatrixAction) -> Void)?
    /// The cursor or the selection moved.
    package var onSelectionChanged: (() -> Void)?
    /// A description of a cell, for its tooltip.
    package var describeCell: ((MatrixPoint) -> String?)?
    /// What screen readers say of the grid now: the cursor cell (or the selection) as the name,
    /// the rest (note, evidence, problems) as the description.
    package var accessibleText: (() -> (label: String, description: String)?)?
    /// While set, the accessible text is not updated (an edit that also moves the cursor updates
    /// it once, at its end).
    package var holdsAccessibleText = false
    /// A key the grid does not use was pressed (its name as the user sees it); nil when a key it
    /// uses was.
    package var onUnusedKey: ((String?) -> Void)?
    /// The context menu was asked for at a point of the drawing area.
    package var onContextMenu: ((_ x: Double, _ y: Double) -> Void)?
    /// Whether cells disclosed without evidence show their quiet mark (the toolbar's switch).
    package var quietMarks = true {
        didSet { if quietMarks != oldValue { redraw() } }
    }
    /// Whether entered cells are faded (the "only empty cells" filter).
    package var fadeEntered = false {
        didSet { if fadeEntered != oldValue { redraw() } }
    }
    /// The width that shows every column without scrolling sideways.
    package var fullWidth: Int32 { gtk_drawing_area_get_content_width(area.cast()) }
    /// Frames the drawing area has drawn (for tests and the bench).
    package private(set) var framesDrawn = 0
    /// The last frame's tiles, kept for the next (`MatrixTileCache`).
    package let tiles = MatrixTileCache()

    package init() {
        // A grid to screen readers, in which several cells can be selected; GTK 4.8 cannot expose
        // its cells as children, so its name and description follow the cursor and every change.
        area = SnapshotArea.make(role: GTK_ACCESSIBLE_ROLE_GRID)
        Events.setMultiSelectable(area, true)
        gtk_widget_set_focusable(area, 1)
        gtk_widget_set_focus_on_click(area, 1)
        Widgets.addClasses(area, ["gk-matrix-grid"])
        widget = gtk_scrolled_window_new()
        gtk_scrolled_window_set_child(widget.opaque, area)
        // The drawing area is the whole grid: a viewport scrolling to its focus child would jump
        // to the grid's top-left corner when a click gives it the focus, away from the pointer.
        if let viewport = gtk_scrolled_window_get_child(widget.opaque) { gtk_viewport_set_scroll_to_focus(viewport.opaque, 0) }
        // Classic scrollbars, as a spreadsheet has: GTK's overlay indicators fade in and out for
        // a second (60 frames a second) whenever the widgets under the pointer move, as the
        // details do after many status keys, and then show nothing of where the grid is scrolled.
        gtk_scrolled_window_set_overlay_scrolling(widget.opaque, 0)
        gtk_widget_set_hexpand(widget, 1)
        gtk_widget_set_vexpand(widget, 1)
        hadjustment = gtk_scrolled_window_get_hadjustment(widget.opaque)
        vadjustment = gtk_scrolled_window_get_vadjustment(widget.opaque)
        text = MatrixText(widget: area)

        SnapshotArea.setHandler(area) { [weak self] snapshot, width, height in self?.snapshot(snapshot, width, height) }
        // The painter takes the dark or light colours (`MatrixInk.current`) when the theme changes.
        DarkStyle.observe { [weak self] in if let self { gtk_widget_queue_draw(self.area) } }
        Signals.connect(hadjustment, "value-changed") { [weak self] in self?.redraw() }
        Signals.connect(vadjustment, "value-changed") { [weak self] in self?.redraw() }
        // A larger view of the same drawing area (the details moved below the grid, the window
        // grew) changes only the adjustments' page size: the grid paints the new part too.
        Signals.connect(hadjustment, "changed") { [weak self] in self?.viewChanged() }
        Signals.connect(vadjustment, "changed") { [weak self] in self?.viewChanged() }
        Events.onKeyPressed(area) { [weak self] keyval, state in self?.handleKey(keyval, state) ?? false }
        Events.onPress(area, button: 1) { [weak self] count, x, y, state in
            self?.press(x: x, y: y, count: Int(count), extend: state.rawValue & GDK_SHIFT_MASK.rawValue != 0)
        }
        Events.onPress(area, button: 3) { [weak self] _, x, y, _ in self?.secondaryPress(x: x, y: y) }
        Events.onDrag(area, begin: { [weak self] x, y in self?.beginDrag(x: x, y: y) },
                      update: { [weak self] dx, dy in self?.drag(dx: dx, dy: dy) })
        Signals.connect(area, "map") { [weak self] in self?.mapped() }
        Events.onFocus(area, enter: { [weak self] in
            self?.updateAccessibleText()
            self?.redraw()
        }, leave: { [weak self] in self?.redraw() })
        Events.onTooltip(area) { [weak self] x, y, keyboard in self?.tooltip(x: x, y: y, keyboard: keyboard) }
    }

    /// The tooltip of the cell under the pointer (or of the cursor cell, asked from the keyboard).
    private func tooltip(x: Double, y: Double, keyboard: Bool) -> String? {
        if keyboard { return rows.isEmpty ? nil : describeCell?(selection.cursor) }
        guard case .cell(let p) = layout.hit(x: x, y: y, viewport: viewport) else { return nil }
        return describeCell?(p)
    }

    // MARK: Content

    /// Shows new rows and cells. The cursor stays on the same jurisdiction and column when it is
    /// still shown (or moves to the nearest row), and the selection collapses when rows changed.
    package func show(rows: MatrixRows, cells: MatrixCells, jurisdictions: [Jurisdiction]) {
        let cursorJurisdiction = self.rows.data.indices.contains(selection.cursor.row) ? self.rows.data[selection.cursor.row] : nil
        let rowsChanged = rows != self.rows || jurisdictions.map(\.id) != self.jurisdictions.map(\.id)
        let labelsChanged = jurisdictions.map(\.displayName) != self.jurisdictions.map(\.displayName)
            || cells.columns != self.cells?.columns
        self.rows = rows
        self.cells = cells
        self.jurisdictions = jurisdictions
        if rowsChanged || labelsChanged || layout.columnCount != cells.columns.count {
            baseMetrics = measuredMetrics()
            let natural = MatrixLayout(rows: rows, columnCount: cells.columns.count, metrics: baseMetrics)
            gtk_drawing_area_set_content_width(area.cast(), Int32(natural.contentWidth.rounded(.up)))
            gtk_drawing_area_set_content_height(area.cast(), Int32(natural.contentHeight.rounded(.up)))
            layout = stretched(natural, toWidth: Double(gtk_widget_get_width(area)))
        }
        if rowsChanged {
            var moved = selection
            if let j = cursorJurisdiction, let row = rows.row(ofJurisdiction: j) { moved.cursor.row = row }
            moved.anchor = moved.cursor
            moved.clamp(rowCount: rows.count, columnCount: cells.columns.count)
            setSelection(moved, scroll: false)
        } else {
            redraw()
        }
        updateAccessibleText()
    }

    /// Gives screen readers the cursor cell or the selection, as it is now (only what changed is
    /// set again, so an unchanged cell is not announced twice).
    package func updateAccessibleText() {
        guard !holdsAccessibleText else { return }
        guard let text = accessibleText?() else {
            Events.setAccessibleLabel(area, tr(context: "matrix", "Disclosure matrix"))
            return
        }
        // The name first, then the description: AT-SPI sends the changes in this order, and Orca
        // speaks the cell before its details (AtspiProbeTests).
        Events.setAccessibleLabel(area, text.label)
        Events.setAccessibleDescription(area, text.description)
    }

    /// The grid's parts sized for the interface's fonts and language: names and headings fit
    /// (very long names, such as the Corps' English one, are shortened with an ellipsis).
    private func measuredMetrics() -> MatrixMetrics {
        var m = MatrixMetrics()
        let longestName = jurisdictions.map { text.size($0.displayName, .name).width }.max() ?? 0
        let regionWidth = Region.allCases.map { text.size($0.label, .heading).width }.max() ?? 0
        m.rowHeaderWidth = min(150, max(96, max(longestName + 40, regionWidth + 24))).rounded(.up)
        let words = [MatrixPainter.cellWord(.prefecture), MatrixPainter.cellWord(.division)]
        let headings = DisclosureKind.allCases.map(MatrixPainter.kindHeading)
        let widest = max(words.map { text.size($0, .cellWord).width + 20 }.max() ?? 0,
                         headings.map(kindHeadingWidth).max() ?? 0)
        m.cellWidth = max(64, widest).rounded(.up)
        m.kindHeaderHeight = kindHeaderHeight(cellWidth: m.cellWidth)
        return m
    }

    /// A kind heading may take two lines (the grid then shows every year on a 1024-pixel screen),
    /// but never breaks inside a word.
    private func kindHeadingWidth(_ heading: String) -> Double {
        let longestWord = heading.split(separator: " ").map { text.size(String($0), .kind).width }.max() ?? 0
        return max(text.size(heading, .kind).width / 2 + 2, longestWord) + 12
    }

    private func kindHeaderHeight(cellWidth: Double) -> Double {
        let height = DisclosureKind.allCases.map { text.size(MatrixPainter.kindHeading($0), .kind, width: cellWidth - 8).height }.max() ?? 30
        return max(36, height + 12).rounded(.up)
    }

    /// The layout with cells widened (up to `widestCell`) so the grid fills `width` when the
    /// window is wider than the grid.
    private func stretched(_ natural: MatrixLayout, toWidth width: Double) -> MatrixLayout {
        var m = natural.metrics
        let columns = Double(max(natural.columnCount, 1))
        let room = (width - m.rowHeaderWidth - m.totalsWidth) / columns
        let cell = min(Self.widestCell, max(baseMetrics.cellWidth, room.rounded(.down)))
        guard cell != m.cellWidth else { return natural }
        m.cellWidth = cell
        m.kindHeaderHeight = kindHeaderHeight(cellWidth: cell)
        return MatrixLayout(rows: rows, columnCount: natural.columnCount, metrics: m)
    }

    // MARK: Selection

    /// Moves the cursor and selection; scrolls the cursor into view unless `scroll` is false.
    package func setSelection(_ new: MatrixSelection, scroll: Bool = true) {
        let changed = new != selection
        selection = new
        if scroll { scrollToCursor() }
        redraw()
        if changed {
            updateAccessibleText()
            onSelectionChanged?()
        }
    }

    /// Applies a movement from the key table.
    package func move(_ move: MatrixMove, extend: Bool) {
        var s = selection
        s.move(move, extend: extend, rowCount: rows.count, columnCount: cells?.columns.count ?? 0,
               pageRows: layout.pageRows(viewport))
        setSelection(s)
    }

    /// Selects every shown cell.
    package func selectAll() {
        guard !rows.isEmpty, let columns = cells?.columns.count, columns > 0 else { return }
        var s = selection
        s.select(rows: 0...rows.count - 1, columns: 0...columns - 1)
        setSelection(s, scroll: false)
    }

    /// The visible part of the grid, in content coordinates.
    package var viewport: MatrixRect {
        let width = gtk_adjustment_get_page_size(hadjustment), height = gtk_adjustment_get_page_size(vadjustment)
        return MatrixRect(x: gtk_adjustment_get_value(hadjustment), y: gtk_adjustment_get_value(vadjustment),
                          width: width > 0 ? width : Double(gtk_widget_get_width(area)),
                          height: height > 0 ? height : Double(gtk_widget_get_height(area)))
    }

    /// Scrolls so that the cursor cell is on screen (as little as needed); while the grid is not
    /// on screen, as soon as it is.
    package func scrollToCursor() {
        guard !rows.isEmpty, let columns = cells?.columns.count, columns > 0 else { return }
        guard isShown else {
            scrollWhenShown = true
            return
        }
        let vp = viewport
        guard vp.width > 0, vp.height > 0 else { return }
        let target = layout.scrollOffset(toShow: selection.cursor, viewport: vp)
        if target.x != vp.x { gtk_adjustment_set_value(hadjustment, target.x) }
        if target.y != vp.y { gtk_adjustment_set_value(vadjustment, target.y) }
    }

    /// The view of the grid changed size or the grid its size: painted again, and when the view's
    /// size changed the cursor cell is brought back into it. (While the window opens on a small
    /// screen the grid is briefly only a few rows high, as the details move below it: a scroll
    /// to the cursor made then left the first rows, the cursor's included, under the headings
    /// once it grew.) The scroll waits for the loop to be idle: the sizes change while the
    /// scrolled window lays out its child, and a new scroll value then would be drawn at the old
    /// offset for a frame (the headings off the top, an empty band under the totals).
    private func viewChanged() {
        let size = (gtk_adjustment_get_page_size(hadjustment), gtk_adjustment_get_page_size(vadjustment))
        if size != viewSize {
            viewSize = size
            if !scrollPending {
                scrollPending = true
                MainLoop.once { [weak self] in
                    self?.scrollPending = false
                    self?.scrollToCursor()
                }
            }
        }
        redraw()
    }

    /// The cursor cell's rectangle in drawing-area coordinates (for the context menu).
    package var cursorRect: MatrixRect? {
        rows.isEmpty || (cells?.columns.isEmpty ?? true) ? nil : layout.cellRect(selection.cursor)
    }

    /// Gives the grid the keyboard focus; while it is not on screen, as soon as it is.
    package func grabFocus() {
        if gtk_widget_get_mapped(area) == 0 {
            focusWhenShown = true
        } else {
            gtk_widget_grab_focus(area)
        }
    }

    /// Mapped and laid out: its adjustments describe what is on screen.
    private var isShown: Bool {
        gtk_widget_get_mapped(area) != 0 && gtk_adjustment_get_page_size(vadjustment) > 0
    }

    /// Coming on screen (its section brought to the front): the focus asked for meanwhile, and the
    /// cursor's part of the grid, whatever was scrolled while away.
    private func mapped() {
        if focusWhenShown {
            focusWhenShown = false
            gtk_widget_grab_focus(area)
        }
        scrollWhenShown = true
        redraw()
    }
    package var hasFocus: Bool { gtk_widget_has_focus(area) != 0 }
    package func redraw() { gtk_widget_queue_draw(area) }

    // MARK: Input

    /// The key controller's handler: looks the key up in `MatrixKeys` and acts. Returns false for
    /// keys the matrix does not use (they go on to the window's shortcuts).
    package func handleKey(_ keyval: guint, _ state: GdkModifierType) -> Bool {
        let others = GDK_ALT_MASK.rawValue | GDK_SUPER_MASK.rawValue | GDK_HYPER_MASK.rawValue | GDK_META_MASK.rawValue
        guard state.rawValue & others == 0, let name = String(borrowingGChars: gdk_keyval_name(gdk_keyval_to_lower(keyval))) else {
            return false
        }
        var modifiers: MatrixModifiers = []
        if state.rawValue & GDK_SHIFT_MASK.rawValue != 0 { modifiers.insert(.shift) }
        if state.rawValue & GDK_CONTROL_MASK.rawValue != 0 { modifiers.insert(.control) }
        guard let action = MatrixKeys.action(forKey: name, modifiers: modifiers) else {
            return reportUnused(keyval, name: name, modifiers: modifiers)
        }
        onUnusedKey?(nil)
        perform(action)
        return true
    }

    /// A key without Ctrl that the grid does not use is reported (and taken) instead of doing
    /// nothing; modifier keys alone, function keys and Ctrl shortcuts go on to the window.
    private func reportUnused(_ keyval: guint, name: String, modifiers: MatrixModifiers) -> Bool {
        guard !modifiers.contains(.control), !MatrixKeys.passesThrough(name) else { return false }
        let character = gdk_keyval_to_unicode(keyval)
        let shown = character > 32 ? (Unicode.Scalar(character).map { String(Character($0)).uppercased() } ?? name) : name
        onUnusedKey?(shown)
        return true
    }

    /// Does what a key (or a menu item) asks: movements here, the rest through `onAction`.
    package func perform(_ action: MatrixAction) {
        switch action {
        case .move(let m, let extend): move(m, extend: extend)
        case .selectAll: selectAll()
        case .collapseSelection:
            var s = selection
            s.anchor = s.cursor
            setSelection(s)
        default: onAction?(action)
        }
    }

    /// A primary-button press at a point of the drawing area (count 2: double click).
    package func press(x: Double, y: Double, count: Int, extend: Bool) {
        grabFocus()
        guard let columns = cells?.columns.count, columns > 0 else { return }
        var s = selection
        switch layout.hit(x: x, y: y, viewport: viewport) {
        case .cell(let p):
            s.place(p, extend: extend)
            setSelection(s)
            if count == 2 && !extend { onAction?(.openDetails) }
        case .rowHeader(let row):
            if extend { s.select(rows: min(row, s.anchor.row)...max(row, s.anchor.row), columns: 0...columns - 1) }
            else { s.select(rows: row...row, columns: 0...columns - 1) }
            setSelection(s, scroll: false)
        case .columnHeader(let column):
            guard !rows.isEmpty else { return }
            let first = extend ? min(column, s.anchor.column) : column, last = extend ? max(column, s.anchor.column) : column
            s.select(rows: 0...rows.count - 1, columns: first...last)
            setSelection(s, scroll: false)
        case .none:
            break
        }
    }

    /// A drag starts at a point of the drawing area.
    package func beginDrag(x: Double, y: Double) {
        dragStart = (x, y)
    }

    /// A drag from the press point: the selection stretches to the cell under the pointer.
    package func drag(dx: Double, dy: Double) {
        guard let start = dragStart, case .cell = layout.hit(x: start.x, y: start.y, viewport: viewport),
              let p = layout.nearestCell(x: start.x + dx, y: start.y + dy, rowCount: rows.count), p != selection.cursor else { return }
        var s = selection
        s.place(p, extend: true)
        setSelection(s)
    }

    /// A secondary-button press: selects the cell under the pointer unless it is already
    /// selected, then asks for the context menu there.
    package func secondaryPress(x: Double, y: Double) {
        grabFocus()
        guard case .cell(let p) = layout.hit(x: x, y: y, viewport: viewport) else { return }
        if !selection.contains(p) {
            var s = selection
            s.place(p)
            setSelection(s, scroll: false)
        }
        onContextMenu?(x, y)
    }

    // MARK: Drawing

    private func snapshot(_ snapshot: Snapshot, _ width: Double, _ height: Double) {
        framesDrawn += 1
        guard let cells else { return }
        if scrollWhenShown, isShown {
            scrollWhenShown = false
            scrollToCursor()
        }
        let fitted = stretched(MatrixLayout(rows: rows, columnCount: cells.columns.count, metrics: baseMetrics), toWidth: width)
        if fitted != layout { layout = fitted }
        var vp = viewport
        vp.width = min(vp.width, width)
        vp.height = min(vp.height, height)
        for layer in MatrixPainter(text: text).frame(scene(cells, focused: hasFocus), viewport: vp, cache: tiles) {
            snapshot.clipped(to: layer.clip.map { ($0.x, $0.y, $0.width, $0.height) }) {
                for node in layer.nodes { snapshot.append(node) }
            }
        }
    }

    private func scene(_ cells: MatrixCells, focused: Bool) -> MatrixScene {
        MatrixScene(layout: layout, rows: rows, cells: cells, jurisdictions: jurisdictions,
                    selection: rows.isEmpty || cells.columns.isEmpty ? nil : selection, focused: focused,
                    quietMarks: quietMarks, fadeEntered: fadeEntered)
    }

    /// Paints the grid for a viewport on any cairo context (an image for the bench or a test),
    /// through `cache` (by default a new one: every tile drawn).
    package func render(_ cr: OpaquePointer, cells: MatrixCells, viewport: MatrixRect, focused: Bool, cache: MatrixTileCache? = nil) {
        MatrixPainter(text: text).draw(cr, scene(cells, focused: focused), viewport: viewport, cache: cache ?? MatrixTileCache())
    }
}
