import CGtk
import Model
import GtkKit
import Rendering

/// The sub-units (cities, divisions) of a delegating jurisdiction × survey year × kind, entered
/// like the matrix: a click cycles a cell through disclosed, not disclosed and empty; with a cell
/// focused, Y or 1 sets disclosed, N or 0 not disclosed, P prefecture level, D division level,
/// Delete clears it. Observations the source gives without a year are in the "year not stated"
/// columns. The counts the source reports without naming sub-units are listed read-only below.
@MainActor
package final class SubUnitGrid {
    package let widget: UnsafeMutablePointer<GtkWidget>
    /// Called with the jurisdiction's new list of sub-unit observations and an undo label.
    package var onChange: (([SubUnitObservation], String) -> Void)?

    /// A cell: sub-unit id, year (nil: not stated), kind.
    /// Sub-unit names by id, for the cells' accessible names.
    private var unitNames: [String: String] = [:]

    package struct Key: Hashable {
        package var subUnit: String
        package var year: Int?
        package var kind: DisclosureKind
        package init(subUnit: String, year: Int? = nil, kind: DisclosureKind) {
            self.subUnit = subUnit
            self.year = year
            self.kind = kind
        }
    }

    private let gridHolder: UnsafeMutablePointer<GtkWidget>
    private let talliesBox: UnsafeMutablePointer<GtkWidget>
    private var jurisdiction = ""
    private var observations: [SubUnitObservation] = []
    package private(set) var buttons: [Key: UnsafeMutablePointer<GtkWidget>] = [:]
    private var structure: [String] = []

    package init() {
        widget = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 8)
        gridHolder = Widgets.box(GTK_ORIENTATION_VERTICAL)
        let scroller: UnsafeMutablePointer<GtkWidget> = gtk_scrolled_window_new()
        gtk_scrolled_window_set_policy(scroller.opaque, GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER)
        gtk_scrolled_window_set_child(scroller.opaque, gridHolder)
        talliesBox = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 4)
        Widgets.append(widget, FormParts.hint(tr("Click a cell to cycle √ → × → empty; or type Y, N, P, D, Delete.")), scroller, talliesBox)
    }

    /// Shows a jurisdiction's sub-units for the survey's years.
    package func show(_ j: Jurisdiction, in survey: Survey) {
        jurisdiction = j.id
        observations = survey.subUnitObservations.filter { $0.jurisdiction == j.id }
        var units = j.subUnits.map { ($0.id, $0.name) }
        for o in observations where !units.contains(where: { $0.0 == o.subUnit }) { units.append((o.subUnit, o.subUnit)) }
        let years: [Int?] = survey.years.map { Optional($0) } + [nil]
        let signature = [j.id] + units.map { $0.0 + "=" + $0.1 } + years.map { $0.map(String.init) ?? "-" }
        if signature != structure {
            structure = signature
            build(units: units, years: years)
        }
        for (key, button) in buttons { paint(button, key) }
        showTallies(survey.subUnitTallies.filter { $0.jurisdiction == j.id })
    }

    private func build(units: [(String, String)], years: [Int?]) {
        FormParts.clear(gridHolder)
        buttons = [:]
        let grid: UnsafeMutablePointer<GtkWidget> = gtk_grid_new()
        Widgets.addClasses(grid, ["gk-subunit-grid"])
        gtk_grid_set_row_spacing(grid.cast(), 2)
        gtk_grid_set_column_spacing(grid.cast(), 2)
        for (c, year) in years.enumerated() {
            let heading = Widgets.label(year.map(String.init) ?? tr("Year not stated"), classes: ["heading"], xalign: 0.5)
            gtk_grid_attach(grid.cast(), heading, Int32(1 + c * 2), 0, 2, 1)
            for (k, kind) in DisclosureKind.allCases.enumerated() {
                let label = Widgets.label(Self.kindShort(kind), classes: ["gk-hint"], xalign: 0.5)
                gtk_widget_set_tooltip_text(label, kind.label)
                gtk_grid_attach(grid.cast(), label, Int32(1 + c * 2 + k), 1, 1, 1)
            }
        }
        for (r, unit) in units.enumerated() {
            unitNames[unit.0] = unit.1
            let name = Widgets.label(unit.1)
            gtk_widget_set_margin_end(name, 8)
            gtk_grid_attach(grid.cast(), name, 0, Int32(r + 2), 1, 1)
            for (c, year) in years.enumerated() {
                for (k, kind) in DisclosureKind.allCases.enumerated() {
                    let key = Key(subUnit: unit.0, year: year, kind: kind)
                    let button: UnsafeMutablePointer<GtkWidget> = gtk_button_new_with_label("")
                    Signals.connect(button, "clicked") { [weak self] in self?.cycle(key) }
                    FocusWatch.onKey(button) { [weak self] name, control, _ in
                        guard !control, let status = Self.status(forKey: name) else { return false }
                        self?.set(key, status)
                        return true
                    }
                    buttons[key] = button
                    if k == 1 { gtk_widget_set_margin_end(button, 6) }
                    gtk_grid_attach(grid.cast(), button, Int32(1 + c * 2 + k), Int32(r + 2), 1, 1)
                }
            }
        }
        Widgets.append(gridHolder, grid)
    }

    package static func kindShort(_ kind: DisclosureKind) -> String {
        kind == .auditList ? tr("List") : tr("Results")
    }

    /// The status a key sets, as in the matrix.
    package static func status(forKey name: String) -> DisclosureStatus? {
        switch name {
        case "y", "1", "KP_1": return .disclosed
        case "n", "0", "KP_0": return .notDisclosed
        case "p": return .prefecture
        case "d": return .division
        case "Delete", "BackSpace", "KP_Delete": return .notSurveyed
        default: return nil
        }
    }

    /// Short text of a status in a cell.
    package static func cellText(_ status: DisclosureStatus) -> String {
        switch status {
        case .disclosed, .notDisclosed, .notSurveyed: return status.symbol
        case .prefecture: return tr("Pref.")
        case .division: return tr("Div.")
        }
    }

    package func status(_ key: Key) -> DisclosureStatus {
        observation(key)?.status ?? .notSurveyed
    }

    private func observation(_ key: Key) -> SubUnitObservation? {
        observations.first { $0.subUnit == key.subUnit && $0.year == key.year && $0.kind == key.kind }
    }

    private func paint(_ button: UnsafeMutablePointer<GtkWidget>, _ key: Key) {
        let o = observation(key)
        let status = o?.status ?? .notSurveyed
        gtk_button_set_label(button.cast(), Self.cellText(status))
        for s in DisclosureStatus.allCases { gtk_widget_remove_css_class(button, EnterpriseStyle.statusClass(s)) }
        gtk_widget_add_css_class(button, EnterpriseStyle.statusClass(status))
        var tip = status.label
        if let note = o?.note { tip += "\n" + note }
        gtk_widget_set_tooltip_text(button, tip)
        // "Shenzhen, 2020, audit list: disclosed" (the button itself shows only a symbol).
        let place = [unitNames[key.subUnit] ?? key.subUnit, key.year.map(String.init) ?? tr("Year not stated"), key.kind.label]
        Events.name(button, place.joined(separator: ", ") + ": " + status.label, description: o?.note ?? "")
    }

    /// A click: disclosed → not disclosed → empty → disclosed.
    package func cycle(_ key: Key) {
        switch status(key) {
        case .notSurveyed: set(key, .disclosed)
        case .disclosed: set(key, .notDisclosed)
        default: set(key, .notSurveyed)
        }
    }

    /// Sets one cell (empty removes its observation), keeping its note.
    package func set(_ key: Key, _ status: DisclosureStatus) {
        var new = observations
        if let i = new.firstIndex(where: { $0.subUnit == key.subUnit && $0.year == key.year && $0.kind == key.kind }) {
            if status == .notSurveyed { new.remove(at: i) } else { new[i].status = status }
        } else if status != .notSurveyed {
            new.append(SubUnitObservation(jurisdiction: jurisdiction, subUnit: key.subUnit, year: key.year, kind: key.kind, status: status))
        }
        guard new != observations else { return }
        onChange?(new, tr("Set sub-unit status"))
    }

    private func showTallies(_ tallies: [SubUnitTally]) {
        FormParts.clear(talliesBox)
        guard !tallies.isEmpty else { return }
        Widgets.append(talliesBox, Widgets.label(tr("Counts reported without naming sub-units"), classes: ["gk-field-label"]))
        for t in tallies {
            let year = t.year.map(String.init) ?? tr("Year not stated")
            Widgets.append(talliesBox, Widgets.label(tr("%1, %2: %3 of %4 disclosed", t.kind.label, year, t.disclosed, t.units), wrap: true),
                           FormParts.hint(t.source))
        }
    }
}
