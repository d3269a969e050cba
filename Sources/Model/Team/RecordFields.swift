import Foundation

/// One field of a record type, for the change log, comparison and merging: whether two records
/// agree on it, its value as text for people, and its value as JSON for storing a conflict and
/// setting it back.
struct RecordField<R> {
    let name: String
    let same: (R, R) -> Bool
    let copy: (inout R, R) -> Void
    private(set) var text: (R) -> String
    let json: (R) -> String
    let assign: (inout R, String) throws -> Void

    init<V: Codable & Equatable>(_ name: String, _ path: WritableKeyPath<R, V>) {
        self.name = name
        same = { $0[keyPath: path] == $1[keyPath: path] }
        copy = { $0[keyPath: path] = $1[keyPath: path] }
        text = { FieldText.display($0[keyPath: path]) }
        json = { FieldText.json($0[keyPath: path]) }
        assign = { $0[keyPath: path] = try FieldText.decode(V.self, from: $1) }
    }

    /// A field shown to people as `text` gives it (rather than as plain text or compact JSON).
    init<V: Codable & Equatable>(_ name: String, _ path: WritableKeyPath<R, V>, text: @escaping (V) -> String) {
        self.init(name, path)
        self.text = { text($0[keyPath: path]) }
    }
}

/// The records of one kind: their fields, the path of a record (`enterprises/<id>`), and a short
/// label for a record added or removed.
struct RecordKind<R: Codable & Equatable> {
    let section: String
    let fields: [RecordField<R>]
    let path: (R) -> String
    let label: (R) -> String
    /// For matrix cells: the content of a cell nobody filled (a missing cell is this). Kinds
    /// without one log and merge whole records added and removed.
    let empty: ((String) -> R?)?

    func field(_ name: String) -> RecordField<R>? { fields.first { $0.name == name } }

    /// The position of each path's record in a list (the last, when a path repeats), and the
    /// paths in list order: without copying the records.
    func positions(_ records: [R]) -> (byPath: [String: Int], order: [String]) {
        var byPath: [String: Int] = [:]
        byPath.reserveCapacity(records.count)
        var order: [String] = []
        order.reserveCapacity(records.count)
        for i in records.indices {
            let p = path(records[i])
            if byPath.updateValue(i, forKey: p) == nil { order.append(p) }
        }
        return (byPath, order)
    }

    /// The records of two lists paired by path: `a`'s paths in order, then `b`'s others, each
    /// with the position of its record in `a` and in `b` (nil: absent).
    func pairs(_ a: [R], _ b: [R]) -> [(path: String, a: Int?, b: Int?)] {
        let (ia, orderA) = positions(a)
        let (ib, orderB) = positions(b)
        var out: [(path: String, a: Int?, b: Int?)] = []
        out.reserveCapacity(max(orderA.count, orderB.count))
        for p in orderA { out.append((p, ia[p], ib[p])) }
        for p in orderB where ia[p] == nil { out.append((p, nil, ib[p])) }
        return out
    }
}

/// The sub-unit records of one jurisdiction, as one record.
struct SubUnitRecord: Codable, Equatable {
    var jurisdiction: String
    var observations: [SubUnitObservation]
    var tallies: [SubUnitTally]

    static func all(_ survey: Survey) -> [SubUnitRecord] {
        var byJurisdiction: [String: SubUnitRecord] = [:]
        var order: [String] = []
        for o in survey.subUnitObservations {
            if byJurisdiction[o.jurisdiction] == nil { order.append(o.jurisdiction) }
            byJurisdiction[o.jurisdiction, default: SubUnitRecord(jurisdiction: o.jurisdiction, observations: [], tallies: [])]
                .observations.append(o)
        }
        for t in survey.subUnitTallies {
            if byJurisdiction[t.jurisdiction] == nil { order.append(t.jurisdiction) }
            byJurisdiction[t.jurisdiction, default: SubUnitRecord(jurisdiction: t.jurisdiction, observations: [], tallies: [])]
                .tallies.append(t)
        }
        return order.compactMap { byJurisdiction[$0] }
    }
}

/// The survey's own fields (meta and years), as one record.
struct SurveyHeader: Codable, Equatable {
    var meta: SurveyMeta
    var years: [Int]

    init(_ survey: Survey) {
        self.init(meta: survey.meta, years: survey.years)
    }

    init(meta: SurveyMeta, years: [Int]) {
        self.meta = meta
        self.years = years
    }
}

/// The record kinds of a survey.
enum Records {
    static var cells: RecordKind<Observation> {
        RecordKind(section: "observations", fields: [
            RecordField("status", \.status), RecordField("coverage", \.coverage),
            RecordField("reasonLabelling", \.reasonLabelling), RecordField("department", \.department),
            RecordField("evidence", \.evidence), RecordField("note", \.note),
        ], path: { cellPath($0.key) }, label: { $0.status.rawValue }, empty: { path in
            cellKey(path).map { Observation(jurisdiction: $0.jurisdiction, year: $0.year, kind: $0.kind, status: .notSurveyed) }
        })
    }

    static var enterprises: RecordKind<Enterprise> {
        RecordKind(section: "enterprises", fields: [
            RecordField("name", \.name), RecordField("jurisdiction", \.jurisdiction), RecordField("city", \.city),
            RecordField("year", \.year), RecordField("reasons", \.reasons), RecordField("industry", \.industry),
            RecordField("parentCompany", \.parentCompany), RecordField("channelsSearched", \.channelsSearched),
            RecordField("foundAt", \.foundAt), RecordField("urls", \.urls), RecordField("disclosedItems", \.disclosedItems),
            RecordField("phoneAttempts", \.phoneAttempts), RecordField("notes", \.notes),
        ], path: { "enterprises/" + $0.id }, label: \.name, empty: nil)
    }

    static var regulations: RecordKind<Regulation> {
        RecordKind(section: "regulations", fields: [
            RecordField("title", \.title), RecordField("shortTitle", \.shortTitle),
            RecordField("documentNumber", \.documentNumber), RecordField("issuers", \.issuers), RecordField("level", \.level),
            RecordField("jurisdiction", \.jurisdiction), RecordField("adopted", \.adopted),
            RecordField("promulgated", \.promulgated), RecordField("effective", \.effective), RecordField("amended", \.amended),
            RecordField("repealed", \.repealed), RecordField("url", \.url), RecordField("supersededBy", \.supersededBy),
            RecordField("articles", \.articles), RecordField("notes", \.notes),
        ], path: { "regulations/" + $0.id }, label: \.title, empty: nil)
    }

    static var outreach: RecordKind<Outreach> {
        RecordKind(section: "outreach", fields: [
            RecordField("phoneContacts", \.phoneContacts), RecordField("letter", \.letter), RecordField("notes", \.notes),
        ], path: { "outreach/" + $0.jurisdiction }, label: \.jurisdiction, empty: nil)
    }

    static var jurisdictions: RecordKind<Jurisdiction> {
        RecordKind(section: "jurisdictions", fields: [
            RecordField("name", \.name), RecordField("shortName", \.shortName), RecordField("englishName", \.englishName),
            RecordField("kind", \.kind), RecordField("region", \.region), RecordField("tile", \.tile),
            RecordField("mandatoryDepartments", \.mandatoryDepartments),
            RecordField("voluntaryDepartments", \.voluntaryDepartments), RecordField("subUnits", \.subUnits),
            RecordField("notes", \.notes),
        ], path: { "jurisdictions/" + $0.id }, label: \.name, empty: nil)
    }

    static var subUnits: RecordKind<SubUnitRecord> {
        RecordKind(section: "subUnits", fields: [
            RecordField("observations", \.observations), RecordField("tallies", \.tallies),
        ], path: { "subUnits/" + $0.jurisdiction }, label: \.jurisdiction, empty: { path in
            let j = String(path.dropFirst("subUnits/".count))
            return SubUnitRecord(jurisdiction: j, observations: [], tallies: [])
        })
    }

    static var header: RecordKind<SurveyHeader> {
        RecordKind(section: "survey", fields: [
            RecordField("title", \.meta.title), RecordField("organisation", \.meta.organisation),
            RecordField("authors", \.meta.authors), RecordField("notes", \.meta.notes),
            RecordField("dataSource", \.meta.dataSource), RecordField("dataSourceEnglish", \.meta.dataSourceEnglish),
            RecordField("briefing", \.meta.briefing), RecordField("charts", \.meta.charts),
            RecordField("rateDefinition", \.meta.rateDefinition),
            RecordField("years", \.years),
        ], path: { _ in "survey" }, label: \.meta.title, empty: nil)
    }

    static func cellPath(_ key: CellKey) -> String {
        "observations/\(key.jurisdiction)/\(key.year)/\(key.kind.rawValue)"
    }

    /// The cell of `observations/<jurisdiction>/<year>/<kind>[/field]`.
    static func cellKey(_ path: String) -> CellKey? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 4, parts[0] == "observations", let year = Int(parts[2]),
              let kind = DisclosureKind(rawValue: String(parts[3])) else { return nil }
        return CellKey(jurisdiction: String(parts[1]), year: year, kind: kind)
    }
}

/// Values as text: for people (strings as they are, none as "", lists and objects as compact
/// JSON) and as JSON (to store in a conflict and set back).
enum FieldText {
    static func display<V: Encodable>(_ value: V) -> String {
        switch value {
        case let s as String: return s
        case let s as String?: return s ?? ""
        case let n as Int: return String(n)
        case let n as Int?: return n.map(String.init) ?? ""
        case let e as any RawRepresentable<String>: return e.rawValue
        default:
            if let optional = value as? any OptionalProtocol, optional.isNone { return "" }
            if let described = value as? any CustomStringConvertible, !(value is any Collection) { return described.description }
            let json = self.json(value)
            if json == "null" || json == "[]" { return "" }
            // A value written as text (an optional labelling, date or reason set): without quotes.
            if json.hasPrefix("\""), let text = try? decode(String.self, from: json) { return text }
            return json
        }
    }

    static func json<V: Encodable>(_ value: V) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }

    static func decode<V: Decodable>(_ type: V.Type, from json: String) throws -> V {
        try JSONDecoder().decode(V.self, from: Data(json.utf8))
    }
}

/// Lets `FieldText.display` tell a nil of any wrapped type.
protocol OptionalProtocol { var isNone: Bool { get } }
extension Optional: OptionalProtocol { var isNone: Bool { self == nil } }
