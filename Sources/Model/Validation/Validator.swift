import Foundation

/// Finds the errors and doubtful entries of a survey.
///
/// Messages are full sentences in the interface language (`tr` with positional placeholders, so a
/// translation can reorder the parts); codes, severities and locations do not depend on it.
///
/// Every check is a single pass with dictionaries (no search per record), so a survey with
/// 100,000 enterprises is validated in a few tens of milliseconds. The result is sorted: errors
/// first, then warnings; within a severity by location — the survey, jurisdictions, cells
/// (jurisdiction order, year, kind), sub-units, tallies, outreach, enterprises and regulations
/// (in their list order) — and then in the order the checks found them.
public enum Validator {
    public static func validate(_ survey: Survey) -> [Problem] {
        validation(survey).problems
    }

    /// The problems of `survey`, kept with what a later cell edit needs to re-check only the cells
    /// (`Validation.updated(for:after:)`).
    public static func validation(_ survey: Survey) -> Validation {
        var context = ValidationContext(survey)
        for check in ValidationCheck.allCases { context.run(check) }
        let ranked = context.rankedProblems()
        return Validation(problems: ranked.map(\.problem), kept: ranked.filter { !$0.check.readsCells })
    }

    /// True when the survey has no errors (warnings and information allowed).
    public static func hasErrors(_ survey: Survey) -> Bool {
        validate(survey).contains { $0.severity == .error }
    }
}

/// The checks, in the order they run (which orders problems at the same place): each is one pass.
enum ValidationCheck: Int, CaseIterable, Comparable, Sendable {
    case survey, cells, subUnits, outreach, enterprises, regulations, unenteredCells, missingFields, conflicts
    // The report's data (issue 13).
    case tallies, verdicts, cellQualities, decisions

    /// True for the checks that read the observations or the cells' quality marks: the only
    /// checks whose problems a cell edit (`Edit.changesOnlyCells`) can change. The others read
    /// the jurisdictions, years, enterprises, regulations, outreach, sub-units, conflicts and the
    /// report's tallies, verdicts and decisions, none of which a cell edit touches.
    var readsCells: Bool {
        switch self {
        case .cells, .unenteredCells, .cellQualities: return true
        case .survey, .subUnits, .outreach, .enterprises, .regulations, .missingFields, .conflicts,
             .tallies, .verdicts, .decisions: return false
        }
    }

    static func < (a: ValidationCheck, b: ValidationCheck) -> Bool { a.rawValue < b.rawValue }
}

/// Shared lookups and the problems found so far.
struct ValidationContext {
    let survey: Survey
    /// Jurisdiction id → position of its first record.
    let jurisdictions: JurisdictionLookup
    let years: YearSet
    private(set) var problems: [Problem] = []
    /// Per problem: the position of its enterprise or regulation in the survey's list, for sorting.
    private var recordPositions: [Int] = []
    /// Per problem: the check that found it.
    private var checks: [ValidationCheck] = []
    /// The check running now.
    private var check = ValidationCheck.survey

    init(_ survey: Survey) {
        self.survey = survey
        jurisdictions = JurisdictionLookup(survey.jurisdictions)
        years = YearSet(survey.years)
    }

    /// Records a problem; `position` is the index of the enterprise or regulation it is about.
    mutating func add(_ code: ProblemCode, _ message: String, at location: ProblemLocation, position: Int = Int.max) {
        problems.append(Problem(code, message, at: location))
        recordPositions.append(position)
        checks.append(check)
    }

    /// Runs one check; its problems are recorded as found by it.
    mutating func run(_ check: ValidationCheck) {
        self.check = check
        switch check {
        case .survey: checkSurvey()
        case .cells: checkCells()
        case .subUnits: checkSubUnits()
        case .outreach: checkOutreach()
        case .enterprises: checkEnterprises()
        case .regulations: checkRegulations()
        case .unenteredCells: countUnenteredCells()
        case .missingFields: checkMissingFields()
        case .conflicts: checkConflicts()
        case .tallies: if let reported = survey.reported { checkTallies(reported.tallies) }
        case .verdicts: if let reported = survey.reported { checkVerdicts(reported.verdicts) }
        case .cellQualities: if let reported = survey.reported { checkQualities(reported.cellQualities) }
        case .decisions: if let reported = survey.reported { checkDecisions(reported.decisions) }
        }
    }

    /// The jurisdiction's record, if the id is known.
    func jurisdiction(_ id: String) -> Jurisdiction? {
        jurisdictions.position(of: id).map { survey.jurisdictions[$0] }
    }

    /// How messages name a jurisdiction: its short name, or the quoted id when it is unknown.
    func name(_ id: String) -> String {
        Self.name(jurisdiction(id), id: id)
    }

    /// The name of `jurisdiction` (looked up by `id`, nil when unknown) as messages write it.
    static func name(_ jurisdiction: Jurisdiction?, id: String) -> String {
        // The name in the interface language (Guangxi / 广西), the full name when that one is empty.
        if let j = jurisdiction { return j.displayName.isEmpty ? j.name : j.displayName }
        return "“\(id)”"
    }

    /// "the 2019 audit-list cell of 安徽" (translated: "安徽 2019 年审核企业名单单元格")
    func cellPhrase(_ jurisdiction: String, _ year: Int, _ kind: DisclosureKind) -> String {
        Self.cellPhrase(year, kind, name(jurisdiction))
    }

    /// The same, with the jurisdiction's name as messages write it.
    static func cellPhrase(_ year: Int, _ kind: DisclosureKind, _ name: String) -> String {
        tr("the %1 %2 cell of %3", year, kind.problemPhrase, name)
    }

    /// "the 2019 …" → "The 2019 …", for a phrase that starts a sentence (Chinese is unchanged).
    static func upperFirst(_ phrase: String) -> String {
        guard let first = phrase.first else { return phrase }
        return first.uppercased() + phrase.dropFirst()
    }

    /// Problems sorted by severity, location and discovery order (the check that found them, then
    /// the order within the check), each with its rank.
    func rankedProblems() -> [RankedProblem] {
        let ranked = problems.indices.map { i in
            RankedProblem(problem: problems[i], location: sortKey(problems[i].location, position: recordPositions[i]),
                          check: checks[i], sequence: i)
        }
        return ranked.sorted(by: RankedProblem.precedes)
    }

    func sortKey(_ location: ProblemLocation, position: Int) -> LocationKey {
        let unknown = Int.max
        func j(_ id: String) -> Int { jurisdictions.position(of: id) ?? unknown }
        switch location {
        case .survey:
            return LocationKey(category: 0, primary: 0, secondary: 0, tertiary: 0, text: "")
        case .jurisdiction(let id):
            return LocationKey(category: 1, primary: j(id), secondary: 0, tertiary: 0, text: id)
        case .cell(let id, let year, let kind):
            return LocationKey(category: 2, primary: j(id), secondary: year, tertiary: kind.sortIndex, text: id)
        case .subUnit(let id, let unit):
            return LocationKey(category: 3, primary: j(id), secondary: 0, tertiary: 0, text: id + "\u{0}" + unit)
        case .subUnitTally(let id, let kind, let year):
            return LocationKey(category: 4, primary: j(id), secondary: kind.sortIndex, tertiary: year ?? 0, text: id)
        case .outreach(let id):
            return LocationKey(category: 5, primary: j(id), secondary: 0, tertiary: 0, text: id)
        case .enterprise(let id):
            return LocationKey(category: 6, primary: position, secondary: 0, tertiary: 0, text: id)
        case .regulation(let id):
            return LocationKey(category: 7, primary: position, secondary: 0, tertiary: 0, text: id)
        }
    }
}

extension DisclosureKind {
    /// "audit-list" / "evaluation-results", as problem messages write it (translated).
    var problemPhrase: String { self == .auditList ? tr("audit-list") : tr("evaluation-results") }
}

extension DisclosureStatus {
    /// "not disclosed", "delegated to prefecture level", … as problem messages write it (translated).
    var problemPhrase: String {
        switch self {
        case .disclosed: return tr("disclosed")
        case .notDisclosed: return tr("not disclosed")
        case .prefecture: return tr("delegated to prefecture level")
        case .division: return tr("delegated to division level")
        case .notSurveyed: return tr("not surveyed")
        }
    }
}

extension Validator {
    /// True for an absolute http or https address with a host and no spaces or control characters.
    /// A plain scan of the bytes: Foundation's `URL` parser is far too slow for 100,000 enterprises.
    public static func isWebURL(_ text: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        var scheme: UInt64 = 0
        var schemeLength = 0
        while let b = bytes.next(), b != UInt8(ascii: ":") {
            schemeLength += 1
            if schemeLength > 5 { return false }
            scheme = scheme << 8 | UInt64(b | 0x20)  // ASCII lower case
        }
        let http: UInt64 = 0x6874_7470, https: UInt64 = 0x68_7474_7073
        guard scheme == http || scheme == https,
              bytes.next() == UInt8(ascii: "/"), bytes.next() == UInt8(ascii: "/") else { return false }
        var hostLength = 0
        var inHost = true
        while let b = bytes.next() {
            if b <= 0x20 || b == 0x7F { return false }
            if b == UInt8(ascii: "/") || b == UInt8(ascii: "?") || b == UInt8(ascii: "#") { inHost = false }
            if inHost { hostLength += 1 }
        }
        return hostLength > 0
    }
}
