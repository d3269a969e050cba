import Foundation

extension ValidationContext {
    /// What new records still lack: a field that starts blank ("not chosen") rather than with a
    /// guess is listed here until the user chooses it: an enterprise's jurisdiction, a phone
    /// call's outcome.
    mutating func checkMissingFields() {
        for (i, e) in survey.enterprises.enumerated() {
            let location = ProblemLocation.enterprise(id: e.id)
            let label = e.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? "“\(e.id)”" : e.name
            if e.jurisdiction.isEmpty {
                add(.jurisdictionNotChosen, tr("Enterprise %1 has no jurisdiction chosen yet.", label), at: location, position: i)
            }
            let open = e.phoneAttempts.filter { $0.outcome == nil }.count
            if open > 0 {
                add(.phoneOutcomeNotChosen, trn("Enterprise %1 has %2 call with no outcome chosen yet.",
                                                "Enterprise %1 has %2 calls with no outcome chosen yet.", open, label, open),
                    at: location, position: i)
            }
        }
    }
}
