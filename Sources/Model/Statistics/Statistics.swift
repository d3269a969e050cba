import Foundation

/// Every summary figure of a survey, computed from its cells and records — never stored, never
/// typed in by hand. Build one with `Statistics(survey)` or `survey.statistics()`; it is cheap
/// (single passes with dense indexes: a 100,000-enterprise, 20-year survey takes a few
/// milliseconds in a release build), so recompute it whenever the survey changes.
///
/// Only the survey's own jurisdictions and years enter the matrix figures; observations of
/// unknown jurisdictions or years, and the second of two observations of one cell, are ignored
/// (the `Validator` reports them).
public struct Statistics: Codable, Equatable, Sendable {
    /// The survey years, in survey order.
    public var years: [Int]
    /// The number of jurisdictions in the survey.
    public var jurisdictionCount: Int
    /// Per survey year (same order as `years`): jurisdictions by status and coverage of the
    /// disclosed cells, per kind, and the reason labelling of the audit lists.
    public var byYear: [YearStatistics]
    /// Per jurisdiction (survey order): cells by outcome, disclosure rates and rank.
    public var jurisdictionRates: [JurisdictionRate]
    /// Jurisdictions ranked by their rate over both kinds, under the survey's `rateDefinition`.
    public var ranking: [RankedJurisdiction]
    /// For each pair of consecutive survey years and each kind, the cells that improved or regressed.
    public var changes: [YearChange]
    /// The enterprise sample.
    public var enterprises: EnterpriseStatistics
    /// Sub-unit disclosure of delegating jurisdictions.
    public var subUnits: [SubUnitDisclosure]
    /// The enterprise sample, phone survey and letters with the report's tallies, each figure with
    /// its source (records, tallies or both). `enterprises` above counts records only.
    public var figures: CombinedFigures
    /// How `jurisdictionRates`' and `ranking`'s rates treat delegated cells.
    public var rateDefinition: RateDefinition

    /// Computes every figure from a survey.
    public init(_ survey: Survey) {
        var enterprises = EnterpriseStatistics(survey)
        enterprises.applyRecordedVerdicts(survey)
        self.init(survey, enterprises: enterprises)
    }

    /// Computes every figure but the enterprise sample's (`EnterpriseStatistics`, with the recorded
    /// verdicts applied), which is known, and the combined figures when they are known too.
    private init(_ survey: Survey, enterprises: EnterpriseStatistics, figures: CombinedFigures? = nil,
                 subUnitsBefore: [SubUnitDisclosure]? = nil) {
        let grid = CellGrid(survey)
        let matrix = MatrixStatistics(survey, grid: grid)
        years = survey.years
        jurisdictionCount = survey.jurisdictions.count
        byYear = matrix.years
        jurisdictionRates = matrix.rates
        ranking = JurisdictionRate.ranking(matrix.rates, definition: RateDefinition.of(survey))
        changes = matrix.changes
        self.enterprises = enterprises
        subUnits = subUnitsBefore.flatMap { SubUnitStatistics.updated($0, survey, grid: grid) }
            ?? SubUnitStatistics.compute(survey, grid: grid)
        self.figures = figures ?? CombinedFigures(survey, enterprises: enterprises)
        rateDefinition = RateDefinition.of(survey)
    }

    /// The figures of `survey` after an edit that kept its enterprises and jurisdictions
    /// (`Edit.keepsEnterprisesAndJurisdictions`: a cell edit, for one) from the survey these
    /// figures are of. Only the matrix and sub-unit figures are counted again (one pass over the
    /// jurisdictions × years × kinds cells, and the report's tallies); the enterprise figures, one
    /// pass over every enterprise, are kept. Equal to `Statistics(survey)` under that condition.
    public func updated(for survey: Survey) -> Statistics {
        Statistics(survey, enterprises: enterprises)
    }

    /// The figures of `survey`, which is the survey these figures are of after `edit`: for an edit
    /// that keeps the enterprises and jurisdictions, only what the edit can change is counted
    /// again. A cell edit (`Edit.keepsCombinedFigures`) recounts the matrix and sub-unit figures
    /// (one pass over the jurisdictions × years × kinds cells) and keeps the enterprise and
    /// combined figures, the two passes over every enterprise. Any other edit counts everything.
    /// Always equal to `Statistics(survey)`.
    public func updated(for survey: Survey, after edit: Edit) -> Statistics {
        guard edit.keepsEnterprisesAndJurisdictions else { return Statistics(survey) }
        // Cells only: the sub-unit records are unchanged, so are the rows read from them.
        var cellsOnly = false
        if case .setCells = edit { cellsOnly = true }
        return Statistics(survey, enterprises: enterprises, figures: edit.keepsCombinedFigures ? figures : nil,
                          subUnitsBefore: cellsOnly ? subUnits : nil)
    }

    /// The figures of one survey year.
    public func year(_ year: Int) -> YearStatistics? { byYear.first { $0.year == year } }

    /// Jurisdictions by status for one year and kind (all zero for a year outside the survey).
    public func statusCounts(year: Int, kind: DisclosureKind) -> StatusCounts {
        self.year(year)?[kind].status ?? StatusCounts()
    }

    /// Coverage of the disclosed cells of one year and kind.
    public func coverage(year: Int, kind: DisclosureKind) -> CoverageCounts {
        self.year(year)?[kind].coverage ?? CoverageCounts()
    }

    /// Reason labelling of one year's audit lists.
    public func labelling(year: Int) -> LabellingCounts {
        self.year(year)?.labelling ?? LabellingCounts()
    }

    /// One jurisdiction's rates.
    public func rate(of jurisdiction: String) -> JurisdictionRate? {
        jurisdictionRates.first { $0.jurisdiction == jurisdiction }
    }

    /// The changes of one kind between `from` and the survey year after it.
    public func change(kind: DisclosureKind, from year: Int) -> YearChange? {
        changes.first { $0.kind == kind && $0.fromYear == year }
    }

    /// The changes of one kind, in year order.
    public func changes(kind: DisclosureKind) -> [YearChange] { changes.filter { $0.kind == kind } }

    /// One jurisdiction's enterprise figures.
    public func enterprises(of jurisdiction: String) -> JurisdictionEnterprises? {
        enterprises.byJurisdiction.first { $0.jurisdiction == jurisdiction }
    }

    /// The sub-unit rows of one jurisdiction and kind.
    public func subUnits(of jurisdiction: String, kind: DisclosureKind) -> [SubUnitDisclosure] {
        subUnits.filter { $0.jurisdiction == jurisdiction && $0.kind == kind }
    }
}

extension Survey {
    /// Every summary figure of the survey (see `Statistics`).
    public func statistics() -> Statistics { Statistics(self) }

    /// An index of the survey's cells (see `CellIndex`).
    public func cellIndex() -> CellIndex { CellIndex(self) }
}
