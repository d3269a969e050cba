import Foundation

extension Edit {
    /// Inserts new enterprises; their ids must be new and distinct, so that removing them by id
    /// removes exactly them.
    static func insertEnterprises(_ new: [Enterprise], at position: Int?, in survey: inout Survey) throws -> Edit {
        let position = position ?? survey.enterprises.count
        guard (0...survey.enterprises.count).contains(position) else { throw EditError.positionOutOfRange(position) }
        var ids = Set(survey.enterprises.map(\.id))
        for e in new where !ids.insert(e.id).inserted { throw EditError.duplicateEnterpriseID(e.id) }
        survey.enterprises.insert(contentsOf: new, at: position)
        return .removeEnterprises(ids: new.map(\.id))
    }

    /// Removes every enterprise with one of the ids (all copies of a duplicated id) in one pass,
    /// compacting in place; the inverse puts each back where it was.
    static func removeEnterprises(_ ids: [String], in survey: inout Survey) throws -> Edit {
        let wanted = Set(ids)
        var found = Set<String>()
        var placed: [PlacedEnterprise] = []
        var remove = [Bool](repeating: false, count: survey.enterprises.count)
        for i in survey.enterprises.indices where wanted.contains(survey.enterprises[i].id) {
            remove[i] = true
            placed.append(PlacedEnterprise(position: i, enterprise: survey.enterprises[i]))
            found.insert(survey.enterprises[i].id)
        }
        if let missing = ids.first(where: { !found.contains($0) }) { throw EditError.unknownEnterprise(missing) }
        var kept = 0
        for i in survey.enterprises.indices where !remove[i] {
            if kept != i { survey.enterprises.swapAt(kept, i) }
            kept += 1
        }
        survey.enterprises.removeLast(survey.enterprises.count - kept)
        return .restoreEnterprises(placed)
    }

    /// Merges enterprises back at ascending positions in one pass. Their ids must not be in the
    /// survey, so that the inverse (removal by id) takes out exactly these.
    static func restoreEnterprises(_ placed: [PlacedEnterprise], in survey: inout Survey) throws -> Edit {
        let current = survey.enterprises
        let total = current.count + placed.count
        var previous = -1
        for p in placed {
            guard p.position > previous, p.position < total else { throw EditError.positionOutOfRange(p.position) }
            previous = p.position
        }
        let restoring = Set(placed.map(\.enterprise.id))
        if let clash = current.first(where: { restoring.contains($0.id) }) { throw EditError.duplicateEnterpriseID(clash.id) }

        var merged: [Enterprise] = []
        merged.reserveCapacity(total)
        var next = 0
        var source = current.makeIterator()
        for target in 0..<total {
            if next < placed.count && placed[next].position == target {
                merged.append(placed[next].enterprise)
                next += 1
            } else if let e = source.next() {
                merged.append(e)
            }
        }
        survey.enterprises = merged
        var seen = Set<String>()
        return .removeEnterprises(ids: placed.map(\.enterprise.id).filter { seen.insert($0).inserted })
    }
}
