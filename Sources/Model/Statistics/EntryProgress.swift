import Foundation

/// How much of each survey year is entered: cells with a status (anything but "not surveyed") out
/// of the survey's jurisdictions × the two kinds. Counts only the survey's own jurisdictions and
/// years, each cell once (the first record of a duplicated cell counts, as in the statistics).
public struct EntryProgress: Equatable, Sendable {
    public struct Year: Equatable, Sendable {
        public var year: Int
        public var entered: Int
        public var total: Int

        public var isComplete: Bool { entered >= total }
    }

    public var years: [Year]

    public init(_ survey: Survey, index: CellIndex? = nil) {
        let index = index ?? CellIndex(survey)
        let total = survey.jurisdictions.count * DisclosureKind.allCases.count
        years = survey.years.map { year in
            var entered = 0
            for j in survey.jurisdictions {
                for kind in DisclosureKind.allCases where index.status(j.id, year, kind, in: survey) != .notSurveyed {
                    entered += 1
                }
            }
            return Year(year: year, entered: entered, total: total)
        }
    }

    /// The progress of `survey` read from its `statistics` (each year's cells by status): no pass
    /// over the cells. Equal to `EntryProgress(survey)`; a survey whose jurisdictions or years
    /// repeat (a validation error) is counted cell by cell instead.
    public init(_ survey: Survey, statistics: Statistics) {
        let jurisdictions = survey.jurisdictions.count
        guard statistics.byYear.count == survey.years.count, Set(survey.years).count == survey.years.count,
              survey.jurisdictionOrder.count == jurisdictions,
              zip(survey.years, statistics.byYear).allSatisfy({ $0 == $1.year }) else {
            self.init(survey)
            return
        }
        let total = jurisdictions * DisclosureKind.allCases.count
        self.init(years: zip(survey.years, statistics.byYear).map { year, figures in
            let entered = DisclosureKind.allCases.reduce(0) { $0 + figures[$1].status.surveyed }
            return Year(year: year, entered: entered, total: total)
        })
    }

    private init(years: [Year]) { self.years = years }

    /// "2023年度：已录入 43 / 64" / "Year 2023: 43 of 64 entered".
    public static func text(_ year: Year) -> String {
        tr("%1: %2 of %3 entered", yearHeading(year.year), year.entered, year.total)
    }

    /// Every year's text, joined; a run of consecutive complete years is said once ("Years
    /// 2018–2022: 64 of 64 entered each year"), so five years fit the line under the grid of a
    /// window of the default size.
    public var text: String {
        var parts: [String] = []
        var first = 0
        while first < years.count {
            var last = first
            while last + 1 < years.count, years[first].isComplete, years[last + 1].isComplete,
                  years[last + 1].year == years[last].year + 1, years[last + 1].total == years[first].total {
                last += 1
            }
            if last > first {
                let heading = tr("Years %1", "\(years[first].year)–\(years[last].year)")
                parts.append(tr("%1: %2 of %3 entered each year", heading, years[first].total, years[first].total))
            } else {
                parts.append(Self.text(years[first]))
            }
            first = last + 1
        }
        return parts.joined(separator: tr("; "))
    }
}
