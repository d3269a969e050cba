import Foundation

public enum JurisdictionKind: String, Codable, CaseIterable, Sendable {
    case province
    case autonomousRegion = "autonomous_region"
    case municipality
    /// 新疆生产建设兵团
    case corps
}

/// The four economic regions of the National Bureau of Statistics (国家统计局《东西中部和东北地区划分方法》,
/// 2011-06-13, https://www.stats.gov.cn/zt_18555/zthd/sjtjr/dejtjkfr/tjkp/202302/t20230216_1909741.htm):
/// 东部 (east) 北京 天津 河北 上海 江苏 浙江 福建 山东 广东 海南; 中部 (central) 山西 安徽 江西 河南 湖北
/// 湖南; 西部 (west) 内蒙古 广西 重庆 四川 贵州 云南 西藏 陕西 甘肃 青海 宁夏 新疆 (and the Corps, in
/// 新疆); 东北 (northeast) 辽宁 吉林 黑龙江. Each jurisdiction of a survey file records its region, so
/// tables group by the file's data (`TableBuilder.regions`), not by a list in code.
public enum Region: String, Codable, CaseIterable, Sendable {
    case east, central, west, northeast
}

/// A place on the tile-grid map of China (column, row; 0,0 at the top left).
public struct TilePosition: Codable, Equatable, Hashable, Sendable {
    public var column: Int
    public var row: Int
    public init(column: Int, row: Int) { self.column = column; self.row = row }
}

public enum SubUnitKind: String, Codable, CaseIterable, Sendable {
    /// 地级市, 自治州, 地区, 盟
    case prefecture
    /// 兵团的师
    case division
}

/// A prefecture-level city or a division of the Corps, where a jurisdiction delegates the work.
public struct SubUnit: Codable, Equatable, Hashable, Sendable {
    public var id: String
    public var name: String
    public var kind: SubUnitKind
    public init(id: String, name: String, kind: SubUnitKind) { self.id = id; self.name = name; self.kind = kind }
}

/// One of the 32 provincial-level units (31 provinces, regions, municipalities and the Corps).
public struct Jurisdiction: Codable, Equatable, Identifiable, Sendable {
    /// Stable id, e.g. "anhui", "xpcc".
    public var id: String
    /// 安徽省
    public var name: String
    /// 安徽, as the report's tables write it.
    public var shortName: String
    /// English name, e.g. "Anhui".
    public var englishName: String
    public var kind: JurisdictionKind
    public var region: Region
    public var tile: TilePosition
    /// Departments responsible for mandatory audits (强制性审核).
    public var mandatoryDepartments: [String]
    /// Departments responsible for voluntary audits (自愿性审核).
    public var voluntaryDepartments: [String]
    public var subUnits: [SubUnit]
    public var notes: String?

    public init(id: String, name: String, shortName: String, englishName: String, kind: JurisdictionKind,
                region: Region, tile: TilePosition, mandatoryDepartments: [String] = [],
                voluntaryDepartments: [String] = [], subUnits: [SubUnit] = [], notes: String? = nil) {
        self.id = id
        self.name = name
        self.shortName = shortName
        self.englishName = englishName
        self.kind = kind
        self.region = region
        self.tile = tile
        self.mandatoryDepartments = mandatoryDepartments
        self.voluntaryDepartments = voluntaryDepartments
        self.subUnits = subUnits
        self.notes = notes
    }
}
