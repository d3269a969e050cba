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
        // What the surveys keep from a report (issue 13): qualities per cell, tallies by scope,
        // verdicts by enterprise (their ids matched as the enterprises are), figures and decisions by id.
        let rb = base.reportedData, ro = ours.reportedData, rt = theirs.reportedData
        var reported = ro
        reported.cellQualities = merge3(Records.qualities, CellMarks.all(base), CellMarks.all(ours), CellMarks.all(theirs),
                                        &conflicts, &changes).flatMap(\.marks)
        reported.tallies = merge3(Records.tallies, rb.tallies, ro.tallies, rt.tallies, &conflicts, &changes)
        let theirVerdicts = RecordedVerdict.remapped(rt.verdicts, EnterpriseMatching.changedIDs(from: theirs.enterprises, to: theirEnterprises))
        reported.verdicts = merge3(Records.verdicts, rb.verdicts, ro.verdicts, theirVerdicts, &conflicts, &changes)
        reported.statedFigures = merge3(Records.statedFigures, rb.statedFigures, ro.statedFigures, rt.statedFigures, &conflicts, &changes)
        reported.decisions = merge3(Records.decisions, rb.decisions, ro.decisions, rt.decisions, &conflicts, &changes)
        if reported != ro { merged.reportedData = reported }

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
        let (b, baseOrder) = kind.positions(base)
        let (o, oursOrder) = kind.positions(ours)
        let (t, theirsOrder) = kind.positions(theirs)
        // The order of the side that changed it (ours when both did), then the other side's new records.
        let order = oursOrder == baseOrder ? theirsOrder + oursOrder.filter { t[$0] == nil }
                                           : oursOrder + theirsOrder.filter { o[$0] == nil }
        var out: [R] = []
        out.reserveCapacity(max(ours.count, theirs.count))
        for path in order {
            let bi = b[path], oi = o[path], ti = t[path]
            // Unchanged, or changed alike (most records): compared in place, without copies.
            if let oi, let ti, ours.withUnsafeBufferPointer({ o in theirs.withUnsafeBufferPointer { t in o[oi] == t[ti] } }) {
                out.append(ours[oi])
                continue
            }
            let bv = bi.map { base[$0] }, ov = oi.map { ours[$0] }, tv = ti.map { theirs[$0] }
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
    /// becomes one undo step. Cells and enterprises, the large sections, are looked up by key
    /// and id and set in bulk (one `setCells`; changed enterprises taken out and put back in
    /// place, removed ones taken out, new ones added at the end); the other sections field by field.
    public static func edit(from: Survey, to: Survey) throws -> Edit {
        var edits: [Edit] = []
        var bulk: Set<String> = ["observations"]
        if let cells = cellsEdit(from: from, to: to) { edits.append(cells) }
        if let enterprises = enterpriseEdits(from: from, to: to) {
            edits += enterprises
            bulk.insert("enterprises")
        }
        // The other sections do not read cells or enterprises, so their edits apply in turn to a
        // copy that lacks the bulk edits.
        var working = from
        for d in SurveyComparison(from, to, skipping: bulk).differences {
            let edit = try FieldPath.edit(setting: d.path, to: try FieldPath.json(at: d.path, in: to), in: working)
            try edit.apply(to: &working)
            edits.append(edit)
        }
        if from.conflicts != to.conflicts { edits.append(.setConflicts(to.conflicts)) }
        return .batch(edits)
    }

    /// The cells that differ, set to `to`'s (cleared where `to` has none).
    static func cellsEdit(from: Survey, to: Survey) -> Edit? {
        var target: [CellKey: Observation] = [:]
        target.reserveCapacity(to.observations.count)
        for o in to.observations { target[o.key] = o }
        var changes: [CellChange] = []
        var seen = Set<CellKey>()
        for o in from.observations where seen.insert(o.key).inserted && target[o.key] != o {
            changes.append(CellChange(key: o.key, observation: target[o.key]))
        }
        for o in to.observations where !seen.contains(o.key) {
            seen.insert(o.key)
            changes.append(CellChange(key: o.key, observation: o))
        }
        return changes.isEmpty ? nil : .setCells(changes)
    }

    /// The enterprises that differ, by id: changed ones replaced where they are, removed ones
    /// taken out, new ones added at the end in `to`'s order. Nil when either survey repeats an
    /// id (then they are set field by field).
    static func enterpriseEdits(from: Survey, to: Survey) -> [Edit]? {
        // Positions, not copies: an enterprise is costly to copy, and 100,000 are compared in place.
        var target: [String: Int] = [:]
        target.reserveCapacity(to.enterprises.count)
        var present = Set<String>()
        present.reserveCapacity(from.enterprises.count)
        var changed: [PlacedEnterprise] = []
        var removed: [String] = []
        let unique = from.enterprises.withUnsafeBufferPointer { old in
            to.enterprises.withUnsafeBufferPointer { new in
                for j in new.indices where target.updateValue(j, forKey: new[j].id) != nil { return false }
                for i in old.indices {
                    guard present.insert(old[i].id).inserted else { return false }
                    if let j = target[old[i].id] {
                        if new[j] != old[i] { changed.append(PlacedEnterprise(position: i, enterprise: new[j])) }
                    } else {
                        removed.append(old[i].id)
                    }
                }
                return true
            }
        }
        guard unique else { return nil }
        var edits: [Edit] = []
        if !changed.isEmpty {
            edits.append(.removeEnterprises(ids: changed.map(\.enterprise.id)))
            edits.append(.restoreEnterprises(changed))
        }
        if !removed.isEmpty { edits.append(.removeEnterprises(ids: removed)) }
        let added = to.enterprises.filter { !present.contains($0.id) }
        if !added.isEmpty { edits.append(.insertEnterprises(added, at: nil)) }
        return edits
    }
}
