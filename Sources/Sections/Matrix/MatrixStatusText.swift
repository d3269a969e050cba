import Model
import GtkKit
import Rendering

/// The matrix's words for statuses, reasons and cell problems, in the interface language.
package enum MatrixStatusText {
    /// A status button's label: the symbol and the word ("√ 已公开"), or the word alone when it is
    /// its own symbol (地市级负责).
    package static func buttonLabel(_ status: DisclosureStatus) -> String {
        switch status {
        case .disclosed, .notDisclosed: return "\(status.symbol) \(status.label)"
        default: return status.label
        }
    }

    /// The keys that set a status, for tooltips and the legend.
    package static func keyHint(_ status: DisclosureStatus) -> String {
        switch status {
        case .disclosed: return tr(context: "matrix", "Key: Y or 1")
        case .notDisclosed: return tr(context: "matrix", "Key: N, X or 0")
        case .prefecture: return tr(context: "matrix", "Key: P")
        case .division: return tr(context: "matrix", "Key: D")
        case .notSurveyed: return tr("Key: Delete (clears the cell)")
        }
    }

    /// A reason's check button: its number and a short name.
    package static func reasonLabel(_ reason: Reason) -> String {
        switch reason {
        case .pollution: return tr(context: "matrix", "1 Pollution")
        case .energy: return tr(context: "matrix", "2 Energy")
        case .toxic: return tr(context: "matrix", "3 Toxic")
        }
    }

    /// The legal reason in full.
    package static func reasonDescription(_ reason: Reason) -> String {
        switch reason {
        case .pollution: return tr("Reason 1: pollutant discharge above the standard or the total quota")
        case .energy: return tr("Reason 2: energy consumption above the quota")
        case .toxic: return tr("Reason 3: toxic or hazardous raw materials or discharges")
        }
    }

    /// A cell problem in the interface language (the validator's own message is English).
    package static func explanation(_ problem: Problem) -> String {
        switch problem.code {
        case .labellingWithoutList: return tr("The reason labelling says a list was published, but the cell is not disclosed.")
        case .noListButDisclosed: return tr("The cell is disclosed, but the reason labelling says no list was published.")
        case .labellingOnEvaluation: return tr("Only audit lists state reasons; this evaluation cell has a reason labelling.")
        case .disclosedWithoutEvidence: return tr("Disclosed, but no evidence says where and when it was seen.")
        case .coverageWithoutDisclosure: return tr("Not disclosed, but a list coverage is recorded.")
        case .observationYearOutsideSurvey: return tr("The cell’s year is not a survey year.")
        case .duplicateCell: return tr("The cell is recorded more than once; only the first record is used.")
        case .prefectureOnCorps: return tr("The Corps delegates to its divisions, not to prefectures.")
        case .divisionOutsideCorps: return tr("Only the Corps delegates to divisions.")
        case .invalidURL: return tr("An evidence link is not an http or https address.")
        case .unknownJurisdiction: return tr("The cell names a jurisdiction that is not in the survey.")
        default: return problem.message
        }
    }
}
