import Foundation

/// The problems of one survey (`Validator.validation`), with what is needed to follow a cell edit
/// without validating everything again.
///
/// A cell edit (`Edit.changesOnlyCells`: statuses, notes, evidence, labelling, coverage, quality
/// marks) can change only the problems of the checks that read the cells
/// (`ValidationCheck.readsCells`: the cells, the count of cells not entered, the quality marks).
/// `updated(for:after:)` runs those checks again (one pass over the observations) and merges their
/// problems with the kept problems of the other checks (the passes over 100,000 enterprises), in
/// the order a full validation gives. Any other edit (or a change of the interface language)
/// validates everything.
public struct Validation: Sendable {
    /// Sorted as `Validator.validate` returns them: errors first, then by place and discovery order.
    public let problems: [Problem]
    /// The problems of the checks a cell edit cannot change, in the same order, with their ranks.
    let kept: [RankedProblem]
    /// The interface language of the messages (kept messages are reused only in that language).
    let language = Localizer.shared.language

    /// The validation of `survey`, which is the survey these problems are of after `edit`.
    /// Always equal to `Validator.validation(survey)`.
    public func updated(for survey: Survey, after edit: Edit) -> Validation {
        guard edit.changesOnlyCells, language == Localizer.shared.language else { return Validator.validation(survey) }
        var context = ValidationContext(survey)
        for check in ValidationCheck.allCases where check.readsCells { context.run(check) }
        let merged = RankedProblem.merge(kept, context.rankedProblems())
        return Validation(problems: merged.map(\.problem), kept: kept)
    }
}

/// A problem with the rank that orders it: severity, place, then the check that found it and the
/// order it was found in within that check.
struct RankedProblem: Sendable {
    var problem: Problem
    var location: LocationKey
    var check: ValidationCheck
    /// Discovery order within one validation run (only compared between problems of one check,
    /// which always come from the same run).
    var sequence: Int

    static func precedes(_ a: RankedProblem, _ b: RankedProblem) -> Bool {
        let sa = a.problem.severity, sb = b.problem.severity
        if sa != sb { return sa < sb }
        if a.location != b.location { return a.location < b.location }
        if a.check != b.check { return a.check < b.check }
        return a.sequence < b.sequence
    }

    /// Two sorted lists as one sorted list (one pass).
    static func merge(_ a: [RankedProblem], _ b: [RankedProblem]) -> [RankedProblem] {
        guard !a.isEmpty else { return b }
        guard !b.isEmpty else { return a }
        var merged: [RankedProblem] = []
        merged.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if precedes(b[j], a[i]) {
                merged.append(b[j])
                j += 1
            } else {
                merged.append(a[i])
                i += 1
            }
        }
        merged.append(contentsOf: a[i...])
        merged.append(contentsOf: b[j...])
        return merged
    }
}

/// Where a problem sorts: the survey, jurisdictions, cells (jurisdiction order, year, kind),
/// sub-units, tallies, outreach, enterprises and regulations (in their list order).
struct LocationKey: Comparable, Sendable {
    var category: Int
    var primary: Int
    var secondary: Int
    var tertiary: Int
    var text: String

    static func < (a: LocationKey, b: LocationKey) -> Bool {
        (a.category, a.primary, a.secondary, a.tertiary, a.text) < (b.category, b.primary, b.secondary, b.tertiary, b.text)
    }
}

extension Edit {
    /// True for an edit that changes only observations and cell quality marks (and batches of
    /// such edits): after it, only the checks that read the cells can find other problems.
    public var changesOnlyCells: Bool {
        switch self {
        case .setCells, .setCellQualities:
            return true
        case .batch(let edits):
            return edits.allSatisfy(\.changesOnlyCells)
        case .setMeta, .setYears, .insertEnterprises, .removeEnterprises, .restoreEnterprises, .updateEnterprise,
             .setRegulation, .insertRegulation, .removeRegulation, .setOutreach, .insertOutreach, .removeOutreach,
             .setJurisdiction, .insertJurisdiction, .removeJurisdiction, .setSubUnitObservations, .setSubUnitTallies,
             .setConflicts, .setReportedData:
            return false
        }
    }
}
