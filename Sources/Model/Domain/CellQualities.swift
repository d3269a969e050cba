import Foundation

/// A quality of a matrix cell that is not a status: how much of what should be published was,
/// or how the source judges what was.
public enum CellQualityKind: String, Codable, CaseIterable, Sendable {
    /// 部分公开 / 个别年份公开不完全: published, but not all of it.
    case partial
    /// 较为全面: the source calls the published list fairly comprehensive.
    case fairlyComprehensive = "fairly_comprehensive"
}

/// A structured mark on one cell, with the source that gives it.
public struct CellQuality: Codable, Equatable, Sendable {
    public var jurisdiction: String
    public var year: Int
    public var kind: DisclosureKind
    public var quality: CellQualityKind
    public var source: String

    public init(jurisdiction: String, year: Int, kind: DisclosureKind, quality: CellQualityKind, source: String) {
        self.jurisdiction = jurisdiction
        self.year = year
        self.kind = kind
        self.quality = quality
        self.source = source
    }

    public var key: CellKey { CellKey(jurisdiction: jurisdiction, year: year, kind: kind) }
}

extension Survey {
    /// The qualities marked on one cell.
    public func qualities(_ jurisdiction: String, _ year: Int, _ kind: DisclosureKind) -> [CellQuality] {
        guard let marks = reported?.cellQualities, !marks.isEmpty else { return [] }
        return marks.filter { $0.jurisdiction == jurisdiction && $0.year == year && $0.kind == kind }
    }
}

extension CellQuality {
    /// Marks in cell order (jurisdiction rank, year, kind), then by quality; marks that compare
    /// equal keep their order.
    static func canonicalOrder(_ marks: [CellQuality], rank: (String) -> Int) -> [CellQuality] {
        marks.enumerated().sorted { a, b in
            let ka = (rank(a.element.jurisdiction), a.element.year, a.element.kind.sortIndex, a.element.quality == .partial ? 0 : 1)
            let kb = (rank(b.element.jurisdiction), b.element.year, b.element.kind.sortIndex, b.element.quality == .partial ? 0 : 1)
            return ka != kb ? ka < kb : a.offset < b.offset
        }.map(\.element)
    }
}
