import Foundation

/// The fields an edit changes, read from the edit (the values after) and its inverse (the values
/// before), without looking at the survey: what `SurveyDocument` logs for every step.
public enum EditChanges {
    /// The changes `edit` made, given the `inverse` its `apply` returned.
    public static func changes(_ edit: Edit, inverse: Edit) -> [FieldChange] {
        var after = Writes()
        after.collect(edit)
        var before = Writes()
        before.collect(inverse)
        var out: [FieldChange] = []
        func diff<R>(_ kind: RecordKind<R>, _ new: Slot<R>, _ old: Slot<R>) {
            for path in new.order {
                // A path written by the edit is written by its inverse too.
                let o = old.values[path] ?? nil
                let n = new.values[path] ?? nil
                // "#part" tells apart the parts of a record set alone; it is not part of the path.
                out += kind.changes(old: o, new: n, path: String(path.prefix { $0 != "#" }))
            }
        }
        diff(Records.header, after.header, before.header)
        diff(Records.jurisdictions, after.jurisdictions, before.jurisdictions)
        diff(Records.cells, after.cells, before.cells)
        diff(Records.subUnits, after.subUnits, before.subUnits)
        diff(Records.outreach, after.outreach, before.outreach)
        diff(Records.enterprises, after.enterprises, before.enterprises)
        diff(Records.regulations, after.regulations, before.regulations)
        // Set whole: the last write of each (the inverse runs in reverse) is the net change.
        if let new = after.reported.last, let old = before.reported.last {
            out += ReportedChanges.changes(old: old, new: new)
        }
        for path in after.qualities.order {
            let new = after.qualities.values[path] ?? nil
            let old = before.qualities.values[path] ?? nil
            if new != old { out.append(FieldChange(path: path, old: Self.qualityText(old), new: Self.qualityText(new))) }
        }
        return out
    }

    /// A cell's quality marks as one logged value ("partial, fairly_comprehensive").
    static func qualityText(_ marks: [CellQuality]?) -> String {
        (marks ?? []).map { $0.quality.rawValue + ($0.source.isEmpty ? "" : " (\($0.source))") }.joined(separator: ", ")
    }

    /// Records written, by path, in the order first written; nil: removed.
    struct Slot<R> {
        var values: [String: R?] = [:]
        var order: [String] = []

        mutating func write(_ path: String, _ value: R?) {
            if values.updateValue(value, forKey: path) == nil { order.append(path) }
        }
    }

    /// What an edit writes, record by record (a later write of the same record wins). The parts
    /// of a record an edit sets alone (a survey's meta or years, a jurisdiction's sub-unit
    /// observations or tallies) are written into a record whose other part is left empty on
    /// both sides, so only the part set differs.
    struct Writes {
        var header = Slot<SurveyHeader>()
        var jurisdictions = Slot<Jurisdiction>()
        var cells = Slot<Observation>()
        var subUnits = Slot<SubUnitRecord>()
        var outreach = Slot<Outreach>()
        var enterprises = Slot<Enterprise>()
        var regulations = Slot<Regulation>()
        /// A cell's quality marks (部分公开, 较为全面 …), logged as the cell's `qualities` field.
        var qualities = Slot<[CellQuality]>()
        /// Report data set whole (`setReportedData`), in order; its inverse sets the data before.
        var reported: [ReportedData] = []

        mutating func collect(_ edit: Edit) {
            switch edit {
            case .setCells(let changes):
                for c in changes { cells.write(Records.cellPath(c.key), c.observation) }
            case .setMeta(let meta):
                header.write("survey#meta", SurveyHeader(meta: meta, years: []))
            case .setYears(let years):
                header.write("survey#years", SurveyHeader(meta: SurveyMeta(title: ""), years: Array(Set(years)).sorted()))
            case .insertEnterprises(let list, _):
                for e in list { enterprises.write("enterprises/" + e.id, e) }
            case .removeEnterprises(let ids):
                for id in ids { enterprises.write("enterprises/" + id, nil) }
            case .restoreEnterprises(let placed):
                for p in placed { enterprises.write("enterprises/" + p.enterprise.id, p.enterprise) }
            case .updateEnterprise(let e):
                enterprises.write("enterprises/" + e.id, e)
            case .setRegulation(let r), .insertRegulation(let r, _):
                regulations.write("regulations/" + r.id, r)
            case .removeRegulation(let id):
                regulations.write("regulations/" + id, nil)
            case .setOutreach(let o), .insertOutreach(let o, _):
                outreach.write("outreach/" + o.jurisdiction, o)
            case .removeOutreach(let j):
                outreach.write("outreach/" + j, nil)
            case .setJurisdiction(let j), .insertJurisdiction(let j, _):
                jurisdictions.write("jurisdictions/" + j.id, j)
            case .removeJurisdiction(let id):
                jurisdictions.write("jurisdictions/" + id, nil)
            case .setSubUnitObservations(let j, let list):
                subUnits.write("subUnits/" + j + "#observations", SubUnitRecord(jurisdiction: j, observations: list, tallies: []))
            case .setSubUnitTallies(let j, let list):
                subUnits.write("subUnits/" + j + "#tallies", SubUnitRecord(jurisdiction: j, observations: [], tallies: list))
            case .setConflicts:
                break
            case .setReportedData(let data):
                reported.append(data)
            case .setCellQualities(let key, let marks):
                qualities.write(Records.cellPath(key) + "/qualities", marks)
            case .batch(let edits):
                for e in edits { collect(e) }
            }
        }
    }
}
