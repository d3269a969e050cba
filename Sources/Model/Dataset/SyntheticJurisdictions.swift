import Foundation

extension SyntheticSurvey {
    /// The 32 provincial-level jurisdictions in the order of the report's tables (安徽 … 重庆, with
    /// 建设兵团 before 新疆), with regions and places on a 9 × 9 tile map. Sub-units are filled in
    /// for the jurisdictions the generator makes delegate: 广东's 21 prefecture-level cities, the
    /// Corps' 14 divisions, 江苏's 13 and 山东's 16 cities (the last two only as tallies).
    public static func jurisdictions() -> [Jurisdiction] {
        rows.map { r in
            let units: [SubUnit]
            switch r.id {
            case "guangdong": units = cities(guangdongCities, prefix: "gd")
            case "jiangsu": units = cities(jiangsuCities, prefix: "js")
            case "shandong": units = cities(shandongCities, prefix: "sd")
            case "xpcc":
                units = divisions.enumerated().map { SubUnit(id: "xpcc-\($0.offset + 1)", name: $0.element, kind: .division) }
            default: units = []
            }
            return Jurisdiction(id: r.id, name: r.name, shortName: r.short, englishName: r.english, kind: r.kind,
                                region: r.region, tile: TilePosition(column: r.column, row: r.row),
                                mandatoryDepartments: [r.kind == .corps ? "兵团生态环境局" : "\(r.short)生态环境厅"],
                                voluntaryDepartments: ["\(r.short)工业和信息化厅"], subUnits: units)
        }
    }

    private struct Row {
        let id: String, name: String, short: String, english: String
        let kind: JurisdictionKind, region: Region, column: Int, row: Int
        init(_ id: String, _ name: String, _ short: String, _ english: String, _ kind: JurisdictionKind,
             _ region: Region, _ column: Int, _ row: Int) {
            self.id = id; self.name = name; self.short = short; self.english = english
            self.kind = kind; self.region = region; self.column = column; self.row = row
        }
    }

    private static let rows: [Row] = [
        Row("anhui", "安徽省", "安徽", "Anhui", .province, .central, 6, 5),
        Row("beijing", "北京市", "北京", "Beijing", .municipality, .east, 7, 2),
        Row("fujian", "福建省", "福建", "Fujian", .province, .east, 6, 7),
        Row("gansu", "甘肃省", "甘肃", "Gansu", .province, .west, 4, 2),
        Row("guangdong", "广东省", "广东", "Guangdong", .province, .east, 5, 7),
        Row("guangxi", "广西壮族自治区", "广西", "Guangxi", .autonomousRegion, .west, 4, 6),
        Row("guizhou", "贵州省", "贵州", "Guizhou", .province, .west, 4, 5),
        Row("hainan", "海南省", "海南", "Hainan", .province, .east, 5, 8),
        Row("hebei", "河北省", "河北", "Hebei", .province, .east, 6, 3),
        Row("henan", "河南省", "河南", "Henan", .province, .central, 5, 4),
        Row("heilongjiang", "黑龙江省", "黑龙江", "Heilongjiang", .province, .northeast, 8, 0),
        Row("hubei", "湖北省", "湖北", "Hubei", .province, .central, 5, 5),
        Row("hunan", "湖南省", "湖南", "Hunan", .province, .central, 5, 6),
        Row("jilin", "吉林省", "吉林", "Jilin", .province, .northeast, 8, 1),
        Row("jiangsu", "江苏省", "江苏", "Jiangsu", .province, .east, 7, 4),
        Row("jiangxi", "江西省", "江西", "Jiangxi", .province, .central, 6, 6),
        Row("liaoning", "辽宁省", "辽宁", "Liaoning", .province, .northeast, 8, 2),
        Row("inner-mongolia", "内蒙古自治区", "内蒙古", "Inner Mongolia", .autonomousRegion, .west, 6, 1),
        Row("ningxia", "宁夏回族自治区", "宁夏", "Ningxia", .autonomousRegion, .west, 5, 2),
        Row("qinghai", "青海省", "青海", "Qinghai", .province, .west, 3, 3),
        Row("shandong", "山东省", "山东", "Shandong", .province, .east, 6, 4),
        Row("shanxi", "山西省", "山西", "Shanxi", .province, .central, 6, 2),
        Row("shaanxi", "陕西省", "陕西", "Shaanxi", .province, .west, 5, 3),
        Row("shanghai", "上海市", "上海", "Shanghai", .municipality, .east, 7, 5),
        Row("sichuan", "四川省", "四川", "Sichuan", .province, .west, 3, 4),
        Row("tianjin", "天津市", "天津", "Tianjin", .municipality, .east, 7, 3),
        Row("tibet", "西藏自治区", "西藏", "Tibet", .autonomousRegion, .west, 1, 3),
        Row("xpcc", "新疆生产建设兵团", "建设兵团", "Xinjiang Production and Construction Corps", .corps, .west, 0, 1),
        Row("xinjiang", "新疆维吾尔自治区", "新疆", "Xinjiang", .autonomousRegion, .west, 1, 1),
        Row("yunnan", "云南省", "云南", "Yunnan", .province, .west, 3, 5),
        Row("zhejiang", "浙江省", "浙江", "Zhejiang", .province, .east, 7, 6),
        Row("chongqing", "重庆市", "重庆", "Chongqing", .municipality, .west, 4, 4),
    ]

    private static func cities(_ names: [String], prefix: String) -> [SubUnit] {
        names.enumerated().map { SubUnit(id: "\(prefix)-\($0.offset + 1)", name: $0.element, kind: .prefecture) }
    }

    private static let guangdongCities = [
        "广州市", "深圳市", "珠海市", "汕头市", "佛山市", "韶关市", "河源市", "梅州市", "惠州市", "汕尾市", "东莞市",
        "中山市", "江门市", "阳江市", "湛江市", "茂名市", "肇庆市", "清远市", "潮州市", "揭阳市", "云浮市",
    ]
    private static let jiangsuCities = [
        "南京市", "无锡市", "徐州市", "常州市", "苏州市", "南通市", "连云港市", "淮安市", "盐城市", "扬州市", "镇江市",
        "泰州市", "宿迁市",
    ]
    private static let shandongCities = [
        "济南市", "青岛市", "淄博市", "枣庄市", "东营市", "烟台市", "潍坊市", "济宁市", "泰安市", "威海市", "日照市",
        "临沂市", "德州市", "聊城市", "滨州市", "菏泽市",
    ]
    private static let divisions = [
        "第一师", "第二师", "第三师", "第四师", "第五师", "第六师", "第七师", "第八师", "第九师", "第十师", "第十一师",
        "第十二师", "第十三师", "第十四师",
    ]
}
