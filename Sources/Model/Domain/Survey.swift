import Foundation

/// Descriptive fields of a survey: who made it and how it is cited.
public struct SurveyMeta: Codable, Equatable, Sendable {
    public var title: String
    public var organisation: String
    public var authors: [String]
    public var notes: String
    /// The line printed under charts and tables, e.g. "数据来源：上海青悦 2018-2022 调研".
    public var dataSource: String
    /// The same line in English, for charts and tables in English (optional; nil or empty: the
    /// charts in English use `dataSource`).
    public var dataSourceEnglish: String?
    /// The charts a briefing shows and their order; nil: every chart, in the application's order.
    public var briefing: BriefingPlan?
    /// How disclosure rates treat delegated cells (issue 13); nil: delegated cells excluded.
    public var rateDefinition: RateDefinition?
    /// The user's chart titles, findings and notes (issue 15); nil: none.
    public var charts: ChartPresentation?

    public init(title: String, organisation: String = "", authors: [String] = [], notes: String = "", dataSource: String = "",
                briefing: BriefingPlan? = nil) {
        self.title = title
        self.organisation = organisation
        self.authors = authors
        self.notes = notes
        self.dataSource = dataSource
        self.briefing = briefing
    }

    /// The data-source line for charts and tables in `language`: the English line for English
    /// where the survey has one, else `dataSource`.
    public func dataSource(in language: Language) -> String {
        if language == .english,
           let english = dataSourceEnglish?.trimmingCharacters(in: .whitespacesAndNewlines), !english.isEmpty {
            return english
        }
        return dataSource
    }
}

/// The charts of a briefing, by their command-line names (`gongkai chart --list`): `order` places
/// charts in the gallery and on the slides; `omitted` are left out of the slides. Names a version
/// does not know are kept in the file and ignored; charts the plan does not name follow in the
/// application's order.
public struct BriefingPlan: Codable, Equatable, Sendable {
    public var order: [String]
    public var omitted: [String]

    public init(order: [String], omitted: [String] = []) {
        self.order = order
        self.omitted = omitted
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        order = try c.decode([String].self, forKey: .order)
        omitted = try c.decodeIfPresent([String].self, forKey: .omitted) ?? []
    }
}

/// One year's (or several years') survey of disclosure by China's provincial-level jurisdictions.
///
/// Everything a user enters lives here; every summary is computed from it (see `Statistics`).
/// Records are kept in a canonical order (`canonicalize()`) so that saved files diff cleanly.
public struct Survey: Codable, Equatable, Sendable {
    public var meta: SurveyMeta
    /// The survey years, ascending and without duplicates.
    public var years: [Int]
    public var jurisdictions: [Jurisdiction]
    /// One per jurisdiction × year × kind; a missing cell means "not surveyed".
    public var observations: [Observation]
    public var subUnitObservations: [SubUnitObservation]
    /// Counts the source gives for delegated jurisdictions whose sub-units it does not name.
    public var subUnitTallies: [SubUnitTally]
    public var outreach: [Outreach]
    public var enterprises: [Enterprise]
    public var regulations: [Regulation]
    /// Who changed what, when (optional in the file: absent means empty). History, not data: it
    /// does not take part in `==` (see `ChangeLog`).
    public var changeLog = ChangeLog()
    /// Fields a three-way merge could not decide (optional in the file: absent means none).
    public var conflicts: [MergeConflict] = []
    // MARK: report figures (issue 13): tallies, verdicts, qualities, stated figures, decisions
    /// What the survey keeps from a report beyond cells and records (see `ReportedData`); nil when empty.
    public var reported: ReportedData?

    public init(meta: SurveyMeta, years: [Int], jurisdictions: [Jurisdiction], observations: [Observation] = [],
                subUnitObservations: [SubUnitObservation] = [], subUnitTallies: [SubUnitTally] = [],
                outreach: [Outreach] = [], enterprises: [Enterprise] = [], regulations: [Regulation] = []) {
        self.meta = meta
        self.years = years
        self.jurisdictions = jurisdictions
        self.observations = observations
        self.subUnitObservations = subUnitObservations
        self.subUnitTallies = subUnitTallies
        self.outreach = outreach
        self.enterprises = enterprises
        self.regulations = regulations
    }

    enum CodingKeys: String, CodingKey {
        case meta, years, jurisdictions, observations, subUnitObservations, subUnitTallies, outreach, enterprises, regulations
        case changeLog, conflicts
        // report figures (issue 13)
        case reported
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        meta = try c.decode(SurveyMeta.self, forKey: .meta)
        years = try c.decode([Int].self, forKey: .years)
        jurisdictions = try c.decode([Jurisdiction].self, forKey: .jurisdictions)
        observations = try c.decodeIfPresent([Observation].self, forKey: .observations) ?? []
        subUnitObservations = try c.decodeIfPresent([SubUnitObservation].self, forKey: .subUnitObservations) ?? []
        subUnitTallies = try c.decodeIfPresent([SubUnitTally].self, forKey: .subUnitTallies) ?? []
        outreach = try c.decodeIfPresent([Outreach].self, forKey: .outreach) ?? []
        enterprises = try c.decodeIfPresent([Enterprise].self, forKey: .enterprises) ?? []
        regulations = try c.decodeIfPresent([Regulation].self, forKey: .regulations) ?? []
        changeLog = try c.decodeIfPresent(ChangeLog.self, forKey: .changeLog) ?? ChangeLog()
        conflicts = try c.decodeIfPresent([MergeConflict].self, forKey: .conflicts) ?? []
        // report figures (issue 13)
        reported = try c.decodeIfPresent(ReportedData.self, forKey: .reported)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(meta, forKey: .meta)
        try c.encode(years, forKey: .years)
        try c.encode(jurisdictions, forKey: .jurisdictions)
        try c.encode(observations, forKey: .observations)
        try c.encode(subUnitObservations, forKey: .subUnitObservations)
        try c.encode(subUnitTallies, forKey: .subUnitTallies)
        try c.encode(outreach, forKey: .outreach)
        try c.encode(enterprises, forKey: .enterprises)
        try c.encode(regulations, forKey: .regulations)
        // Optional fields are written only when they hold something, so older files keep their bytes.
        if !changeLog.isEmpty { try c.encode(changeLog, forKey: .changeLog) }
        if !conflicts.isEmpty { try c.encode(conflicts, forKey: .conflicts) }
        // report figures (issue 13)
        try c.encodeIfPresent(reported, forKey: .reported)
    }
}

extension Survey {
    /// Index of jurisdiction ids in survey order.
    public var jurisdictionOrder: [String: Int] {
        var order: [String: Int] = [:]
        for (i, j) in jurisdictions.enumerated() { order[j.id] = i }
        return order
    }

    public func jurisdiction(_ id: String) -> Jurisdiction? {
        jurisdictions.first { $0.id == id }
    }

    /// The jurisdiction a person names: its id, Chinese name or short name, or English name (any case).
    public func jurisdiction(matching query: String) -> Jurisdiction? {
        let q = query.trimmingCharacters(in: .whitespaces)
        return jurisdictions.first { $0.id == q || $0.name == q || $0.shortName == q || $0.englishName.lowercased() == q.lowercased() }
    }

    /// The observation of one matrix cell, if any was recorded.
    public func observation(_ jurisdiction: String, _ year: Int, _ kind: DisclosureKind) -> Observation? {
        observations.first { $0.jurisdiction == jurisdiction && $0.year == year && $0.kind == kind }
    }

    /// The status of one matrix cell (`notSurveyed` when nothing was recorded).
    public func status(_ jurisdiction: String, _ year: Int, _ kind: DisclosureKind) -> DisclosureStatus {
        observation(jurisdiction, year, kind)?.status ?? .notSurveyed
    }

    /// Puts records in their canonical order: observations by jurisdiction order, year and kind;
    /// sub-unit observations likewise; outreach by jurisdiction order. Enterprises and regulations
    /// keep the order the user gave them.
    public mutating func canonicalize() {
        years = Array(Set(years)).sorted()
        let order = jurisdictionOrder
        let rank = { (id: String) in order[id] ?? Int.max }
        observations.sort { a, b in
            (rank(a.jurisdiction), a.year, a.kind.sortIndex) < (rank(b.jurisdiction), b.year, b.kind.sortIndex)
        }
        subUnitObservations.sort { a, b in
            if rank(a.jurisdiction) != rank(b.jurisdiction) { return rank(a.jurisdiction) < rank(b.jurisdiction) }
            if a.subUnit != b.subUnit { return a.subUnit < b.subUnit }
            if (a.year ?? 0) != (b.year ?? 0) { return (a.year ?? 0) < (b.year ?? 0) }
            return a.kind.sortIndex < b.kind.sortIndex
        }
        subUnitTallies.sort { a, b in
            (rank(a.jurisdiction), a.kind.sortIndex, a.year ?? 0) < (rank(b.jurisdiction), b.kind.sortIndex, b.year ?? 0)
        }
        outreach.sort { rank($0.jurisdiction) < rank($1.jurisdiction) }
        // report figures (issue 13): cell qualities in cell order
        if var data = reported {
            data.cellQualities = CellQuality.canonicalOrder(data.cellQualities, rank: rank)
            reported = data
        }
    }
}
