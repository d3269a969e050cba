import Foundation

extension Statistics {
    /// The figures of `survey` after `edit`, a cell edit that only replaced observations of
    /// cells already recorded (a status key, a note), worked out from these figures (of the
    /// survey before the edit) in proportion to the cells changed: each changed cell's
    /// observation as it was (from `inverse`, the edit that undoes `edit`) is taken out of its
    /// year's status, coverage and labelling counts and its jurisdiction's rate, the new one is
    /// put in, the year-on-year changes of the cell's row next to its year are read again
    /// (through `index`, `survey`'s cell index), and the rankings are made again (one sort of
    /// the jurisdictions). The enterprise, combined and sub-unit figures are kept.
    ///
    /// Nil when that does not hold, and `updated(for:after:)` must count: another edit; a cell
    /// cleared, added or changed twice in the edit; a cell that starts or stops being delegated
    /// (the sub-unit figures read delegation); a survey that repeats a jurisdiction id or a year,
    /// or whose years or jurisdictions are not the ones counted here. Whenever it is not nil it
    /// equals `Statistics(survey)`.
    public func updated(cells edit: Edit, undoneBy inverse: Edit, in survey: Survey, index: CellIndex) -> Statistics? {
        guard case .setCells(let changes) = edit, case .setCells(let olds) = inverse, changes.count == olds.count,
              years == survey.years, jurisdictionCount == survey.jurisdictions.count,
              byYear.count == years.count, jurisdictionRates.count == jurisdictionCount,
              zip(years, years.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
        let order = survey.jurisdictionOrder
        guard order.count == jurisdictionCount,
              zip(jurisdictionRates, survey.jurisdictions).allSatisfy({ $0.jurisdiction == $1.id }) else { return nil }

        var updated = self
        var seen = Set<CellKey>()
        /// (jurisdiction position, changes slot) pairs whose year-on-year change is read again.
        var pairs: [(j: Int, slot: Int)] = []
        var ratesChanged = false
        // The inverse lists the cells as they were in reverse order.
        for (change, old) in zip(changes, olds.reversed()) {
            let key = change.key
            guard old.key == key, let new = change.observation, let was = old.observation,
                  seen.insert(key).inserted else { return nil }
            // Cells of other jurisdictions or years are not counted.
            guard let j = order[key.jurisdiction], let y = years.firstIndex(of: key.year) else { continue }
            guard new.status.isDelegated == was.status.isDelegated else { return nil }
            updated.byYear[y][key.kind].status[was.status] -= 1
            updated.byYear[y][key.kind].status[new.status] += 1
            if was.status == .disclosed { updated.byYear[y][key.kind].coverage.remove(was.coverage) }
            if new.status == .disclosed { updated.byYear[y][key.kind].coverage.add(new.coverage) }
            var rate = updated.jurisdictionRates[j]
            if key.kind == .auditList {
                updated.byYear[y].labelling.remove(was.reasonLabelling)
                updated.byYear[y].labelling.add(new.reasonLabelling)
                rate.auditList.remove(was.status)
                rate.auditList.add(new.status)
            } else {
                rate.evaluation.remove(was.status)
                rate.evaluation.add(new.status)
            }
            if was.status != new.status {
                updated.jurisdictionRates[j] = JurisdictionRate(jurisdiction: rate.jurisdiction, auditList: rate.auditList,
                                                                evaluation: rate.evaluation)
                ratesChanged = true
                // changes[pair * kinds + kind], pair p: years p → p + 1.
                let kinds = DisclosureKind.allCases.count
                if y > 0 { pairs.append((j, (y - 1) * kinds + key.kind.sortIndex)) }
                if y + 1 < years.count { pairs.append((j, y * kinds + key.kind.sortIndex)) }
            }
        }
        for (j, slot) in pairs { updated.readChange(slot, of: j, in: survey, index: index, order: order) }
        if ratesChanged {
            MatrixStatistics.rank(&updated.jurisdictionRates)
            updated.ranking = JurisdictionRate.ranking(updated.jurisdictionRates, definition: RateDefinition.of(survey))
        }
        return updated
    }

    /// Reads again whether the jurisdiction at position `j` improved or regressed in
    /// `changes[slot]`, from `survey`'s cells of that pair of years.
    private mutating func readChange(_ slot: Int, of j: Int, in survey: Survey, index: CellIndex, order: [String: Int]) {
        let change = changes[slot]
        let id = survey.jurisdictions[j].id
        func status(_ year: Int) -> DisclosureStatus {
            index.observation(id, year, change.kind, in: survey)?.status ?? .notSurveyed
        }
        let from = status(change.fromYear), to = status(change.toYear)
        changes[slot].improved.removeAll { $0 == id }
        changes[slot].regressed.removeAll { $0 == id }
        // Both lists are in survey order.
        func insert(into list: inout [String]) {
            let at = list.firstIndex { (order[$0] ?? Int.max) > j } ?? list.endIndex
            list.insert(id, at: at)
        }
        if from == .notDisclosed && to == .disclosed { insert(into: &changes[slot].improved) }
        if from == .disclosed && to == .notDisclosed { insert(into: &changes[slot].regressed) }
    }
}
