import Foundation

extension ValidationContext {
    /// What new records still lack: a field that starts blank ("not chosen") rather than with a
    /// guess is listed here until the user chooses it: an enterprise's jurisdiction, a phone
    /// call's outcome. One pass that only reads two fields of each enterprise in place; the
    /// message is made only for the enterprises that lack something.
    mutating func checkMissingFields() {
        var found: [(position: Int, noJurisdiction: Bool, openCalls: Int)] = []
        survey.enterprises.withUnsafeBufferPointer { enterprises in
            for i in enterprises.indices {
                let noJurisdiction = enterprises[i].jurisdiction.isEmpty
                var open = 0
                for attempt in enterprises[i].phoneAttempts where attempt.outcome == nil { open += 1 }
                if noJurisdiction || open > 0 { found.append((i, noJurisdiction, open)) }
            }
        }
        for (i, noJurisdiction, open) in found {
            let e = survey.enterprises[i]
            let location = ProblemLocation.enterprise(id: e.id)
            let label = e.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? "“\(e.id)”" : e.name
            if noJurisdiction {
                add(.jurisdictionNotChosen, tr("Enterprise %1 has no jurisdiction chosen yet.", label), at: location, position: i)
            }
            if open > 0 {
                add(.phoneOutcomeNotChosen, trn("Enterprise %1 has %2 call with no outcome chosen yet.",
                                                "Enterprise %1 has %2 calls with no outcome chosen yet.", open, label, open),
                    at: location, position: i)
            }
        }
    }
}
