import Foundation

extension Edit {
    /// Replaces the quality marks of one cell (their cell is `key`'s whatever they say) and keeps
    /// the marks in canonical order (`Survey.canonicalize`), so the inverse is exact. Returns it.
    static func setCellQualities(_ key: CellKey, _ marks: [CellQuality], in survey: inout Survey) -> Edit {
        var data = survey.reportedData
        let old = data.cellQualities.filter { $0.key == key }
        let placed = marks.map { m -> CellQuality in
            var m = m
            (m.jurisdiction, m.year, m.kind) = (key.jurisdiction, key.year, key.kind)
            return m
        }
        data.cellQualities.removeAll { $0.key == key }
        let order = survey.jurisdictionOrder
        data.cellQualities = CellQuality.canonicalOrder(data.cellQualities + placed, rank: { order[$0] ?? Int.max })
        survey.reportedData = data
        return .setCellQualities(key, old)
    }
}
