import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// The change log of the open survey, newest first, filtered by author, date (from), section and
/// record (a record, field or section path, as `gongkai log --record`), and exportable as a table
/// (the `log` table, through the Export dialog). Every entry that passes is listed: the list is a
/// `GtkListView` (`RowListView`), so widgets exist only for the rows in sight.
@MainActor
package final class LogDialog: TeamDialog {
    /// The sections a change's path starts with: the compare view's, but for qualities, whose
    /// changes are logged under their cell (`observations/…`).
    package static let sections = CompareDialog.sections.filter { $0 != "qualities" }

    package let controller: DocumentController
    package let authorChoice: Widget
    package let sectionChoice: Widget
    package let sinceEntry: Widget
    package let recordEntry: Widget
    private var list: RowListView!
    private let count: Widget
    private var authors: [String] = []
    /// The entries that pass the filters, oldest first; the list shows them newest first, each
    /// row keyed by its index here.
    package private(set) var visible: [ChangeEntry] = []
    /// The label of each row widget, by list item.
    private var rowLabels: [UnsafeMutableRawPointer: Widget] = [:]
    /// The filters `visible` was made with.
    private var filters: Filters?

    private struct Filters: Equatable {
        var author: String?
        var since: String?
        var section: String?
        var record: String?
    }

    package init(parent: Widget?, controller: DocumentController) {
        self.controller = controller
        authors = Array(Set(controller.survey.changeLog.entries.map(\.author))).sorted()
        authorChoice = ExportDialog.dropDown([tr("All authors")] + authors)
        Events.setAccessibleLabel(authorChoice, tr("Author"))
        sectionChoice = ExportDialog.dropDown([tr("All sections")] + Self.sections.map(CompareDialog.sectionName))
        Events.setAccessibleLabel(sectionChoice, tr("Section"))
        sinceEntry = TeamDialog.entry(accessibleName: tr("From date"), placeholder: tr("From date, e.g. 2026-12-01"))
        recordEntry = TeamDialog.entry(accessibleName: tr("Record"), placeholder: tr("Record, e.g. enterprises/e-1"))
        gtk_widget_set_tooltip_text(recordEntry, tr("Only the changes of a record, field or section: enterprises/e-1, observations/anhui/2021, regulations."))
        gtk_widget_set_hexpand(recordEntry, 1)
        count = Widgets.label("", classes: ["dim-label"])
        super.init(title: tr("Change Log"), parent: parent, width: 900, height: 600)
        list = RowListView(name: tr("Change log"),
                           setup: { [weak self] item in self?.setup(item) },
                           bind: { [weak self] item, index in self?.bind(item, index) },
                           teardown: { [weak self] item in self?.rowLabels[item.raw] = nil })
        let bar = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 8)
        let export = TeamDialog.button(tr("_Export…")) { [weak self] in self?.export() }
        Widgets.append(bar, authorChoice, sectionChoice, sinceEntry, recordEntry, export)
        Widgets.append(content, bar, count, list.scroller)
        for choice in [authorChoice, sectionChoice] {
            Signals.connect(choice, "notify::selected", withArgument: { [weak self] _ in self?.refresh() })
        }
        for entry in [sinceEntry, recordEntry] {
            Signals.connect(entry, "changed") { [weak self] in self?.refresh() }
        }
        follow(controller) { [weak self] in self?.refresh() }
        refresh()
    }

    /// The rows listed (the list model's items): every entry that passes the filters.
    package var listed: Int { list.count }

    /// How many row widgets the list made, and how many it has now.
    package var rowWidgetsMade: Int { list.rowWidgetsMade }
    package var rowWidgetsLive: Int { list.rowWidgetsLive }

    /// The texts of the rows that have widgets now (those in sight and a few around them).
    package var boundTexts: [String] {
        rowLabels.values.compactMap { String(borrowingGChars: gtk_label_get_text($0.opaque)) }.filter { !$0.isEmpty }
    }

    /// The list view (for scrolling in tests).
    package var listView: Widget { list.view }

    private var currentFilters: Filters {
        let author = Int(gtk_drop_down_get_selected(authorChoice.opaque))
        let section = Int(gtk_drop_down_get_selected(sectionChoice.opaque))
        let since = TeamDialog.text(of: sinceEntry).trimmingCharacters(in: .whitespaces)
        let record = TeamDialog.text(of: recordEntry).trimmingCharacters(in: .whitespaces)
        return Filters(author: author > 0 && author <= authors.count ? authors[author - 1] : nil,
                       since: since.isEmpty ? nil : since,
                       section: section > 0 && section <= Self.sections.count ? Self.sections[section - 1] : nil,
                       record: record.isEmpty ? nil : record)
    }

    package func refresh() {
        let f = currentFilters
        let log = controller.survey.changeLog
        let entries = log.filtered(author: f.author, since: f.since, pathPrefix: f.record, section: f.section)
        let old = visible
        visible = entries
        Widgets.setText(count, tr("%1 of %2 logged changes", entries.count, log.entries.count))
        if f == filters, entries.count >= old.count, entries.prefix(old.count).elementsEqual(old) {
            // Only new changes (the log is append-only): they go on top, the rest stay in place.
            if entries.count > old.count { list.insert(Array(old.count..<entries.count).reversed(), at: 0) }
        } else {
            list.show(Array(entries.indices.reversed()))
        }
        filters = f
    }

    private func setup(_ item: ListItem) {
        let label = Widgets.label("", wrap: true, selectable: true)
        Widgets.setMargin(label, 4)
        item.child = label
        rowLabels[item.raw] = label
    }

    private func bind(_ item: ListItem, _ index: Int) {
        guard let label = rowLabels[item.raw], visible.indices.contains(index) else { return }
        Widgets.setText(label, TeamText.line(visible[index]))
    }

    /// What Export exports: the survey with the entries that pass the filters as its log.
    package var exported: Survey {
        var survey = controller.survey
        survey.changeLog = ChangeLog(visible)
        return survey
    }

    /// The Export dialog, on the entries that pass the filters, with the log table ticked.
    package func export() {
        let dialog = ExportDialog(parent: window, survey: exported)
        dialog.selectTables { $0 == "log" }
        dialog.present()
    }
}
