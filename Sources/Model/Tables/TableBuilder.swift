import Foundation

/// Builds the exportable tables of a survey. Every figure in them is computed from the survey's
/// records; headings and labels are in `language` (nil: the interface language), passed in rather
/// than switched for the whole process, so an English export from the Chinese window leaves the
/// window, and every other thread, in Chinese.
public struct TableBuilder: Sendable {
    public let survey: Survey
    /// The language of the tables; nil: the interface language (`Localizer.shared`).
    public let language: Language?

    /// The survey's statistics, counted the first time a table needs them and shared by the
    /// others (five tables of `export all` read them: one pass over 100,000 enterprises, not five).
    public var statistics: Statistics { counted.value(for: survey) }
    private let counted = CountedStatistics()

    public init(_ survey: Survey, language: Language? = nil) {
        self.survey = survey
        self.language = language
    }

    /// Statistics counted once for a builder (and its copies), whichever thread asks first.
    private final class CountedStatistics: @unchecked Sendable {
        private let lock = NSLock()
        private var statistics: Statistics?

        func value(for survey: Survey) -> Statistics {
            lock.withLock {
                if let statistics { return statistics }
                let counted = Statistics(survey)
                statistics = counted
                return counted
            }
        }
    }

    /// The tables `gongkai export` knows, in the order `export all` writes and numbers them (表1 …):
    /// the report's tables first, then the enterprise list and the tables for scripts and audits.
    public static let tableIDs = ["matrix", "labelling", "coverage", "summary", "regions", "enterprise-summary", "item-rates",
                                  "regulations", "outreach", "sub-units", "enterprises", "matrix-long", "log"]

    /// The tables of a report (a DOCX export): all but the enterprise list (thousands of pages at
    /// 100,000 rows; added on request), the one-row-per-cell form and the change log. They are the
    /// first of `tableIDs`, so a table has the same number in a report and in a workbook.
    public static let reportTableIDs = ["matrix", "labelling", "coverage", "summary", "regions", "enterprise-summary", "item-rates",
                                        "regulations", "outreach", "sub-units"]

    /// The table with a command-line name in the builder's language, or nil for an unknown name.
    /// `notes` places the cells' notes (see `Table.placingNotes`); nil leaves them unplaced.
    public func table(named id: String, style: MatrixCellStyle = .symbols, notes: NotePlacement? = nil) -> Table? {
        Localizer.with(language: language) {
            guard let table = build(id, style: style) else { return nil }
            return inLanguage(notes.map { table.placingNotes($0) } ?? table)
        }
    }

    private func build(_ id: String, style: MatrixCellStyle) -> Table? {
        switch id {
        case "matrix": return matrix(style: style)
        case "matrix-long": return matrixLong()
        case "labelling": return reasonLabelling()
        case "coverage": return coverage()
        case "summary": return summary()
        case "regions": return regions()
        case "enterprises": return enterprises()
        case "enterprise-summary": return enterpriseSummary()
        case "item-rates": return itemRates()
        case "regulations": return regulations()
        case "outreach": return outreach()
        case "sub-units": return subUnits()
        case "log": return changeLog()
        default: return nil
        }
    }

    /// Rows made on demand (on whichever thread a writer asks) in the builder's language too.
    private func inLanguage(_ table: Table) -> Table {
        guard let language else { return table }
        return table.withRows(count: table.rowCount) { i in Localizer.with(language: language) { table.row(i) } }
    }

    /// Short names of the jurisdictions by id, in the interface language.
    var jurisdictionNames: [String: String] {
        var names: [String: String] = [:]
        for j in survey.jurisdictions { names[j.id] = j.displayName }
        return names
    }
}
