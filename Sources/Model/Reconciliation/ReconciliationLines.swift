import Foundation

extension ReconciledFigure {
    /// What makes the difference (jurisdictions named but not counted or the reverse, the cells),
    /// the note and the labelling decision, one line each, translated; `names` maps ids to names.
    public func detailLines(names: [String: String]) -> [String] {
        func name(_ id: String) -> String { names[id] ?? id }
        var lines: [String] = []
        if !missing.isEmpty { lines.append(tr("named but not counted: %1", missing.map(name).joined(separator: "、"))) }
        if !extra.isEmpty { lines.append(tr("counted but not named: %1", extra.map(name).joined(separator: "、"))) }
        if !cells.isEmpty {
            lines.append(tr("cells: %1", cells.map { "\(name($0.jurisdiction)) \($0.year) \($0.kind.label)" }.joined(separator: "; ")))
        }
        if let note { lines.append(tr("note: %1", note)) }
        if let decision { lines.append(tr("decision %1: %2", decision.id, decision.decision)) }
        return lines
    }

    /// "stated 27, computed 26 (from records)".
    public var valuesLine: String {
        let value = computed.map(String.init) ?? tr("cannot be computed")
        return tr("stated %1, computed %2", stated, value) + (computedFrom.map { " (" + $0.label + ")" } ?? "")
    }
}
