import Foundation

/// The new content of one matrix cell: an observation, or nil to clear the cell.
public struct CellChange: Sendable, Equatable {
    public var key: CellKey
    /// The cell's new observation (its jurisdiction, year and kind must match `key`); nil clears it.
    public var observation: Observation?

    public init(key: CellKey, observation: Observation?) {
        self.key = key
        self.observation = observation
    }

    /// Sets a cell to an observation (the key is the observation's).
    public init(_ observation: Observation) {
        self.init(key: observation.key, observation: observation)
    }

    /// Clears a cell.
    public static func clear(_ key: CellKey) -> CellChange { CellChange(key: key, observation: nil) }
}

/// An enterprise and the position it is restored to (the inverse of removing enterprises).
public struct PlacedEnterprise: Sendable, Equatable {
    /// Position in `Survey.enterprises` once every enterprise of the same restore is back.
    public var position: Int
    public var enterprise: Enterprise

    public init(position: Int, enterprise: Enterprise) {
        self.position = position
        self.enterprise = enterprise
    }
}

/// One undoable change to a survey. Every change a user makes goes through an `Edit`;
/// `apply(to:)` returns the exact inverse, so undo is "apply the inverse" and redo is "apply the
/// inverse's inverse". One `Edit` is one undo step: a range set or a paste is a single
/// `setCells` with many changes, and `batch` groups anything else.
///
/// Records kept in canonical order (see `Survey.canonicalize`) stay in it: new cells, sub-unit
/// observations, tallies and outreach records are placed where `canonicalize` would put them.
/// Inverses are exact for a survey in canonical order (`SurveyDocument` canonicalizes on load).
public enum Edit: Sendable, Equatable {
    /// Sets or clears cells, in order (a later change of the same cell wins).
    case setCells([CellChange])
    case setMeta(SurveyMeta)
    /// Sets the survey years (sorted, duplicates dropped). Observations of removed years are kept
    /// (the validator reports them) so that adding the year back restores them.
    case setYears([Int])
    /// Inserts new enterprises at a position (nil: at the end). Their ids must be new and distinct.
    case insertEnterprises([Enterprise], at: Int?)
    /// Removes every enterprise with one of these ids; each id must exist.
    case removeEnterprises(ids: [String])
    /// Puts enterprises back at their former positions (ascending); the inverse of a removal.
    case restoreEnterprises([PlacedEnterprise])
    /// Replaces the enterprise with the same id.
    case updateEnterprise(Enterprise)
    /// Replaces the regulation with the same id, or appends it when the id is new.
    case setRegulation(Regulation)
    /// Inserts a regulation with a new id at a position.
    case insertRegulation(Regulation, at: Int)
    case removeRegulation(id: String)
    /// Replaces the jurisdiction's outreach record, or adds one in canonical position.
    case setOutreach(Outreach)
    /// Inserts an outreach record at a position.
    case insertOutreach(Outreach, at: Int)
    case removeOutreach(jurisdiction: String)
    /// Replaces the jurisdiction with the same id, or appends it when the id is new.
    case setJurisdiction(Jurisdiction)
    /// Inserts a jurisdiction with a new id at a position (nil: at the end).
    case insertJurisdiction(Jurisdiction, at: Int?)
    /// Removes a jurisdiction that no record refers to.
    case removeJurisdiction(id: String)
    /// Replaces all named sub-unit observations of a jurisdiction.
    case setSubUnitObservations(jurisdiction: String, [SubUnitObservation])
    /// Replaces all sub-unit tallies of a jurisdiction.
    case setSubUnitTallies(jurisdiction: String, [SubUnitTally])
    /// Replaces the unresolved merge conflicts (`Survey.conflicts`).
    case setConflicts([MergeConflict])
    /// Replaces the quality marks (部分公开, 较为全面 …) of one cell (issue 13).
    case setCellQualities(CellKey, [CellQuality])
    /// Replaces what the survey keeps from a report: tallies, verdicts, qualities, stated figures
    /// and decisions (how a compare or a merge in the window sets one of them).
    case setReportedData(ReportedData)
    /// Several edits as one undo step, applied in order; all or nothing.
    case batch([Edit])

    /// Sets cells to observations (each to its own cell).
    public static func setObservations(_ observations: [Observation]) -> Edit {
        .setCells(observations.map(CellChange.init))
    }

    /// Clears cells.
    public static func clearCells(_ keys: [CellKey]) -> Edit {
        .setCells(keys.map(CellChange.clear))
    }

    /// True for an edit that changes nothing whatever the survey (an empty list), which a
    /// document does not record as an undo step.
    public var isEmpty: Bool {
        switch self {
        case .setCells(let changes): return changes.isEmpty
        case .insertEnterprises(let enterprises, _): return enterprises.isEmpty
        case .removeEnterprises(let ids): return ids.isEmpty
        case .restoreEnterprises(let placed): return placed.isEmpty
        case .batch(let edits): return edits.allSatisfy(\.isEmpty)
        default: return false
        }
    }

    /// True for an edit that leaves the enterprises and the jurisdictions as they were, so the
    /// enterprise figures of `Statistics` (one pass over every enterprise) still hold after it
    /// (see `Statistics.updated(for:)`): cells, years, metadata, regulations, outreach, sub-units.
    public var keepsEnterprisesAndJurisdictions: Bool {
        switch self {
        case .setCells, .setMeta, .setYears, .setRegulation, .insertRegulation, .removeRegulation,
             .setOutreach, .insertOutreach, .removeOutreach, .setSubUnitObservations, .setSubUnitTallies,
             .setConflicts, .setCellQualities:
            return true
        case .insertEnterprises, .removeEnterprises, .restoreEnterprises, .updateEnterprise,
             .setReportedData, .setJurisdiction, .insertJurisdiction, .removeJurisdiction:
            return false
        case .batch(let edits):
            return edits.allSatisfy(\.keepsEnterprisesAndJurisdictions)
        }
    }

    /// True for an edit that also leaves the outreach records and the report's tallies and verdicts
    /// as they were, so that the combined figures of `Statistics` (records with the report's
    /// tallies: another pass over every enterprise's calls) still hold after it: cells, cell
    /// qualities, years, metadata, regulations, sub-units, conflicts. A cell edit is one.
    public var keepsCombinedFigures: Bool {
        switch self {
        case .setCells, .setCellQualities, .setMeta, .setYears, .setRegulation, .insertRegulation, .removeRegulation,
             .setSubUnitObservations, .setSubUnitTallies, .setConflicts:
            return true
        case .setOutreach, .insertOutreach, .removeOutreach,
             .insertEnterprises, .removeEnterprises, .restoreEnterprises, .updateEnterprise, .setReportedData,
             .setJurisdiction, .insertJurisdiction, .removeJurisdiction:
            return false
        case .batch(let edits):
            return edits.allSatisfy(\.keepsCombinedFigures)
        }
    }
}

/// Why an edit could not be applied. The survey is left unchanged.
public enum EditError: Error, Equatable, LocalizedError {
    case cellKeyMismatch(CellKey)
    case unknownEnterprise(String)
    case duplicateEnterpriseID(String)
    case unknownRegulation(String)
    case duplicateRegulationID(String)
    case unknownOutreach(String)
    case duplicateOutreach(String)
    case duplicateJurisdictionID(String)
    case unknownJurisdiction(String)
    case jurisdictionInUse(String)
    /// A sub-unit observation or tally of another jurisdiction in a per-jurisdiction replacement.
    case recordOfOtherJurisdiction(expected: String, found: String)
    case positionOutOfRange(Int)

    public var errorDescription: String? {
        switch self {
        case .cellKeyMismatch(let key): return "The observation does not belong to cell \(key)."
        case .unknownEnterprise(let id): return "There is no enterprise with id “\(id)”."
        case .duplicateEnterpriseID(let id): return "An enterprise with id “\(id)” already exists."
        case .unknownRegulation(let id): return "There is no regulation with id “\(id)”."
        case .duplicateRegulationID(let id): return "A regulation with id “\(id)” already exists."
        case .unknownOutreach(let id): return "There is no outreach record for “\(id)”."
        case .duplicateOutreach(let id): return "There is already an outreach record for “\(id)”."
        case .duplicateJurisdictionID(let id): return "A jurisdiction with id “\(id)” already exists."
        case .unknownJurisdiction(let id): return "There is no jurisdiction with id “\(id)”."
        case .jurisdictionInUse(let id): return "Jurisdiction “\(id)” still has records; remove them first."
        case .recordOfOtherJurisdiction(let expected, let found):
            return "A record of “\(found)” cannot be stored under jurisdiction “\(expected)”."
        case .positionOutOfRange(let i): return "Position \(i) is outside the list."
        }
    }
}
