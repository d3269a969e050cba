import Foundation

extension ValidationContext {
    /// Each unresolved merge conflict is an error at its record, so Checks lists it and the
    /// matrix marks its cell until it is resolved.
    mutating func checkConflicts() {
        for conflict in survey.conflicts {
            add(.mergeConflict, tr("Merge conflict in %1: ours %2, theirs %3.", conflict.path,
                                   MergeConflict.display(conflict.ours), MergeConflict.display(conflict.theirs)),
                at: conflict.location)
        }
    }
}

extension MergeConflict {
    /// Where the window shows the conflict.
    public var location: ProblemLocation {
        if let cell { return .cell(jurisdiction: cell.jurisdiction, year: cell.year, kind: cell.kind) }
        let parts = record.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return .survey }
        switch parts[0] {
        case "enterprises": return .enterprise(id: parts[1])
        case "regulations": return .regulation(id: parts[1])
        case "outreach": return .outreach(jurisdiction: parts[1])
        case "jurisdictions", "subUnits": return .jurisdiction(id: parts[1])
        default: return .survey
        }
    }
}
