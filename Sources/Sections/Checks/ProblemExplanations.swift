import Model
import GtkKit
import Rendering

extension ProblemCode {
    /// One translated sentence saying what the check looks for and why it matters.
    package var explanation: String {
        switch self {
        case .labellingWithoutList:
            return tr("The labelling table says a list was published, but the matrix says it was not: one of the report's two tables is wrong.")
        case .noListButDisclosed:
            return tr("The matrix says the list was published, but the labelling table says there was no list: one of the report's two tables is wrong.")
        case .labellingOnEvaluation:
            return tr("Only audit enterprise lists state audit reasons; an evaluation-results cell cannot have a reason labelling.")
        case .disclosedWithoutEvidence:
            return tr("A cell marked disclosed should say where and when the publication was seen, so that others can check it.")
        case .coverageWithoutDisclosure:
            return tr("What a list covers can only be recorded for a list that was published.")
        case .observationYearOutsideSurvey:
            return tr("The cell's year is not one of the survey's years, so no table or chart shows it.")
        case .duplicateCell:
            return tr("The same jurisdiction, year and kind is recorded more than once; only the first record counts.")
        case .prefectureOnCorps:
            return tr("The Xinjiang Production and Construction Corps delegates to its divisions, not to prefectures.")
        case .divisionOutsideCorps:
            return tr("Only the Xinjiang Production and Construction Corps has divisions to delegate to.")
        case .unknownJurisdiction:
            return tr("The record names a jurisdiction that is not in the survey's list of jurisdictions.")
        case .invalidURL:
            return tr("Evidence links must be web addresses starting with http:// or https://.")
        case .unknownSubUnit:
            return tr("The sub-unit is not among the sub-units listed for its jurisdiction.")
        case .duplicateSubUnitObservation:
            return tr("The same sub-unit, year and kind is recorded more than once; only the first record counts.")
        case .cellsNotEntered:
            return tr("Cells with nothing recorded count as not surveyed in every table and chart; enter them, or leave them if the survey is not finished.")
        case .subUnitYearOutsideSurvey:
            return tr("The sub-unit record's year is not one of the survey's years.")
        case .tallyExceedsUnits:
            return tr("A tally cannot count more disclosing sub-units than there are sub-units.")
        case .tallyCountInvalid:
            return tr("A tally needs at least one sub-unit and no negative counts.")
        case .enterpriseYearOutsideSurvey:
            return tr("The enterprise's year is not one of the survey's years.")
        case .duplicateEnterprise:
            return tr("The same enterprise is sampled twice for the same jurisdiction and year, which counts it twice.")
        case .duplicateEnterpriseID:
            return tr("Every enterprise needs its own id; two records share one.")
        case .emptyEnterpriseName:
            return tr("An enterprise without a name cannot be found again or checked.")
        case .itemNotRequired:
            return tr("The enterprise is recorded as disclosing items that its audit reasons do not require; check the reasons or the items.")
        case .jurisdictionNotChosen:
            return tr("A new enterprise starts with no jurisdiction rather than a guess; choose the one whose list it was sampled from.")
        case .phoneOutcomeNotChosen:
            return tr("A new call starts with no outcome rather than “calls went unanswered”; choose what the call found.")
        case .regulationDateOrder:
            return tr("The regulation's dates are in an impossible order.")
        case .supersededByUnknown:
            return tr("The regulation that replaces this one is not in the survey.")
        case .supersededByItself:
            return tr("A regulation cannot replace itself.")
        case .duplicateRegulationID:
            return tr("Every regulation needs its own id; two records share one.")
        case .yearsNotAscending:
            return tr("The survey's years must be listed from earliest to latest, each once.")
        case .duplicateJurisdictionID:
            return tr("Every jurisdiction needs its own id; two jurisdictions share one.")
        case .duplicateOutreach:
            return tr("Each jurisdiction has at most one outreach record.")
        case .mergeConflict:
            return tr("Two people changed this field differently; the survey keeps one side until you take A (ours) or B (theirs).")
        case .recordsExceedTally, .tallyPartsExceedTotal, .tallyInvalid, .verdictDisagrees, .verdictUnknownEnterprise,
             .qualityOnUndisclosedCell, .labellingDecision:
            return reportExplanation
        }
    }
}

extension Severity {
    /// "Error" / "Warning", translated.
    package var label: String {
        switch self {
        case .error: return tr("Error")
        case .warning: return tr("Warning")
        case .info: return tr("Information")
        }
    }

    /// The symbolic icon shown beside a problem of this severity.
    package var iconName: String {
        switch self {
        case .error: return "dialog-error-symbolic"
        case .warning: return "dialog-warning-symbolic"
        case .info: return "dialog-information-symbolic"
        }
    }
}
