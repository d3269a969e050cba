import CGtk
import Model

/// The Overview page: the survey's title and organisation, four headline counts, the report's
/// headline figures (jurisdictions that disclosed, per year and kind) and the descriptive fields,
/// all computed from the survey (`OverviewFacts`, `Statistics`). Problems of the survey as a whole
/// (its years) are revealed here.
@MainActor
final class OverviewSection: RevealingSection {
    let id = "overview"
    var title: String { tr("Overview") }
    let widget: UnsafeMutablePointer<GtkWidget>

    private let page: UnsafeMutablePointer<GtkWidget>
    /// The page content, rebuilt by `show(_:)`.
    private var content: UnsafeMutablePointer<GtkWidget>?

    private let controller: DocumentController
    /// The "entered" figure of each year, as shown ("43 / 64").
    private(set) var enteredTexts: [String] = []

    /// The overview only reads the survey (through `show(_:)`) and its statistics.
    init(controller: DocumentController) {
        self.controller = controller
        page = Widgets.box(GTK_ORIENTATION_VERTICAL, classes: ["gk-page"])
        widget = Widgets.verticalScroller(page)
    }

    /// The overview shows the survey's years: problems located at `.survey` belong here.
    func reveal(_ location: ProblemLocation) -> Bool {
        location == .survey
    }

    func show(_ survey: Survey) {
        if let content { gtk_box_remove(page.cast(), content) }
        let facts = OverviewFacts(survey)
        enteredTexts = []
        let box = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 18)
        Widgets.append(box, heading(facts), statistics(facts), perYear(controller.statistics, facts.progress), details(facts))
        gtk_box_append(page.cast(), box)
        content = box
    }

    /// Title and organisation.
    private func heading(_ facts: OverviewFacts) -> UnsafeMutablePointer<GtkWidget> {
        let box = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 4)
        let title = facts.title.isEmpty ? tr("Untitled survey") : facts.title
        let top = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 12)
        let titleLabel = Widgets.label(title, classes: ["title-1"], wrap: true)
        gtk_widget_set_hexpand(titleLabel, 1)
        let copy = CopyTableButton.make("summary", label: tr("Copy Summary Table"))
        gtk_widget_set_valign(copy, GTK_ALIGN_START)
        Widgets.append(top, titleLabel, copy)
        Widgets.append(box, top)
        if !facts.organisation.isEmpty {
            Widgets.append(box, Widgets.label(facts.organisation, classes: ["title-4", "dim-label"], wrap: true))
        }
        return box
    }

    /// The four headline counts as tiles.
    private func statistics(_ facts: OverviewFacts) -> UnsafeMutablePointer<GtkWidget> {
        let row = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 12)
        gtk_box_set_homogeneous(row.cast(), 1)
        Widgets.append(row,
                       tile(facts.jurisdictions, tr("Jurisdictions")),
                       tile(facts.observations, tr("Matrix observations")),
                       tile(facts.enterprises, tr("Sampled enterprises")),
                       tile(facts.regulations, tr("Regulations")))
        return row
    }

    private func tile(_ value: Int, _ caption: String) -> UnsafeMutablePointer<GtkWidget> {
        let box = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 2, classes: ["gk-stat"])
        Widgets.append(box,
                       Widgets.label(String(value), classes: ["gk-stat-value", "numeric"]),
                       Widgets.label(caption, classes: ["gk-stat-label", "dim-label"], wrap: true))
        return box
    }

    /// Per survey year and kind: the jurisdictions that disclosed, of those in the survey; and how
    /// much of the year is entered (cells with a status, of jurisdictions × 2).
    private func perYear(_ stats: Statistics, _ progress: EntryProgress) -> UnsafeMutablePointer<GtkWidget> {
        let box = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 8)
        let grid: UnsafeMutablePointer<GtkWidget> = gtk_grid_new()
        gtk_grid_set_row_spacing(grid.cast(), 6)
        gtk_grid_set_column_spacing(grid.cast(), 32)
        let kinds: [DisclosureKind] = [.auditList, .evaluation]
        gtk_grid_attach(grid.cast(), Widgets.label(tr("Year"), classes: ["gk-detail-key"]), 0, 0, 1, 1)
        for (c, kind) in kinds.enumerated() {
            gtk_grid_attach(grid.cast(), Widgets.label(kind.label, classes: ["gk-detail-key"], xalign: 1), Int32(c + 1), 0, 1, 1)
        }
        let enteredColumn = Int32(kinds.count + 1)
        gtk_grid_attach(grid.cast(), Widgets.label(tr("Entered"), classes: ["gk-detail-key"], xalign: 1), enteredColumn, 0, 1, 1)
        for (r, year) in stats.byYear.enumerated() {
            gtk_grid_attach(grid.cast(), Widgets.label(String(year.year), classes: ["numeric"]), 0, Int32(r + 1), 1, 1)
            for (c, kind) in kinds.enumerated() {
                let text = tr("%1 of %2", year[kind].status.disclosed, stats.jurisdictionCount)
                gtk_grid_attach(grid.cast(), Widgets.label(text, classes: ["numeric"], xalign: 1), Int32(c + 1), Int32(r + 1), 1, 1)
            }
            if let entry = progress.years.first(where: { $0.year == year.year }) {
                let text = tr("%1 of %2", entry.entered, entry.total)
                enteredTexts.append(text)
                let label = Widgets.label(text, classes: entry.isComplete ? ["numeric"] : ["numeric", "gk-warning"], xalign: 1)
                gtk_widget_set_tooltip_text(label, EntryProgress.text(entry))
                gtk_grid_attach(grid.cast(), label, enteredColumn, Int32(r + 1), 1, 1)
            }
        }
        Widgets.append(box, Widgets.label(tr("Jurisdictions that disclosed, per year"), classes: ["title-4"]), grid)
        gtk_widget_set_visible(box, stats.byYear.isEmpty ? 0 : 1)
        return box
    }

    /// Key–value rows for the descriptive fields; empty fields say so.
    private func details(_ facts: OverviewFacts) -> UnsafeMutablePointer<GtkWidget> {
        let grid: UnsafeMutablePointer<GtkWidget> = gtk_grid_new()
        gtk_grid_set_row_spacing(grid.cast(), 8)
        gtk_grid_set_column_spacing(grid.cast(), 24)
        let rows: [(String, String)] = [
            (tr("Survey years"), facts.years),
            (tr("Organisation"), facts.organisation),
            (tr("Authors"), facts.authors.joined(separator: tr(context: "list separator", ", "))),
            (tr("Data source"), facts.dataSource),
        ]
        for (i, (key, value)) in rows.enumerated() {
            let shown = value.isEmpty ? tr("Not recorded") : value
            let valueLabel = Widgets.label(shown, classes: value.isEmpty ? ["dim-label"] : [], wrap: true)
            gtk_widget_set_hexpand(valueLabel, 1)
            gtk_grid_attach(grid.cast(), Widgets.label(key, classes: ["gk-detail-key"]), 0, Int32(i), 1, 1)
            gtk_grid_attach(grid.cast(), valueLabel, 1, Int32(i), 1, 1)
        }
        return grid
    }
}
