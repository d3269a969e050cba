import Foundation

extension TableBuilder {
    /// A short name of a table, for sheet tabs, file lists and the Export dialog (at most 31
    /// characters in either language, so that it fits an Excel sheet name). Unknown ids are
    /// returned as they are.
    public static func shortTitle(of id: String) -> String {
        switch id {
        case "matrix": return tr("Matrix")
        case "matrix-long": return tr("Matrix, one row per cell")
        case "labelling": return tr("Reason labelling")
        case "coverage": return tr("List coverage")
        case "summary": return tr("Summary per year")
        case "regions": return tr("By region")
        case "enterprises": return tr("Enterprises")
        case "enterprise-summary": return tr("Enterprises per jurisdiction")
        case "item-rates": return tr("Item rates")
        case "regulations": return tr("Laws and rules")
        case "outreach": return tr("Outreach")
        case "sub-units": return tr("Sub-units")
        case "log": return tr("Change log")
        default: return id
        }
    }
}
