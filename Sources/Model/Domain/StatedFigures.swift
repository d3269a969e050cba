import Foundation

/// The computations a stated figure can claim. Each is recomputed from the survey by
/// `Reconciler`; the fields of `FigureQuery` each one reads are named here.
public enum FigureMeasure: String, Codable, CaseIterable, Sendable {
    /// Jurisdictions in the survey.
    case jurisdictions
    /// Jurisdictions whose cell (kind, year) is disclosed.
    case jurisdictionsDisclosed = "jurisdictions_disclosed"
    /// Jurisdictions whose disclosed cell (kind, year) covers mandatory and voluntary audits.
    case coverageMandatoryAndVoluntary = "coverage_mandatory_and_voluntary"
    /// … covers voluntary audits only.
    case coverageVoluntaryOnly = "coverage_voluntary_only"
    /// … does not classify its audits.
    case coverageUnclassified = "coverage_unclassified"
    /// Jurisdictions whose audit list of `year` marks all three reasons.
    case labellingAllMarked = "labelling_all_marked"
    /// … marks some reasons but not all.
    case labellingSomeMarked = "labelling_some_marked"
    /// Disclosed cells of `jurisdiction` (of `kind`, or both), over every survey year.
    case cellsDisclosed = "cells_disclosed"
    /// Jurisdictions with at least one delegated cell.
    case jurisdictionsDelegating = "jurisdictions_delegating"
    /// Jurisdictions with a cell of `kind` marked `quality`.
    case jurisdictionsWithQuality = "jurisdictions_with_quality"
    /// Disclosed cells of `kind` as a whole percentage of its surveyed cells, over every year.
    case percentDisclosed = "percent_disclosed"
    /// The combined figures (records and tallies) of `CombinedFigures`, for the whole survey or `jurisdiction`.
    case enterprisesSampled = "enterprises_sampled"
    case enterprisesDisclosed = "enterprises_disclosed"
    case enterprisesComplete = "enterprises_complete"
    case enterprisesIncomplete = "enterprises_incomplete"
    case enterprisesCannotJudge = "enterprises_cannot_judge"
    /// Jurisdictions with at least one sampled enterprise.
    case jurisdictionsSampled = "jurisdictions_sampled"
    /// The sample of each sampled jurisdiction, when every one has the same.
    case samplePerJurisdiction = "sample_per_jurisdiction"
    /// Percentage of enterprises that published `item`.
    case itemPublishedPercent = "item_published_percent"
    case phoneCalls = "phone_calls"
    /// Enterprises whose last call had `outcome`.
    case phoneOutcome = "phone_outcome"
    case lettersSent = "letters_sent"
    case lettersReplied = "letters_replied"
    /// Jurisdictions that improved after the letter.
    case lettersImproved = "letters_improved"
    /// Sub-units of `jurisdiction` (of `kind`) named or counted in the survey.
    case subUnits = "sub_units"
    /// … that disclosed (in any year).
    case subUnitsDisclosed = "sub_units_disclosed"
    /// … that did not disclose.
    case subUnitsNotDisclosed = "sub_units_not_disclosed"
    /// The year of `regulation`'s `date` (adopted, effective, amended, repealed).
    case regulationYear = "regulation_year"
}

/// The computation a stated figure claims, as a structured query, e.g.
/// `{measure: jurisdictions_disclosed, kind: audit_list, year: 2021}`.
public struct FigureQuery: Codable, Equatable, Sendable {
    public var measure: FigureMeasure
    public var kind: DisclosureKind?
    public var year: Int?
    public var jurisdiction: String?
    public var outcome: PhoneOutcome?
    public var item: DisclosureItem?
    public var quality: CellQualityKind?
    public var regulation: String?
    /// For `regulationYear`: "adopted", "effective", "amended" (the latest) or "repealed".
    public var date: String?

    public init(_ measure: FigureMeasure, kind: DisclosureKind? = nil, year: Int? = nil, jurisdiction: String? = nil,
                outcome: PhoneOutcome? = nil, item: DisclosureItem? = nil, quality: CellQualityKind? = nil,
                regulation: String? = nil, date: String? = nil) {
        self.measure = measure
        self.kind = kind
        self.year = year
        self.jurisdiction = jurisdiction
        self.outcome = outcome
        self.item = item
        self.quality = quality
        self.regulation = regulation
        self.date = date
    }
}

/// A figure a report states: the text, the value, and the computation the text claims. Where
/// the text names the jurisdictions (or enterprises) it counts, `names` lists them, so that a
/// disagreement can be traced to the cells that make it.
public struct StatedFigure: Codable, Equatable, Sendable {
    public var id: String
    /// The statement, quoted from the report.
    public var statement: String
    public var stated: Int
    public var query: FigureQuery
    /// Jurisdiction ids (cell measures) or enterprise names (enterprise measures) the text names.
    public var names: [String]?
    /// True for "about N": agrees within ±10 % (at least ±1).
    public var approximate: Bool?
    /// Where in the report: section or page.
    public var source: String?
    /// The id of the `LabellingDecision` that bears on this figure.
    public var decision: String?
    public var note: String?

    public init(id: String, statement: String, stated: Int, query: FigureQuery, names: [String]? = nil,
                approximate: Bool? = nil, source: String? = nil, decision: String? = nil, note: String? = nil) {
        self.id = id
        self.statement = statement
        self.stated = stated
        self.query = query
        self.names = names
        self.approximate = approximate
        self.source = source
        self.decision = decision
        self.note = note
    }
}
