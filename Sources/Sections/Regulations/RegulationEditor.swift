import CGtk
import Model
import GtkKit
import Rendering

/// Every field of the selected regulation. Each change is one `.setRegulation` edit through
/// `onEdit`; dates are typed as 2016, 2016-05 or 2016-05-16 and refused when unreadable.
@MainActor
package final class RegulationEditor {
    package let widget: UnsafeMutablePointer<GtkWidget>
    package var onEdit: ((Regulation, String) -> Void)?

    package let titleEntry = CommitEntry(check: .required)
    package let shortTitle = CommitEntry()
    package let documentNumber = CommitEntry()
    package let issuers = CommitEntry(placeholder: tr("Separate several with 、"))
    package let level = DropDown(RegulationLevel.allCases.map(\.label))
    package let jurisdiction = DropDown([], searchable: true)
    package let adopted = CommitEntry(placeholder: tr("YYYY-MM-DD"), check: .date)
    package let promulgated = CommitEntry(placeholder: tr("YYYY-MM-DD"), check: .date)
    package let effective = CommitEntry(placeholder: tr("YYYY-MM-DD"), check: .date)
    package let amended = CommitEntry(placeholder: tr("Dates separated by commas"), check: .dates)
    package let repealed = CommitEntry(placeholder: tr("YYYY-MM-DD"), check: .date)
    package let url = CommitEntry(placeholder: "https://…", check: .link)
    package let supersededBy = DropDown([])
    package let notes = CommitTextView()
    package let articles = ArticlesEditor()
    package let bearing = RegulationBearingView()

    private let stack: UnsafeMutablePointer<GtkWidget>
    private let heading: UnsafeMutablePointer<GtkWidget>
    /// The regulation's logged changes.
    package let history = HistoryList()
    private let statusTag: UnsafeMutablePointer<GtkWidget>
    package private(set) var current: Regulation?
    private var jurisdictionIDs: [String?] = []
    private var supersedingIDs: [String?] = []

    package init() {
        stack = gtk_stack_new()
        widget = stack
        let page = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 8, classes: ["gk-form"])
        heading = Widgets.label("", classes: ["gk-form-title"], wrap: true, selectable: true)
        statusTag = FormParts.tag("", cssClass: EnterpriseStyle.regulationStatusClass(.unknown))
        let grid = FormGrid()
        grid.add(tr("Title"), titleEntry.widget)
        grid.add(tr("Short title"), shortTitle.widget)
        grid.add(tr("Document number"), documentNumber.widget)
        grid.add(tr("Issued by"), issuers.widget)
        grid.add(tr("Level"), level.widget)
        grid.add(tr("Applies to"), jurisdiction.widget)
        grid.add(tr("Adopted"), Self.pair(adopted, tr("Promulgated"), promulgated))
        grid.add(tr("Effective"), Self.pair(effective, tr("Repealed"), repealed))
        Events.setAccessibleLabel(adopted.widget, tr("Adopted"))
        Events.setAccessibleLabel(effective.widget, tr("Effective"))
        grid.add(tr("Amended"), amended.widget)
        let urlRow = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 4)
        let open = FormParts.iconButton("web-browser-symbolic", tooltip: tr("Open in the browser")) { [weak self] in
            guard let self else { return }
            if !WebLink.open(self.url.text, from: self.url.widget) { self.url.markInvalid(tr("Only http and https links can be opened.")) }
        }
        Widgets.append(urlRow, url.widget, open)
        Events.setAccessibleLabel(url.widget, tr("Link"))
        grid.add(tr("Link"), urlRow)
        grid.add(tr("Superseded by"), supersededBy.widget)
        grid.add(tr("Notes"), notes.widget)
        for d in [level, jurisdiction, supersededBy] { gtk_widget_set_halign(d.widget, GTK_ALIGN_START) }
        Widgets.append(page, heading, statusTag, grid.widget,
                       FormParts.heading(tr("Key articles")), articles.widget,
                       FormParts.heading(tr("What it bears on in this survey")), bearing.widget, history.widget)
        let empty = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 6, classes: ["gk-form"])
        gtk_widget_set_valign(empty, GTK_ALIGN_CENTER)
        Widgets.append(empty, Widgets.label(tr("No regulation selected"), classes: ["title-3", "dim-label"], xalign: 0.5),
                       Widgets.label(tr("Select a regulation in the list, or add one."), classes: ["dim-label"], xalign: 0.5))
        gtk_stack_add_named(stack.opaque, Widgets.verticalScroller(page), "form")
        gtk_stack_add_named(stack.opaque, empty, "empty")
        connect()
    }

    /// Two date fields on one line: the first, then a label and the second.
    private static func pair(_ first: CommitEntry, _ label: String, _ second: CommitEntry) -> UnsafeMutablePointer<GtkWidget> {
        for entry in [first, second] {
            gtk_widget_set_hexpand(entry.widget, 0)
            gtk_editable_set_width_chars(entry.widget.opaque, 12)
        }
        let box = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 12)
        let secondLabel = Widgets.label(label, classes: ["gk-field-label"])
        Widgets.append(box, first.widget, secondLabel, second.widget)
        Events.setAccessibleLabel(second.widget, label)
        return box
    }

    private func connect() {
        titleEntry.onCommit = { [weak self] text in
            guard let value = FormParts.optional(text) else { return false }
            return self?.edit(tr("Edit %1", tr("Title"))) { $0.title = value } ?? false
        }
        text(shortTitle, tr("Short title")) { $0.shortTitle = $1 }
        text(documentNumber, tr("Document number")) { $0.documentNumber = $1 }
        issuers.onCommit = { [weak self] text in
            let list = text.split(whereSeparator: { "、,，;；\n".contains($0) })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return self?.edit(tr("Edit %1", tr("Issued by"))) { $0.issuers = list } ?? false
        }
        date(adopted, tr("Adopted")) { $0.adopted = $1 }
        date(promulgated, tr("Promulgated")) { $0.promulgated = $1 }
        date(effective, tr("Effective")) { $0.effective = $1 }
        date(repealed, tr("Repealed")) { $0.repealed = $1 }
        amended.onCommit = { [weak self] text in
            var dates: [PartialDate] = []
            for part in text.split(whereSeparator: { ",，、;； ".contains($0) }) {
                guard let d = PartialDate(parsing: String(part)) else { return false }
                dates.append(d)
            }
            return self?.edit(tr("Edit %1", tr("Amended"))) { $0.amended = dates } ?? false
        }
        url.onCommit = { [weak self] text in
            let value = FormParts.optional(text)
            if let value, !WebLink.isOpenable(value) { return false }
            return self?.edit(tr("Edit %1", tr("Link"))) { $0.url = value } ?? false
        }
        notes.onCommit = { [weak self] text in _ = self?.edit(tr("Edit %1", tr("Notes"))) { $0.notes = FormParts.optional(text) } }
        level.onSelect = { [weak self] i in
            guard RegulationLevel.allCases.indices.contains(i) else { return }
            _ = self?.edit(tr("Edit %1", tr("Level"))) { $0.level = RegulationLevel.allCases[i] }
        }
        jurisdiction.onSelect = { [weak self] i in
            guard let self, self.jurisdictionIDs.indices.contains(i) else { return }
            let id = self.jurisdictionIDs[i]
            _ = self.edit(tr("Edit %1", tr("Applies to"))) { $0.jurisdiction = id }
        }
        supersededBy.onSelect = { [weak self] i in
            guard let self, self.supersedingIDs.indices.contains(i) else { return }
            let id = self.supersedingIDs[i]
            _ = self.edit(tr("Edit %1", tr("Superseded by"))) { $0.supersededBy = id }
        }
        articles.onChange = { [weak self] list, label in _ = self?.edit(label) { $0.articles = list } }
    }

    private func text(_ entry: CommitEntry, _ field: String, _ set: @escaping (inout Regulation, String?) -> Void) {
        entry.onCommit = { [weak self] text in self?.edit(tr("Edit %1", field)) { set(&$0, FormParts.optional(text)) } ?? false }
    }

    private func date(_ entry: CommitEntry, _ field: String, _ set: @escaping (inout Regulation, PartialDate?) -> Void) {
        entry.onCommit = { [weak self] text in
            guard let parsed = FormParts.parseDate(text) else { return false }
            return self?.edit(tr("Edit %1", field)) { set(&$0, parsed) } ?? false
        }
    }

    private func edit(_ label: String, _ body: (inout Regulation) -> Void) -> Bool {
        guard var r = current else { return false }
        body(&r)
        if r != current { onEdit?(r, label) }
        return true
    }

    package var fields: [any CommittingField] {
        [titleEntry, shortTitle, documentNumber, issuers, adopted, promulgated, effective, amended, repealed, url, notes] + articles.fields
    }

    package func commitPending() {
        for field in fields where field.isDirty { field.commit() }
    }

    /// Shows a regulation (nil: the empty page) with its status on `date`.
    package func show(_ r: Regulation?, in survey: Survey, statusOn date: PartialDate) {
        guard let r else {
            current = nil
            gtk_stack_set_visible_child_name(stack.opaque, "empty")
            return
        }
        let force = r.id != current?.id
        current = r
        history.show(survey.changeLog, record: "regulations/" + r.id)
        gtk_stack_set_visible_child_name(stack.opaque, "form")
        Widgets.setText(heading, r.title)
        let status = r.status(on: date)
        FormParts.retag(statusTag, tr("%1 (as of %2)", status.label, date.description), cssClass: EnterpriseStyle.regulationStatusClass(status),
                        removing: RegulationStatus.allCases.map(EnterpriseStyle.regulationStatusClass))
        titleEntry.show(r.title, force: force)
        shortTitle.show(r.shortTitle ?? "", force: force)
        documentNumber.show(r.documentNumber ?? "", force: force)
        issuers.show(r.issuers.joined(separator: "、"), force: force)
        adopted.show(r.adopted?.description ?? "", force: force)
        promulgated.show(r.promulgated?.description ?? "", force: force)
        effective.show(r.effective?.description ?? "", force: force)
        amended.show(r.amended.map(\.description).joined(separator: ", "), force: force)
        repealed.show(r.repealed?.description ?? "", force: force)
        url.show(r.url ?? "", force: force)
        notes.show(r.notes ?? "", force: force)
        level.selected = RegulationLevel.allCases.firstIndex(of: r.level) ?? 0

        jurisdictionIDs = [nil] + survey.jurisdictions.map(\.id)
        var labels = [tr("National")] + survey.jurisdictions.map(\.displayName)
        if let j = r.jurisdiction, !jurisdictionIDs.contains(j) {
            jurisdictionIDs.append(j)
            labels.append(j)
        }
        jurisdiction.setLabels(labels, selected: jurisdictionIDs.firstIndex(of: r.jurisdiction) ?? 0)

        let others = survey.regulations.filter { $0.id != r.id }
        supersedingIDs = [nil] + others.map(\.id)
        var titles = [tr("None")] + others.map { $0.shortTitle ?? $0.title }
        if let s = r.supersededBy, !supersedingIDs.contains(s) {
            supersedingIDs.append(s)
            titles.append(s)
        }
        supersededBy.setLabels(titles, selected: supersedingIDs.firstIndex(of: r.supersededBy) ?? 0)
        articles.show(r)
        bearing.show(r, in: survey)
    }
}
