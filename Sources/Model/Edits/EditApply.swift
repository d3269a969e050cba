import Foundation

extension Edit {
    /// Applies the edit and returns its exact inverse. Every case checks its input before it
    /// changes anything, so on a thrown `EditError` the survey is as it was.
    @discardableResult
    public func apply(to survey: inout Survey) throws -> Edit {
        switch self {
        case .setCells(let changes):
            return try Self.setCells(changes, in: &survey)
        case .setMeta(let meta):
            let old = survey.meta
            survey.meta = meta
            return .setMeta(old)
        case .setYears(let years):
            let old = survey.years
            survey.years = Array(Set(years)).sorted()
            return .setYears(old)
        case .insertEnterprises(let enterprises, let position):
            return try Self.insertEnterprises(enterprises, at: position, in: &survey)
        case .removeEnterprises(let ids):
            return try Self.removeEnterprises(ids, in: &survey)
        case .restoreEnterprises(let placed):
            return try Self.restoreEnterprises(placed, in: &survey)
        case .updateEnterprise(let enterprise):
            guard let i = survey.enterprises.firstIndex(where: { $0.id == enterprise.id }) else {
                throw EditError.unknownEnterprise(enterprise.id)
            }
            let old = survey.enterprises[i]
            survey.enterprises[i] = enterprise
            return .updateEnterprise(old)
        case .setRegulation(let regulation):
            return Self.setRegulation(regulation, in: &survey)
        case .insertRegulation(let regulation, let position):
            return try Self.insertRegulation(regulation, at: position, in: &survey)
        case .removeRegulation(let id):
            return try Self.removeRegulation(id, in: &survey)
        case .setOutreach(let outreach):
            return Self.setOutreach(outreach, in: &survey)
        case .insertOutreach(let outreach, let position):
            return try Self.insertOutreach(outreach, at: position, in: &survey)
        case .removeOutreach(let jurisdiction):
            return try Self.removeOutreach(jurisdiction, in: &survey)
        case .setJurisdiction(let jurisdiction):
            return Self.setJurisdiction(jurisdiction, in: &survey)
        case .insertJurisdiction(let jurisdiction, let position):
            return try Self.insertJurisdiction(jurisdiction, at: position, in: &survey)
        case .removeJurisdiction(let id):
            return try Self.removeJurisdiction(id, in: &survey)
        case .setSubUnitObservations(let jurisdiction, let observations):
            return try Self.setSubUnitObservations(observations, of: jurisdiction, in: &survey)
        case .setSubUnitTallies(let jurisdiction, let tallies):
            return try Self.setSubUnitTallies(tallies, of: jurisdiction, in: &survey)
        case .setConflicts(let conflicts):
            let old = survey.conflicts
            survey.conflicts = conflicts
            return .setConflicts(old)
        case .setCellQualities(let key, let marks):
            return Self.setCellQualities(key, marks, in: &survey)
        case .setReportedData(let data):
            let old = survey.reportedData
            survey.reportedData = data
            return .setReportedData(old)
        case .batch(let edits):
            return try Self.applyBatch(edits, to: &survey)
        }
    }

    /// The result of applying the edit to a copy of the survey, with the inverse.
    public func applied(to survey: Survey) throws -> (survey: Survey, inverse: Edit) {
        var copy = survey
        let inverse = try apply(to: &copy)
        return (copy, inverse)
    }

    // MARK: Cells

    private static func setCells(_ changes: [CellChange], in survey: inout Survey) throws -> Edit {
        for change in changes {
            if let o = change.observation, o.key != change.key { throw EditError.cellKeyMismatch(change.key) }
        }
        if let inverse = setCellsInPlace(changes, in: &survey) { return inverse }
        var positions = CellIndex(survey.observations).positions
        var removed = IndexSet()
        var appended = false
        var inverse: [CellChange] = []
        inverse.reserveCapacity(changes.count)
        for change in changes {
            let position = positions[change.key]
            inverse.append(CellChange(key: change.key, observation: position.map { survey.observations[$0] }))
            switch (position, change.observation) {
            case (let i?, let new?):
                survey.observations[i] = new
            case (let i?, nil):
                removed.insert(i)
                positions[change.key] = nil
            case (nil, let new?):
                positions[change.key] = survey.observations.count
                survey.observations.append(new)
                appended = true
            case (nil, nil):
                break
            }
        }
        if !removed.isEmpty {
            survey.observations = survey.observations.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
        }
        if appended { CanonicalOrder.sortObservations(&survey) }
        return .setCells(inverse.reversed())
    }

    /// A few changes that each set a cell already recorded (a status key, a note): each
    /// observation is found by a search instead of indexing every cell, and replaced where it is.
    /// Nil, with the survey untouched, when any change adds or clears a cell (or there are many).
    private static func setCellsInPlace(_ changes: [CellChange], in survey: inout Survey) -> Edit? {
        guard changes.count <= 4 else { return nil }
        var positions: [Int] = []
        positions.reserveCapacity(changes.count)
        for change in changes {
            guard change.observation != nil,
                  let i = survey.observations.firstIndex(where: {
                      $0.year == change.key.year && $0.kind == change.key.kind && $0.jurisdiction == change.key.jurisdiction
                  }) else { return nil }
            positions.append(i)
        }
        var inverse: [CellChange] = []
        inverse.reserveCapacity(changes.count)
        for (change, i) in zip(changes, positions) {
            inverse.append(CellChange(key: change.key, observation: survey.observations[i]))
            survey.observations[i] = change.observation!
        }
        return .setCells(inverse.reversed())
    }

    // MARK: Sub-units

    private static func setSubUnitObservations(_ new: [SubUnitObservation], of jurisdiction: String,
                                               in survey: inout Survey) throws -> Edit {
        if let other = new.first(where: { $0.jurisdiction != jurisdiction }) {
            throw EditError.recordOfOtherJurisdiction(expected: jurisdiction, found: other.jurisdiction)
        }
        let old = survey.subUnitObservations.filter { $0.jurisdiction == jurisdiction }
        survey.subUnitObservations.removeAll { $0.jurisdiction == jurisdiction }
        survey.subUnitObservations += new
        CanonicalOrder.sortSubUnitObservations(&survey)
        return .setSubUnitObservations(jurisdiction: jurisdiction, old)
    }

    private static func setSubUnitTallies(_ new: [SubUnitTally], of jurisdiction: String, in survey: inout Survey) throws -> Edit {
        if let other = new.first(where: { $0.jurisdiction != jurisdiction }) {
            throw EditError.recordOfOtherJurisdiction(expected: jurisdiction, found: other.jurisdiction)
        }
        let old = survey.subUnitTallies.filter { $0.jurisdiction == jurisdiction }
        survey.subUnitTallies.removeAll { $0.jurisdiction == jurisdiction }
        survey.subUnitTallies += new
        CanonicalOrder.sortTallies(&survey)
        return .setSubUnitTallies(jurisdiction: jurisdiction, old)
    }

    // MARK: Batch

    /// Applies edits in order; when one fails, undoes those already applied and rethrows.
    private static func applyBatch(_ edits: [Edit], to survey: inout Survey) throws -> Edit {
        var inverses: [Edit] = []
        inverses.reserveCapacity(edits.count)
        do {
            for edit in edits { inverses.append(try edit.apply(to: &survey)) }
        } catch {
            for inverse in inverses.reversed() {
                // An inverse of an edit just applied always applies.
                _ = try? inverse.apply(to: &survey)
            }
            throw error
        }
        return .batch(inverses.reversed())
    }
}
