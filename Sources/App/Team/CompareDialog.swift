import CGtk
import Foundation
import Model

/// Compare With…: the open survey (A, which becomes the result) beside another (B). Every field
/// that differs is listed with both values; Take A keeps the open survey's value, Take B or an
/// edited value changes it, each as one undo step (logged as `compare`). "Accept everything that
/// agrees" takes, in one step, B's values wherever A has none, so that A and B then differ only
/// where they contradict each other. Without "Only differences", the matrix cells both code alike
/// are listed too. The summary gives the agreement, Cohen's kappa and Krippendorff's alpha.
@MainActor
final class CompareDialog: TeamDialog {
    /// The most rows listed at once (the summary gives the full count).
    static let rowLimit = 400

    let controller: DocumentController
    let other: Survey
    private let list: Widget
    private let summary: Widget
    let onlyDifferences: Widget
    private var comparison: SurveyComparison
    /// Differences decided for A (kept as they are), by path.
    private var keptA = Set<String>()
    /// The paths of the rows listed, in order (for tests).
    private(set) var rowPaths: [String] = []

    init(parent: Widget?, controller: DocumentController, other: Survey, name: String) {
        self.controller = controller
        self.other = other
        comparison = SurveyComparison(controller.survey, other)
        let (list, scroller) = TeamDialog.list()
        self.list = list
        summary = Widgets.label("", wrap: true)
        onlyDifferences = gtk_check_button_new_with_mnemonic(tr("Only _differences"))
        gtk_check_button_set_active(onlyDifferences.cast(), 1)
        super.init(title: tr("Compare with %1", name), parent: parent, width: 900, height: 640)
        let bar = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 8)
        let accept = TeamDialog.button(tr("Accept everything that _agrees")) { [weak self] in self?.acceptAgreeing() }
        gtk_widget_set_tooltip_text(accept, tr("Takes B's values wherever the open survey has none, as one step."))
        Widgets.append(bar, onlyDifferences, accept)
        Widgets.append(content, summary, bar, scroller)
        Signals.connect(onlyDifferences, "toggled") { [weak self] in self?.refresh() }
        follow(controller) { [weak self] in self?.refresh() }
        refresh()
    }

    func refresh() {
        comparison = SurveyComparison(controller.survey, other)
        let open = comparison.differences.filter { !keptA.contains($0.path) }
        var text = tr("%1 differences (%2 decided for A).", comparison.differences.count, comparison.differences.count - open.count)
        for (title, r) in [(tr("Matrix statuses"), comparison.matrix), (tr("Article 11 checklists"), comparison.checklists)] {
            text += "\n" + tr("%1: %2 units, agreement %3, Cohen's kappa %4, Krippendorff's alpha %5", title, r.units,
                              TeamText.percent(r.agreement), TeamText.coefficient(r.kappa), TeamText.coefficient(r.alpha))
        }
        for w in comparison.warnings { text += "\n" + tr("Warning: %1", w) }
        gtk_label_set_text(summary.opaque, text)

        TeamDialog.removeAll(list)
        rowPaths = []
        for d in open.prefix(Self.rowLimit) {
            let path = d.path
            let row = DecisionRow.make(path: path, a: d.a, b: d.b, aTitle: "A", bTitle: "B", choices: .init(
                takeA: { [weak self] in self?.keepA(path) },
                takeB: { [weak self] in self?.takeB(path) },
                useValue: { [weak self] text in self?.use(text, for: path) }))
            gtk_list_box_append(list.opaque, row)
            rowPaths.append(path)
        }
        guard gtk_check_button_get_active(onlyDifferences.cast()) == 0 else { return }
        // The cells both surveys code alike.
        let different = Set(comparison.differences.map { FieldPath.recordPath(of: $0.path) })
        for o in controller.survey.observations where rowPaths.count < Self.rowLimit && o.status != .notSurveyed {
            let path = "observations/" + o.key.description
            guard !different.contains(path), other.observation(o.jurisdiction, o.year, o.kind) != nil else { continue }
            gtk_list_box_append(list.opaque, DecisionRow.make(path: path + "/status", a: o.status.rawValue, b: o.status.rawValue,
                                                              aTitle: "A", bTitle: "B", choices: nil))
            rowPaths.append(path + "/status")
        }
    }

    /// Keeps A's value: nothing changes in the survey; the row leaves the list.
    func keepA(_ path: String) {
        keptA.insert(path)
        refresh()
    }

    @discardableResult
    func takeB(_ path: String) -> Bool {
        apply(label: tr("Take B")) { try FieldPath.edit(setting: path, to: try FieldPath.json(at: path, in: self.other), in: $0) }
    }

    @discardableResult
    func use(_ text: String, for path: String) -> Bool {
        apply(label: tr("Use edited value")) { survey in
            let current = try FieldPath.json(at: path, in: survey)
            return try FieldPath.edit(setting: path, to: DecisionRow.json(typed: text, current: current), in: survey)
        }
    }

    /// B's values for every difference where A has none, as one step.
    @discardableResult
    func acceptAgreeing() -> Bool {
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
