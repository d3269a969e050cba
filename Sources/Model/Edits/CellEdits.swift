import Foundation

extension Observation {
    /// Sets the status and the fields it implies, unless the user has set them: an audit list
    /// marked not disclosed (×) has no list, so its reason labelling becomes 未公开名单 when it is
    /// not recorded; a list marked published again loses that implied 未公开名单 (which would
    /// contradict it), while any labelling the user chose stays.
    public mutating func setStatus(_ new: DisclosureStatus) {
        let old = status
        status = new
        guard kind == .auditList else { return }
        if new == .notDisclosed, reasonLabelling == nil {
            reasonLabelling = .noList
        } else if old == .notDisclosed, new != .notDisclosed, reasonLabelling == .noList {
            reasonLabelling = nil
        }
    }
}

/// The cell changes of one undo step (`Edit.setCells`) that set a status or change fields of many
/// cells at once, shared by the window (keys, the details pane, paste) and the command line. Pure:
/// they read the survey and leave out cells that would not change.
public enum CellEdits {
    /// Sets cells to a status with the fields it implies (`Observation.setStatus`), keeping each
    /// cell's other fields; `notSurveyed` removes the cells' observations.
    public static func setting(_ status: DisclosureStatus, on keys: [CellKey], in survey: Survey,
                               index: CellIndex) -> [CellChange] {
        keys.compactMap { key in
            let old = index[key].map { survey.observations[$0] }
            if status == .notSurveyed { return old == nil ? nil : .clear(key) }
            var new = old ?? Observation(jurisdiction: key.jurisdiction, year: key.year, kind: key.kind, status: .notSurveyed)
            new.setStatus(status)
            return new == old ? nil : CellChange(new)
        }
    }

    /// Changes a field of every recorded cell among `keys` (cells not recorded are left out: a
    /// field needs a status first); one change per cell that differs afterwards.
    public static func updating(_ keys: [CellKey], in survey: Survey, index: CellIndex,
                                _ body: (inout Observation) -> Void) -> [CellChange] {
        var seen = Set<CellKey>()
        return keys.compactMap { key in
            guard seen.insert(key).inserted, let position = index[key] else { return nil }
            let old = survey.observations[position]
            var new = old
            body(&new)
            // The body may not move the observation to another cell.
            new.jurisdiction = old.jurisdiction
            new.year = old.year
            new.kind = old.kind
            return new == old ? nil : CellChange(new)
        }
    }
}
