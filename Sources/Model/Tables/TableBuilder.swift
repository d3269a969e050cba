import Foundation

/// Builds the exportable tables of a survey. Every figure in them is computed from the survey's
/// records; headings follow the interface language (`Localizer.shared`).
public struct TableBuilder: Sendable {
    public let survey: Survey

    public init(_ survey: Survey) { self.survey = survey }

    /// The tables `gongkai export` knows, in the order `export all` writes them.
    public static let tableIDs = ["matrix", "labelling", "coverage", "summary", "enterprises", "enterprise-summary", "item-rates",
                                  "regulations", "outreach", "sub-units", "matrix-long", "log"]

    /// The table with a command-line name, or nil for an unknown name.
    public func table(named id: String, style: MatrixCellStyle = .symbols) -> Table? {
        switch id {
        case "matrix": return matrix(style: style)
        case "matrix-long": return matrixLong()
        case "labelling": return reasonLabelling()
        case "coverage": return coverage()
        case "summary": return summary()
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

    /// Short names of the jurisdictions by id, in the interface language.
    var jurisdictionNames: [String: String] {
        var names: [String: String] = [:]
        for j in survey.jurisdictions { names[j.id] = j.displayName }
        return names
    }
}
