import Foundation

/// What a jurisdiction publishes: its audit enterprise list, or its evaluation and acceptance results.
public enum DisclosureKind: String, Codable, CaseIterable, Sendable {
    /// 审核企业名单
    case auditList = "audit_list"
    /// 评估与验收结果
    case evaluation

    public var sortIndex: Int { self == .auditList ? 0 : 1 }
}

/// The status of one matrix cell.
public enum DisclosureStatus: String, Codable, CaseIterable, Sendable {
    /// √
    case disclosed
    /// ×
    case notDisclosed = "not_disclosed"
    /// 地市级负责
    case prefecture
    /// 师市级负责 (the Corps' divisions)
    case division
    /// empty cell
    case notSurveyed = "not_surveyed"

    /// Delegated to a lower level (prefecture or division).
    public var isDelegated: Bool { self == .prefecture || self == .division }
}

/// Which audits a published list covers.
public enum AuditType: String, Codable, CaseIterable, Comparable, Sendable {
    case mandatory
    case voluntary
    /// The list does not say which of its enterprises are under mandatory or voluntary audit.
    case unclassified

    private var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (a: AuditType, b: AuditType) -> Bool { a.rank < b.rank }
}

/// The three legal reasons for a mandatory audit (清洁生产促进法 第二十七条; 清洁生产审核办法 第八条).
public enum Reason: Int, Codable, CaseIterable, Comparable, Sendable {
    /// 污染物排放超标或超总量
    case pollution = 1
    /// 超过能耗限额（高耗能）
    case energy = 2
    /// 使用有毒有害原料或排放有毒有害物质
    case toxic = 3

    public static func < (a: Reason, b: Reason) -> Bool { a.rawValue < b.rawValue }
}

/// A set of legal reasons, written "1", "1+3", "1+2+3".
public struct ReasonSet: Codable, Equatable, Hashable, Sendable, CustomStringConvertible {
    public var reasons: [Reason]  // sorted, unique

    public init(_ reasons: some Sequence<Reason>) { self.reasons = Array(Set(reasons)).sorted() }

    private init(sorted reasons: [Reason]) { self.reasons = reasons }

    public static let all = ReasonSet(Reason.allCases)

    public var isEmpty: Bool { reasons.isEmpty }
    public func contains(_ r: Reason) -> Bool { reasons.contains(r) }
    public var description: String { reasons.map { String($0.rawValue) }.joined(separator: "+") }

    /// Parses "1", "1+2+3", "1、3", "1,2".
    public init?(parsing text: String) {
        // Fast path for the canonical forms the file format writes.
        switch text {
        case "1": self.init(sorted: [.pollution]); return
        case "2": self.init(sorted: [.energy]); return
        case "3": self.init(sorted: [.toxic]); return
        case "1+2": self.init(sorted: [.pollution, .energy]); return
        case "1+3": self.init(sorted: [.pollution, .toxic]); return
        case "2+3": self.init(sorted: [.energy, .toxic]); return
        case "1+2+3": self.init(sorted: [.pollution, .energy, .toxic]); return
        default: break
        }
        let parts = text.split(whereSeparator: { "+,，、/ ".contains($0) })
        guard !parts.isEmpty else { return nil }
        var out: [Reason] = []
        for p in parts {
            guard let n = Int(p), let r = Reason(rawValue: n) else { return nil }
            out.append(r)
        }
        self.init(out)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let set = ReasonSet(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: tr("expected reasons such as “1” or “1+2+3”, found “%1”", text))
        }
        self = set
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// Whether a published audit list says why each enterprise is under mandatory audit
/// (the report's table 清洁生产审核企业名单包含类型).
public enum ReasonLabelling: Codable, Equatable, Hashable, Sendable, CustomStringConvertible {
    /// 未公开名单
    case noList
    /// 未说明类型
    case notStated
    /// Which reasons the list marks: 1, 1+2+3 …
    case marked(ReasonSet)

    public var description: String {
        switch self {
        case .noList: return "no_list"
        case .notStated: return "not_stated"
        case .marked(let set): return set.description
        }
    }

    public init?(parsing text: String) {
        switch text {
        case "no_list", "未公开名单": self = .noList
        case "not_stated", "未说明类型": self = .notStated
        default:
            guard let set = ReasonSet(parsing: text), !set.isEmpty else { return nil }
            self = .marked(set)
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let value = ReasonLabelling(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: tr("expected “no_list”, “not_stated” or reasons such as “1+2+3”, found “%1”", text))
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// How a piece of evidence was obtained.
public enum EvidenceMethod: String, Codable, CaseIterable, Sendable {
    case onlineSearch = "online_search"
    case phone
    case letterReply = "letter_reply"
}

/// Where a status was seen: a URL (http/https), when it was checked, and how.
public struct Evidence: Codable, Equatable, Hashable, Sendable {
    public var url: String?
    public var dateChecked: PartialDate?
    public var method: EvidenceMethod
    public var note: String?

    public init(url: String? = nil, dateChecked: PartialDate? = nil, method: EvidenceMethod, note: String? = nil) {
        self.url = url
        self.dateChecked = dateChecked
        self.method = method
        self.note = note
    }
}

/// One cell of the jurisdiction × year × kind matrix.
public struct Observation: Codable, Equatable, Sendable {
    public var jurisdiction: String
    public var year: Int
    public var kind: DisclosureKind
    public var status: DisclosureStatus
    /// Which audits the published list or results cover; empty when not recorded.
    public var coverage: [AuditType]
    /// For audit lists: whether and which legal reasons the list marks. Nil when not recorded.
    public var reasonLabelling: ReasonLabelling?
    public var department: String?
    public var evidence: [Evidence]
    /// e.g. 自愿性地市级负责
    public var note: String?

    public init(jurisdiction: String, year: Int, kind: DisclosureKind, status: DisclosureStatus,
                coverage: [AuditType] = [], reasonLabelling: ReasonLabelling? = nil, department: String? = nil,
                evidence: [Evidence] = [], note: String? = nil) {
        self.jurisdiction = jurisdiction
        self.year = year
        self.kind = kind
        self.status = status
        self.coverage = coverage
        self.reasonLabelling = reasonLabelling
        self.department = department
        self.evidence = evidence
        self.note = note
    }

    enum CodingKeys: String, CodingKey {
        case jurisdiction, year, kind, status, coverage, reasonLabelling, department, evidence, note
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        jurisdiction = try c.decode(String.self, forKey: .jurisdiction)
        year = try c.decode(Int.self, forKey: .year)
        kind = try c.decode(DisclosureKind.self, forKey: .kind)
        status = try c.decode(DisclosureStatus.self, forKey: .status)
        coverage = try c.decodeIfPresent([AuditType].self, forKey: .coverage) ?? []
        reasonLabelling = try c.decodeIfPresent(ReasonLabelling.self, forKey: .reasonLabelling)
        department = try c.decodeIfPresent(String.self, forKey: .department)
        evidence = try c.decodeIfPresent([Evidence].self, forKey: .evidence) ?? []
        note = try c.decodeIfPresent(String.self, forKey: .note)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(jurisdiction, forKey: .jurisdiction)
        try c.encode(year, forKey: .year)
        try c.encode(kind, forKey: .kind)
        try c.encode(status, forKey: .status)
        if !coverage.isEmpty { try c.encode(coverage, forKey: .coverage) }
        try c.encodeIfPresent(reasonLabelling, forKey: .reasonLabelling)
        try c.encodeIfPresent(department, forKey: .department)
        if !evidence.isEmpty { try c.encode(evidence, forKey: .evidence) }
        try c.encodeIfPresent(note, forKey: .note)
    }
}

/// The status of one sub-unit (city or division) for a year and kind.
/// `year` is nil where the source gives no year ("during the survey period").
public struct SubUnitObservation: Codable, Equatable, Sendable {
    public var jurisdiction: String
    public var subUnit: String
    public var year: Int?
    public var kind: DisclosureKind
    public var status: DisclosureStatus
    public var note: String?

    public init(jurisdiction: String, subUnit: String, year: Int?, kind: DisclosureKind, status: DisclosureStatus, note: String? = nil) {
        self.jurisdiction = jurisdiction
        self.subUnit = subUnit
        self.year = year
        self.kind = kind
        self.status = status
        self.note = note
    }
}

/// Counts of sub-units that a source reports without naming them (e.g. "12 of Shandong's 16 cities
/// disclosed"). This is an observation at the granularity the source gives, not a summary of cells.
public struct SubUnitTally: Codable, Equatable, Sendable {
    public var jurisdiction: String
    public var kind: DisclosureKind
    public var year: Int?
    public var units: Int
    public var disclosed: Int
    /// What the source says, quoted.
    public var source: String

    public init(jurisdiction: String, kind: DisclosureKind, year: Int?, units: Int, disclosed: Int, source: String) {
        self.jurisdiction = jurisdiction
        self.kind = kind
        self.year = year
        self.units = units
        self.disclosed = disclosed
        self.source = source
    }
}
