import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// The options of the selected chart (year, kind, delegated cells, order, regions) and the
/// language of the labels. Shows only the options the chart takes; reports every change.
@MainActor
package final class ChartOptionsBar {
    package let widget: UnsafeMutablePointer<GtkWidget>
    package let year = ChartDropDown(tooltip: tr("The year the chart shows"))
    package let kind = ChartDropDown(tooltip: tr("Which disclosure the chart shows"))
    package let sort = ChartDropDown(tooltip: tr("The order of the rows"))
    package let language = ChartDropDown(tooltip: tr("The language of the chart's labels"))
    package let delegated = ChartCheck(tr(context: "chart", "Count delegated cells"),
                               tooltip: tr("Cells delegated to prefectures or divisions: as their own segment, or in the rate's denominator"))
    package let byRegion = ChartCheck(tr(context: "chart", "Group by region"))

    /// Called with the new options (and labels language) after the user changes one.
    package var onChange: (@MainActor (ChartOptions, Language?) -> Void)?

    private var chart = ChartKind.disclosurePerYear
    private var options = ChartOptions()
    private var years: [Int] = []
    private var kinds: [DisclosureKind?] = []
    package private(set) var labelsLanguage: Language?

    package init() {
        widget = Widgets.wrappingBar(spacing: 12)
        Widgets.append(widget, labelled(tr("Year"), year.widget), labelled(tr("Kind"), kind.widget), delegated.widget,
                       labelled(tr(context: "chart", "Order"), sort.widget), byRegion.widget)
        Widgets.append(widget, labelled(tr(context: "chart", "Labels"), language.widget))
        language.set([tr(context: "chart", "Interface language"), "中文", "English"], selected: 0)
        sort.set(ChartSort.allCases.map(\.label), selected: 0)

        year.onChange = { [weak self] i in
            guard let self, self.years.indices.contains(i) else { return }
            self.options.year = self.years[i]
            self.changed()
        }
        kind.onChange = { [weak self] i in
            guard let self, self.kinds.indices.contains(i) else { return }
            self.options.kind = self.kinds[i]
            self.changed()
        }
        sort.onChange = { [weak self] i in
            self?.options.sort = ChartSort.allCases[min(i, ChartSort.allCases.count - 1)]
            self?.changed()
        }
        delegated.onChange = { [weak self] on in
            self?.options.includeDelegated = on
            self?.changed()
        }
        byRegion.onChange = { [weak self] on in
            self?.options.groupByRegion = on
            self?.changed()
        }
        language.onChange = { [weak self] i in
            self?.labelsLanguage = i == 1 ? .chinese : i == 2 ? .english : nil
            self?.changed()
        }
    }

    /// Shows the options of `chart` for a survey with `years`.
    package func show(_ chart: ChartKind, _ options: ChartOptions, years: [Int]) {
        self.chart = chart
        self.options = options
        self.years = years
        let takes = chart.options
        gtk_widget_set_visible(year.widget.parentBox, takes.contains(.year) && !years.isEmpty ? 1 : 0)
        gtk_widget_set_visible(kind.widget.parentBox, takes.contains(.kind) ? 1 : 0)
        gtk_widget_set_visible(sort.widget.parentBox, takes.contains(.sort) ? 1 : 0)
        gtk_widget_set_visible(delegated.widget, takes.contains(.includeDelegated) ? 1 : 0)
        gtk_widget_set_visible(byRegion.widget, takes.contains(.groupByRegion) ? 1 : 0)

        let shownYear = options.year.flatMap { years.firstIndex(of: $0) } ?? max(0, years.count - 1)
        year.set(years.map { yearHeading($0) }, selected: shownYear)
        // Maps show one kind at a time; the other charts can show both.
        kinds = chart == .map || chart == .mapYears ? [.auditList, .evaluation] : [nil, .auditList, .evaluation]
        kind.set(kinds.map { ChartWords.kinds($0) }, selected: kinds.firstIndex(of: options.kind) ?? 0)
        sort.set(ChartSort.allCases.map(\.label), selected: ChartSort.allCases.firstIndex(of: options.sort) ?? 0)
        delegated.isOn = options.includeDelegated
        byRegion.isOn = options.groupByRegion
    }

    private func changed() { onChange?(options, labelsLanguage) }

    /// "Label [widget]" in a small box.
    private func labelled(_ text: String, _ control: UnsafeMutablePointer<GtkWidget>) -> UnsafeMutablePointer<GtkWidget> {
        let box = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 6)
        Widgets.append(box, Widgets.label(text, classes: ["dim-label"]), control)
        Events.setAccessibleLabel(control, text)
        return box
    }
}

private extension UnsafeMutablePointer where Pointee == GtkWidget {
    /// The box a labelled control sits in (the control itself when it has no parent).
    @MainActor var parentBox: UnsafeMutablePointer<GtkWidget> { gtk_widget_get_parent(self) ?? self }
}
