import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// Compare With…: the open survey (A, which becomes the result) beside another (B). Every field
/// that differs is listed with both values; Take A keeps the open survey's value, Take B or an
/// edited value changes it, each as one undo step (logged as `compare`). "Accept everything that
/// agrees" takes, in one step, B's values wherever A has none, so that A and B then differ only
/// where they contradict each other. Without "Only differences", the matrix cells both code alike
/// are listed too. The summary gives the agreement, Cohen's kappa and Krippendorff's alpha.
/// Every difference is listed (a `GtkListView`: widgets only for the rows in sight), filtered by
/// section and by jurisdiction.
@MainActor
package final class CompareDialog: TeamDialog {
    /// The sections a difference can be in, in the order of the section filter.
    package static let sections = ["survey", "jurisdictions", "observations", "qualities", "subUnits", "outreach", "enterprises",
                           "regulations", "tallies", "verdicts", "statedFigures", "decisions"]

    /// A section's name for people.
    package static func sectionName(_ section: String) -> String {
        switch section {
        case "survey": return tr("Survey details")
        case "jurisdictions": return tr("Jurisdictions")
        case "observations": return tr("Matrix cells")
        case "qualities": return tr("Cell qualities")
        case "subUnits": return tr("Sub-units")
        case "outreach": return tr("Outreach")
        case "enterprises": return tr("Enterprises")
        case "regulations": return tr("Regulations")
        case "tallies": return tr("Reported tallies")
        case "verdicts": return tr("Recorded verdicts")
        case "statedFigures": return tr("Stated figures")
        case "decisions": return tr("Labelling decisions")
        default: return section
        }
    }

    /// One row of the list: a difference (decidable) or a cell both code alike.
    package struct Row: Equatable {
        package var path: String
        package var a: String
        package var b: String
        package var decidable: Bool
        package init(path: String, a: String, b: String, decidable: Bool) {
            self.path = path
            self.a = a
            self.b = b
            self.decidable = decidable
        }
    }

    package let controller: DocumentController
    package let other: Survey
    private var list: RowListView!
    private let summary: Widget
    package let onlyDifferences: Widget
    package let sectionChoice: Widget
    package let jurisdictionChoice: Widget
    /// The jurisdictions of the jurisdiction filter (after "All jurisdictions"): A's, then B's others.
    private let jurisdictionIDs: [String]
    private var comparison: SurveyComparison
    /// The survey version `comparison` was made from (it is made again when the survey changes).
    private var comparedVersion: Int?
    /// Differences decided for A (kept as they are), by path.
    private var keptA = Set<String>()
    /// The rows listed, in order; the list view draws only those in sight.
    package private(set) var rows: [Row] = []
    package var rowPaths: [String] { rows.map(\.path) }
    private var rowWidgets: [UnsafeMutableRawPointer: RowWidgets] = [:]

    /// `comparison`: the comparison already made off the main thread, with the survey version it
    /// was made from (made here when nil or when the survey has changed since).
    package init(parent: Widget?, controller: DocumentController, other: Survey, name: String,
                 comparison made: (version: Int, comparison: SurveyComparison)? = nil) {
        self.controller = controller
        self.other = other
        if let made, made.version == controller.version {
            comparison = made.comparison
            comparedVersion = made.version
        } else {
            comparison = SurveyComparison(controller.survey, other)
            comparedVersion = controller.version
        }
        summary = Widgets.label("", wrap: true)
        onlyDifferences = gtk_check_button_new_with_mnemonic(tr("Only _differences"))
        gtk_check_button_set_active(onlyDifferences.cast(), 1)
        sectionChoice = ExportDialog.dropDown([tr("All sections")] + Self.sections.map(Self.sectionName))
        Events.setAccessibleLabel(sectionChoice, tr("Section"))
        let ownIDs = controller.survey.jurisdictions.map(\.id)
        jurisdictionIDs = ownIDs + other.jurisdictions.map(\.id).filter { !Set(ownIDs).contains($0) }
        let names = Dictionary(other.jurisdictions.map { ($0.id, $0.shortName) } + controller.survey.jurisdictions.map { ($0.id, $0.shortName) },
                               uniquingKeysWith: { _, own in own })
        jurisdictionChoice = ExportDialog.dropDown([tr("All jurisdictions")] + jurisdictionIDs.map { names[$0] ?? $0 })
        Events.setAccessibleLabel(jurisdictionChoice, tr("Jurisdiction"))
        super.init(title: tr("Compare with %1", name), parent: parent, width: 900, height: 640)
        list = RowListView(name: tr("Differences between A and B"),
                           setup: { [weak self] item in self?.setup(item.raw) },
                           bind: { [weak self] item, row in self?.bind(item.raw, row: row) },
                           teardown: { [weak self] item in self?.rowWidgets[item.raw] = nil })
        let bar = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 8)
        let accept = TeamDialog.button(tr("Accept everything that _agrees")) { [weak self] in self?.acceptAgreeing() }
        gtk_widget_set_tooltip_text(accept, tr("Takes B's values wherever the open survey has none, as one step."))
        Widgets.append(bar, onlyDifferences, sectionChoice, jurisdictionChoice, accept)
        Widgets.append(content, summary, bar, list.scroller)
        Signals.connect(onlyDifferences, "toggled") { [weak self] in self?.refresh() }
        for choice in [sectionChoice, jurisdictionChoice] {
            Signals.connect(choice, "notify::selected", withArgument: { [weak self] _ in self?.refresh() })
        }
        follow(controller) { [weak self] in self?.refresh() }
        refresh()
    }

    /// Shows only the differences of a section and of a jurisdiction (nil: all).
    package func filter(section: String?, jurisdiction: String?) {
        gtk_drop_down_set_selected(sectionChoice.opaque, guint(section.flatMap { Self.sections.firstIndex(of: $0) }.map { $0 + 1 } ?? 0))
        gtk_drop_down_set_selected(jurisdictionChoice.opaque, guint(jurisdiction.flatMap { jurisdictionIDs.firstIndex(of: $0) }.map { $0 + 1 } ?? 0))
    }

    private var chosenSection: String? {
        let i = Int(gtk_drop_down_get_selected(sectionChoice.opaque))
        return i > 0 && i <= Self.sections.count ? Self.sections[i - 1] : nil
    }

    private var chosenJurisdiction: String? {
        let i = Int(gtk_drop_down_get_selected(jurisdictionChoice.opaque))
        return i > 0 && i <= jurisdictionIDs.count ? jurisdictionIDs[i - 1] : nil
    }

    package func refresh() {
        if comparedVersion != controller.version {
            comparison = SurveyComparison(controller.survey, other)
            comparedVersion = controller.version
        }
        let open = comparison.differences.filter { !keptA.contains($0.path) }
        var text = tr("%1 differences (%2 decided for A).", comparison.differences.count, comparison.differences.count - open.count)
        for (title, r) in [(tr("Matrix statuses"), comparison.matrix), (tr("Article 11 checklists"), comparison.checklists)] {
            text += "\n" + tr("%1: %2 units, agreement %3, Cohen's kappa %4, Krippendorff's alpha %5", title, r.units,
                              TeamText.percent(r.agreement), TeamText.coefficient(r.kappa), TeamText.coefficient(r.alpha))
        }
        for w in comparison.warnings { text += "\n" + tr("Warning: %1", w) }

        let section = chosenSection, jurisdiction = chosenJurisdiction
        let scope = DifferenceScope(open, a: controller.survey, b: other)
        var rows = scope.positions(section: section, jurisdiction: jurisdiction).map {
            Row(path: open[$0].path, a: open[$0].a, b: open[$0].b, decidable: true)
        }
        if gtk_check_button_get_active(onlyDifferences.cast()) == 0 && (section == nil || section == "observations") {
            // The cells both surveys code alike.
            let different = Set(comparison.differences.map { FieldPath.recordPath(of: $0.path) })
            var otherCells = Set<CellKey>()
            for o in other.observations { otherCells.insert(o.key) }
            for o in controller.survey.observations where o.status != .notSurveyed && (jurisdiction == nil || o.jurisdiction == jurisdiction) {
                let path = "observations/" + o.key.description
                guard !different.contains(path), otherCells.contains(o.key) else { continue }
                rows.append(Row(path: path + "/status", a: o.status.rawValue, b: o.status.rawValue, decidable: false))
            }
        }
        if rows.count != open.count || section != nil || jurisdiction != nil {
            text += "\n" + trn("%1 row listed.", "%1 rows listed.", rows.count)
        }
        Widgets.setText(summary, text)
        // New items every time, so that every row in sight is bound again.
        self.rows = rows
        list.show(Array(rows.indices))
    }

    // MARK: rows (virtualised: widgets for the rows in sight only, recycled)

    private struct RowWidgets {
        var path: Widget
        var a: Widget
        var b: Widget
        var controls: Widget
        var takeA: Widget
        var takeB: Widget
        var entry: Widget
        var use: Widget
        var row: Int?
    }

    private func setup(_ item: UnsafeMutableRawPointer) {
        let box = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 4)
        Widgets.setMargin(box, 6)
        let path = Widgets.label("", classes: ["caption", "monospace"], selectable: true)
        let sides = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 12)
        gtk_box_set_homogeneous(sides.cast(), 1)
        let a = Widgets.label("", wrap: true, selectable: true)
        let b = Widgets.label("", wrap: true, selectable: true)
        for label in [a, b] { gtk_widget_set_hexpand(label, 1) }
        Widgets.append(sides, a, b)
        let controls = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 6)
        let takeA = TeamDialog.button(tr("Take _A")) { [weak self] in
            guard let self, let path = self.rowPath(item) else { return }
            self.keepA(path)
        }
        let takeB = TeamDialog.button(tr("Take _B")) { [weak self] in
            guard let self, let path = self.rowPath(item) else { return }
            self.takeB(path)
        }
        let entry = TeamDialog.entry(accessibleName: tr("Edited value"), placeholder: tr("Edited value"))
        gtk_widget_set_hexpand(entry, 1)
        let use = TeamDialog.button(tr("_Use")) { [weak self] in
            guard let self, let path = self.rowPath(item) else { return }
            self.use(TeamDialog.text(of: entry), for: path)
        }
        Signals.connect(entry, "activate") { [weak self] in
            guard let self, let path = self.rowPath(item) else { return }
            self.use(TeamDialog.text(of: entry), for: path)
        }
        Widgets.append(controls, takeA, takeB, entry, use)
        Widgets.append(box, path, sides, controls)
        gtk_list_item_set_child(item.opaque, box)
        rowWidgets[item] = RowWidgets(path: path, a: a, b: b, controls: controls, takeA: takeA, takeB: takeB, entry: entry, use: use)
    }

    private func bind(_ item: UnsafeMutableRawPointer, row index: Int) {
        guard var w = rowWidgets[item], rows.indices.contains(index) else { return }
        let row = rows[index]
        w.row = index
        rowWidgets[item] = w
        Widgets.setText(w.path, row.path)
        Widgets.setText(w.a, "A: " + TeamText.quoted(row.a))
        Widgets.setText(w.b, "B: " + TeamText.quoted(row.b))
        gtk_widget_set_visible(w.controls, row.decidable ? 1 : 0)
        gtk_editable_set_text(w.entry.opaque, "")
        Events.setAccessibleLabel(w.takeA, tr("Take A for %1", row.path))
        Events.setAccessibleLabel(w.takeB, tr("Take B for %1", row.path))
        Events.setAccessibleLabel(w.entry, tr("Edited value for %1", row.path))
        Events.setAccessibleLabel(w.use, tr("Use the edited value for %1", row.path))
    }

    /// The path of the difference a row widget shows now.
    private func rowPath(_ item: UnsafeMutableRawPointer) -> String? {
        guard let row = rowWidgets[item]?.row, rows.indices.contains(row), rows[row].decidable else { return nil }
        return rows[row].path
    }

    /// Keeps A's value: nothing changes in the survey; the row leaves the list.
    package func keepA(_ path: String) {
        keptA.insert(path)
        refresh()
    }

    @discardableResult
    package func takeB(_ path: String) -> Bool {
        apply(label: tr("Take B")) { try FieldPath.edit(setting: path, to: try FieldPath.json(at: path, in: self.other), in: $0) }
    }

    @discardableResult
    package func use(_ text: String, for path: String) -> Bool {
        apply(label: tr("Use edited value")) { survey in
            let current = try FieldPath.json(at: path, in: survey)
            return try FieldPath.edit(setting: path, to: DecisionRow.json(typed: text, current: current), in: survey)
        }
    }

    /// B's values for every difference where A has none, as one step.
    @discardableResult
    package func acceptAgreeing() -> Bool {
        let paths = comparison.differences.filter { $0.a.isEmpty && !$0.b.isEmpty && !keptA.contains($0.path) }.map(\.path)
        guard !paths.isEmpty else { return false }
        return apply(label: tr("Accept everything that agrees")) { survey in
            var working = survey
            var edits: [Edit] = []
            for path in paths {
                let edit = try FieldPath.edit(setting: path, to: try FieldPath.json(at: path, in: self.other), in: working)
                try edit.apply(to: &working)
                edits.append(edit)
            }
            return .batch(edits)
        }
    }

    private func apply(label: String, _ make: (Survey) throws -> Edit) -> Bool {
        do {
            return controller.perform(try make(controller.survey), label: label, action: .compare)
        } catch {
            controller.onError?((error as? LocalizedError)?.errorDescription ?? "\(error)")
            return false
        }
    }
}
