import Foundation

// Display labels of the domain's values, all through `tr`, shared by the window, the charts and
// the exported tables so that one status reads the same everywhere.

extension DisclosureStatus {
    /// The report's symbol: √, ×, 地市级负责, 师市级负责, or empty for a cell not surveyed.
    public var symbol: String {
        switch self {
        case .disclosed: return "√"
        case .notDisclosed: return "×"
        case .prefecture: return tr("Prefecture level")
        case .division: return tr("Division level")
        case .notSurveyed: return ""
        }
    }

    /// A short word for the status.
    public var label: String {
        switch self {
        case .disclosed: return tr("Disclosed")
        case .notDisclosed: return tr("Not disclosed")
        case .prefecture: return tr("Prefecture level")
        case .division: return tr("Division level")
        case .notSurveyed: return tr("Not surveyed")
        }
    }
}

extension DisclosureKind {
    /// Column heading, as in the report's table.
    public var label: String {
        switch self {
        case .auditList: return tr("Audit list disclosed")
        case .evaluation: return tr("Evaluation results disclosed")
        }
    }
}

extension AuditType {
    public var label: String {
        switch self {
        case .mandatory: return tr("Mandatory")
        case .voluntary: return tr("Voluntary")
        case .unclassified: return tr("Not classified")
        }
    }
}

extension ReasonLabelling {
    /// As the report's table writes it: 未公开名单, 未说明类型, 1+2+3.
    public var label: String {
        switch self {
        case .noList: return tr("No list")
        case .notStated: return tr("Reasons not stated")
        case .marked(let set): return set.description
        }
    }
}

extension Completeness {
    public var label: String {
        switch self {
        case .complete: return tr("Complete")
        case .incomplete: return tr("Incomplete")
        case .cannotJudge: return tr("Cannot be judged")
        case .nothingDisclosed: return tr("Nothing disclosed")
        }
    }
}

extension PhoneOutcome {
    public var label: String {
        switch self {
        case .notReached: return tr("Not reached")
        case .confidential: return tr("Confidential")
        case .willNotPublish: return tr("Will not publish online")
        case .reportedToParent: return tr("Reported to the parent company")
        case .staffUnaware: return tr("Staff unaware")
        case .informationProvided: return tr("Information provided")
        }
    }
}

extension Channel {
    public var label: String {
        switch self {
        case .companyWebsite: return tr("Company website")
        case .provincialEnvironmentSite: return tr("Provincial environment department site")
        case .localEnvironmentSite: return tr("Local environment department site")
        case .searchEngine: return tr("Search engine")
        case .other: return tr("Other")
        }
    }
}

extension RegulationLevel {
    public var label: String {
        switch self {
        case .law: return tr("Law")
        case .administrativeRegulation: return tr("Administrative regulation")
        case .departmentalRule: return tr("Departmental rule")
        case .normativeDocument: return tr("Normative document")
        case .policy: return tr("Policy document")
        case .provincialRegulation: return tr("Provincial regulation")
        case .provincialRule: return tr("Provincial government rule")
        case .provincialDocument: return tr("Provincial document")
        }
    }
}

extension RegulationStatus {
    public var label: String {
        switch self {
        case .notYetEffective: return tr("Not yet effective")
        case .inForce: return tr("In force")
        case .amended: return tr("In force as amended")
        case .repealed: return tr("Repealed")
        case .unknown: return tr("Dates unknown")
        }
    }
}

extension Region {
    public var label: String {
        switch self {
        case .east: return tr("East")
        case .central: return tr("Central")
        case .west: return tr("West")
        case .northeast: return tr("Northeast")
        }
    }
}

extension DisclosureItem {
    /// The item's label in the interface language.
    public var label: String { Localizer.shared.effectiveLanguage == .english ? englishLabel : chineseLabel }
}

extension Jurisdiction {
    /// The short name in the interface language (安徽 / Anhui).
    public var displayName: String { Localizer.shared.effectiveLanguage == .english ? englishName : shortName }

    /// The full name in the interface language (安徽省 / Anhui): headings that name the jurisdiction.
    public var displayFullName: String {
        Localizer.shared.effectiveLanguage == .english && !englishName.isEmpty ? englishName : name
    }
}

/// "2018年度" / "2018": a survey year as a column heading.
public func yearHeading(_ year: Int) -> String { tr("Year %1", year) }

/// Encloses a note in parentheses the way the interface language does: （注） or (note).
public func parenthesised(_ note: String) -> String {
    Localizer.shared.effectiveLanguage == .english ? " (\(note))" : "（\(note)）"
}
