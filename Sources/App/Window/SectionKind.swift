import Model

/// The window's sections in sidebar order: the one list the window builds its sections from and
/// Alt+1 … Alt+8 and the shortcuts window count through.
enum SectionKind: String, CaseIterable {
    case overview, matrix, checks, reconciliation, enterprises, regulations, outreach, charts

    /// The section's name in the sidebar (without a count) and in "Go to …".
    var title: String {
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

    /// A new section of this kind in `window`, on its controller.
    @MainActor
    func make(in window: MainWindow, controller: DocumentController) -> any WindowSection {
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
