import Foundation

/// Where a problem is, so that a UI can jump to it.
public enum ProblemLocation: Codable, Equatable, Hashable, Sendable {
    /// One matrix cell (also used for observations whose jurisdiction or year is unknown).
    case cell(jurisdiction: String, year: Int, kind: DisclosureKind)
    case enterprise(id: String)
    case regulation(id: String)
    case jurisdiction(id: String)
    case outreach(jurisdiction: String)
    /// A named sub-unit's observations.
    case subUnit(jurisdiction: String, subUnit: String)
    /// A tally of unnamed sub-units.
    case subUnitTally(jurisdiction: String, kind: DisclosureKind, year: Int?)
    /// The survey as a whole (its years, its list of jurisdictions).
    case survey

    /// The jurisdiction the location belongs to, if any.
    public var jurisdictionID: String? {
        switch self {
        case .cell(let j, _, _), .jurisdiction(let j), .outreach(let j), .subUnit(let j, _), .subUnitTally(let j, _, _):
            return j
        case .enterprise, .regulation, .survey:
            return nil
        }
    }
}

/// How serious a problem is.
public enum Severity: String, Codable, CaseIterable, Comparable, Sendable {
    /// The data contradicts itself or cannot be used as it stands.
    case error
    /// Possibly right, but worth a look (often: the report's own tables disagree).
    case warning
    /// Not a problem, but worth knowing (e.g. how many cells are not yet entered); never fails a check.
    case info

    private var rank: Int {
        switch self {
        case .error: return 0
        case .warning: return 1
        case .info: return 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// The kinds of problem the `Validator` finds. The raw values are stable: scripts and saved
/// preferences (e.g. "ignore this warning") may rely on them. `description` is the raw value, so
/// "\(code)" prints "labelling-without-list".
public enum ProblemCode: String, Codable, CaseIterable, Sendable, CustomStringConvertible {
    // Matrix cells
    case labellingWithoutList = "labelling-without-list"
    case noListButDisclosed = "no-list-but-disclosed"
    case labellingOnEvaluation = "labelling-on-evaluation"
    case disclosedWithoutEvidence = "disclosed-without-evidence"
    case coverageWithoutDisclosure = "coverage-without-disclosure"
    case observationYearOutsideSurvey = "observation-year-outside-survey"
    case duplicateCell = "duplicate-cell"
    case prefectureOnCorps = "prefecture-on-corps"
    case divisionOutsideCorps = "division-outside-corps"
    // Any record
    case unknownJurisdiction = "unknown-jurisdiction"
    case invalidURL = "invalid-url"
    // Sub-units
    case unknownSubUnit = "unknown-sub-unit"
    case duplicateSubUnitObservation = "duplicate-sub-unit-observation"
    case subUnitYearOutsideSurvey = "sub-unit-year-outside-survey"
    case tallyExceedsUnits = "tally-exceeds-units"
    case tallyCountInvalid = "tally-count-invalid"
    // Enterprises
    case enterpriseYearOutsideSurvey = "enterprise-year-outside-survey"
    case duplicateEnterprise = "duplicate-enterprise"
    case duplicateEnterpriseID = "duplicate-enterprise-id"
    case emptyEnterpriseName = "empty-enterprise-name"
    case itemNotRequired = "item-not-required"
    // Fields a new record starts without (blank means not chosen yet)
    case jurisdictionNotChosen = "jurisdiction-not-chosen"
    case phoneOutcomeNotChosen = "phone-outcome-not-chosen"
    // Regulations
    case regulationDateOrder = "regulation-date-order"
    case supersededByUnknown = "superseded-by-unknown"
    case supersededByItself = "superseded-by-itself"
    case duplicateRegulationID = "duplicate-regulation-id"
    // Survey, jurisdictions, outreach
    case yearsNotAscending = "years-not-ascending"
    case duplicateJurisdictionID = "duplicate-jurisdiction-id"
    case duplicateOutreach = "duplicate-outreach"
    /// Information: cells of the survey's years with nothing recorded yet.
    case cellsNotEntered = "cells-not-entered"
    // Team work
    case mergeConflict = "merge-conflict"
    // Report figures (issue 13): tallies, recorded verdicts, cell qualities, labelling decisions
    case recordsExceedTally = "records-exceed-tally"
    case tallyPartsExceedTotal = "tally-parts-exceed-total"
    case tallyInvalid = "tally-invalid"
    case verdictDisagrees = "verdict-disagrees"
    case verdictUnknownEnterprise = "verdict-unknown-enterprise"
    case qualityOnUndisclosedCell = "quality-on-undisclosed-cell"
    case labellingDecision = "labelling-decision"

    public var description: String { rawValue }

    /// Every code has one severity.
    public var severity: Severity {
        switch self {
        case .labellingWithoutList, .noListButDisclosed, .disclosedWithoutEvidence, .coverageWithoutDisclosure,
             .prefectureOnCorps, .divisionOutsideCorps, .invalidURL, .duplicateEnterprise, .itemNotRequired,
             .jurisdictionNotChosen, .phoneOutcomeNotChosen,
             .verdictDisagrees, .qualityOnUndisclosedCell, .labellingDecision, .tallyPartsExceedTotal:
            return .warning
        case .cellsNotEntered:
            return .info
        case .recordsExceedTally, .tallyInvalid, .verdictUnknownEnterprise:
            return .error
        case .labellingOnEvaluation, .observationYearOutsideSurvey, .duplicateCell, .unknownJurisdiction,
             .subUnitYearOutsideSurvey, .tallyExceedsUnits, .tallyCountInvalid, .enterpriseYearOutsideSurvey,
             .duplicateEnterpriseID, .emptyEnterpriseName, .regulationDateOrder, .supersededByUnknown, .supersededByItself,
             .duplicateRegulationID, .yearsNotAscending, .duplicateJurisdictionID, .duplicateOutreach,
             .unknownSubUnit, .duplicateSubUnitObservation, .mergeConflict:
            return .error
        }
    }
}

/// One thing wrong (or suspicious) in a survey.
public struct Problem: Codable, Equatable, Hashable, Sendable, CustomStringConvertible {
    public typealias Location = ProblemLocation

    public var severity: Severity
    public var code: ProblemCode
    /// A full sentence in the interface language naming the jurisdiction (short name), enterprise,
    /// regulation and year.
    public var message: String
    public var location: ProblemLocation

    /// A problem with its code's severity.
    public init(_ code: ProblemCode, _ message: String, at location: ProblemLocation) {
        self.severity = code.severity
        self.code = code
        self.message = Printable.escaped(message)  // record text may hold control characters
        self.location = location
    }

    public var isError: Bool { severity == .error }

    /// "error [duplicate-cell]: …"
    public var description: String { "\(severity.rawValue) [\(code.rawValue)]: \(message)" }
}

/// The count line of a validation report ("0 errors, 1 warning"), shared by `gongkai check` and the
/// checks section.
public enum ProblemCounts {
    public static func text(errors: Int, warnings: Int) -> String {
        tr("%1, %2", trn("%1 error", "%1 errors", errors), trn("%1 warning", "%1 warnings", warnings))
    }
}
