import Foundation

extension Edit {
    /// Adds survey years as one undo step; nil when every year is already in the survey.
    public static func addingYears(_ years: [Int], to survey: Survey) -> Edit? {
        let new = Set(years).subtracting(survey.years)
        guard !new.isEmpty else { return nil }
        return .setYears((survey.years + new).sorted())
    }

    /// Removes a survey year and its matrix cells as one undo step (undoing it brings both back);
    /// nil when the year is not in the survey. Enterprises, sub-unit records and report figures of
    /// that year are kept, and the checks name them.
    public static func removingYear(_ year: Int, from survey: Survey) -> Edit? {
        guard survey.years.contains(year) else { return nil }
        let cells = survey.observations.filter { $0.year == year }.map { CellChange.clear($0.key) }
        let years = Edit.setYears(survey.years.filter { $0 != year })
        return cells.isEmpty ? years : .batch([.setCells(cells), years])
    }
}

extension Edit {
    /// The survey's details and years as one undo step: the new meta (when it changed), the years
    /// added, and the years removed with their cells. Nil when nothing changes.
    public static func surveyDetails(_ meta: SurveyMeta, years: [Int], of survey: Survey) -> Edit? {
        var edits: [Edit] = []
        if meta != survey.meta { edits.append(.setMeta(meta)) }
        let wanted = Set(years)
        let removed = survey.years.filter { !wanted.contains($0) }
        let cells = survey.observations.filter { removed.contains($0.year) }.map { CellChange.clear($0.key) }
        if !cells.isEmpty { edits.append(.setCells(cells)) }
        if wanted != Set(survey.years) { edits.append(.setYears(wanted.sorted())) }
        switch edits.count {
        case 0: return nil
        case 1: return edits[0]
        default: return .batch(edits)
        }
    }
}
