import Foundation

/// One field (or record) that differs between two versions: its path and both values as text.
public struct FieldChange: Equatable, Sendable {
    public var path: String
    public var old: String
    public var new: String

    public init(path: String, old: String, new: String) {
        self.path = path
        self.old = old
        self.new = new
    }
}

extension RecordKind {
    /// The fields that differ between two versions of a record (nil: absent). A record added or
    /// removed is one change of its path (with its label), except for kinds with an empty record
    /// (matrix cells), where a missing record is the empty one and only fields are compared.
    func changes(old: R?, new: R?, path recordPath: String) -> [FieldChange] {
        var old = old
        var new = new
        if let empty = empty?(recordPath) {
            old = old ?? empty
            new = new ?? empty
        }
        switch (old, new) {
        case (nil, nil): return []
        case (nil, let n?): return [FieldChange(path: recordPath, old: "", new: label(n))]
        case (let o?, nil): return [FieldChange(path: recordPath, old: label(o), new: "")]
        case (let o?, let n?):
            if o == n { return [] }
            return fields.compactMap { f in
                f.same(o, n) ? nil : FieldChange(path: recordPath + "/" + f.name, old: f.text(o), new: f.text(n))
            }
        }
    }
}

/// Reading and setting a survey's values by path (`observations/anhui/2021/audit_list/status`,
/// `enterprises/<id>/name`, `enterprises/<id>` for a whole record, `survey/years`): what the
/// compare view and conflict resolution use to take a value from another survey.
public enum FieldPath {
    /// The path without its field: the record (or cell) it belongs to.
    public static func recordPath(of path: String) -> String {
        guard let (_, record, _) = split(path) else { return path }
        return record
    }

    /// The section (first component), the record path and the field name, if the path names one.
    static func split(_ path: String) -> (section: String, record: String, field: String?)? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let section = parts.first else { return nil }
        let fieldNames: [String]
        switch section {
        case "observations":
            guard parts.count == 4 || parts.count == 5 else { return nil }
            return (section, parts[0...3].joined(separator: "/"), parts.count == 5 ? parts[4] : nil)
        case "survey":
            return (section, "survey", parts.count >= 2 ? parts[1...].joined(separator: "/") : nil)
        case "enterprises": fieldNames = Records.enterprises.fields.map(\.name)
        case "regulations": fieldNames = Records.regulations.fields.map(\.name)
        case "outreach": fieldNames = Records.outreach.fields.map(\.name)
        case "jurisdictions": fieldNames = Records.jurisdictions.fields.map(\.name)
        case "subUnits": fieldNames = Records.subUnits.fields.map(\.name)
        case _ where Records.reportedSections.contains(section): fieldNames = Records.reportedFieldNames(section)
        default: return nil
        }
        guard parts.count >= 2 else { return nil }
        if parts.count >= 3, let last = parts.last, fieldNames.contains(last) {
            return (section, parts.dropLast().joined(separator: "/"), last)
        }
        return (section, parts.joined(separator: "/"), nil)
    }

    public enum Failure: Error, Equatable, LocalizedError {
        case unknownPath(String)
        case badValue(String)

        public var errorDescription: String? {
            switch self {
            case .unknownPath(let p): return tr("“%1” does not name a field of a survey.", p)
            case .badValue(let p): return tr("The value for “%1” cannot be read.", p)
            }
        }
    }

    /// The value at a path as JSON; nil when the record is absent.
    public static func json(at path: String, in survey: Survey) throws -> String? {
        guard let (section, record, field) = split(path) else { throw Failure.unknownPath(path) }
        func read<R>(_ kind: RecordKind<R>, _ value: R?) throws -> String? {
            let value = value ?? kind.empty?(record)
            guard let value else { return nil }
            guard let field else { return FieldText.json(value) }
            guard let f = kind.field(field) else { throw Failure.unknownPath(path) }
            return f.json(value)
        }
        if let value = try ReportedPath.json(section: section, record: record, field: field, path: path, in: survey) { return value }
        let id = String(record.dropFirst(section.count + 1))
        switch section {
        case "observations":
            guard let key = Records.cellKey(record) else { throw Failure.unknownPath(path) }
            if field == "qualities" { return FieldText.json(survey.qualities(key.jurisdiction, key.year, key.kind)) }
            return try read(Records.cells, survey.observation(key.jurisdiction, key.year, key.kind))
        case "survey": return try read(Records.header, SurveyHeader(survey))
        case "enterprises": return try read(Records.enterprises, survey.enterprises.first { $0.id == id })
        case "regulations": return try read(Records.regulations, survey.regulations.first { $0.id == id })
        case "outreach": return try read(Records.outreach, survey.outreach.first { $0.jurisdiction == id })
        case "jurisdictions": return try read(Records.jurisdictions, survey.jurisdiction(id))
        case "subUnits": return try read(Records.subUnits, SubUnitRecord.all(survey).first { $0.jurisdiction == id })
        default: throw Failure.unknownPath(path)
        }
    }

    /// The edit that sets the value at a path to `json` (nil: removes the record).
    public static func edit(setting path: String, to json: String?, in survey: Survey) throws -> Edit {
        guard let (section, record, field) = split(path) else { throw Failure.unknownPath(path) }
        /// The record as it will be, or nil when it is removed.
        func updated<R>(_ kind: RecordKind<R>, _ current: R?) throws -> R? {
            do {
                guard let field else { return try json.map { try FieldText.decode(R.self, from: $0) } }
                guard let f = kind.field(field) else { throw Failure.unknownPath(path) }
                guard var value = current ?? kind.empty?(record) else { throw Failure.unknownPath(path) }
                try f.assign(&value, json ?? "null")
                return value
            } catch let failure as Failure {
                throw failure
            } catch {
                throw Failure.badValue(path)
            }
        }
        if let edit = try ReportedPath.edit(section: section, record: record, field: field, path: path, to: json, in: survey) {
            return edit
        }
        let id = String(record.dropFirst(section.count + 1))
        switch section {
        case "observations":
            guard let key = Records.cellKey(record) else { throw Failure.unknownPath(path) }
            if field == "qualities" {
                guard let marks = json == nil || json == "null" ? [] : try? FieldText.decode([CellQuality].self, from: json ?? "[]") else { throw Failure.badValue(path) }
                return .setCellQualities(key, marks)
            }
            let value = try updated(Records.cells, survey.observation(key.jurisdiction, key.year, key.kind))
            if let value, value.key != key { throw Failure.badValue(path) }
            return .setCells([CellChange(key: key, observation: value)])
        case "survey":
            guard let value = try updated(Records.header, SurveyHeader(survey)) else { throw Failure.unknownPath(path) }
            var edits: [Edit] = []
            if value.meta != survey.meta { edits.append(.setMeta(value.meta)) }
            if value.years != survey.years { edits.append(.setYears(value.years)) }
            return .batch(edits)
        case "enterprises":
            let current = survey.enterprises.first { $0.id == id }
            switch (current, try updated(Records.enterprises, current)) {
            case (_, nil): return current == nil ? .batch([]) : .removeEnterprises(ids: [id])
            case (nil, let new?): return .insertEnterprises([new], at: nil)
            case (_?, let new?): return .updateEnterprise(new)
            }
        case "regulations":
            let current = survey.regulations.first { $0.id == id }
            guard let new = try updated(Records.regulations, current) else {
                return current == nil ? .batch([]) : .removeRegulation(id: id)
            }
            return .setRegulation(new)
        case "outreach":
            let current = survey.outreach.first { $0.jurisdiction == id }
            guard let new = try updated(Records.outreach, current) else {
                return current == nil ? .batch([]) : .removeOutreach(jurisdiction: id)
            }
            return .setOutreach(new)
        case "jurisdictions":
            let current = survey.jurisdiction(id)
            guard let new = try updated(Records.jurisdictions, current) else {
                return current == nil ? .batch([]) : .removeJurisdiction(id: id)
            }
            return .setJurisdiction(new)
        case "subUnits":
            let current = SubUnitRecord.all(survey).first { $0.jurisdiction == id }
            let new = try updated(Records.subUnits, current) ?? SubUnitRecord(jurisdiction: id, observations: [], tallies: [])
            return .batch([.setSubUnitObservations(jurisdiction: id, new.observations), .setSubUnitTallies(jurisdiction: id, new.tallies)])
        default:
            throw Failure.unknownPath(path)
        }
    }
}
