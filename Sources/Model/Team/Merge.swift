import Foundation

/// A field (or a whole record) that a three-way merge could not decide: both sides changed it,
/// differently. The values are JSON (nil: the record is absent on that side). The merged survey
/// holds "ours" until the conflict is resolved (`Survey.resolving`).
public struct MergeConflict: Codable, Equatable, Hashable, Sendable {
    public var path: String
    public var base: String?
    public var ours: String?
    public var theirs: String?

    public init(path: String, base: String?, ours: String?, theirs: String?) {
        self.path = path
        self.base = base
        self.ours = ours
        self.theirs = theirs
    }

    /// The cell the conflict is in, if it is in the matrix.
    public var cell: CellKey? { Records.cellKey(path) }
    /// The record the conflict is in (`enterprises/<id>`, `observations/anhui/2021/audit_list`).
    public var record: String { FieldPath.recordPath(of: path) }
    /// A JSON value as text for people ("" for none).
    public static func display(_ json: String?) -> String {
        guard let json else { return tr("(absent)") }
        if json == "null" { return "" }
        if json.hasPrefix("\""), let s = try? JSONDecoder().decode(String.self, from: Data(json.utf8)) { return s }
        return json
    }
}

/// The three-way merge of surveys: `BASE`, the version both started from, `OURS` and `THEIRS`.
///
/// Field by field: a change made on one side only is taken; the same change on both sides is
/// taken once; different changes of the same field are conflicts (kept as `Survey.conflicts`,
/// the merged field holding ours). A record removed on one side and changed on the other is a
/// conflict on the whole record (kept). Survey years merge as sets (years added on either side are
/// added, years removed on either side removed). Enterprises are matched by id; ones added on
/// both sides with different ids are matched by normalised name, jurisdiction and year (with a
/// warning). Records keep the order of the side that reordered them (ours when both did), with the other's new
/// records after. The change logs are merged
/// (union, by time), and the changes the merge made to ours are logged as `merge` by `author`.
public enum SurveyMerge {
    public struct Result: Sendable {
        public var survey: Survey
        /// The conflicts this merge found (the survey also keeps unresolved ones of both sides).
        public var conflicts: [MergeConflict]
        public var warnings: [String]
        public var isClean: Bool { survey.conflicts.isEmpty }
    }

    public static func merge(base: Survey, ours: Survey, theirs: Survey, author: String = "", time: String? = nil) -> Result {
        var theirEnterprises = theirs.enterprises
        let baseIDs = Set(base.enterprises.map(\.id))
        let matching = EnterpriseMatching.remap(&theirEnterprises, onto: ours.enterprises, excluding: baseIDs)

        var conflicts: [MergeConflict] = []
        /// What the merge changes in ours, for the log.
        var changes: [FieldChange] = []
        var merged = ours
        let header = merge3(Records.header, [SurveyHeader(base)], [SurveyHeader(ours)], [SurveyHeader(theirs)], &conflicts, &changes)
        if let h = header.first {
            merged.meta = h.meta
            merged.years = h.years
        }
        if let i = conflicts.firstIndex(where: { $0.path == "survey/years" }) {
            conflicts.remove(at: i)
            let b = Set(base.years), o = Set(ours.years), t = Set(theirs.years)
            merged.years = Array(b.subtracting(b.subtracting(o)).subtracting(b.subtracting(t)).union(o.subtracting(b)).union(t.subtracting(b))).sorted()
        }
        changes.removeAll { $0.path == "survey/years" }
        if merged.years != ours.years {
            changes.append(FieldChange(path: "survey/years", old: FieldText.display(ours.years), new: FieldText.display(merged.years)))
        }
        merged.jurisdictions = merge3(Records.jurisdictions, base.jurisdictions, ours.jurisdictions, theirs.jurisdictions, &conflicts, &changes)
        merged.observations = merge3(Records.cells, base.observations, ours.observations, theirs.observations, &conflicts, &changes)
        let subUnits = merge3(Records.subUnits, SubUnitRecord.all(base), SubUnitRecord.all(ours), SubUnitRecord.all(theirs), &conflicts, &changes)
        merged.subUnitObservations = subUnits.flatMap(\.observations)
        merged.subUnitTallies = subUnits.flatMap(\.tallies)
        merged.outreach = merge3(Records.outreach, base.outreach, ours.outreach, theirs.outreach, &conflicts, &changes)
        merged.enterprises = merge3(Records.enterprises, base.enterprises, ours.enterprises, theirEnterprises, &conflicts, &changes)
        merged.regulations = merge3(Records.regulations, base.regulations, ours.regulations, theirs.regulations, &conflicts, &changes)

        // Unresolved conflicts of either side stay, unless this merge found one on the same path.
        let found = Set(conflicts.map(\.path))
        var kept: [MergeConflict] = []
        var keptPaths = Set<String>()
        for c in ours.conflicts + theirs.conflicts where !found.contains(c.path) && keptPaths.insert(c.path).inserted { kept.append(c) }
        merged.conflicts = kept + conflicts
        merged.canonicalize()

        merged.changeLog = ChangeLog.union([base.changeLog, ours.changeLog, theirs.changeLog])
        if !author.isEmpty {
            let when = time ?? ISOTime.string(Date())
            merged.changeLog.entries += changes.map {
                ChangeEntry(time: when, author: author, action: .merge, path: $0.path, old: $0.old, new: $0.new)
            }
        }
        return Result(survey: merged, conflicts: conflicts, warnings: matching.warnings)
    }

    /// Merges one kind of record; appends the conflicts.
    static func merge3<R>(_ kind: RecordKind<R>, _ base: [R], _ ours: [R], _ theirs: [R],
                          _ conflicts: inout [MergeConflict], _ changes: inout [FieldChange]) -> [R] {
        let (b, baseOrder) = kind.index(base)
        let (o, oursOrder) = kind.index(ours)
        let (t, theirsOrder) = kind.index(theirs)
        // The order of the side that changed it (ours when both did), then the other side's new records.
        let order = oursOrder == baseOrder ? theirsOrder + oursOrder.filter { t[$0] == nil }
                                           : oursOrder + theirsOrder.filter { o[$0] == nil }
        var out: [R] = []
        out.reserveCapacity(max(ours.count, theirs.count))
        for path in order {
            let bv = b[path], ov = o[path], tv = t[path]
            if ov == tv || bv == tv {
                if let ov { out.append(ov) }
                continue
            }
            if bv == ov {
                if let tv { out.append(tv) }
                changes += kind.changes(old: ov, new: tv, path: path)
                continue
            }
            // Both sides changed the record, differently.
            let empty = kind.empty?(path)
            guard let mine = ov ?? empty, let yours = tv ?? empty else {
                // Removed on one side, changed on the other: keep the changed record.
                func json(_ r: R?) -> String? { r.map { FieldText.json($0) } }
                conflicts.append(MergeConflict(path: path, base: json(bv), ours: json(ov), theirs: json(tv)))
                if let kept = ov ?? tv { out.append(kept) }
                if ov == nil { changes += kind.changes(old: ov, new: tv, path: path) }
                continue
            }
            let original = bv ?? empty
            var result = mine
            var conflicted = false
            for f in kind.fields where !f.same(mine, yours) {
                if let original, f.same(original, mine) {
                    f.copy(&result, yours)
                } else if let original, f.same(original, yours) {
                    continue
                } else if original == nil, Self.isBlank(f.json(mine)) {
                    // Added on both sides: a field one side left blank takes the other's value.
                    f.copy(&result, yours)
                } else if original == nil, Self.isBlank(f.json(yours)) {
                    continue
                } else {
                    conflicted = true
                    conflicts.append(MergeConflict(path: path + "/" + f.name, base: original.map { f.json($0) }, ours: f.json(mine),
                                                   theirs: f.json(yours)))
                }
            }
            // A cell both sides emptied in different ways stays out.
            if !conflicted, let empty, result == empty {
                changes += kind.changes(old: ov, new: nil, path: path)
                continue
            }
            changes += kind.changes(old: ov, new: result, path: path)
            out.append(result)
        }
        return out
    }
}

extension SurveyMerge {
    static func isBlank(_ json: String) -> Bool { json == "null" || json == "[]" || json == "\"\"" }
}

extension Survey {
    /// The edit that resolves a conflict: sets its path to `json` (a side's value, or an edited
    /// one; nil removes the record) and drops the conflict, as one undo step.
    public func resolving(_ conflict: MergeConflict, with json: String?) throws -> Edit {
        let set = try FieldPath.edit(setting: conflict.path, to: json, in: self)
        return .batch([set, .setConflicts(conflicts.filter { $0 != conflict })])
    }
}

extension SurveyMerge {
    /// One edit that turns `from` into `to` (their data; the change log is left alone): every
    /// differing field set to `to`'s value, and `to`'s conflicts. How a merge made in the window
    /// becomes one undo step.
    public static func edit(from: Survey, to: Survey) throws -> Edit {
        var working = from
        var edits: [Edit] = []
        for d in SurveyComparison(from, to).differences {
            let edit = try FieldPath.edit(setting: d.path, to: try FieldPath.json(at: d.path, in: to), in: working)
            try edit.apply(to: &working)
            edits.append(edit)
        }
        if from.conflicts != to.conflicts { edits.append(.setConflicts(to.conflicts)) }
        return .batch(edits)
    }
}
