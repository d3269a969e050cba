import Model
import GtkKit
import Rendering

extension ProblemCode {
    /// The explanations of the checks of report figures (issue 13).
    package var reportExplanation: String {
        switch self {
        case .recordsExceedTally:
            return tr("A total the report publishes includes the records entered for its scope, so there cannot be more records than the total.")
        case .tallyPartsExceedTotal:
            return tr("The report's total for the whole survey is smaller than the sum of its jurisdictions' figures.")
        case .tallyInvalid:
            return tr("A reported total must be given once per scope, be zero or more (a percentage at most 100) and have a jurisdiction when it has a year.")
        case .verdictDisagrees:
            return tr("The verdict the source gives this enterprise differs from the one its audit reasons and published items give.")
        case .verdictUnknownEnterprise:
            return tr("A recorded verdict names an enterprise that is not in the survey.")
        case .qualityOnUndisclosedCell:
            return tr("A quality such as “fairly comprehensive” describes something published; the cell says nothing was.")
        case .labellingDecision:
            return tr("The report contradicts itself here; the dataset records one reading and quotes the passage it goes against.")
        default:
            return ""
        }
    }
}
