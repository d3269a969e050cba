import CGtk
import Model
import GtkKit
import Rendering

/// The Overview page: the survey's title and organisation, four headline counts, the report's
/// headline figures (jurisdictions that disclosed, per year and kind) and the descriptive fields,
/// all computed from the survey (`OverviewFacts`, `Statistics`). Problems of the survey as a whole
/// (its years) are revealed here.
///
/// The page is built once; showing a survey sets the labels' texts (the per-year table gets new
/// rows only when the survey's years change), so an edit costs a few label updates.
@MainActor
package final class OverviewSection: RevealingSection {
    package typealias Widget = UnsafeMutablePointer<GtkWidget>

    package let id = "overview"
    package var title: String { tr("Overview") }
    package let widget: Widget
    /// The section keeps its widget tree alive as long as itself: nothing it does after the window
    /// is gone (an idle update, a field committing its text) touches freed widgets.
    private let tree: OwnedObject<Widget>

    private let controller: DocumentController
    /// The "entered" figure of each year, as shown ("43 / 64").
    package private(set) var enteredTexts: [String] = []
    private let titleLabel = Widgets.label("", classes: ["title-1"], wrap: true)
    private let organisationLabel = Widgets.label("", classes: ["title-4", "dim-label"], wrap: true)
    /// The four headline counts: jurisdictions, observations, enterprises, regulations.
    private var tileValues: [Widget] = []
    private let perYearBox = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 8)
    private let perYearGrid: Widget = gtk_grid_new()
    /// The years the per-year table has rows for, and each row's two count labels and its entered label.
    private var perYearYears: [Int]?
    private var perYearCounts: [(Widget, Widget, Widget)] = []
    /// The descriptive fields' value labels: years, organisation, authors, data source.
    private var detailValues: [Widget] = []

    /// The overview only reads the survey (through `show(_:)`) and its statistics.
    package init(controller: DocumentController) {
        self.controller = controller
        let page = Widgets.box(GTK_ORIENTATION_VERTICAL, classes: ["gk-page"])
        widget = Widgets.verticalScroller(page)
        tree = OwnedObject(sinking: widget)
        let box = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 18)
        Widgets.append(box, heading(), statistics(), perYear(), details())
        gtk_box_append(page.cast(), box)
    }

    /// The overview shows the survey's years: problems located at `.survey` belong here.
    package func reveal(_ location: ProblemLocation) -> Bool {
        location == .survey
    }

    package func show(_ survey: Survey) {
        let facts = OverviewFacts(survey)
        setText(titleLabel, facts.title.isEmpty ? tr("Untitled survey") : facts.title)
        setText(organisationLabel, facts.organisation)
        gtk_widget_set_visible(organisationLabel, facts.organisation.isEmpty ? 0 : 1)
        for (label, value) in zip(tileValues, [facts.jurisdictions, facts.observations, facts.enterprises, facts.regulations]) {
            setText(label, String(value))
        }
        showPerYear(controller.statistics, facts.progress)
        let values = [facts.years, facts.organisation,
                      facts.authors.joined(separator: tr(context: "list separator", ", ")), facts.dataSource]
        for (label, value) in zip(detailValues, values) {
            setText(label, value.isEmpty ? tr("Not recorded") : value)
            if value.isEmpty { gtk_widget_add_css_class(label, "dim-label") } else { gtk_widget_remove_css_class(label, "dim-label") }
        }
    }

    /// Sets a label's text when it differs (an equal text would still be laid out again).
    private func setText(_ label: Widget, _ text: String) { Widgets.setText(label, text) }

    /// Title and organisation.
    private func heading() -> Widget {
        let box = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 4)
        let top = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 12)
        gtk_widget_set_hexpand(titleLabel, 1)
        let copy = CopyTableButton.make("summary", label: tr("Copy Summary Table"))
        gtk_widget_set_valign(copy, GTK_ALIGN_START)
        Widgets.append(top, titleLabel, copy)
        Widgets.append(box, top, organisationLabel)
        return box
    }

    /// The four headline counts as tiles.
    private func statistics() -> Widget {
        let row = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 12)
        gtk_box_set_homogeneous(row.cast(), 1)
        for caption in [tr("Jurisdictions"), tr("Matrix observations"), tr("Sampled enterprises"), tr("Regulations")] {
            let box = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 2, classes: ["gk-stat"])
            let value = Widgets.label("", classes: ["gk-stat-value", "numeric"])
            Widgets.append(box, value, Widgets.label(caption, classes: ["gk-stat-label", "dim-label"], wrap: true))
            Widgets.append(row, box)
            tileValues.append(value)
        }
        return row
    }

    /// Per survey year and kind: the jurisdictions that disclosed, of those in the survey.
    private func perYear() -> Widget {
        gtk_grid_set_row_spacing(perYearGrid.cast(), 6)
        gtk_grid_set_column_spacing(perYearGrid.cast(), 32)
        Widgets.append(perYearBox, Widgets.label(tr("Jurisdictions that disclosed, per year"), classes: ["title-4"]), perYearGrid)
        return perYearBox
    }

    private static let kinds: [DisclosureKind] = [.auditList, .evaluation]

    /// Fills the per-year table: new rows when the years changed, else only the counts.
    private func showPerYear(_ stats: Statistics, _ progress: EntryProgress) {
        let years = stats.byYear.map(\.year)
        if perYearYears != years {
            perYearYears = years
            while let child = gtk_widget_get_first_child(perYearGrid) { gtk_grid_remove(perYearGrid.cast(), child) }
            perYearCounts = []
            gtk_grid_attach(perYearGrid.cast(), Widgets.label(tr("Year"), classes: ["gk-detail-key"]), 0, 0, 1, 1)
            for (c, kind) in Self.kinds.enumerated() {
                gtk_grid_attach(perYearGrid.cast(), Widgets.label(kind.label, classes: ["gk-detail-key"], xalign: 1), Int32(c + 1), 0, 1, 1)
            }
            let enteredColumn = Int32(Self.kinds.count + 1)
            gtk_grid_attach(perYearGrid.cast(), Widgets.label(tr("Entered"), classes: ["gk-detail-key"], xalign: 1), enteredColumn, 0, 1, 1)
            for (r, year) in years.enumerated() {
                let counts = (Widgets.label("", classes: ["numeric"], xalign: 1), Widgets.label("", classes: ["numeric"], xalign: 1),
                              Widgets.label("", classes: ["numeric"], xalign: 1))
                gtk_grid_attach(perYearGrid.cast(), Widgets.label(String(year), classes: ["numeric"]), 0, Int32(r + 1), 1, 1)
                gtk_grid_attach(perYearGrid.cast(), counts.0, 1, Int32(r + 1), 1, 1)
                gtk_grid_attach(perYearGrid.cast(), counts.1, 2, Int32(r + 1), 1, 1)
                gtk_grid_attach(perYearGrid.cast(), counts.2, enteredColumn, Int32(r + 1), 1, 1)
                perYearCounts.append(counts)
            }
        }
        enteredTexts = []
        for (year, labels) in zip(stats.byYear, perYearCounts) {
            setText(labels.0, tr("%1 of %2", year[.auditList].status.disclosed, stats.jurisdictionCount))
            setText(labels.1, tr("%1 of %2", year[.evaluation].status.disclosed, stats.jurisdictionCount))
            guard let entry = progress.years.first(where: { $0.year == year.year }) else { setText(labels.2, ""); continue }
            let text = tr("%1 of %2", entry.entered, entry.total)
            enteredTexts.append(text)
            setText(labels.2, text)
            if entry.isComplete { gtk_widget_remove_css_class(labels.2, "gk-warning") } else { gtk_widget_add_css_class(labels.2, "gk-warning") }
            gtk_widget_set_tooltip_text(labels.2, EntryProgress.text(entry))
        }
        gtk_widget_set_visible(perYearBox, years.isEmpty ? 0 : 1)
    }

    /// Key–value rows for the descriptive fields; empty fields say so.
    private func details() -> Widget {
        let grid: Widget = gtk_grid_new()
        gtk_grid_set_row_spacing(grid.cast(), 8)
        gtk_grid_set_column_spacing(grid.cast(), 24)
        let keys = [tr("Survey years"), tr("Organisation"), tr("Authors"), tr("Data source")]
        for (i, key) in keys.enumerated() {
            let valueLabel = Widgets.label("", wrap: true)
            gtk_widget_set_hexpand(valueLabel, 1)
            gtk_grid_attach(grid.cast(), Widgets.label(key, classes: ["gk-detail-key"]), 0, Int32(i), 1, 1)
            gtk_grid_attach(grid.cast(), valueLabel, 1, Int32(i), 1, 1)
            detailValues.append(valueLabel)
        }
        return grid
    }
}
