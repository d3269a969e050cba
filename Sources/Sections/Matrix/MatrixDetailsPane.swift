import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// What the details pane shows: the cursor cell, its observation, and the selection's size.
package struct MatrixCellDetails {
    package var key: CellKey
    /// "安徽 · 2019年度"
    package var title: String
    package var observation: Observation?
    package var selectionCount: Int
    package var problems: [Problem]
    /// The survey's change log, for the cell's History.
    package var log = ChangeLog()
    /// The cell's quality marks (issue 13).
    package var qualities: [CellQuality] = []
    /// The cell's unresolved merge conflicts (issue 14).
    package var conflicts: [MergeConflict] = []
}

/// The details of the cursor cell beside the grid: status, list coverage, reason labelling,
/// publishing department, evidence and note. The pane shows the cursor cell; with several cells
/// selected, the status and every field apply to the whole selection (the section does that). Every change is one undoable edit through
/// the section (`onSetStatus`, `onUpdate`); the pane shows the model again after every change,
/// undo and redo included.
@MainActor
package final class MatrixDetailsPane {
    package typealias Widget = UnsafeMutablePointer<GtkWidget>

    package let widget: Widget
    private let content: Widget
    private let title = Widgets.label("", classes: ["title-3"], wrap: true)
    private let subtitle = Widgets.label("", classes: ["dim-label"], wrap: true)
    private let selectionHint = Widgets.label("", classes: ["dim-label", "caption"], wrap: true)
    private let emptyHint = Widgets.label("", classes: ["dim-label"], wrap: true)
    private var statusButtons: [(DisclosureStatus, Widget)] = []
    private var coverageChecks: [(AuditType, Widget)] = []
    private let labellingBox: Widget
    private var labellingChoices: [Widget] = []
    private var reasonChecks: [(Reason, Widget)] = []
    private let department = MatrixField(placeholder: tr(context: "matrix", "Department that published it"))
    private let note = MatrixField(placeholder: tr("Note, e.g. voluntary audits delegated to prefectures"))
    package let evidence = MatrixEvidenceList()
    package let qualities = MatrixQualityControl()
    private let problemsBox: Widget
    private let problemsList: Widget
    /// The problems listed under "Problems".
    private var shownProblems: [Problem] = []
    /// The sections that need a recorded cell.
    private var recordedOnly: [Widget] = []

    package private(set) var details: MatrixCellDetails?
    private var updating = false
    /// The cell whose labelling the user set to "reasons marked" without ticking a reason yet:
    /// nothing is stored until a reason is ticked, but the choice stays on screen.
    private var pendingMarked: CellKey?

    /// Sets the selection's status (the section applies it to every selected cell).
    package var onSetStatus: ((DisclosureStatus) -> Void)?
    /// Changes the cursor cell's observation as one edit with a label; returns false when refused.
    package var onUpdate: ((CellKey, String, (inout Observation) -> Void) -> Bool)?
    /// Escape: back to the grid.
    package var onLeave: (() -> Void)?

    /// The cell's logged changes.
    package let history = HistoryList()
    /// The cell's merge conflicts, with Take Mine / Take Theirs (the section resolves them).
    package let conflicts = CellConflictsPanel()

    package init() {
        content = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 14, classes: ["gk-matrix-details"])
        labellingBox = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 6)
        problemsList = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 4)
        problemsBox = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 6)
        widget = Widgets.paneScroller(content)
        gtk_widget_set_hexpand(widget, 0)
        gtk_widget_set_size_request(widget, 310, -1)

        recordedOnly = [coverageSection(), labellingSection(), fieldSection(tr(context: "matrix", "Publishing department"), department.entry),
                        fieldSection(tr(context: "matrix", "Evidence"), evidence.widget), fieldSection(tr(context: "matrix", "Note"), note.entry),
                        qualities.widget]
        Widgets.append(content, headerBox(), conflicts.widget, statusSection(), emptyHint)
        for section in recordedOnly { gtk_box_append(content.cast(), section) }
        Widgets.append(problemsBox, Widgets.label(tr(context: "matrix", "Problems"), classes: ["heading"]), problemsList)
        Widgets.append(content, problemsBox, history.widget)

        department.onCommit = { [weak self] text in
            self?.updateCell(tr(context: "matrix", "Edit publishing department")) { $0.department = Self.optional(text) } ?? false
        }
        note.onCommit = { [weak self] text in self?.updateCell(tr(context: "matrix", "Edit note")) { $0.note = Self.optional(text) } ?? false }
        evidence.onChange = { [weak self] key, list, label in
            self?.onUpdate?(key, label) { $0.evidence = list } ?? false
        }
        Events.onKeyPressed(widget) { [weak self] keyval, _ in
            guard keyval == guint(GDK_KEY_Escape) else { return false }
            self?.commitPending()
            self?.onLeave?()
            return true
        }
    }

    // MARK: Showing

    package func show(_ details: MatrixCellDetails?) {
        let cellChanged = details?.key != self.details?.key
        if cellChanged {
            commitPending()
            pendingMarked = nil
        }
        self.details = details
        updating = true
        defer { updating = false }
        guard let details else {
            Widgets.setText(title, tr(context: "matrix", "No cell"))
            Widgets.setText(subtitle, tr("No jurisdiction is shown: clear the search or the problem filter."))
            for widget in recordedOnly + statusButtons.map(\.1) { gtk_widget_set_sensitive(widget, 0) }
            gtk_widget_set_visible(emptyHint, 0)
            gtk_widget_set_visible(selectionHint, 0)
            gtk_widget_set_visible(problemsBox, 0)
            evidence.show(nil, [])
            history.show(ChangeLog(), record: nil)
            conflicts.show([])
            return
        }
        history.show(details.log, record: "observations/" + details.key.description)
        conflicts.show(details.conflicts)
        let o = details.observation
        let status = o?.status ?? .notSurveyed
        Widgets.setText(title, details.title)
        Widgets.setText(subtitle, details.key.kind.label)
        gtk_widget_set_visible(selectionHint, details.selectionCount > 1 ? 1 : 0)
        // The hints are worded only when they show (a key on one cell shows neither).
        if details.selectionCount > 1 {
            Widgets.setText(selectionHint, trn("%1 cell selected: the status and every field below apply to it.",
                                                "%1 cells selected: the status and every field below apply to all of them that are recorded, one undo step each.",
                                                details.selectionCount))
        }
        for (s, button) in statusButtons {
            gtk_widget_set_sensitive(button, 1)
            gtk_toggle_button_set_active(button.cast(), s == status ? 1 : 0)
        }
        for widget in recordedOnly { gtk_widget_set_sensitive(widget, o == nil ? 0 : 1) }
        gtk_widget_set_visible(emptyHint, o == nil ? 1 : 0)
        if o == nil { Widgets.setText(emptyHint, tr("Not surveyed. Choose a status to record this cell; then its details can be filled in.")) }
        for (type, check) in coverageChecks {
            gtk_check_button_set_active(check.cast(), o?.coverage.contains(type) == true ? 1 : 0)
        }
        showLabelling(o?.reasonLabelling, visible: details.key.kind == .auditList || o?.reasonLabelling != nil)
        department.show(o?.department ?? "", force: cellChanged)
        note.show(o?.note ?? "", force: cellChanged)
        evidence.show(o == nil ? nil : details.key, o?.evidence ?? [])
        qualities.show(details.qualities, of: details.key)
        showProblems(details.problems)
    }

    /// Stores typing not yet committed in any entry.
    package func commitPending() {
        department.commit()
        note.commit()
        evidence.commitPending()
    }

    /// Moves the keyboard focus into the pane: the button of the cell's status.
    package func focus() {
        let status = details?.observation?.status ?? .notSurveyed
        if let button = statusButtons.first(where: { $0.0 == status })?.1 { gtk_widget_grab_focus(button) }
    }

    /// The status buttons, for tests.
    package func statusButton(_ status: DisclosureStatus) -> Widget? { statusButtons.first { $0.0 == status }?.1 }
    package func coverageCheck(_ type: AuditType) -> Widget? { coverageChecks.first { $0.0 == type }?.1 }
    /// The labelling choices: not recorded, no list, not stated, reasons marked.
    package func labellingChoice(_ index: Int) -> Widget { labellingChoices[index] }
    package func reasonCheck(_ reason: Reason) -> Widget? { reasonChecks.first { $0.0 == reason }?.1 }
    package var departmentField: MatrixField { department }
    package var noteField: MatrixField { note }

    // MARK: Parts

    private func headerBox() -> Widget {
        let box = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 2)
        Widgets.append(box, title, subtitle, selectionHint)
        return box
    }

    private func statusSection() -> Widget {
        // Two buttons a line, one when the pane is too narrow for two.
        let grid: Widget = gtk_flow_box_new()
        gtk_flow_box_set_selection_mode(grid.opaque, GTK_SELECTION_NONE)
        gtk_flow_box_set_homogeneous(grid.opaque, 1)
        gtk_flow_box_set_max_children_per_line(grid.opaque, 2)
        gtk_flow_box_set_column_spacing(grid.opaque, 6)
        gtk_flow_box_set_row_spacing(grid.opaque, 6)
        let order: [DisclosureStatus] = [.disclosed, .notDisclosed, .prefecture, .division, .notSurveyed]
        var group: Widget?
        for status in order {
            let button: Widget = gtk_toggle_button_new_with_label(MatrixStatusText.buttonLabel(status))
            Widgets.addClasses(button, ["gk-status-button", "gk-status-\(status.rawValue)"])
            gtk_widget_set_tooltip_text(button, MatrixStatusText.keyHint(status))
            if let group { gtk_toggle_button_set_group(button.cast(), group.cast()) } else { group = button }
            Widgets.append(grid, button)
            gtk_widget_set_halign(button, GTK_ALIGN_FILL)
            Signals.connect(button, "toggled") { [weak self] in
                guard let self, !self.updating, gtk_toggle_button_get_active(button.cast()) != 0 else { return }
                self.onSetStatus?(status)
            }
            statusButtons.append((status, button))
        }
        return fieldSection(tr(context: "matrix", "Status"), grid)
    }

    private func coverageSection() -> Widget {
        let row = Widgets.wrappingBar(spacing: 12)
        for type in AuditType.allCases {
            let check: Widget = gtk_check_button_new_with_label(type.label)
            Widgets.append(row, check)
            coverageChecks.append((type, check))
            Signals.connect(check, "toggled") { [weak self] in self?.coverageToggled() }
        }
        return fieldSection(tr("List coverage"), row)
    }

    private func labellingSection() -> Widget {
        let names = [tr("Not recorded"), ReasonLabelling.noList.label, ReasonLabelling.notStated.label, tr(context: "matrix", "Reasons marked:")]
        var group: Widget?
        let reasons = Widgets.wrappingBar(spacing: 10)
        gtk_widget_set_margin_start(reasons, 28)
        for (i, name) in names.enumerated() {
            let choice: Widget = gtk_check_button_new_with_label(name)
            if let group { gtk_check_button_set_group(choice.cast(), group.cast()) } else { group = choice }
            gtk_box_append(labellingBox.cast(), choice)
            labellingChoices.append(choice)
            Signals.connect(choice, "toggled") { [weak self] in
                guard let self, gtk_check_button_get_active(choice.cast()) != 0 else { return }
                self.labellingChosen(i)
            }
        }
        for reason in Reason.allCases {
            let check: Widget = gtk_check_button_new_with_label(MatrixStatusText.reasonLabel(reason))
            gtk_widget_set_tooltip_text(check, MatrixStatusText.reasonDescription(reason))
            Widgets.append(reasons, check)
            reasonChecks.append((reason, check))
            Signals.connect(check, "toggled") { [weak self] in self?.reasonsToggled() }
        }
        gtk_box_append(labellingBox.cast(), reasons)
        return fieldSection(tr(context: "matrix", "Reasons stated in the list"), labellingBox)
    }

    /// A heading over a field.
    private func fieldSection(_ heading: String, _ field: Widget) -> Widget {
        let box = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 6)
        Widgets.append(box, Widgets.label(heading, classes: ["heading"]), field)
        return box
    }

    private func showLabelling(_ labelling: ReasonLabelling?, visible: Bool) {
        gtk_widget_set_visible(gtk_widget_get_parent(labellingBox), visible ? 1 : 0)
        let choice: Int
        switch labelling {
        case nil: choice = pendingMarked != nil && pendingMarked == details?.key ? 3 : 0
        case .noList?: choice = 1
        case .notStated?: choice = 2
        case .marked?: choice = 3
        }
        gtk_check_button_set_active(labellingChoices[choice].cast(), 1)
        for (reason, check) in reasonChecks {
            if case .marked(let set)? = labelling { gtk_check_button_set_active(check.cast(), set.contains(reason) ? 1 : 0) }
            else { gtk_check_button_set_active(check.cast(), 0) }
            gtk_widget_set_sensitive(check, choice == 3 ? 1 : 0)
        }
    }

    private func showProblems(_ problems: [Problem]) {
        gtk_widget_set_visible(problemsBox, problems.isEmpty ? 0 : 1)
        // The same problems keep their labels: new labels would be measured again on every key.
        guard problems != shownProblems else { return }
        shownProblems = problems
        while let child = gtk_widget_get_first_child(problemsList) { gtk_box_remove(problemsList.cast(), child) }
        for problem in problems {
            let mark = problem.isError ? tr(context: "matrix", "Error") : tr(context: "matrix", "Warning")
            let label = Widgets.label("⚠ \(mark): \(MatrixStatusText.explanation(problem))", wrap: true)
            Widgets.setMinimumChars(label)
            gtk_box_append(problemsList.cast(), label)
        }
    }

    // MARK: Edits

    private func updateCell(_ label: String, _ body: (inout Observation) -> Void) -> Bool {
        guard !updating, let key = details?.key else { return false }
        return onUpdate?(key, label, body) ?? false
    }

    /// Sets the reason labelling of the audit-list cells edited (with several cells selected,
    /// evaluation cells keep theirs: only audit lists state reasons).
    private func updateLabelling(_ labelling: ReasonLabelling?) -> Bool {
        updateCell(tr(context: "matrix", "Edit reason labelling")) { o in
            if o.kind == .auditList || o.reasonLabelling != nil && labelling == nil { o.reasonLabelling = labelling }
        }
    }

    private func coverageToggled() {
        let chosen = coverageChecks.filter { gtk_check_button_get_active($0.1.cast()) != 0 }.map(\.0)
        _ = updateCell(tr(context: "matrix", "Edit list coverage")) { $0.coverage = chosen }
    }

    private func labellingChosen(_ choice: Int) {
        guard !updating else { return }
        for (_, check) in reasonChecks { gtk_widget_set_sensitive(check, choice == 3 ? 1 : 0) }
        pendingMarked = choice == 3 ? details?.key : nil
        switch choice {
        case 0: _ = updateLabelling(nil)
        case 1: _ = updateLabelling(.noList)
        case 2: _ = updateLabelling(.notStated)
        default:
            // Stored once a reason is ticked.
            let set = ReasonSet(reasonChecks.filter { gtk_check_button_get_active($0.1.cast()) != 0 }.map(\.0))
            if !set.isEmpty { _ = updateLabelling(.marked(set)) }
        }
    }

    private func reasonsToggled() {
        guard !updating else { return }
        let set = ReasonSet(reasonChecks.filter { gtk_check_button_get_active($0.1.cast()) != 0 }.map(\.0))
        pendingMarked = set.isEmpty ? details?.key : nil
        _ = updateLabelling(set.isEmpty ? nil : .marked(set))
    }

    private static func optional(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
