import CGtk
import Foundation
import Model
import GtkKit
import Rendering

// Cell qualities (部分公开, 较为全面 …, issue 13) in the matrix: the small mark a cell draws and
// the details-pane control that sets them. Hooks in MatrixCells, MatrixPainter, MatrixDetailsPane
// and MatrixSection call into this file.

extension MatrixCells {
    /// The marks of a cell's qualities, nil when it has none.
    package func qualityMark(_ jurisdiction: Int, _ column: Int) -> String? { qualities[jurisdiction * columns.count + column] }

    /// Slot (jurisdiction position × columns + column) → the marks of the cell's qualities ("+", "½+").
    package static func qualityMarks(_ survey: Survey, columns: [MatrixColumn]) -> [Int: String] {
        guard let marks = survey.reported?.cellQualities, !marks.isEmpty else { return [:] }
        var order: [String: Int] = [:]
        for (i, j) in survey.jurisdictions.enumerated() where order[j.id] == nil { order[j.id] = i }
        var columnIndex: [MatrixColumn: Int] = [:]
        for (i, column) in columns.enumerated() { columnIndex[column] = i }
        var out: [Int: String] = [:]
        for q in marks {
            guard let j = order[q.jurisdiction], let c = columnIndex[MatrixColumn(year: q.year, kind: q.kind)] else { continue }
            let slot = j * columns.count + c
            if out[slot]?.contains(q.quality.mark) != true { out[slot, default: ""] += q.quality.mark }
        }
        return out
    }
}

/// The pane's "Qualities" section: one check box per quality, and the sources of the marks.
@MainActor
package final class MatrixQualityControl {
    package let widget: UnsafeMutablePointer<GtkWidget>
    package private(set) var checks: [(CellQualityKind, CheckBox)] = []
    private let sources = Widgets.label("", classes: ["dim-label", "caption"], wrap: true)
    private var shown: [CellQuality] = []
    private var key: CellKey?
    /// The cell's new marks, as one edit.
    package var onChange: (([CellQuality]) -> Void)?

    package init() {
        widget = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 4)
        Widgets.append(widget, Widgets.label(tr("Qualities"), classes: ["heading"]))
        for quality in CellQualityKind.allCases {
            let check = CheckBox(quality.mark + " " + quality.label)
            Events.setAccessibleLabel(check.widget, quality.label)
            check.onToggle = { [weak self] _ in self?.toggled() }
            checks.append((quality, check))
            Widgets.append(widget, check.widget)
        }
        Widgets.append(widget, sources)
    }

    package func show(_ marks: [CellQuality], of key: CellKey) {
        shown = marks
        self.key = key
        for (quality, check) in checks { check.isActive = marks.contains { $0.quality == quality } }
        let text = marks.map { "\($0.quality.label): \($0.source)" }.joined(separator: "\n")
        Widgets.setText(sources, text)
        gtk_widget_set_visible(sources, text.isEmpty ? 0 : 1)
    }

    private func toggled() {
        guard let key else { return }
        var marks: [CellQuality] = []
        for (quality, check) in checks where check.isActive {
            marks.append(shown.first { $0.quality == quality }
                         ?? CellQuality(jurisdiction: key.jurisdiction, year: key.year, kind: key.kind, quality: quality,
                                        source: tr("Marked in Gongkai")))
        }
        onChange?(marks)
    }
}
