import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// The Reconciliation section: every figure the report states (`ReportedData.statedFigures`),
/// recomputed from the survey, with whether it agrees and, where it does not, what makes the
/// difference; then the labelling decisions with the passages they go against. Activating a row
/// goes to the first cell that makes its difference. The sidebar title carries the number of
/// figures that differ, e.g. "核对报告数字 (17)".
///
/// Like the checks, the list follows an edit in an idle callback, so the edit's frame never waits
/// for the statistics.
@MainActor
package final class ReconciliationSection: WindowSection, FocusingSection {
    package static let sectionID = "reconciliation"
    package let id = ReconciliationSection.sectionID
    package let widget: UnsafeMutablePointer<GtkWidget>

    /// Its sidebar title counts the figures that disagree, so it follows every edit (in an idle callback).
    package var followsWhileHidden: Bool { true }

    package var title: String { SectionKind.reconciliationTitle(figures: allFigures) }

    private let controller: DocumentController
    private weak var window: MainWindow?
    private var list: ActivatableList!
    /// The list of figures (the keyboard goes there with Alt+4).
    package var figureList: UnsafeMutablePointer<GtkWidget> { list.view }
    private let summary: UnsafeMutablePointer<GtkWidget>
    private let decisionsLabel: UnsafeMutablePointer<GtkWidget>
    private let decisionsExpander: UnsafeMutablePointer<GtkWidget>
    /// "Only figures that differ".
    package let onlyDiffering: UnsafeMutablePointer<GtkWidget>
    /// Every figure of the survey; `figures` are those listed.
    private var allFigures: [ReconciledFigure] = []
    private let empty: UnsafeMutablePointer<GtkWidget>
    private var rows: ReconciliationRows!
    /// The figures listed, in the survey's order.
    package private(set) var figures: [ReconciledFigure] = []
    /// How many times the rows were listed again (for tests: an edit that changes no figure keeps them).
    package private(set) var listings = 0
    private var names: [String: String] = [:]

    package init(controller: DocumentController, window: MainWindow) {
        self.controller = controller
        self.window = window
        summary = Widgets.label("", classes: ["title-4"])
        decisionsLabel = Widgets.label("", classes: ["dim-label"], wrap: true, selectable: true)
        decisionsExpander = gtk_expander_new("")
        gtk_expander_set_child(decisionsExpander.opaque, decisionsLabel)
        onlyDiffering = gtk_check_button_new_with_label(tr("Only figures that differ"))
        Events.setAccessibleLabel(onlyDiffering, tr("Only figures that differ"))
        empty = Widgets.label(tr("This survey states no figures of a report. Figures a report states are kept with the survey and recomputed here."),
                              classes: ["dim-label", "gk-empty"], xalign: 0.5, wrap: true)
        gtk_widget_set_vexpand(empty, 1)

        let page = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 8, classes: ["gk-page"])
        let heading = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 12)
        gtk_widget_set_hexpand(summary, 1)
        Widgets.append(heading, summary, onlyDiffering)
        widget = page

        rows = ReconciliationRows { [weak self] index in
            guard let self, self.figures.indices.contains(index) else { return nil }
            return (self.figures[index], self.names)
        }
        list = ActivatableList(name: tr("Stated figures and their recomputed values"), factory: rows.factory) { [weak self] position in
            self?.activate(row: position)
        }
        Widgets.append(page, heading, decisionsExpander, list.scroller, empty)
        refresher = DeferredRefresh(of: widget, afterFrame: false) { [weak self] in self?.listFigures() }
        Signals.connect(onlyDiffering, "toggled") { [weak self] in self?.refresh() }
    }

    package func show(_ survey: Survey) { refresher.request() }

    private var refresher: DeferredRefresh!

    /// Whether the list is waiting for its idle refresh after an edit.
    package var isRefreshPending: Bool { refresher.isPending }

    /// Recomputes every stated figure of the controller's survey.
    package func refresh() { refresher.run() }

    private func listFigures() {
        let survey = controller.survey
        let previousNames = names
        names = Dictionary(survey.jurisdictions.map { ($0.id, $0.displayName) }, uniquingKeysWith: { a, _ in a })
        let previous = figures
        allFigures = Reconciler(survey, statistics: controller.statistics).reconcile()  // the statistics of this version, counted once
        figures = gtk_check_button_get_active(onlyDiffering.cast()) != 0 ? allFigures.filter { !$0.agrees } : allFigures
        // An edit that leaves every stated figure and name as it was (most cell keys) keeps the rows.
        if figures != previous || names != previousNames {
            list.splice(at: 0, removing: previous.count, figures.indices.map(String.init))
            listings += 1
        }

        let differing = allFigures.filter { !$0.agrees }.count
        Widgets.setText(summary, tr("%1 stated figures: %2 agree, %3 differ", allFigures.count, allFigures.count - differing, differing))
        gtk_widget_set_visible(summary, allFigures.isEmpty ? 0 : 1)
        gtk_widget_set_visible(onlyDiffering, allFigures.isEmpty ? 0 : 1)
        list.setVisible(!allFigures.isEmpty)
        gtk_widget_set_visible(empty, allFigures.isEmpty ? 1 : 0)
        let decisions = survey.reported?.decisions ?? []
        let heading = tr("Labelling decisions (%1)", decisions.count)
        // A new label widget each time it is set: only when the count changed.
        if String(borrowingGChars: gtk_expander_get_label(decisionsExpander.opaque)) != heading {
            gtk_expander_set_label(decisionsExpander.opaque, heading)
            // GTK 4.8 does not name an expander after its label over AT-SPI ("GtkExpander").
            Events.setAccessibleLabel(decisionsExpander, heading)
        }
        Widgets.setText(decisionsLabel, decisions.map {
            tr("decision %1: %2", $0.id, $0.decision) + "\n" + tr("conflicting passage: %1", $0.conflictingPassage)
        }.joined(separator: "\n\n"))
        gtk_widget_set_visible(decisionsExpander, decisions.isEmpty ? 0 : 1)
        window?.updateSectionTitles()
    }

    /// Goes to the first cell that makes the difference of the figure in `row`.
    @discardableResult
    package func activate(row: Int) -> Bool {
        guard figures.indices.contains(row), let cell = figures[row].cells.first else { return false }
        return window?.reveal(.cell(jurisdiction: cell.jurisdiction, year: cell.year, kind: cell.kind)) ?? false
    }

    /// The heading, e.g. "81 stated figures: 64 agree, 17 differ".
    package var summaryText: String { Widgets.text(ofLabel: summary) }
    /// The text of the labelling decisions (shown when their expander is open).
    package var decisionsText: String { Widgets.text(ofLabel: decisionsLabel) }
    /// Rows in the list view's model.
    package var rowCount: Int { list.count }

    /// Alt+4: the keyboard goes to the list of figures (not to the decisions' expander above it).
    package func focusMainWidget() {
        if list.isVisible { gtk_widget_grab_focus(list.view) } else { _ = gtk_widget_child_focus(widget, GTK_DIR_TAB_FORWARD) }
    }
}
