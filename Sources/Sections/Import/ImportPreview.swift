import CGtk
import Model
import GtkKit
import Rendering

/// The lower half of the import dialog: the first rows of the file as a table, and the outcome of
/// the plan (what will be added, duplicates and bad rows with their line numbers).
@MainActor
package final class ImportPreview {
    /// Rows of the file shown in the preview.
    package static let previewRows = 8
    /// Duplicates and bad rows listed (the counts always cover all of them).
    package static let listedProblems = 300

    package let previewWidget: UnsafeMutablePointer<GtkWidget>
    /// What the import will do, in one line (for the top of the dialog).
    package let summaryWidget: UnsafeMutablePointer<GtkWidget>
    /// The duplicates and bad rows, line by line.
    package let outcomeWidget: UnsafeMutablePointer<GtkWidget>
    private let previewHolder: UnsafeMutablePointer<GtkWidget>
    private let summaryLabel: UnsafeMutablePointer<GtkWidget>
    private let problemsLabel: UnsafeMutablePointer<GtkWidget>

    package init() {
        previewHolder = Widgets.box(GTK_ORIENTATION_VERTICAL)
        let scroller: UnsafeMutablePointer<GtkWidget> = gtk_scrolled_window_new()
        gtk_scrolled_window_set_policy(scroller.opaque, GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC)
        gtk_scrolled_window_set_child(scroller.opaque, previewHolder)
        gtk_scrolled_window_set_has_frame(scroller.opaque, 1)
        gtk_widget_set_size_request(scroller, -1, 210)
        previewWidget = scroller

        summaryLabel = Widgets.label("", classes: ["title-4"], wrap: true)
        summaryWidget = summaryLabel
        problemsLabel = Widgets.label("", wrap: true, selectable: true)
        gtk_widget_set_valign(problemsLabel, GTK_ALIGN_START)
        let problems = Widgets.verticalScroller(problemsLabel)
        gtk_scrolled_window_set_has_frame(problems.opaque, 1)
        gtk_widget_set_size_request(problems, -1, 110)
        outcomeWidget = problems
    }

    /// Shows the session's first rows, with the mapped field above each column.
    package func showPreview(_ session: ImportSession) {
        FormParts.clear(previewHolder)
        let grid: UnsafeMutablePointer<GtkWidget> = gtk_grid_new()
        Widgets.addClasses(grid, ["gk-preview"])
        let mapping = session.effectiveMapping
        let columns = max(session.header.count, session.records.prefix(Self.previewRows).map(\.fields.count).max() ?? 0)
        gtk_grid_attach(grid.cast(), Widgets.label(tr("Line"), classes: ["gk-preview-header", "dim-label"]), 0, 0, 1, 2)
        for c in 0..<columns {
            let field = ImportField.allCases.first { mapping.columns[$0] == c }
            let fieldText = field.map { "→ " + $0.label } ?? tr("(not imported)")
            gtk_grid_attach(grid.cast(), Widgets.label(fieldText, classes: ["gk-preview-header", field == nil ? "dim-label" : "accent"]),
                            Int32(c + 1), 0, 1, 1)
            let header = c < session.header.count ? session.header[c] : ""
            gtk_grid_attach(grid.cast(), cell(Self.columnName(c) + "  " + header, classes: ["gk-preview-header"]), Int32(c + 1), 1, 1, 1)
        }
        for (r, record) in session.records.prefix(Self.previewRows).enumerated() {
            gtk_grid_attach(grid.cast(), Widgets.label(String(record.line), classes: ["dim-label", "numeric"]), 0, Int32(r + 2), 1, 1)
            for c in 0..<columns {
                let text = c < record.fields.count ? record.fields[c] : ""
                gtk_grid_attach(grid.cast(), cell(text, classes: []), Int32(c + 1), Int32(r + 2), 1, 1)
            }
        }
        Widgets.append(previewHolder, grid)
    }

    private func cell(_ text: String, classes: [String]) -> UnsafeMutablePointer<GtkWidget> {
        let label = Widgets.label(text, classes: classes)
        gtk_label_set_ellipsize(label.opaque, PANGO_ELLIPSIZE_END)
        gtk_label_set_max_width_chars(label.opaque, 22)
        gtk_widget_set_tooltip_text(label, text)
        return label
    }

    /// Spreadsheet column names: A, B, … Z, AA, …
    package nonisolated static func columnName(_ index: Int) -> String {
        var n = index
        var name = ""
        repeat {
            name = String(UnicodeScalar(UInt8(65 + n % 26))) + name
            n = n / 26 - 1
        } while n >= 0
        return name
    }

    /// Shows what the plan will do, or why there is no plan.
    package func showOutcome(_ session: ImportSession) {
        guard let plan = session.plan else {
            Widgets.setText(summaryLabel, session.error ?? tr("Choose a file to import."))
            Widgets.addClasses(summaryLabel, ["gk-warning"])
            Widgets.setText(problemsLabel, "")
            return
        }
        gtk_widget_remove_css_class(summaryLabel, "gk-warning")
        Widgets.setText(summaryLabel, Self.summary(plan))
        Widgets.setText(problemsLabel, Self.problems(plan))
    }

    package static func summary(_ plan: EnterpriseImport) -> String {
        tr("To add: %1 · duplicates: %2 · bad rows: %3", plan.added.count, plan.duplicates.count, plan.badRows.count)
    }

    /// One line per duplicate and bad row, in line order, up to `listedProblems`.
    package static func problems(_ plan: EnterpriseImport) -> String {
        if plan.duplicates.isEmpty && plan.badRows.isEmpty { return tr("No duplicates and no bad rows.") }
        let rows = (plan.duplicates.map { ($0, true) } + plan.badRows.map { ($0, false) }).sorted { $0.0.line < $1.0.line }
        var lines = rows.prefix(listedProblems).map { row, duplicate -> String in
            duplicate ? tr("Line %1: duplicate: %2 (%3)", row.line, row.name, row.reason)
                : tr("Line %1: bad row: %2", row.line, row.reason) + (row.name.isEmpty ? "" : parenthesised(row.name))
        }
        if rows.count > listedProblems { lines.append(tr("… and %1 more", rows.count - listedProblems)) }
        return lines.joined(separator: "\n")
    }

    package var summaryText: String { Widgets.text(ofLabel: summaryLabel) }
    package var problemsText: String { Widgets.text(ofLabel: problemsLabel) }
}
