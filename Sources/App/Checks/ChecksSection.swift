import CGtk
import Foundation
import Model

/// The Checks section: the survey's validation problems (`controller.problems`, errors first) in
/// a list; activating a row (click, or Enter) goes to the record it is about. The sidebar title
/// carries the count, e.g. "检查 (3)".
///
/// After an edit the list is refreshed from an idle callback, so validating a large survey never
/// delays the frame that shows the edit (the matrix's totals); the first survey is listed at once.
@MainActor
final class ChecksSection: WindowSection {
    static let sectionID = "checks"
    let id = ChecksSection.sectionID
    let widget: UnsafeMutablePointer<GtkWidget>
    /// The section keeps its widget tree alive as long as itself: nothing it does after the window
    /// is gone (an idle update, a field committing its text) touches freed widgets.
    private let tree: OwnedObject<UnsafeMutablePointer<GtkWidget>>

    var title: String {
        problems.isEmpty ? tr("Checks") : tr("Checks (%1)", problems.count)
    }
    /// The sidebar counts the problems, so the list follows every change (after the window's next
    /// frame, in an idle callback) even while hidden.
    var followsWhileHidden: Bool { true }

    private let controller: DocumentController
    private weak var window: MainWindow?
    private var refreshPending: guint = 0
    private var listedOnce = false
    /// False once the widgets are destroyed (the window closed): nothing is refreshed after that.
    private var alive = true
    private let strings: OpaquePointer
    private let listView: UnsafeMutablePointer<GtkWidget>
    private let summary: UnsafeMutablePointer<GtkWidget>
    private let note: UnsafeMutablePointer<GtkWidget>
    private let empty: UnsafeMutablePointer<GtkWidget>
    private let scroller: UnsafeMutablePointer<GtkWidget>
    private var rows: ProblemRows!
    /// The problems listed, in order.
    private(set) var problems: [Problem] = []

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
        gtk_list_view_set_single_click_activate(listView.opaque, 1)
        scroller = Widgets.verticalScroller(listView)

        let page = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 8, classes: ["gk-page"])
        Widgets.append(page, summary, note, scroller, empty)
        widget = page
        tree = OwnedObject(sinking: widget)

        rows = ProblemRows { [weak self] index in
            guard let self, self.problems.indices.contains(index) else { return nil }
            return self.problems[index]
        }
        gtk_list_view_set_factory(listView.opaque, rows.factory)
        MoreSignals.connect(listView, "activate", withInteger: { [weak self] position in
            self?.activate(row: position)
        })
        Signals.connect(widget, "destroy") { [weak self] in self?.widgetsDestroyed() }
    }

    func show(_ survey: Survey) {
        guard listedOnce else {
            listedOnce = true
            return refresh()
        }
        guard refreshPending == 0, !waitingForFrame, alive else { return }
        // After the frame that shows the edit (validation can wait; the frame cannot).
        waitingForFrame = true
        FrameWaiter.afterWindowFrame(of: widget) { [weak self] in
            guard let self, self.waitingForFrame else { return }
            self.waitingForFrame = false
            guard self.alive else { return }
            self.refreshPending = MainLoop.idle { [weak self] in
                self?.refreshPending = 0
                self?.refresh()
                return .remove
            }
        }
    }

    /// Whether the list is waiting for its refresh after an edit.
    var isRefreshPending: Bool { refreshPending != 0 || waitingForFrame }
    /// True while the refresh waits for the window's next frame.
    private var waitingForFrame = false

    private func widgetsDestroyed() {
        alive = false
        if refreshPending != 0 {
            g_source_remove(refreshPending)
            refreshPending = 0
        }
    }

    /// Lists the controller's current problems and updates the sidebar count.
    func refresh() {
        waitingForFrame = false
        if refreshPending != 0 {
            g_source_remove(refreshPending)
            refreshPending = 0
        }
        guard alive else { return }
        let previous = problems.count
        problems = controller.problems
        let indices = problems.indices.map { strdup(String($0)) }
        defer { indices.forEach { free($0) } }
        var pointers: [UnsafePointer<CChar>?] = indices.map { UnsafePointer($0) } + [nil]
        gtk_string_list_splice(strings, 0, guint(previous), &pointers)

        let errors = problems.filter(\.isError).count
        gtk_label_set_text(summary.opaque, problems.isEmpty ? tr("No problems")
                           : Self.countText(errors: errors, warnings: problems.count - errors))
        gtk_widget_set_visible(scroller, problems.isEmpty ? 0 : 1)
        gtk_widget_set_visible(empty, problems.isEmpty ? 1 : 0)
        gtk_widget_set_visible(note, 0)
        window?.updateSectionTitles()
    }

    /// Goes to the record of the problem in `row` (what a click or Enter on the row does).
    /// Returns whether a section showed it; otherwise the section says so under its heading.
    @discardableResult
    func activate(row: Int) -> Bool {
        guard problems.indices.contains(row) else { return false }
        let shown = window?.reveal(problems[row].location) ?? false
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
}
