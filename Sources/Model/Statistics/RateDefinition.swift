import Foundation

/// How a disclosure rate treats delegated cells (地市级负责 / 师市级负责), chosen per survey
/// (`SurveyMeta.rateDefinition`) and named in the note of every chart and table that shows a rate.
public enum RateDefinition: String, Codable, CaseIterable, Sendable {
    /// disclosed ÷ (disclosed + not disclosed): delegated cells are left out.
    case delegatedExcluded = "delegated_excluded"
    /// (disclosed + delegated) ÷ surveyed cells: delegating counts as disclosing.
    case delegatedAsDisclosed = "delegated_as_disclosed"
    /// disclosed ÷ surveyed cells: delegating counts as not disclosing at provincial level.
    case delegatedAsNotDisclosed = "delegated_as_not_disclosed"

    /// The definition a survey uses (delegated cells excluded unless it chose another).
    public static func of(_ survey: Survey) -> RateDefinition { survey.meta.rateDefinition ?? .delegatedExcluded }

    /// One line for a note under a chart or table.
    public var note: String {
        switch self {
        case .delegatedExcluded:
            return tr("Disclosure rate: disclosed ÷ (disclosed + not disclosed); cells delegated to prefecture or division level are left out.")
        case .delegatedAsDisclosed:
            return tr("Disclosure rate: (disclosed + delegated) ÷ surveyed cells; cells delegated to prefecture or division level count as disclosed.")
        case .delegatedAsNotDisclosed:
            return tr("Disclosure rate: disclosed ÷ surveyed cells; cells delegated to prefecture or division level count as not disclosed.")
        }
    }

    /// A short name for menus.
    public var label: String {
        switch self {
        case .delegatedExcluded: return tr("Delegated cells excluded")
        case .delegatedAsDisclosed: return tr("Delegated cells counted as disclosed")
        case .delegatedAsNotDisclosed: return tr("Delegated cells counted as not disclosed")
        }
    }
}

extension RateCounts {
    /// The numerator and denominator of the rate under a definition.
    public func fraction(_ definition: RateDefinition) -> (numerator: Int, denominator: Int) {
        switch definition {
        case .delegatedExcluded: return (disclosed, ownCells)
        case .delegatedAsDisclosed: return (disclosed + delegated, surveyed)
        case .delegatedAsNotDisclosed: return (disclosed, surveyed)
        }
    }

    /// The rate under a definition; nil when its denominator is 0.
    public func rate(_ definition: RateDefinition) -> Double? {
        let f = fraction(definition)
        return f.denominator == 0 ? nil : Double(f.numerator) / Double(f.denominator)
    }
}
