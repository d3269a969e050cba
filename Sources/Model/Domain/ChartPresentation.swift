import Foundation

/// What the user changed in how the charts present the survey: a chart's own title or finding in
/// place of the computed ones, and short notes attached to a point of a chart (a year or a
/// jurisdiction). Charts are named by their command-line names (`gongkai chart --list`); names a
/// version does not know are kept and ignored, as `BriefingPlan` does.
///
/// Saved in `SurveyMeta.charts` (left out of the file when empty), so that changing it is one
/// `Edit.setMeta`: one undo step, recorded in the change log as the survey's `charts` field.
public struct ChartPresentation: Codable, Equatable, Sendable {
    /// At most one per chart, ordered by chart name.
    public var overrides: [ChartTextOverride]
    /// In the order they were added (a chart numbers its notes in this order).
    public var annotations: [ChartAnnotation]

    public init(overrides: [ChartTextOverride] = [], annotations: [ChartAnnotation] = []) {
        self.overrides = overrides
        self.annotations = annotations
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        overrides = try c.decodeIfPresent([ChartTextOverride].self, forKey: .overrides) ?? []
        annotations = try c.decodeIfPresent([ChartAnnotation].self, forKey: .annotations) ?? []
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if !overrides.isEmpty { try c.encode(overrides, forKey: .overrides) }
        if !annotations.isEmpty { try c.encode(annotations, forKey: .annotations) }
    }

    enum CodingKeys: String, CodingKey { case overrides, annotations }

    public var isEmpty: Bool { overrides.isEmpty && annotations.isEmpty }

    /// The user's title and finding of a chart (nil: none set).
    public func override(_ chart: String) -> ChartTextOverride? { overrides.first { $0.chart == chart } }

    /// The notes of a chart, in order.
    public func annotations(_ chart: String) -> [ChartAnnotation] { annotations.filter { $0.chart == chart } }

    /// Sets a chart's own title and finding; empty or blank text (or nil) means the computed one.
    public mutating func setOverride(_ chart: String, title: String?, finding: String?) {
        func clean(_ s: String?) -> String? {
            guard let s = s?.trimmingCharacters(in: .whitespacesAndNewlines), !s.isEmpty else { return nil }
            return s
        }
        overrides.removeAll { $0.chart == chart }
        let new = ChartTextOverride(chart: chart, title: clean(title), finding: clean(finding))
        if new.title != nil || new.finding != nil {
            overrides.append(new)
            overrides.sort { $0.chart < $1.chart }
        }
    }

    /// Adds a note at the end of the chart's notes.
    public mutating func add(_ annotation: ChartAnnotation) { annotations.append(annotation) }

    /// Removes the `index`th note of a chart (in `annotations(_:)` order); false when there is none.
    @discardableResult
    public mutating func removeAnnotation(_ chart: String, at index: Int) -> Bool {
        let positions = annotations.indices.filter { annotations[$0].chart == chart }
        guard positions.indices.contains(index) else { return false }
        annotations.remove(at: positions[index])
        return true
    }
}

/// A chart's own title and finding (nil: the computed one).
public struct ChartTextOverride: Codable, Equatable, Sendable {
    public var chart: String
    public var title: String?
    public var finding: String?

    public init(chart: String, title: String? = nil, finding: String? = nil) {
        self.chart = chart
        self.title = title
        self.finding = finding
    }
}

/// Where a note points on a chart.
public enum ChartPoint: Hashable, Sendable {
    case year(Int)
    /// A jurisdiction, by its id.
    case jurisdiction(String)
}

/// A short note attached to a point of a chart, drawn on it.
///
/// In the file: `{"chart": "ranking", "jurisdiction": "henan", "text": "…"}` or with `"year": 2021`
/// (exactly one of the two).
public struct ChartAnnotation: Codable, Equatable, Sendable {
    public var chart: String
    public var point: ChartPoint
    public var text: String

    public init(chart: String, point: ChartPoint, text: String) {
        self.chart = chart
        self.point = point
        self.text = text
    }

    enum CodingKeys: String, CodingKey { case chart, year, jurisdiction, text }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        chart = try c.decode(String.self, forKey: .chart)
        text = try c.decode(String.self, forKey: .text)
        let year = try c.decodeIfPresent(Int.self, forKey: .year)
        let jurisdiction = try c.decodeIfPresent(String.self, forKey: .jurisdiction)
        switch (year, jurisdiction) {
        case (let y?, nil): point = .year(y)
        case (nil, let j?): point = .jurisdiction(j)
        default:
            throw DecodingError.dataCorruptedError(forKey: .text, in: c,
                                                   debugDescription: tr("a chart note needs either a \"year\" or a \"jurisdiction\", not both"))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(chart, forKey: .chart)
        switch point {
        case .year(let y): try c.encode(y, forKey: .year)
        case .jurisdiction(let j): try c.encode(j, forKey: .jurisdiction)
        }
        try c.encode(text, forKey: .text)
    }
}
