import Foundation

/// How many jurisdictions a year's cells of one kind put in each status — the report's headline
/// figures ("2018-2022年度共有19、23、22、27、22个省市公开了清洁生产审核企业名单").
public struct StatusCounts: Codable, Equatable, Sendable {
    public var disclosed = 0
    public var notDisclosed = 0
    public var prefecture = 0
    public var division = 0
    /// Jurisdictions without a cell, or whose cell is explicitly "not surveyed".
    public var notSurveyed = 0

    public init() {}

    public subscript(status: DisclosureStatus) -> Int {
        get {
            switch status {
            case .disclosed: return disclosed
            case .notDisclosed: return notDisclosed
            case .prefecture: return prefecture
            case .division: return division
            case .notSurveyed: return notSurveyed
            }
        }
        set {
            switch status {
            case .disclosed: disclosed = newValue
            case .notDisclosed: notDisclosed = newValue
            case .prefecture: prefecture = newValue
            case .division: division = newValue
            case .notSurveyed: notSurveyed = newValue
            }
        }
    }

    /// Delegated to a lower level (prefecture or division).
    public var delegated: Int { prefecture + division }
    /// Every jurisdiction counted.
    public var total: Int { disclosed + notDisclosed + prefecture + division + notSurveyed }
    /// Jurisdictions with a surveyed status.
    public var surveyed: Int { total - notSurveyed }
}

/// What the disclosed lists (or results) of one year and kind cover, by the audits they include.
///
/// Classification of an observation's `coverage`: empty → `notRecorded`; mandatory and voluntary
/// both listed → `mandatoryAndVoluntary`; only one of them listed → `mandatoryOnly` /
/// `voluntaryOnly` (an extra `unclassified` entry beside a classified one does not change this);
/// only `unclassified` → `unclassified`.
public struct CoverageCounts: Codable, Equatable, Sendable {
    public var mandatoryAndVoluntary = 0
    public var mandatoryOnly = 0
    public var voluntaryOnly = 0
    public var unclassified = 0
    public var notRecorded = 0

    public init() {}

    /// All disclosed cells counted.
    public var total: Int { mandatoryAndVoluntary + mandatoryOnly + voluntaryOnly + unclassified + notRecorded }
    /// Cells whose disclosure includes mandatory audits (with or without voluntary ones).
    public var includingMandatory: Int { mandatoryAndVoluntary + mandatoryOnly }
    /// Cells whose disclosure includes voluntary audits (with or without mandatory ones).
    public var includingVoluntary: Int { mandatoryAndVoluntary + voluntaryOnly }

    /// Counts one disclosed cell's coverage.
    mutating func add(_ coverage: [AuditType]) { count(coverage, by: 1) }

    /// Takes one disclosed cell's coverage out of the counts (the inverse of `add`).
    mutating func remove(_ coverage: [AuditType]) { count(coverage, by: -1) }

    private mutating func count(_ coverage: [AuditType], by step: Int) {
        if coverage.isEmpty {
            notRecorded += step
            return
        }
        var mandatory = false
        var voluntary = false
        for t in coverage {
            switch t {
            case .mandatory: mandatory = true
            case .voluntary: voluntary = true
            case .unclassified: break
            }
        }
        switch (mandatory, voluntary) {
        case (true, true): mandatoryAndVoluntary += step
        case (true, false): mandatoryOnly += step
        case (false, true): voluntaryOnly += step
        case (false, false): unclassified += step
        }
    }
}

/// Whether a year's audit lists say why each enterprise is under mandatory audit (the report's
/// table 清洁生产审核企业名单包含类型). Every jurisdiction of the survey is counted once per year,
/// whatever the status of its audit-list cell: the report's labelling table is a record of its own.
public struct LabellingCounts: Codable, Equatable, Sendable {
    /// 未公开名单
    public var noList = 0
    /// 未说明类型
    public var notStated = 0
    /// Some but not all of the three reasons marked (e.g. 辽宁 2019: "1").
    public var someMarked = 0
    /// All three reasons marked (1+2+3).
    public var allMarked = 0
    /// No cell, or a cell without a labelling.
    public var notRecorded = 0
    /// Lists marking reason 1, 2 and 3 respectively (whether alone or with others).
    public var marksPollution = 0
    public var marksEnergy = 0
    public var marksToxic = 0

    public init() {}

    /// Every jurisdiction counted.
    public var total: Int { noList + notStated + someMarked + allMarked + notRecorded }
    /// Lists that mark at least one reason.
    public var marked: Int { someMarked + allMarked }

    /// Counts one audit-list cell's labelling.
    mutating func add(_ labelling: ReasonLabelling?) { count(labelling, by: 1) }

    /// Takes one audit-list cell's labelling out of the counts (the inverse of `add`).
    mutating func remove(_ labelling: ReasonLabelling?) { count(labelling, by: -1) }

    private mutating func count(_ labelling: ReasonLabelling?, by step: Int) {
        switch labelling {
        case nil: notRecorded += step
        case .noList?: noList += step
        case .notStated?: notStated += step
        case .marked(let set)?:
            if set.reasons.count >= Reason.allCases.count { allMarked += step } else { someMarked += step }
            for r in set.reasons {
                switch r {
                case .pollution: marksPollution += step
                case .energy: marksEnergy += step
                case .toxic: marksToxic += step
                }
            }
        }
    }
}

/// The figures for one kind of disclosure in one year.
public struct KindYearStatistics: Codable, Equatable, Sendable {
    /// Jurisdictions by status.
    public var status = StatusCounts()
    /// Coverage of the disclosed cells (`coverage.total == status.disclosed`).
    public var coverage = CoverageCounts()

    public init() {}
}

/// The matrix figures for one survey year.
public struct YearStatistics: Codable, Equatable, Sendable {
    public var year: Int
    public var auditList = KindYearStatistics()
    public var evaluation = KindYearStatistics()
    /// Reason labelling of the year's audit lists.
    public var labelling = LabellingCounts()

    public init(year: Int) { self.year = year }

    public subscript(kind: DisclosureKind) -> KindYearStatistics {
        get { kind == .auditList ? auditList : evaluation }
        set { if kind == .auditList { auditList = newValue } else { evaluation = newValue } }
    }
}
