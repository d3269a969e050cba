import Foundation

/// What a reported tally counts.
public enum TallyMeasure: String, Codable, CaseIterable, Sendable {
    /// Enterprises sampled.
    case enterprisesSampled = "enterprises_sampled"
    /// Sampled enterprises that disclosed their audit information.
    case enterprisesDisclosed = "enterprises_disclosed"
    /// Disclosing enterprises whose disclosure the source calls complete.
    case enterprisesComplete = "enterprises_complete"
    case enterprisesIncomplete = "enterprises_incomplete"
    /// Disclosing enterprises whose completeness cannot be judged (reasons not given).
    case enterprisesCannotJudge = "enterprises_cannot_judge"
    /// Percentage (0–100) of enterprises that published `item`.
    case itemPublishedPercent = "item_published_percent"
    /// Enterprises called in the phone survey.
    case phoneCalls = "phone_calls"
    /// Enterprises called whose last call had `outcome`.
    case phoneOutcome = "phone_outcome"
    /// Suggestion letters sent.
    case lettersSent = "letters_sent"
    /// Suggestion letters answered.
    case lettersReplied = "letters_replied"

    /// Measures counted as records (enterprises, calls, letters) and summed over jurisdictions;
    /// a percentage is not.
    public var isCount: Bool { self != .itemPublishedPercent }
}

/// A total a report publishes without individual records: for the whole survey (no jurisdiction),
/// for a jurisdiction, or for a jurisdiction and year.
///
/// A tally is the report's figure for its whole scope, the records entered for that scope
/// included: the part it covers beyond them is `value` − records. Statistics take the tally where
/// there is one and the records otherwise, so nothing is counted twice (`CombinedFigures`); the
/// validator reports records that exceed their tally.
public struct ReportedTally: Codable, Equatable, Sendable {
    public var measure: TallyMeasure
    /// Nil: the whole survey.
    public var jurisdiction: String?
    /// Only with a jurisdiction; nil: every year.
    public var year: Int?
    /// For `phoneOutcome`.
    public var outcome: PhoneOutcome?
    /// For `itemPublishedPercent`.
    public var item: DisclosureItem?
    public var value: Int
    /// Where the report says it: page, section or a quote.
    public var source: String

    public init(_ measure: TallyMeasure, jurisdiction: String? = nil, year: Int? = nil, outcome: PhoneOutcome? = nil,
                item: DisclosureItem? = nil, value: Int, source: String) {
        self.measure = measure
        self.jurisdiction = jurisdiction
        self.year = year
        self.outcome = outcome
        self.item = item
        self.value = value
        self.source = source
    }

    /// True when the tally counts the same thing as `other` (measure, outcome, item) for the same scope.
    public func sameScope(as other: ReportedTally) -> Bool {
        measure == other.measure && jurisdiction == other.jurisdiction && year == other.year && outcome == other.outcome
            && item == other.item
    }
}

/// The verdict a source gives an enterprise's disclosure, kept beside the one Gongkai derives from
/// its reasons and items (`Enterprise.completeness`).
public struct RecordedVerdict: Codable, Equatable, Sendable {
    /// The enterprise's id.
    public var enterprise: String
    /// complete, incomplete or cannot judge (nothing disclosed is derived, never recorded).
    public var verdict: Completeness
    public var source: String

    public init(enterprise: String, verdict: Completeness, source: String) {
        self.enterprise = enterprise
        self.verdict = verdict
        self.source = source
    }
}

/// A decision taken where a report contradicts itself: what was decided for which cells, and the
/// passage it goes against. Checks and reconciliation show each one.
public struct LabellingDecision: Codable, Equatable, Sendable {
    public var id: String
    /// The cells the decision is about.
    public var cells: [CellKey]
    /// What the dataset records, and why.
    public var decision: String
    /// The passage of the source that says otherwise, quoted.
    public var conflictingPassage: String

    public init(id: String, cells: [CellKey], decision: String, conflictingPassage: String) {
        self.id = id
        self.cells = cells
        self.decision = decision
        self.conflictingPassage = conflictingPassage
    }
}

/// What a survey keeps from a report beyond its cells and records: totals it publishes (tallies),
/// verdicts it gives enterprises, qualities of cells, the figures its prose states and the
/// decisions taken where it contradicts itself. Every list is optional in the file.
public struct ReportedData: Codable, Equatable, Sendable {
    public var tallies: [ReportedTally]
    public var verdicts: [RecordedVerdict]
    public var cellQualities: [CellQuality]
    public var statedFigures: [StatedFigure]
    public var decisions: [LabellingDecision]

    public init(tallies: [ReportedTally] = [], verdicts: [RecordedVerdict] = [], cellQualities: [CellQuality] = [],
                statedFigures: [StatedFigure] = [], decisions: [LabellingDecision] = []) {
        self.tallies = tallies
        self.verdicts = verdicts
        self.cellQualities = cellQualities
        self.statedFigures = statedFigures
        self.decisions = decisions
    }

    public var isEmpty: Bool {
        tallies.isEmpty && verdicts.isEmpty && cellQualities.isEmpty && statedFigures.isEmpty && decisions.isEmpty
    }

    enum CodingKeys: String, CodingKey { case tallies, verdicts, cellQualities, statedFigures, decisions }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        tallies = try c.decodeIfPresent([ReportedTally].self, forKey: .tallies) ?? []
        verdicts = try c.decodeIfPresent([RecordedVerdict].self, forKey: .verdicts) ?? []
        cellQualities = try c.decodeIfPresent([CellQuality].self, forKey: .cellQualities) ?? []
        statedFigures = try c.decodeIfPresent([StatedFigure].self, forKey: .statedFigures) ?? []
        decisions = try c.decodeIfPresent([LabellingDecision].self, forKey: .decisions) ?? []
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if !tallies.isEmpty { try c.encode(tallies, forKey: .tallies) }
        if !verdicts.isEmpty { try c.encode(verdicts, forKey: .verdicts) }
        if !cellQualities.isEmpty { try c.encode(cellQualities, forKey: .cellQualities) }
        if !statedFigures.isEmpty { try c.encode(statedFigures, forKey: .statedFigures) }
        if !decisions.isEmpty { try c.encode(decisions, forKey: .decisions) }
    }
}

extension Survey {
    /// The report's tallies, verdicts, qualities, stated figures and decisions (empty when none).
    public var reportedData: ReportedData {
        get { reported ?? ReportedData() }
        set { reported = newValue.isEmpty ? nil : newValue }
    }

    /// The verdict a source gives an enterprise, if any.
    public func recordedVerdict(of enterprise: String) -> RecordedVerdict? {
        reported?.verdicts.first { $0.enterprise == enterprise }
    }
}

extension Enterprise {
    /// The derived verdict where it can be derived (reasons known, or nothing disclosed), the
    /// recorded one otherwise.
    public func effectiveCompleteness(recorded: Completeness?) -> Completeness {
        let derived = completeness
        if derived == .cannotJudge, let recorded { return recorded }
        return derived
    }
}
