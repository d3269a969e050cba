import CGtk
import Foundation
import Model

/// The Checks section: the survey's validation problems (`controller.problems`, errors first),
/// grouped by kind (`ProblemGroups`): a kind found several times is one heading with its count,
/// expanded by a click or Enter to list its problems; activating a problem goes to the record it
/// is about. The sidebar title carries the count, e.g. "检查 (3)".
///
/// After an edit the list is refreshed from an idle callback, so validating a large survey never
/// delays the frame that shows the edit (the matrix's totals); the first survey is listed at once.
@MainActor
final class ChecksSection: WindowSection, FocusingSection {
    static let sectionID = "checks"
    let id = ChecksSection.sectionID
    let widget: UnsafeMutablePointer<GtkWidget>
    /// The section keeps its widget tree alive as long as itself: nothing it does after the window
    /// is gone (an idle update, a field committing its text) touches freed widgets.
    private let tree: OwnedObject<UnsafeMutablePointer<GtkWidget>>

    var title: String { SectionKind.checksTitle(problems: problems) }
    /// The sidebar counts the problems, so the list follows every change (after the window's next
    /// frame, in an idle callback) even while hidden.
    var followsWhileHidden: Bool { true }

    private let controller: DocumentController
    private weak var window: MainWindow?
    private let strings: OpaquePointer
    private let listView: UnsafeMutablePointer<GtkWidget>
    private let summary: UnsafeMutablePointer<GtkWidget>
    private let note: UnsafeMutablePointer<GtkWidget>
    private let empty: UnsafeMutablePointer<GtkWidget>
    private let scroller: UnsafeMutablePointer<GtkWidget>
    private var rows: ProblemRows!
    /// The problems listed, in order.
    private(set) var problems: [Problem] = []
    /// The rows shown: problems grouped by kind.
    private(set) var groups = ProblemGroups([], expanded: [])
    /// The kinds whose problems are listed under their heading.
    private var expanded: Set<ProblemCode> = []

    /// `window` reveals the problems' locations and shows the count in its sidebar.
    init(controller: DocumentController, window: MainWindow) {
        self.controller = controller
        self.window = window
        summary = Widgets.label("", classes: ["title-4"])
        note = Widgets.label("", classes: ["dim-label"], wrap: true)
        gtk_widget_set_visible(note, 0)
        empty = Widgets.label(tr("No problems found: the survey is consistent."), classes: ["dim-label", "gk-empty"],
                              xalign: 0.5, wrap: true)
        gtk_widget_set_vexpand(empty, 1)

        strings = gtk_string_list_new(nil)!.opaque
        let selection = gtk_single_selection_new(strings)!
        gtk_single_selection_set_autoselect(selection, 0)
        listView = gtk_list_view_new(selection.opaque, nil)
        Widgets.addClasses(listView, ["gk-problems"])
        Events.setAccessibleLabel(listView, tr("Problems found"))
        gtk_list_view_set_single_click_activate(listView.opaque, 1)
        scroller = Widgets.verticalScroller(listView)

        let page = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 8, classes: ["gk-page"])
        Widgets.append(page, summary, note, scroller, empty)
        widget = page
        tree = OwnedObject(sinking: widget)

        rows = ProblemRows { [weak self] name in self?.content(ofItem: name) }
        gtk_list_view_set_factory(listView.opaque, rows.factory)
        MoreSignals.connect(listView, "activate", withInteger: { [weak self] position in
            self?.activate(row: Int(position))
        })
        // After the frame that shows the edit (validation can wait; the frame cannot).
        refresher = DeferredRefresh(of: widget, afterFrame: true) { [weak self] in self?.list() }
    }

    func show(_ survey: Survey) { refresher.request() }

    private var refresher: DeferredRefresh!

    /// Whether the list is waiting for its refresh after an edit.
    var isRefreshPending: Bool { refresher.isPending }

    /// Lists the controller's current problems and updates the sidebar count.
    func refresh() { refresher.run() }

    private func list() {
        problems = controller.problems
        showRows()

        let errors = problems.filter(\.isError).count
        let warnings = problems.filter { $0.severity == .warning }.count
        gtk_label_set_text(summary.opaque, errors + warnings == 0 ? tr("No problems") : Self.countText(errors: errors, warnings: warnings))
        gtk_widget_set_visible(scroller, problems.isEmpty ? 0 : 1)
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
        let added = new[prefix..<(new.count - suffix)].map { strdup($0) }
        defer { added.forEach { free($0) } }
        var pointers: [UnsafePointer<CChar>?] = added.map { UnsafePointer($0) } + [nil]
        gtk_string_list_splice(strings, guint(prefix), guint(removed), &pointers)
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
    func activate(row: Int) -> Bool {
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
    func activate(problem index: Int) -> Bool {
        guard problems.indices.contains(index) else { return false }
        let shown = window?.reveal(problems[index].location) ?? false
        // A merge conflict is resolved beside its record, with Take A / Take B.
        if problems[index].code == .mergeConflict { window?.actions.map.activate("conflicts") }
        if !shown {
            gtk_label_set_text(note.opaque, tr("No section of the window shows this record yet."))
        }
        gtk_widget_set_visible(note, shown ? 0 : 1)
        return shown
    }

    /// "1 error, 3 warnings": both counts, singular where English needs it.
    static func countText(errors: Int, warnings: Int) -> String {
        ProblemCounts.text(errors: errors, warnings: warnings)
    }

    /// The note under the heading ("No section … shows this record"), empty when hidden.
    var noteText: String { gtk_widget_get_visible(note) != 0 ? Widgets.text(ofLabel: note) : "" }
    /// The heading, e.g. "1 errors, 2 warnings".
    var summaryText: String { Widgets.text(ofLabel: summary) }
    /// Rows in the list view's model.
    var rowCount: Int { Int(g_list_model_get_n_items(strings)) }

    /// Alt+3: the keyboard goes to the list.
    func focusMainWidget() {
        if gtk_widget_get_visible(scroller) != 0 { gtk_widget_grab_focus(listView) } else { gtk_widget_grab_focus(widget) }
    }
}
