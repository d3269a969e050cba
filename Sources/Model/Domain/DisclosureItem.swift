import Foundation

/// The items that article 11 of 清洁生产审核办法 (2016) requires an enterprise under mandatory audit
/// to publish, by the reason for its audit. Common items apply to every reason.
public enum DisclosureItem: String, Codable, CaseIterable, Sendable {
    // 第十一条 (一)(二)(三) common to all: 企业名称、法人代表、企业所在地址
    case companyName = "company_name"
    case legalRepresentative = "legal_representative"
    case address
    // (一) reason 1: 排放污染物名称、排放方式、排放浓度和总量、超标及超总量情况
    case pollutantNames = "pollutant_names"
    case dischargeMethod = "discharge_method"
    case concentrationAndTotal = "concentration_and_total"
    case pollutionExceedance = "pollution_exceedance"
    // (二) reason 2: 主要能源品种及消耗量、单位产值能耗、单位产品能耗、超过单位产品能耗限额标准情况
    case energyTypesAndConsumption = "energy_types_and_consumption"
    case energyPerOutputValue = "energy_per_output_value"
    case energyPerProduct = "energy_per_product"
    case energyQuotaExceedance = "energy_quota_exceedance"
    // (三) reason 3: 有毒有害原料的名称、数量、用途；排放有毒有害物质的名称、浓度和数量；危险废物的产生和处置情况；环境风险防控措施
    case toxicMaterials = "toxic_materials"
    case toxicDischarges = "toxic_discharges"
    case hazardousWaste = "hazardous_waste"
    case riskPrevention = "risk_prevention"

    /// The reason this item belongs to; nil for the common items.
    public var reason: Reason? {
        switch self {
        case .companyName, .legalRepresentative, .address: return nil
        case .pollutantNames, .dischargeMethod, .concentrationAndTotal, .pollutionExceedance: return .pollution
        case .energyTypesAndConsumption, .energyPerOutputValue, .energyPerProduct, .energyQuotaExceedance: return .energy
        case .toxicMaterials, .toxicDischarges, .hazardousWaste, .riskPrevention: return .toxic
        }
    }

    /// Chinese label as article 11 words it.
    public var chineseLabel: String {
        switch self {
        case .companyName: return "企业名称"
        case .legalRepresentative: return "法人代表"
        case .address: return "企业所在地址"
        case .pollutantNames: return "排放污染物名称"
        case .dischargeMethod: return "排放方式"
        case .concentrationAndTotal: return "排放浓度和总量"
        case .pollutionExceedance: return "超标及超总量情况"
        case .energyTypesAndConsumption: return "主要能源品种及消耗量"
        case .energyPerOutputValue: return "单位产值能耗"
        case .energyPerProduct: return "单位产品能耗"
        case .energyQuotaExceedance: return "超过单位产品能耗限额标准情况"
        case .toxicMaterials: return "使用有毒有害原料的名称、数量、用途"
        case .toxicDischarges: return "排放有毒有害物质的名称、浓度和数量"
        case .hazardousWaste: return "危险废物的产生和处置情况"
        case .riskPrevention: return "依法落实环境风险防控措施情况"
        }
    }

    /// English label.
    public var englishLabel: String {
        switch self {
        case .companyName: return "Company name"
        case .legalRepresentative: return "Legal representative"
        case .address: return "Address"
        case .pollutantNames: return "Pollutants discharged"
        case .dischargeMethod: return "Discharge method"
        case .concentrationAndTotal: return "Concentration and total discharge"
        case .pollutionExceedance: return "Exceedance of standards or quota"
        case .energyTypesAndConsumption: return "Main energy types and consumption"
        case .energyPerOutputValue: return "Energy per unit of output value"
        case .energyPerProduct: return "Energy per unit of product"
        case .energyQuotaExceedance: return "Exceedance of the energy quota"
        case .toxicMaterials: return "Toxic raw materials (name, quantity, use)"
        case .toxicDischarges: return "Toxic substances discharged"
        case .hazardousWaste: return "Hazardous waste generated and disposed of"
        case .riskPrevention: return "Environmental risk-prevention measures"
        }
    }

    /// The regulation and article that require it: 清洁生产审核办法 第十一条, clause by reason.
    public var source: ArticleReference {
        let clause: String
        switch reason {
        case nil: clause = "（一）至（三）"
        case .pollution?: clause = "（一）"
        case .energy?: clause = "（二）"
        case .toxic?: clause = "（三）"
        }
        return ArticleReference(regulation: Regulation.auditMeasuresID, article: "第十一条", clause: clause)
    }

    public static var common: [DisclosureItem] { allCases.filter { $0.reason == nil } }

    public static func items(for reason: Reason) -> [DisclosureItem] { allCases.filter { $0.reason == reason } }

    /// Every item required of an enterprise with these reasons, in catalogue order
    /// (article 11 (四): an enterprise with several reasons publishes the items of each).
    public static func required(for reasons: ReasonSet) -> [DisclosureItem] {
        allCases.filter { item in item.reason.map(reasons.contains) ?? true }
    }
}

/// A pointer to an article of a regulation in the survey.
public struct ArticleReference: Codable, Equatable, Hashable, Sendable {
    public var regulation: String
    public var article: String
    public var clause: String?

    public init(regulation: String, article: String, clause: String? = nil) {
        self.regulation = regulation
        self.article = article
        self.clause = clause
    }
}
