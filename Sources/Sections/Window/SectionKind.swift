import Model
import GtkKit
import Rendering

/// The window's sections in sidebar order: the one list the window builds its sections from and
/// Alt+1 … Alt+8 and the shortcuts window count through. The window builds a section only when it
/// is first needed (shown, revealing a record, looked up); what the sidebar and the shortcuts
/// window say about a section not built yet comes from here.
package enum SectionKind: String, CaseIterable {
    case overview, matrix, checks, reconciliation, enterprises, regulations, outreach, charts

    /// The section's name in the sidebar (without a count) and in "Go to …".
    package var title: String {
        switch self {
        case .overview: tr("Overview")
        case .matrix: tr(context: "matrix", "Disclosure matrix")
        case .checks: tr("Checks")
        case .reconciliation: tr("Reconciliation")
        case .enterprises: tr("Enterprises")
        case .regulations: tr("Laws and rules")
        case .outreach: tr("Outreach")
        case .charts: tr(context: "chart", "Charts")
        }
    }

    /// True for the sections whose sidebar title counts something in the survey (the checks'
    /// problems, the reconciliation's differing figures): that count follows every change, built or not.
    package var countsInSidebar: Bool { self == .checks || self == .reconciliation }

    /// The sidebar title of this section for `controller`'s survey, computed from the model (not
    /// from the section's widgets, which may not be built): with its count where it has one.
    @MainActor
    package func sidebarTitle(controller: DocumentController) -> String {
        switch self {
        case .checks: Self.checksTitle(problems: controller.problems)
        case .reconciliation:
            Self.reconciliationTitle(figures: Reconciler(controller.survey, statistics: controller.statistics).reconcile())
        default: title
        }
    }

    /// "Checks (3)": the problems counted (information, cells not yet entered, is not a problem).
    package static func checksTitle(problems: [Problem]) -> String {
        checksTitle(counted: problems.filter { $0.severity != .info }.count)
    }

    package static func checksTitle(counted: Int) -> String { counted == 0 ? tr("Checks") : tr("Checks (%1)", counted) }

    /// "Reconciliation (17)": the stated figures that differ from the survey's.
    package static func reconciliationTitle(figures: [ReconciledFigure]) -> String {
        let differing = figures.filter { !$0.agrees }.count
        return differing == 0 ? tr("Reconciliation") : tr("Reconciliation (%1)", differing)
    }

    /// Whether a section of this kind may reveal `location` (`RevealingSection.reveal`): the window
    /// builds only those sections to ask them.
    package func mayReveal(_ location: ProblemLocation) -> Bool {
        switch (self, location) {
        case (.overview, .survey), (.matrix, .cell), (.enterprises, .enterprise), (.regulations, .regulation),
             (.outreach, .outreach), (.outreach, .jurisdiction), (.outreach, .subUnit), (.outreach, .subUnitTally): true
        default: false
        }
    }

    /// The keys this section lists in the shortcuts window (no section needs to be built for it).
    @MainActor
    package var keyboardShortcuts: ShortcutGroup? {
        switch self {
        case .matrix: MatrixSection.keyboardShortcuts
        case .charts: ChartsSection.keyboardShortcuts
        default: nil
        }
    }

    /// The class of this kind's section (to find it without building the others).
    @MainActor
    package var sectionType: any WindowSection.Type {
        switch self {
        case .overview: OverviewSection.self
        case .matrix: MatrixSection.self
        case .checks: ChecksSection.self
        case .reconciliation: ReconciliationSection.self
        case .enterprises: EnterprisesSection.self
        case .regulations: RegulationsSection.self
        case .outreach: OutreachSection.self
        case .charts: ChartsSection.self
        }
    }

    /// A new section of this kind in `window`, on its controller.
    @MainActor
    package func make(in window: MainWindow, controller: DocumentController) -> any WindowSection {
        switch self {
        case .overview: OverviewSection(controller: controller)
        case .matrix: MatrixSection(controller: controller)
        case .checks: ChecksSection(controller: controller, window: window)
        case .reconciliation: ReconciliationSection(controller: controller, window: window)
        case .enterprises: EnterprisesSection(controller: controller)
        case .regulations: RegulationsSection(controller: controller)
        case .outreach: OutreachSection(controller: controller)
        case .charts: ChartsSection(controller: controller)
        }
    }
}
