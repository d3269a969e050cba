import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// The Checks section: the survey's validation problems (`controller.problems`, errors first),
/// grouped by kind (`ProblemGroups`): a kind found several times is one heading with its count,
/// expanded by a click or Enter to list its problems; activating a problem goes to the record it
/// is about. The sidebar title carries the count, e.g. "检查 (3)".
///
/// After an edit the list is refreshed from an idle callback, so validating a large survey never
/// delays the frame that shows the edit (the matrix's totals); the first survey is listed at once.
@MainActor
package final class ChecksSection: WindowSection, FocusingSection {
    package static let sectionID = "checks"
    package let id = ChecksSection.sectionID
    package let widget: UnsafeMutablePointer<GtkWidget>
    /// The section keeps its widget tree alive as long as itself: nothing it does after the window
    /// is gone (an idle update, a field committing its text) touches freed widgets.
    private let tree: OwnedObject<UnsafeMutablePointer<GtkWidget>>

    package var title: String { SectionKind.checksTitle(counted: counted) }
    /// The problems counted in the title: information (cells not yet entered) is listed but not
    /// counted as a problem. (Counted once per list: the window asks for the title on every edit.)
    private var counted = 0
    /// The sidebar counts the problems, so the list follows every change (after the window's next
    /// frame, in an idle callback) even while hidden.
    package var followsWhileHidden: Bool { true }

    private let controller: DocumentController
    private weak var window: MainWindow?
    private var list: ActivatableList!
    private let summary: UnsafeMutablePointer<GtkWidget>
    private let note: UnsafeMutablePointer<GtkWidget>
    private let empty: UnsafeMutablePointer<GtkWidget>
    private var rows: ProblemRows!
    /// The problems listed, in order.
    package private(set) var problems: [Problem] = []
    /// The rows shown: problems grouped by kind.
    package private(set) var groups = ProblemGroups([], expanded: [])
    /// The kinds whose problems are listed under their heading.
    private var expanded: Set<ProblemCode> = []

    /// `window` reveals the problems' locations and shows the count in its sidebar.
    package init(controller: DocumentController, window: MainWindow) {
        self.controller = controller
        self.window = window
        summary = Widgets.label("", classes: ["title-4"])
        note = Widgets.label("", classes: ["dim-label"], wrap: true)
        gtk_widget_set_visible(note, 0)
        empty = Widgets.label(tr("No problems found: the survey is consistent."), classes: ["dim-label", "gk-empty"],
                              xalign: 0.5, wrap: true)
        gtk_widget_set_vexpand(empty, 1)

        let page = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 8, classes: ["gk-page"])
        widget = page
        tree = OwnedObject(sinking: widget)

        rows = ProblemRows { [weak self] name in self?.content(ofItem: name) }
        list = ActivatableList(name: tr("Problems found"), factory: rows.factory) { [weak self] position in
            self?.activate(row: position)
        }
        Widgets.append(page, summary, note, list.scroller, empty)
        // After the frame that shows the edit (validation can wait; the frame cannot).
        refresher = DeferredRefresh(of: widget, afterFrame: true) { [weak self] in self?.listProblems() }
    }

    package func show(_ survey: Survey) { refresher.request() }

    private var refresher: DeferredRefresh!

    /// Whether the list is waiting for its refresh after an edit.
    package var isRefreshPending: Bool { refresher.isPending }

    /// Lists the controller's current problems and updates the sidebar count.
    package func refresh() { refresher.run() }

    private func listProblems() {
        problems = controller.problems
        counted = problems.filter { $0.severity != .info }.count
        showRows()

        let errors = problems.filter(\.isError).count
        let warnings = problems.filter { $0.severity == .warning }.count
        Widgets.setText(summary, errors + warnings == 0 ? tr("No problems") : Self.countText(errors: errors, warnings: warnings))
        list.setVisible(!problems.isEmpty)
        gtk_widget_set_visible(empty, problems.isEmpty ? 1 : 0)
        gtk_widget_set_visible(note, 0)
        window?.updateSectionTitles()
    }

    /// Lists the rows of the problems, grouped, keeping the expanded kinds open.
    /// Only the rows that differ are replaced (opening a kind inserts its problems after its
    /// heading), so the keyboard focus stays on the heading; a new list of problems replaces all.
    private func showRows(replacingAll: Bool = true) {
        let old = replacingAll ? [] : groups.rows.map(ProblemGroups.itemName)
        groups = ProblemGroups(problems, expanded: expanded)
        let new = groups.rows.map(ProblemGroups.itemName)
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix, old[old.count - 1 - suffix] == new[new.count - 1 - suffix] {
            suffix += 1
        }
        let removed = replacingAll ? rowCount : old.count - prefix - suffix
        list.splice(at: prefix, removing: removed, Array(new[prefix..<(new.count - suffix)]))
    }

    private func content(ofItem name: String) -> ProblemRowContent? {
        guard let number = Int(name.dropFirst()) else { return nil }
        let row: ProblemGroups.Row
        switch name.first {
        case "g":
            guard groups.groups.indices.contains(number) else { return nil }
            row = .heading(group: number, expanded: expanded.contains(groups.groups[number].code))
        case "q": row = .problem(number, grouped: true)
        default: row = .problem(number, grouped: false)
        }
        switch row {
        case .heading(let g, let open):
            let group = groups.groups[g]
            return ProblemRowContent(severity: group.severity, text: group.code.explanation, detail: nil,
                                     count: String(group.problems.count), expanded: open, grouped: false)
        case .problem(let i, let grouped):
            guard problems.indices.contains(i) else { return nil }
            let problem = problems[i]
            return ProblemRowContent(severity: problem.severity, text: problem.message,
                                     detail: grouped ? nil : problem.code.explanation, count: nil, expanded: nil, grouped: grouped)
        }
    }

    /// What a click or Enter on a row does: a heading opens or closes its kind's list; a problem
    /// goes to its record. Returns whether a record was shown.
    @discardableResult
    package func activate(row: Int) -> Bool {
        guard groups.rows.indices.contains(row) else { return false }
        switch groups.rows[row] {
        case .heading(let g, let open):
            let code = groups.groups[g].code
            if open { expanded.remove(code) } else { expanded.insert(code) }
            showRows(replacingAll: false)
            return false
        case .problem(let i, _):
            return activate(problem: i)
        }
    }

    /// Goes to the record of a problem (by its index in `problems`). Returns whether a section
    /// showed it; otherwise the section says so under its heading.
    @discardableResult
    package func activate(problem index: Int) -> Bool {
        guard problems.indices.contains(index) else { return false }
        let shown = window?.reveal(problems[index].location) ?? false
        // A merge conflict is resolved beside its record, with Take A / Take B.
        if problems[index].code == .mergeConflict { window?.actions.map.activate("conflicts") }
        if !shown {
            Widgets.setText(note, tr("No section of the window shows this record yet."))
        }
        gtk_widget_set_visible(note, shown ? 0 : 1)
        return shown
    }

    /// "1 error, 3 warnings": both counts, singular where English needs it.
    package static func countText(errors: Int, warnings: Int) -> String {
        ProblemCounts.text(errors: errors, warnings: warnings)
    }

    /// The note under the heading ("No section … shows this record"), empty when hidden.
    package var noteText: String { gtk_widget_get_visible(note) != 0 ? Widgets.text(ofLabel: note) : "" }
    /// The heading, e.g. "1 errors, 2 warnings".
    package var summaryText: String { Widgets.text(ofLabel: summary) }
    /// Rows in the list view's model.
    package var rowCount: Int { list.count }

    /// Alt+3: the keyboard goes to the list.
    package func focusMainWidget() {
        gtk_widget_grab_focus(list.isVisible ? list.view : widget)
    }
}
