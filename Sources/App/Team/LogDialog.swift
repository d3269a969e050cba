import CGtk
import Foundation
import Model

/// The change log of the open survey, newest first, filtered by author, date (from) and section,
/// and exportable as a table (the `log` table, through the Export dialog).
@MainActor
final class LogDialog: TeamDialog {
    /// The most rows listed at once (the count and the export cover every entry that passes).
    static let rowLimit = 500
    /// The sections a change's path starts with: the compare view's, but for qualities, whose
    /// changes are logged under their cell (`observations/…`).
    static let sections = CompareDialog.sections.filter { $0 != "qualities" }

    let controller: DocumentController
    let authorChoice: Widget
    let sectionChoice: Widget
    let sinceEntry: Widget
    private let list: Widget
    private let count: Widget
    private var authors: [String] = []
    /// The entries that pass the filters, oldest first.
    private(set) var visible: [ChangeEntry] = []

    init(parent: Widget?, controller: DocumentController) {
        self.controller = controller
        authors = Array(Set(controller.survey.changeLog.entries.map(\.author))).sorted()
        authorChoice = ExportDialog.dropDown([tr("All authors")] + authors)
        Events.setAccessibleLabel(authorChoice, tr("Author"))
        sectionChoice = ExportDialog.dropDown([tr("All sections")] + Self.sections.map(CompareDialog.sectionName))
        Events.setAccessibleLabel(sectionChoice, tr("Section"))
        sinceEntry = TeamDialog.entry(accessibleName: tr("From date"), placeholder: tr("From date, e.g. 2026-12-01"))
        let (list, scroller) = TeamDialog.list(name: tr("Change log"))
        self.list = list
        count = Widgets.label("", classes: ["dim-label"])
        super.init(title: tr("Change Log"), parent: parent, width: 900, height: 600)
        let bar = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 8)
        let export = TeamDialog.button(tr("_Export…")) { [weak self] in self?.export() }
        Widgets.append(bar, authorChoice, sectionChoice, sinceEntry, export)
        Widgets.append(content, bar, count, scroller)
        for choice in [authorChoice, sectionChoice] {
            Signals.connect(choice, "notify::selected", withArgument: { [weak self] _ in self?.refresh() })
        }
        Signals.connect(sinceEntry, "changed") { [weak self] in self?.refresh() }
        follow(controller) { [weak self] in self?.refresh() }
        refresh()
    }

    func refresh() {
        let author = Int(gtk_drop_down_get_selected(authorChoice.opaque))
        let section = Int(gtk_drop_down_get_selected(sectionChoice.opaque))
        let since = TeamDialog.text(of: sinceEntry).trimmingCharacters(in: .whitespaces)
        visible = controller.survey.changeLog.filtered(author: author > 0 && author <= authors.count ? authors[author - 1] : nil,
                                                        since: since.isEmpty ? nil : since,
                                                        pathPrefix: section > 0 && section <= Self.sections.count ? Self.sections[section - 1] : nil)
        gtk_label_set_text(count.opaque, tr("%1 of %2 logged changes", visible.count, controller.survey.changeLog.entries.count))
        TeamDialog.removeAll(list)
        for e in visible.reversed().prefix(Self.rowLimit) {
            let row = Widgets.label("\(e.time)  \(e.author)  \(e.action)  \(e.path): \(TeamText.quoted(e.old)) → \(TeamText.quoted(e.new))",
                                    wrap: true, selectable: true)
            Widgets.setMargin(row, 4)
            gtk_list_box_append(list.opaque, row)
        }
    }

    /// The Export dialog, on the entries shown, with the log table ticked.
    func export() {
        var survey = controller.survey
        survey.changeLog = ChangeLog(visible)
        let dialog = ExportDialog(parent: window, survey: survey)
        dialog.selectTables { $0 == "log" }
        dialog.present()
    }
}
