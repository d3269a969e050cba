import Foundation

/// Regulations, outreach records and jurisdictions.
///
/// Edits keyed by id act on the first record with that id. An insertion at a position is refused
/// when a record before that position already has the id, so that the inserted record is the one
/// its id finds and removing it by id (its inverse) takes out exactly it.
extension Edit {
    // MARK: Regulations

    static func setRegulation(_ regulation: Regulation, in survey: inout Survey) -> Edit {
        if let i = survey.regulations.firstIndex(where: { $0.id == regulation.id }) {
            let old = survey.regulations[i]
            survey.regulations[i] = regulation
            return .setRegulation(old)
        }
        survey.regulations.append(regulation)
        return .removeRegulation(id: regulation.id)
    }

    static func insertRegulation(_ regulation: Regulation, at position: Int, in survey: inout Survey) throws -> Edit {
        guard (0...survey.regulations.count).contains(position) else { throw EditError.positionOutOfRange(position) }
        if survey.regulations[..<position].contains(where: { $0.id == regulation.id }) {
            throw EditError.duplicateRegulationID(regulation.id)
        }
        survey.regulations.insert(regulation, at: position)
        return .removeRegulation(id: regulation.id)
    }

    static func removeRegulation(_ id: String, in survey: inout Survey) throws -> Edit {
        guard let i = survey.regulations.firstIndex(where: { $0.id == id }) else { throw EditError.unknownRegulation(id) }
        return .insertRegulation(survey.regulations.remove(at: i), at: i)
    }

    // MARK: Outreach

    static func setOutreach(_ outreach: Outreach, in survey: inout Survey) -> Edit {
        if let i = survey.outreach.firstIndex(where: { $0.jurisdiction == outreach.jurisdiction }) {
            let old = survey.outreach[i]
            survey.outreach[i] = outreach
            return .setOutreach(old)
        }
        survey.outreach.insert(outreach, at: CanonicalOrder.outreachInsertionPoint(outreach.jurisdiction, in: survey))
        return .removeOutreach(jurisdiction: outreach.jurisdiction)
    }

    static func insertOutreach(_ outreach: Outreach, at position: Int, in survey: inout Survey) throws -> Edit {
        guard (0...survey.outreach.count).contains(position) else { throw EditError.positionOutOfRange(position) }
        if survey.outreach[..<position].contains(where: { $0.jurisdiction == outreach.jurisdiction }) {
            throw EditError.duplicateOutreach(outreach.jurisdiction)
        }
        survey.outreach.insert(outreach, at: position)
        return .removeOutreach(jurisdiction: outreach.jurisdiction)
    }

    static func removeOutreach(_ jurisdiction: String, in survey: inout Survey) throws -> Edit {
        guard let i = survey.outreach.firstIndex(where: { $0.jurisdiction == jurisdiction }) else {
            throw EditError.unknownOutreach(jurisdiction)
        }
        return .insertOutreach(survey.outreach.remove(at: i), at: i)
    }

    // MARK: Jurisdictions

    static func setJurisdiction(_ jurisdiction: Jurisdiction, in survey: inout Survey) -> Edit {
        if let i = survey.jurisdictions.firstIndex(where: { $0.id == jurisdiction.id }) {
            let old = survey.jurisdictions[i]
            survey.jurisdictions[i] = jurisdiction
            return .setJurisdiction(old)
        }
        survey.jurisdictions.append(jurisdiction)
        return .removeJurisdiction(id: jurisdiction.id)
    }

    static func insertJurisdiction(_ jurisdiction: Jurisdiction, at position: Int?, in survey: inout Survey) throws -> Edit {
        let position = position ?? survey.jurisdictions.count
        guard (0...survey.jurisdictions.count).contains(position) else { throw EditError.positionOutOfRange(position) }
        if survey.jurisdictions[..<position].contains(where: { $0.id == jurisdiction.id }) {
            throw EditError.duplicateJurisdictionID(jurisdiction.id)
        }
        survey.jurisdictions.insert(jurisdiction, at: position)
        return .removeJurisdiction(id: jurisdiction.id)
    }

    /// Removes the first jurisdiction with the id. Refused while records refer to the id, unless
    /// another jurisdiction with the same id remains for them.
    static func removeJurisdiction(_ id: String, in survey: inout Survey) throws -> Edit {
        guard let i = survey.jurisdictions.firstIndex(where: { $0.id == id }) else { throw EditError.unknownJurisdiction(id) }
        let another = survey.jurisdictions[(i + 1)...].contains { $0.id == id }
        if !another && isReferenced(id, in: survey) { throw EditError.jurisdictionInUse(id) }
        return .insertJurisdiction(survey.jurisdictions.remove(at: i), at: i)
    }

    private static func isReferenced(_ id: String, in survey: Survey) -> Bool {
        survey.observations.contains { $0.jurisdiction == id }
            || survey.subUnitObservations.contains { $0.jurisdiction == id }
            || survey.subUnitTallies.contains { $0.jurisdiction == id }
            || survey.outreach.contains { $0.jurisdiction == id }
            || survey.regulations.contains { $0.jurisdiction == id }
            || survey.enterprises.contains { $0.jurisdiction == id }
    }
}
