import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// The disclosure matrix: jurisdictions down, each survey year's two kinds across, with totals,
/// a details pane for the cursor cell, search, a problem filter and a row order. Every change goes
/// through the window's `DocumentController` as one undoable edit; the section follows the
/// controller, so undo and redo (from anywhere) show at once.
///
/// A change rebuilds the cells and totals synchronously (one pass over the cells) and redraws in
/// the next frame; validation problems, which cost more on a large survey, follow in an idle
/// callback after that frame.
@MainActor
package final class MatrixSection: RevealingSection, KeyboardSection, FocusingSection, PanedSection {
    package typealias Widget = UnsafeMutablePointer<GtkWidget>

    package let id = "matrix"
    package var title: String { tr(context: "matrix", "Disclosure matrix") }

    /// The matrix's keys for the shortcuts window, from `MatrixKeys` (keys doing the same thing
    /// share a line).
    package static var keyboardShortcuts: ShortcutGroup {
        var entries: [ShortcutEntry] = []
        for binding in MatrixKeys.bindings {
            if let i = entries.firstIndex(where: { $0.title == binding.description }) {
                entries[i].accelerator += " " + binding.accelerator
            } else {
                entries.append(ShortcutEntry(accelerator: binding.accelerator, title: binding.description))
            }
        }
        return ShortcutGroup(title: SectionKind.matrix.title, entries: entries)
    }
    package let widget: Widget
    /// The section's widget tree, alive as long as the section.
    private let tree: OwnedObject<Widget>

    package let controller: DocumentController
    package let grid = MatrixGrid()
    package let details = MatrixDetailsPane()
    package let toolbar = MatrixToolbar()
    package let messages = MatrixMessageBar()
    package let statusLine = MatrixStatusLine()
    /// The grid beside or above the details.
    package private(set) var panes: AdaptivePaned!
    package let menu: MatrixContextMenu

    package private(set) var order = MatrixOrder.report
    package private(set) var filter = MatrixFilter()
    package var advance = MatrixAdvance.down
    /// The rates the rows were last sorted by: the rate order changes when chosen again or when
    /// another survey opens, not under the cursor while typing.
    private var orderRates: [RateCounts] = []
    /// The jurisdictions with empty cells when "only empty cells" was switched on: rows stay while
    /// their cells are filled, so typing down a column is not disturbed.
    private var emptyRows: Set<Int> = []
    /// The selection the details pane shows (its fields apply to it).
    private var shownSelection = MatrixSelection()
    package private(set) var cells: MatrixCells
    private var index: CellIndex
    /// The validation problems located at cells, in validation order (read once per validated
    /// version: a key reads them by cell, never by a pass over every problem of the survey).
    private var cellProblems: [Problem] = []
    private var problemsByCell: [ProblemLocation: [Problem]] = [:]
    private var problemsVersion = -1
    private var problemsScheduled = false
    private var observer = 0
    /// The survey version on screen (the window's `show` and the controller both report changes).
    private var shownVersion = -1

    package init(controller: DocumentController) {
        self.controller = controller
        Stylesheet.install()
        index = controller.cellIndex
        cells = MatrixCells(controller.survey, index: index, statistics: controller.statistics)
        orderRates = cells.rowCounts
        menu = MatrixContextMenu(parent: grid.area)

        let gridColumn = Widgets.box(GTK_ORIENTATION_VERTICAL)
        let legend = Widgets.shrinkingScroller(MatrixToolbar.legend())
        Widgets.append(gridColumn, grid.widget, gtk_separator_new(GTK_ORIENTATION_HORIZONTAL), statusLine.widget, legend)
        // The details sit beside the grid while the whole grid fits beside them, else below it;
        // on a low window (a 600-pixel screen) the legend scrolls in an eighth of the height,
        // leaving the rest to the rows; otherwise a sixth.
        panes = AdaptivePaned(start: gridColumn, end: details.widget,
                              name: tr("Divider between the grid and the details")) { [grid] in grid.fullWidth }
        panes.onSize = { _, height in
            gtk_scrolled_window_set_max_content_height(legend.opaque, height < 560 ? max(40, height / 8) : max(60, height / 6))
        }
        let paned = panes.widget
        widget = Widgets.box(GTK_ORIENTATION_VERTICAL)
        // The section keeps its widget tree alive as long as itself, so that nothing it does
        // (a field committing its text as the window closes, an idle update) touches freed widgets.
        tree = OwnedObject(sinking: widget)
        Widgets.append(widget, messages.widget, toolbar.widget, gtk_separator_new(GTK_ORIENTATION_HORIZONTAL), paned)

        grid.onAction = { [weak self] action in self?.perform(action) }
        grid.onSelectionChanged = { [weak self] in self?.showDetails() }
        grid.describeCell = { [weak self] point in self?.describe(point) }
        grid.accessibleText = { [weak self] in self?.accessibleText() }
        grid.onUnusedKey = { [weak self] key in
            guard let self else { return }
            if let key { self.statusLine.unusedKey(key) } else { self.statusLine.clearNote() }
        }
        grid.onContextMenu = { [weak self] x, y in self?.menu.popup(at: MatrixRect(x: x, y: y, width: 1, height: 1)) }
        menu.onAction = { [weak self] action in self?.perform(action) }
        details.onSetStatus = { [weak self] status in self?.setStatus(status, advancing: false) }
        details.onUpdate = { [weak self] key, label, body in self?.update(key, label: label, body) ?? false }
        details.onLeave = { [weak self] in self?.grid.grabFocus() }
        details.qualities.onChange = { [weak self] marks in
            guard let self, let key = self.details.details?.key else { return }
            _ = self.controller.perform(.setCellQualities(key, marks), label: tr("Edit cell qualities"))
        }
        details.conflicts.onResolve = { [weak self] conflict, json in
            guard let self else { return }
            ConflictResolution.resolve(conflict, with: json, in: self.controller)
        }
        details.evidence.onOpen = { [weak self] url in self?.open(url) }
        details.evidence.onMessage = { [weak self] text in self?.messages.show(text, .warning) }
        toolbar.onFilterChanged = { [weak self] filter in self?.setFilter(filter) }
        toolbar.onOrderChanged = { [weak self] order in self?.setOrder(order) }
        toolbar.onAdvanceChanged = { [weak self] advance in self?.advance = advance }
        toolbar.onDone = { [weak self] in self?.grid.grabFocus() }
        toolbar.onQuietMarksChanged = { [weak self] on in self?.grid.quietMarks = on }
        observer = controller.observe { [weak self] change in self?.surveyChanged(change) }
        // Coming to the matrix does not take the keyboard from the sidebar (arrowing through it
        // shows each section); Alt+2, Checks and a click put it in the grid.
        refresh()
    }

    isolated deinit {
        controller.removeObserver(observer)
    }

    /// The window shows a survey: the section reads it from the controller (once per version).
    package func show(_ survey: Survey) {
        if controller.version != shownVersion { refresh() }
    }

    /// F6 and Ctrl+Tab go from the toolbar to the grid to the details.
    package var focusPanes: [Widget] { [toolbar.widget, grid.area, details.widget] }

    /// Alt+2: the keyboard goes to the grid, ready for status keys.
    package func focusMainWidget() { grid.grabFocus() }

    // MARK: Following the survey

    private func surveyChanged(_ change: DocumentController.Change) {
        switch change {
        case .saved:
            return
        case .replaced:
            orderRates = controller.statistics.jurisdictionRates.map(\.combined)
            details.evidence.forgetDrafts()
            messages.hide()
            var start = MatrixSelection()
            start.clamp(rowCount: 0, columnCount: 0)
            grid.setSelection(start, scroll: true)
        case .edited:
            guard controller.version != shownVersion else { return }
            // Hidden in a window: the window marks the section stale and shows the survey when
            // the section comes to the front (on screen, the window's `show` got here first).
            if gtk_widget_get_root(widget) != nil, gtk_widget_get_mapped(widget) == 0 { return }
        }
        refresh()
    }

    /// Rebuilds cells, totals and rows from the controller's survey and shows them.
    /// After an edit that changed cells in place (a status key), only those cells are read again
    /// (`MatrixCells.update`); the cell index is the controller's, shared per version.
    private func refresh() {
        let survey = controller.survey
        let changed = controller.cellsChangedInPlace(since: shownVersion)
        shownVersion = controller.version
        index = controller.cellIndex
        if let changed {
            cells.update(cells: changed, of: survey, index: index, statistics: controller.statistics)
        } else {
            cells = MatrixCells(survey, index: index, statistics: controller.statistics)
            cells.markProblems(cellProblems, jurisdictions: survey.jurisdictions)
        }
        if problemsVersion != controller.version { scheduleProblems() }
        statusLine.show(EntryProgress(survey, statistics: controller.statistics))
        showRows()
    }

    private func showRows() {
        let survey = controller.survey
        let problemRows = cells.problemJurisdictions
        let filter = self.filter
        let emptyRows = self.emptyRows
        let rows = MatrixRows(jurisdictions: survey.jurisdictions, order: order, rates: orderRates,
                              definition: cells.rateDefinition) { j in
            filter.matches(survey.jurisdictions[j], hasProblems: problemRows.contains(j), hasEmpty: emptyRows.contains(j))
        }
        grid.show(rows: rows, cells: cells, jurisdictions: survey.jurisdictions)
        panes?.update()
        showDetails()
    }

    /// Validation runs after the frame that shows an edit (it may take longer than a frame).
    private func scheduleProblems() {
        guard !problemsScheduled else { return }
        problemsScheduled = true
        // After the frame showing the edit: validation must not delay it.
        FrameWaiter.afterWindowFrame(of: widget) { [weak self] in self?.updateProblems() }
    }

    /// Reads the controller's problems for the current version and marks them (tests call this
    /// instead of waiting for the idle callback).
    package func updateProblems() {
        problemsScheduled = false
        guard problemsVersion != controller.version else { return }
        cellProblems = controller.problems.filter { if case .cell = $0.location { true } else { false } }
        problemsByCell = Dictionary(grouping: cellProblems, by: \.location)
        problemsVersion = controller.version
        cells.markProblems(cellProblems, jurisdictions: controller.survey.jurisdictions)
        showRows()
    }

    // MARK: Rows

    package func setFilter(_ filter: MatrixFilter) {
        if filter.onlyEmpty && !self.filter.onlyEmpty {
            emptyRows = Set(cells.rowCounts.indices.filter { cells.rowCounts[$0].notSurveyed > 0 })
        }
        self.filter = filter
        grid.fadeEntered = filter.onlyEmpty
        if filter.onlyProblems { updateProblems() }
        showRows()
    }

    package func setOrder(_ order: MatrixOrder) {
        self.order = order
        orderRates = cells.rowCounts
        toolbar.setOrder(order)
        showRows()
    }

    // MARK: Details

    /// The details of the cursor cell (nil when no row is shown).
    package var cursorDetails: MatrixCellDetails? {
        guard let addressing = addressing, addressing.rowCount > 0, addressing.columnCount > 0 else { return nil }
        let cursor = grid.selection.cursor
        let key = addressing.key(cursor)
        let jurisdiction = controller.survey.jurisdictions[grid.rows.data[cursor.row]]
        let here = problems(at: key)
        return MatrixCellDetails(key: key, title: "\(jurisdiction.displayName) · \(yearHeading(key.year))",
                                 observation: index[key].map { controller.survey.observations[$0] },
                                 selectionCount: grid.selection.cellCount, problems: here, log: controller.survey.changeLog,
                                 qualities: controller.survey.qualities(key.jurisdiction, key.year, key.kind),
                                 conflicts: controller.survey.conflicts.isEmpty ? [] : controller.survey.conflicts.filter { $0.cell == key })
    }

    /// The problems of one cell, as last validated.
    private func problems(at key: CellKey) -> [Problem] {
        problemsByCell[.cell(jurisdiction: key.jurisdiction, year: key.year, kind: key.kind)] ?? []
    }

    /// A cell in words: where it is, its status, note, evidence and problems.
    package func describe(_ p: MatrixPoint) -> String? {
        guard let addressing, p.row < addressing.rowCount, p.column < addressing.columnCount else { return nil }
        let key = addressing.key(p)
        let o = index[key].map { controller.survey.observations[$0] }
        var lines = [addressing.name(p), MatrixStatusText.buttonLabel(o?.status ?? .notSurveyed)]
        if let note = o?.note, !note.isEmpty { lines.append(tr("Note: %1", note)) }
        if let count = o?.evidence.count, count > 0 { lines.append(tr("Evidence: %1", count)) }
        for problem in problems(at: key) { lines.append("⚠ " + MatrixStatusText.explanation(problem)) }
        return lines.joined(separator: "\n")
    }

    /// What a screen reader says of the grid: the cursor cell's place, status and note as its name
    /// ("Anhui, 2018, audit list: √ disclosed; note: …"), with "4 cells selected, from … to …"
    /// first for a range and the change just made ("Anhui, 2018, audit list set to √ disclosed")
    /// before that; evidence and problems as its description.
    package func accessibleText() -> (label: String, description: String)? {
        guard let addressing, addressing.rowCount > 0, addressing.columnCount > 0 else { return nil }
        let s = grid.selection
        let key = addressing.key(s.cursor)
        let o = index[key].map { controller.survey.observations[$0] }
        var label = spokenName(s.cursor) + ": " + MatrixStatusText.buttonLabel(o?.status ?? .notSurveyed)
        if let note = o?.note, !note.isEmpty { label += "; " + tr("Note: %1", note) }
        if !s.isSingleCell {
            let first = MatrixPoint(row: s.rows.lowerBound, column: s.columns.lowerBound)
            let last = MatrixPoint(row: s.rows.upperBound, column: s.columns.upperBound)
            label = trn("%1 cell selected, from %2 to %3", "%1 cells selected, from %2 to %3", s.cellCount,
                        s.cellCount, spokenName(first), spokenName(last)) + ". " + label
        }
        if let change = lastChange, change.selection == s, change.version == controller.version { label = change.text + ". " + label }
        var details: [String] = []
        if let count = o?.evidence.count, count > 0 { details.append(tr("Evidence: %1", count)) }
        for problem in problems(at: key) { details.append(MatrixStatusText.explanation(problem)) }
        return (label, details.joined(separator: "; "))
    }

    /// The change a status key just made, said before the cell the cursor moved to. It stays in
    /// the name until the cursor or the survey changes again: a refresh after the change (checks
    /// recounted) would otherwise set the name again without it, a second name change that Orca
    /// speaks over the first (AtspiProbeTests found it).
    private var lastChange: (text: String, selection: MatrixSelection, version: Int)?

    /// "Anhui, 2018, audit list": a cell's place in words.
    package func spokenName(_ p: MatrixPoint) -> String {
        guard let addressing else { return "" }
        let key = addressing.key(p)
        let name = controller.survey.jurisdictions[addressing.rows.data[p.row]].displayName
        let kind = key.kind == .auditList ? tr(context: "matrix", "audit list") : tr(context: "matrix", "evaluation results")
        return tr("%1, %2, %3", name, key.year, kind)
    }

    /// Shows the cursor cell's details; typing pending in the pane is first stored for the
    /// selection it was typed for, which `update` applies it to.
    private func showDetails() {
        details.show(cursorDetails)
        shownSelection = grid.selection
    }

    package var addressing: MatrixAddressing? {
        guard let cells = grid.cells else { return nil }
        return MatrixAddressing(rows: grid.rows, columns: cells.columns, jurisdictions: controller.survey.jurisdictions)
    }

    // MARK: Actions

    /// Does a grid or menu action that is not a movement.
    package func perform(_ action: MatrixAction) {
        switch action {
        case .setStatus(let status): setStatus(status, advancing: true)
        case .openDetails: details.focus()
        case .copy: copySelection()
        case .paste: pasteFromClipboard()
        case .contextMenu:
            if let rect = grid.cursorRect { menu.popup(at: rect) }
        case .find: toolbar.focusSearch()
        case .move, .selectAll, .collapseSelection: grid.perform(action)
        }
    }

    /// Sets every selected cell to a status as one undo step; after a single cell the cursor
    /// advances (down, right or not at all, as chosen) so a column can be typed fast.
    package func setStatus(_ status: DisclosureStatus, advancing: Bool) {
        guard let addressing, addressing.rowCount > 0, addressing.columnCount > 0 else { return }
        details.commitPending()
        let selection = grid.selection
        let keys = selection.points.map(addressing.key)
        // The grid says the change and the cell the cursor goes to once, when both are done.
        grid.holdsAccessibleText = true
        defer {
            grid.holdsAccessibleText = false
            let text = keys.count == 1
                ? tr("%1 set to %2", spokenName(selection.cursor), MatrixStatusText.buttonLabel(status))
                : trn("%1 cell set to %2", "%1 cells set to %2", keys.count, keys.count, MatrixStatusText.buttonLabel(status))
            lastChange = (text, grid.selection, controller.version)
            grid.updateAccessibleText()
        }
        let changes = MatrixChanges.setting(status, on: keys, in: controller.survey, index: index)
        if !changes.isEmpty {
            let label = keys.count == 1 ? tr(context: "matrix", "Set status") : trn("Set %1 cell", "Set %1 cells", keys.count)
            guard controller.perform(.setCells(changes), label: label) else { return }
            messages.hide()
        }
        guard advancing, selection.isSingleCell else { return }
        switch advance {
        case .down: grid.move(.step(.down), extend: false)
        case .right: grid.move(.next, extend: false)
        case .stay: break
        }
    }

    /// Changes a field from the details pane as one undo step: of the cursor cell, or of every
    /// recorded cell of the selection when several are selected.
    package func update(_ key: CellKey, label: String, _ body: (inout Observation) -> Void) -> Bool {
        var keys = [key]
        if let addressing, !shownSelection.isSingleCell,
           shownSelection.rows.upperBound < addressing.rowCount, shownSelection.columns.upperBound < addressing.columnCount {
            let selected = shownSelection.points.map(addressing.key)
            if selected.contains(key) { keys = selected }
        }
        let changes = CellEdits.updating(keys, in: controller.survey, index: index, body)
        guard !changes.isEmpty else { return true }
        let stepLabel = keys.count > 1 ? trn("%1 (%2 cell)", "%1 (%2 cells)", changes.count, label, changes.count) : label
        guard controller.perform(.setCells(changes), label: stepLabel) else { return false }
        messages.hide()
        return true
    }

    package func copySelection() {
        guard let addressing, addressing.rowCount > 0, addressing.columnCount > 0 else { return }
        // As HTML (a coloured table for Word/WPS) and as tab-separated text (cells for Excel/WPS,
        // and what pasting back into the matrix reads).
        let table = MatrixChanges.copyTable(grid.selection, at: addressing, survey: controller.survey, index: index)
        TableClipboard.copy(table, info: ExportInfo(title: ""), from: grid.area)
    }

    package func pasteFromClipboard() {
        Events.readText(from: gtk_widget_get_clipboard(grid.area)) { [weak self] text in
            self?.paste(text ?? "")
        }
    }

    /// Pastes a block from the cursor (or fills the selection with one value) as one undo step,
    /// or refuses with a message and changes nothing. Returns whether it was applied.
    @discardableResult
    package func paste(_ text: String) -> Bool {
        guard let addressing else { return false }
        details.commitPending()
        let selection = grid.selection
        switch MatrixChanges.pasting(text, into: selection, at: addressing, survey: controller.survey, index: index) {
        case .failure(let error):
            messages.show(error.message, .error)
            return false
        case .success(let changes):
            if !changes.isEmpty {
                guard controller.perform(.setCells(changes), label: tr(context: "matrix", "Paste"), action: .paste) else { return false }
            }
            messages.hide()
            if case .success(let block) = MatrixPaste.parse(text), block.rows.count > 1 || block.width > 1 {
                var s = grid.selection
                let top = selection.rows.lowerBound, left = selection.columns.lowerBound
                s.select(rows: top...top + block.rows.count - 1, columns: left...left + block.width - 1)
                grid.setSelection(s)
            }
            return true
        }
    }

    /// Opens an evidence link in the browser; only http and https links, others are refused.
    package func open(_ link: String) {
        let trimmed = link.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let scheme = URL(string: trimmed)?.scheme?.lowercased(), scheme == "http" || scheme == "https",
              URL(string: trimmed)?.host?.isEmpty == false else {
            messages.show(tr("Only http and https links open in the browser; “%1” is not one.", trimmed), .warning)
            return
        }
        let root = gtk_widget_get_root(widget)
        gtk_show_uri(root?.window, trimmed, guint32(GDK_CURRENT_TIME))
    }

    // MARK: Revealing a problem

    /// Shows a cell named by a problem's location: clears a filter that hides its row, moves the
    /// cursor there and focuses the grid. False for locations that are not cells of the survey.
    @discardableResult
    package func reveal(_ location: ProblemLocation) -> Bool {
        guard case .cell(let id, let year, let kind) = location,
              let j = controller.survey.jurisdictions.firstIndex(where: { $0.id == id }),
              let column = cells.columns.firstIndex(of: MatrixColumn(year: year, kind: kind)) else { return false }
        if grid.rows.row(ofJurisdiction: j) == nil {
            filter = MatrixFilter()
            toolbar.setFilter(filter)
            showRows()
        }
        guard let row = grid.rows.row(ofJurisdiction: j) else { return false }
        var s = grid.selection
        s.place(MatrixPoint(row: row, column: column))
        grid.setSelection(s)
        grid.grabFocus()
        return true
    }
}
