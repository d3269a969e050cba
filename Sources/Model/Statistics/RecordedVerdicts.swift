import Foundation

extension EnterpriseStatistics {
    /// Moves the enterprises whose verdict cannot be derived (reasons unknown) but which carry a
    /// recorded verdict from "cannot judge" to that verdict, in the totals and per jurisdiction.
    /// Only the enterprises named by a verdict are looked at.
    mutating func applyRecordedVerdicts(_ survey: Survey) {
        guard let verdicts = survey.reported?.verdicts, !verdicts.isEmpty else { return }
        let recorded = Dictionary(verdicts.map { ($0.enterprise, $0.verdict) }, uniquingKeysWith: { a, _ in a })
        var rows: [String: Int] = [:]
        for (i, j) in byJurisdiction.enumerated() where rows[j.jurisdiction] == nil { rows[j.jurisdiction] = i }
        var seen = Set<String>()
        for e in survey.enterprises {
            guard let verdict = recorded[e.id], seen.insert(e.id).inserted, e.completeness == .cannotJudge,
                  verdict != .cannotJudge, verdict != .nothingDisclosed else { continue }
            completeness.cannotJudge -= 1
            completeness[verdict] += 1
            if let row = rows[e.jurisdiction] {
                byJurisdiction[row].completeness.cannotJudge -= 1
                byJurisdiction[row].completeness[verdict] += 1
            }
        }
    }
}
