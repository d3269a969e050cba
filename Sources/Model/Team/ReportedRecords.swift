import Foundation

/// The quality marks of one matrix cell, as one record (its one field, `qualities`, is the list).
struct CellMarks: Codable, Equatable {
    var key: CellKey
    var marks: [CellQuality]

    /// The marked cells of a survey, in the order of their first mark.
    static func all(_ survey: Survey) -> [CellMarks] {
        all(survey.reported?.cellQualities ?? [])
    }

    static func all(_ qualities: [CellQuality]) -> [CellMarks] {
        var byKey: [CellKey: Int] = [:]
        var out: [CellMarks] = []
        for q in qualities {
            if let i = byKey[q.key] {
                out[i].marks.append(q)
            } else {
                byKey[q.key] = out.count
                out.append(CellMarks(key: q.key, marks: [q]))
            }
        }
        return out
    }
}

/// What a survey keeps from a report (issue 13), as record kinds for comparison, merging and
/// conflict resolution (issue 14). Paths:
/// - `tallies/<measure>/<jurisdiction>/<year>/<outcome or item>` (`-` for none), fields `value`, `source`;
/// - `verdicts/<enterprise id>`, fields `verdict`, `source`;
/// - `observations/<jurisdiction>/<year>/<kind>/qualities`: a cell's quality marks (section `qualities`);
/// - `statedFigures/<id>` and `decisions/<id>`, one field per property.
extension Records {
    static var tallies: RecordKind<ReportedTally> {
        RecordKind(section: "tallies", fields: [
            RecordField("value", \.value), RecordField("source", \.source),
        ], path: tallyPath, label: { "\($0.value)" }, empty: nil)
    }

    static func tallyPath(_ t: ReportedTally) -> String {
        let detail = t.outcome?.rawValue ?? t.item?.rawValue ?? "-"
        return ["tallies", t.measure.rawValue, t.jurisdiction ?? "-", t.year.map(String.init) ?? "-", detail].joined(separator: "/")
    }

    static var verdicts: RecordKind<RecordedVerdict> {
        RecordKind(section: "verdicts", fields: [
            RecordField("verdict", \.verdict), RecordField("source", \.source),
        ], path: { "verdicts/" + $0.enterprise }, label: { $0.verdict.rawValue }, empty: nil)
    }

    static var qualities: RecordKind<CellMarks> {
        RecordKind(section: "qualities", fields: [
            RecordField("qualities", \.marks, text: { EditChanges.qualityText($0) }),
        ], path: { cellPath($0.key) }, label: { EditChanges.qualityText($0.marks) }, empty: { path in
            cellKey(path).map { CellMarks(key: $0, marks: []) }
        })
    }

    static var statedFigures: RecordKind<StatedFigure> {
        RecordKind(section: "statedFigures", fields: [
            RecordField("statement", \.statement), RecordField("stated", \.stated), RecordField("query", \.query),
            RecordField("names", \.names), RecordField("approximate", \.approximate), RecordField("source", \.source),
            RecordField("decision", \.decision), RecordField("note", \.note),
        ], path: { "statedFigures/" + $0.id }, label: \.statement, empty: nil)
    }

    static var decisions: RecordKind<LabellingDecision> {
        RecordKind(section: "decisions", fields: [
            RecordField("cells", \.cells), RecordField("decision", \.decision),
            RecordField("conflictingPassage", \.conflictingPassage),
        ], path: { "decisions/" + $0.id }, label: \.decision, empty: nil)
    }

    /// The sections of report data whose paths start with their own name.
    static let reportedSections: Set<String> = ["tallies", "verdicts", "statedFigures", "decisions"]

    static func reportedFieldNames(_ section: String) -> [String] {
        switch section {
        case "tallies": return tallies.fields.map(\.name)
        case "verdicts": return verdicts.fields.map(\.name)
        case "statedFigures": return statedFigures.fields.map(\.name)
        case "decisions": return decisions.fields.map(\.name)
        default: return []
        }
    }
}

extension RecordedVerdict {
    /// The verdicts with their enterprise ids mapped (for enterprises matched by name).
    static func remapped(_ verdicts: [RecordedVerdict], _ ids: [String: String]) -> [RecordedVerdict] {
        guard !ids.isEmpty else { return verdicts }
        return verdicts.map { v in
            var v = v
            v.enterprise = ids[v.enterprise] ?? v.enterprise
            return v
        }
    }
}

extension EnterpriseMatching {
    /// The ids `remap` changed: old id → new id (the lists are the same enterprises, in order).
    static func changedIDs(from before: [Enterprise], to after: [Enterprise]) -> [String: String] {
        var ids: [String: String] = [:]
        for (b, a) in zip(before, after) where b.id != a.id { ids[b.id] = a.id }
        return ids
    }
}

/// Reading and setting report data by path (the part of `FieldPath` for issue 13's data).
enum ReportedPath {
    /// The value at a path as JSON (nil: the record is absent); nil result for a path not of report data.
    static func json(section: String, record: String, field: String?, path: String, in survey: Survey) throws -> String?? {
        let data = survey.reportedData
        func read<R>(_ kind: RecordKind<R>, _ list: [R]) throws -> String?? {
            guard let value = list.first(where: { kind.path($0) == record }) else { return .some(nil) }
            guard let field else { return .some(FieldText.json(value)) }
            guard let f = kind.field(field) else { throw FieldPath.Failure.unknownPath(path) }
            return .some(f.json(value))
        }
        switch section {
        case "tallies": return try read(Records.tallies, data.tallies)
        case "verdicts": return try read(Records.verdicts, data.verdicts)
        case "statedFigures": return try read(Records.statedFigures, data.statedFigures)
        case "decisions": return try read(Records.decisions, data.decisions)
        default: return nil
        }
    }

    /// The edit that sets the value at a path to `json` (nil: removes the record); nil for a path
    /// not of report data.
    static func edit(section: String, record: String, field: String?, path: String, to json: String?, in survey: Survey) throws -> Edit? {
        var data = survey.reportedData
        func set<R>(_ kind: RecordKind<R>, _ list: inout [R]) throws {
            let index = list.firstIndex { kind.path($0) == record }
            let new: R?
            do {
                if let field {
                    guard let f = kind.field(field) else { throw FieldPath.Failure.unknownPath(path) }
                    guard let index else { throw FieldPath.Failure.unknownPath(path) }
                    var value = list[index]
                    try f.assign(&value, json ?? "null")
                    new = value
                } else {
                    new = try json.map { try FieldText.decode(R.self, from: $0) }
                }
            } catch let failure as FieldPath.Failure {
                throw failure
            } catch {
                throw FieldPath.Failure.badValue(path)
            }
            if let new, kind.path(new) != record { throw FieldPath.Failure.badValue(path) }
            switch (index, new) {
            case (let i?, let new?): list[i] = new
            case (let i?, nil): list.remove(at: i)
            case (nil, let new?): list.append(new)
            case (nil, nil): break
            }
        }
        switch section {
        case "tallies": try set(Records.tallies, &data.tallies)
        case "verdicts": try set(Records.verdicts, &data.verdicts)
        case "statedFigures": try set(Records.statedFigures, &data.statedFigures)
        case "decisions": try set(Records.decisions, &data.decisions)
        default: return nil
        }
        return data == survey.reportedData ? .batch([]) : .setReportedData(data)
    }
}

/// The fields that differ between two versions of a survey's report data, for the change log.
enum ReportedChanges {
    static func changes(old: ReportedData, new: ReportedData) -> [FieldChange] {
        var out: [FieldChange] = []
        func diff<R>(_ kind: RecordKind<R>, _ a: [R], _ b: [R]) {
            for (path, i, j) in kind.pairs(a, b) {
                out += kind.changes(old: i.map { a[$0] }, new: j.map { b[$0] }, path: path)
            }
        }
        diff(Records.qualities, CellMarks.all(old.cellQualities), CellMarks.all(new.cellQualities))
        diff(Records.tallies, old.tallies, new.tallies)
        diff(Records.verdicts, old.verdicts, new.verdicts)
        diff(Records.statedFigures, old.statedFigures, new.statedFigures)
        diff(Records.decisions, old.decisions, new.decisions)
        return out
    }
}
