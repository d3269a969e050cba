import Foundation

/// Where a figure comes from.
public enum FigureSource: String, Codable, Sendable {
    /// Counted from the survey's records (cells, enterprises, outreach).
    case records
    /// A total the report publishes (`ReportedTally`), with no record in its scope.
    case tallies
    /// A reported total that includes records entered for its scope.
    case both
}

/// One figure of the enterprise sample, the phone survey or the letters, combining records and
/// tallies: for each scope the tally where there is one, the records otherwise, so that nothing
/// is counted twice (a tally is the report's total for its scope, its records included).
public struct CombinedFigure: Codable, Equatable, Sendable {
    public var measure: TallyMeasure
    /// Nil: the whole survey.
    public var jurisdiction: String?
    public var outcome: PhoneOutcome?
    public var item: DisclosureItem?
    public var value: Int
    /// What the records alone give for the same scope.
    public var records: Int
    /// The tally of exactly this scope, if any.
    public var tally: Int?
    public var source: FigureSource

    public init(measure: TallyMeasure, jurisdiction: String? = nil, outcome: PhoneOutcome? = nil, item: DisclosureItem? = nil,
                value: Int, records: Int, tally: Int?, source: FigureSource) {
        self.measure = measure
        self.jurisdiction = jurisdiction
        self.outcome = outcome
        self.item = item
        self.value = value
        self.records = records
        self.tally = tally
        self.source = source
    }
}

/// The combined figures of a survey: whole-survey figures for every count measure (and each
/// phone outcome), and per-jurisdiction figures where a jurisdiction has records or tallies.
public struct CombinedFigures: Codable, Equatable, Sendable {
    public var survey: [CombinedFigure] = []
    public var byJurisdiction: [CombinedFigure] = []
    /// Item percentages the report publishes (tallies only).
    public var items: [CombinedFigure] = []

    public init() {}

    /// The whole-survey figure of a measure (and outcome).
    public func figure(_ measure: TallyMeasure, outcome: PhoneOutcome? = nil) -> CombinedFigure? {
        survey.first { $0.measure == measure && $0.outcome == outcome }
    }

    /// A jurisdiction's figure of a measure.
    public func figure(_ measure: TallyMeasure, jurisdiction: String, outcome: PhoneOutcome? = nil) -> CombinedFigure? {
        byJurisdiction.first { $0.measure == measure && $0.jurisdiction == jurisdiction && $0.outcome == outcome }
    }

    /// The scopes counted: a measure and, for phone outcomes, the outcome.
    static var scopes: [(TallyMeasure, PhoneOutcome?)] {
        TallyMeasure.allCases.filter(\.isCount).flatMap { m -> [(TallyMeasure, PhoneOutcome?)] in
            m == .phoneOutcome ? PhoneOutcome.allCases.map { (m, $0) } : [(m, nil)]
        }
    }

    init(_ survey: Survey, enterprises: EnterpriseStatistics) {
        let tallies = survey.reported?.tallies ?? []
        let records = RecordCounts(survey, enterprises: enterprises, byYear: tallies.contains { $0.year != nil })
        var jurisdictionIDs = survey.jurisdictions.map(\.id)
        for t in tallies { if let j = t.jurisdiction, !jurisdictionIDs.contains(j) { jurisdictionIDs.append(j) } }
        for j in records.jurisdictions where !jurisdictionIDs.contains(j) { jurisdictionIDs.append(j) }

        func tally(_ m: TallyMeasure, _ o: PhoneOutcome?, _ j: String?, _ y: Int?) -> Int? {
            tallies.first { $0.measure == m && $0.outcome == o && $0.jurisdiction == j && $0.year == y && $0.item == nil }?.value
        }
        for (m, o) in Self.scopes {
            var total = 0, totalRecords = 0, usedTally = false
            for j in jurisdictionIDs {
                let r = records.count(m, o, j, nil)
                var value = 0, tallied = false
                if let t = tally(m, o, j, nil) {
                    value = t
                    tallied = true
                } else {
                    // Per year: the year's tally or records, plus records without a year.
                    value = records.count(m, o, j, .some(nil))
                    for y in Set(tallies.filter { $0.jurisdiction == j && $0.measure == m && $0.outcome == o }.compactMap(\.year)).union(records.years(j))
                        .sorted() {
                        if let t = tally(m, o, j, y) { value += t; tallied = true } else { value += records.count(m, o, j, .some(y)) }
                    }
                }
                total += value
                totalRecords += r
                usedTally = usedTally || tallied
                if r > 0 || tallied {
                    byJurisdiction.append(CombinedFigure(measure: m, jurisdiction: j, outcome: o, value: value, records: r,
                                                         tally: tally(m, o, j, nil),
                                                         source: Self.source(records: r, tallied: tallied)))
                }
            }
            let own = tally(m, o, nil, nil)
            if let own { total = own }
            self.survey.append(CombinedFigure(measure: m, outcome: o, value: total, records: totalRecords, tally: own,
                                              source: Self.source(records: totalRecords, tallied: usedTally || own != nil)))
        }
        for t in tallies where t.measure == .itemPublishedPercent {
            items.append(CombinedFigure(measure: t.measure, jurisdiction: t.jurisdiction, item: t.item, value: t.value, records: 0,
                                        tally: t.value, source: .tallies))
        }
    }

    static func source(records: Int, tallied: Bool) -> FigureSource {
        tallied ? (records > 0 ? .both : .tallies) : .records
    }
}

/// Counts of records per measure, jurisdiction and (when asked) year.
struct RecordCounts {
    /// measure/outcome key → jurisdiction → year (nil: no year) → count.
    private var counts: [String: [String: [Int?: Int]]] = [:]
    private var yearsSeen: [String: Set<Int>] = [:]
    private(set) var jurisdictions: [String] = []

    private static func key(_ m: TallyMeasure, _ o: PhoneOutcome?) -> String { m.rawValue + "/" + (o?.rawValue ?? "") }

    private mutating func add(_ m: TallyMeasure, _ j: String, _ y: Int?, _ n: Int = 1) {
        add(m, nil, j, y, n)
    }

    private mutating func add(_ m: TallyMeasure, _ o: PhoneOutcome?, _ j: String, _ y: Int?, _ n: Int) {
        guard n != 0 else { return }
        counts[Self.key(m, o), default: [:]][j, default: [:]][y, default: 0] += n
        if let y { yearsSeen[j, default: []].insert(y) }
        if !jurisdictions.contains(j) { jurisdictions.append(j) }
    }

    init(_ survey: Survey, enterprises: EnterpriseStatistics, byYear: Bool) {
        if byYear {
            let verdicts = Dictionary((survey.reported?.verdicts ?? []).map { ($0.enterprise, $0.verdict) }, uniquingKeysWith: { a, _ in a })
            for e in survey.enterprises {
                let c = e.effectiveCompleteness(recorded: verdicts[e.id])
                add(.enterprisesSampled, e.jurisdiction, e.year)
                if c != .nothingDisclosed { add(.enterprisesDisclosed, e.jurisdiction, e.year) }
                if c == .complete { add(.enterprisesComplete, e.jurisdiction, e.year) }
                if c == .incomplete { add(.enterprisesIncomplete, e.jurisdiction, e.year) }
                if c == .cannotJudge { add(.enterprisesCannotJudge, e.jurisdiction, e.year) }
                if let last = e.phoneAttempts.last {
                    add(.phoneCalls, e.jurisdiction, e.year)
                    add(.phoneOutcome, last.outcome, e.jurisdiction, e.year, 1)
                }
            }
        } else {
            // The per-jurisdiction figures are already counted (with recorded verdicts).
            for j in enterprises.byJurisdiction where j.sampled > 0 {
                add(.enterprisesSampled, j.jurisdiction, nil, j.sampled)
                add(.enterprisesDisclosed, j.jurisdiction, nil, j.disclosed)
                add(.enterprisesComplete, j.jurisdiction, nil, j.completeness.complete)
                add(.enterprisesIncomplete, j.jurisdiction, nil, j.completeness.incomplete)
                add(.enterprisesCannotJudge, j.jurisdiction, nil, j.completeness.cannotJudge)
            }
            // Read in place: copying 100,000 enterprises out of the array would cost more than the counting.
            survey.enterprises.withUnsafeBufferPointer { enterprises in
                guard let base = enterprises.baseAddress else { return }
                for i in enterprises.indices {
                    guard let last = (base + i).pointee.phoneAttempts.last else { continue }
                    let j = (base + i).pointee.jurisdiction
                    add(.phoneCalls, j, nil)
                    add(.phoneOutcome, last.outcome, j, nil, 1)
                }
            }
        }
        for o in survey.outreach {
            guard let letter = o.letter, letter.sent else { continue }
            add(.lettersSent, o.jurisdiction, nil)
            if letter.replied == true { add(.lettersReplied, o.jurisdiction, nil) }
        }
    }

    /// All records of a jurisdiction (`year` nil), or those of one year (`.some(y)`, y nil: without a year).
    func count(_ m: TallyMeasure, _ o: PhoneOutcome?, _ j: String, _ year: Int??) -> Int {
        guard let byYear = counts[Self.key(m, o)]?[j] else { return 0 }
        switch year {
        case .none: return byYear.values.reduce(0, +)
        case .some(let y): return byYear[y] ?? 0
        }
    }

    func years(_ j: String) -> Set<Int> { yearsSeen[j] ?? [] }
}
