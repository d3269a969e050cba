import Foundation

/// One stated figure recomputed from the survey.
public struct ReconciledFigure: Codable, Equatable, Sendable {
    public var id: String
    /// The statement, quoted from the report.
    public var statement: String
    public var stated: Int
    /// Nil when the survey holds nothing the figure can be computed from.
    public var computed: Int?
    public var agrees: Bool
    public var query: FigureQuery
    /// Where the computed value comes from: records, tallies or both.
    public var computedFrom: FigureSource?
    /// What was counted: jurisdiction ids, or enterprise names.
    public var counted: [String]
    /// Named in the statement but not counted.
    public var missing: [String]
    /// Counted but not named in the statement.
    public var extra: [String]
    /// The cells that make the difference (of the jurisdictions missing or extra).
    public var cells: [CellKey]
    /// Where in the report.
    public var reference: String?
    public var decision: LabellingDecision?
    public var note: String?
}

/// Recomputes the figures a report states (`StatedFigure`) from the survey's cells, records and tallies.
public struct Reconciler {
    let survey: Survey
    let stats: Statistics
    private let cells: [CellKey: Observation]

    public init(_ survey: Survey, statistics: Statistics? = nil) {
        self.survey = survey
        self.stats = statistics ?? Statistics(survey)
        var cells: [CellKey: Observation] = [:]
        for o in survey.observations where cells[o.key] == nil { cells[o.key] = o }
        self.cells = cells
    }

    /// Every stated figure of the survey, in its order.
    public func reconcile() -> [ReconciledFigure] {
        (survey.reported?.statedFigures ?? []).map(reconcile)
    }

    /// True when every stated figure agrees.
    public static func allAgree(_ figures: [ReconciledFigure]) -> Bool { figures.allSatisfy(\.agrees) }

    public func reconcile(_ figure: StatedFigure) -> ReconciledFigure {
        let result = compute(figure.query)
        var missing: [String] = [], extra: [String] = []
        if let names = figure.names {
            missing = names.filter { !result.members.contains($0) }
            extra = result.members.filter { !names.contains($0) }
        }
        var differenceCells: [CellKey] = []
        for j in missing + extra {
            let specific = cellsOf(j, query: figure.query)
            differenceCells += specific.isEmpty ? allCells(of: j, query: figure.query) : specific
        }
        let agrees: Bool
        if let computed = result.value {
            if figure.approximate == true {
                agrees = abs(computed - figure.stated) <= max(1, figure.stated / 10)
            } else {
                agrees = computed == figure.stated && missing.isEmpty && extra.isEmpty
            }
        } else {
            agrees = false
        }
        let decision = figure.decision.flatMap { id in survey.reported?.decisions.first { $0.id == id } }
        return ReconciledFigure(id: figure.id, statement: figure.statement, stated: figure.stated, computed: result.value,
                                agrees: agrees, query: figure.query, computedFrom: result.source, counted: result.members,
                                missing: missing, extra: extra, cells: differenceCells, reference: figure.source,
                                decision: decision, note: figure.note)
    }

    // MARK: - Computing

    /// A computed figure: its value (nil when it cannot be computed), source and what it counted.
    public struct Result: Sendable {
        public var value: Int?
        public var source: FigureSource?
        public var members: [String] = []
    }

    private func status(_ j: String, _ year: Int, _ kind: DisclosureKind) -> DisclosureStatus {
        cells[CellKey(jurisdiction: j, year: year, kind: kind)]?.status ?? .notSurveyed
    }

    /// Jurisdictions (survey order) whose cell passes a test, as a result from records.
    private func jurisdictions(where test: (Jurisdiction) -> Bool) -> Result {
        let members = survey.jurisdictions.filter(test).map(\.id)
        return Result(value: members.count, source: .records, members: members)
    }

    private func coverage(_ j: String, _ year: Int, _ kind: DisclosureKind) -> (mandatory: Bool, voluntary: Bool, unclassified: Bool)? {
        guard let o = cells[CellKey(jurisdiction: j, year: year, kind: kind)], o.status == .disclosed, !o.coverage.isEmpty else { return nil }
        return (o.coverage.contains(.mandatory), o.coverage.contains(.voluntary),
                !o.coverage.contains(.mandatory) && !o.coverage.contains(.voluntary))
    }

    private func combined(_ measure: TallyMeasure, _ query: FigureQuery) -> Result {
        let figure = query.jurisdiction.map { stats.figures.figure(measure, jurisdiction: $0, outcome: query.outcome) }
            ?? stats.figures.figure(measure, outcome: query.outcome)
        guard let figure else {
            // A jurisdiction without records or tallies has none of them.
            return query.jurisdiction == nil ? Result() : Result(value: 0, source: .records)
        }
        return Result(value: figure.value, source: figure.source, members: enterpriseNames(measure, query))
    }

    /// The recorded enterprises a measure counts, by name.
    private func enterpriseNames(_ measure: TallyMeasure, _ query: FigureQuery) -> [String] {
        let verdicts = Dictionary((survey.reported?.verdicts ?? []).map { ($0.enterprise, $0.verdict) }, uniquingKeysWith: { a, _ in a })
        let wanted: Completeness?
        switch measure {
        case .enterprisesComplete: wanted = .complete
        case .enterprisesIncomplete: wanted = .incomplete
        default: return []
        }
        return survey.enterprises.filter { e in
            (query.jurisdiction == nil || e.jurisdiction == query.jurisdiction)
                && e.effectiveCompleteness(recorded: verdicts[e.id]) == wanted
        }.map(\.name)
    }

    /// Computes what a query asks for.
    public func compute(_ q: FigureQuery) -> Result {
        let kind = q.kind ?? .auditList
        switch q.measure {
        case .jurisdictions:
            return jurisdictions { _ in true }
        case .jurisdictionsDisclosed:
            guard let year = q.year else { return Result() }
            return jurisdictions { status($0.id, year, kind) == .disclosed }
        case .coverageMandatoryAndVoluntary:
            guard let year = q.year else { return Result() }
            return jurisdictions { coverage($0.id, year, kind).map { $0.mandatory && $0.voluntary } ?? false }
        case .coverageVoluntaryOnly:
            guard let year = q.year else { return Result() }
            return jurisdictions { coverage($0.id, year, kind).map { $0.voluntary && !$0.mandatory } ?? false }
        case .coverageUnclassified:
            guard let year = q.year else { return Result() }
            return jurisdictions { coverage($0.id, year, kind)?.unclassified ?? false }
        case .labellingAllMarked, .labellingSomeMarked:
            guard let year = q.year else { return Result() }
            let all = q.measure == .labellingAllMarked
            return jurisdictions { j in
                guard case .marked(let set)? = cells[CellKey(jurisdiction: j.id, year: year, kind: .auditList)]?.reasonLabelling else { return false }
                return all ? set == .all : set != .all && !set.isEmpty
            }
        case .cellsDisclosed:
            guard let j = q.jurisdiction else { return Result() }
            let kinds = q.kind.map { [$0] } ?? DisclosureKind.allCases
            let n = survey.years.reduce(0) { sum, y in sum + kinds.filter { status(j, y, $0) == .disclosed }.count }
            return Result(value: n, source: .records, members: [j])
        case .jurisdictionsDelegating:
            return jurisdictions { j in
                survey.years.contains { y in DisclosureKind.allCases.contains { status(j.id, y, $0).isDelegated } }
            }
        case .jurisdictionsWithQuality:
            guard let quality = q.quality else { return Result() }
            let marks = survey.reported?.cellQualities ?? []
            return jurisdictions { j in
                marks.contains { $0.jurisdiction == j.id && $0.quality == quality && (q.kind == nil || $0.kind == q.kind) }
            }
        case .percentDisclosed:
            var disclosed = 0, surveyed = 0
            for j in survey.jurisdictions {
                for y in survey.years {
                    let s = status(j.id, y, kind)
                    if s != .notSurveyed { surveyed += 1 }
                    if s == .disclosed { disclosed += 1 }
                }
            }
            guard surveyed > 0 else { return Result() }
            return Result(value: Int((Double(disclosed) * 100 / Double(surveyed)).rounded()), source: .records)
        case .enterprisesSampled: return combined(.enterprisesSampled, q)
        case .enterprisesDisclosed: return combined(.enterprisesDisclosed, q)
        case .enterprisesComplete: return combined(.enterprisesComplete, q)
        case .enterprisesIncomplete: return combined(.enterprisesIncomplete, q)
        case .enterprisesCannotJudge: return combined(.enterprisesCannotJudge, q)
        case .jurisdictionsSampled, .samplePerJurisdiction:
            let rows = stats.figures.byJurisdiction.filter { $0.measure == .enterprisesSampled && $0.value > 0 }
            let source = Self.merged(rows.map(\.source))
            if q.measure == .jurisdictionsSampled {
                return Result(value: rows.count, source: source, members: rows.compactMap(\.jurisdiction))
            }
            let sizes = Set(rows.map(\.value))
            return Result(value: sizes.count == 1 ? sizes.first : nil, source: source)
        case .itemPublishedPercent:
            guard let f = stats.figures.items.first(where: { $0.item == q.item && $0.jurisdiction == q.jurisdiction }) else { return Result() }
            return Result(value: f.value, source: f.source)
        case .phoneCalls: return combined(.phoneCalls, q)
        case .phoneOutcome: return combined(.phoneOutcome, q)
        case .lettersSent: return combined(.lettersSent, q)
        case .lettersReplied: return combined(.lettersReplied, q)
        case .lettersImproved:
            return jurisdictions { j in survey.outreach.contains { $0.jurisdiction == j.id && $0.letter?.improvedAfterwards == true } }
        case .subUnits:
            // The sub-units the jurisdiction lists (its record), else those counted for the kind.
            guard let j = q.jurisdiction else { return Result() }
            if let listed = survey.jurisdiction(j)?.subUnits.count, listed > 0 { return Result(value: listed, source: .records, members: [j]) }
            guard let row = stats.subUnits(of: j, kind: kind).first(where: { $0.basis != .notRecorded }) else { return Result() }
            return Result(value: row.units, source: row.basis == .reported ? .tallies : .records, members: [j])
        case .subUnitsDisclosed, .subUnitsNotDisclosed:
            guard let j = q.jurisdiction else { return Result() }
            let rows = stats.subUnits(of: j, kind: kind).filter { $0.basis != .notRecorded }
            guard let row = rows.first else { return Result() }
            let value = q.measure == .subUnitsDisclosed ? row.disclosed : row.notDisclosed
            return Result(value: value, source: row.basis == .reported ? .tallies : .records, members: [j])
        case .regulationYear:
            guard let r = survey.regulations.first(where: { $0.id == q.regulation }) else { return Result() }
            let date: PartialDate?
            switch q.date ?? "effective" {
            case "adopted": date = r.adopted
            case "promulgated": date = r.promulgated
            case "amended": date = r.amended.last
            case "repealed": date = r.repealed
            default: date = r.effective
            }
            return Result(value: date?.year, source: date == nil ? nil : .records)
        }
    }

    static func merged(_ sources: [FigureSource]) -> FigureSource? {
        guard let first = sources.first else { return nil }
        return sources.allSatisfy({ $0 == first }) ? first : .both
    }

    /// Every recorded cell of a jurisdiction for the query's kind (or both kinds) and years.
    private func allCells(of j: String, query q: FigureQuery) -> [CellKey] {
        guard survey.jurisdiction(j) != nil else { return [] }
        let kinds = q.kind.map { [$0] } ?? DisclosureKind.allCases
        let years = q.year.map { [$0] } ?? survey.years
        return years.flatMap { y in kinds.compactMap { k in cells[CellKey(jurisdiction: j, year: y, kind: k)]?.key } }
    }

    /// The cells of a jurisdiction a query looks at.
    private func cellsOf(_ j: String, query q: FigureQuery) -> [CellKey] {
        let isLabelling = q.measure == .labellingAllMarked || q.measure == .labellingSomeMarked
        let kinds = isLabelling ? [.auditList] : q.kind.map { [$0] } ?? DisclosureKind.allCases
        let years = q.year.map { [$0] } ?? survey.years
        switch q.measure {
        case .jurisdictionsDisclosed, .coverageMandatoryAndVoluntary, .coverageVoluntaryOnly, .coverageUnclassified,
             .labellingAllMarked, .labellingSomeMarked, .cellsDisclosed:
            return years.flatMap { y in kinds.map { CellKey(jurisdiction: j, year: y, kind: $0) } }
        case .jurisdictionsDelegating:
            return years.flatMap { y in DisclosureKind.allCases.filter { status(j, y, $0).isDelegated }.map { CellKey(jurisdiction: j, year: y, kind: $0) } }
        case .jurisdictionsWithQuality:
            return (survey.reported?.cellQualities ?? []).filter { $0.jurisdiction == j && $0.quality == q.quality && (q.kind == nil || $0.kind == q.kind) }.map(\.key)
        default:
            return []
        }
    }
}
