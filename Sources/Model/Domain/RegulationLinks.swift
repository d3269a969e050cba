import Foundation

/// What a regulation bears on in a survey: its status in each survey year, the disclosure items
/// that cite it (`DisclosureItem.source`) by article, and the survey years in which it was not in
/// force, which deserve a warning when the survey relies on it.
public struct RegulationBearing: Equatable, Sendable {
    public struct YearStatus: Equatable, Sendable {
        public var year: Int
        public var status: RegulationStatus
    }

    /// One article: the disclosure items that cite it and their clauses.
    public struct ArticleBearing: Equatable, Sendable {
        public var number: String
        /// False for an article that items cite but the regulation's record does not list.
        public var isListed: Bool
        public var items: [DisclosureItem]
        /// The clauses the items cite, in order of first citation ("（一）", …).
        public var clauses: [String]
    }

    /// Each survey year with the regulation's status during it (`status(inYear:)`).
    public var years: [YearStatus]
    /// One entry per listed article (in the record's order), then any article that items cite
    /// but the record does not list.
    public var articles: [ArticleBearing]

    /// Survey years in which the regulation was in force (as first made or as amended).
    public var inForceYears: [Int] { years.filter { $0.status == .inForce || $0.status == .amended }.map(\.year) }
    /// Survey years in which it was repealed or not yet effective.
    public var outOfForceYears: [YearStatus] { years.filter { $0.status == .repealed || $0.status == .notYetEffective } }
    /// True when its dates are not recorded, so the years it bears on are unknown.
    public var datesUnknown: Bool { years.contains { $0.status == .unknown } }
    /// Every disclosure item that cites the regulation.
    public var citedItems: [DisclosureItem] { articles.flatMap(\.items) }
    /// True when items cite the regulation in survey years in which it was not in force.
    public var citedOutOfForce: Bool { !citedItems.isEmpty && !outOfForceYears.isEmpty }
}

extension Regulation {
    /// What this regulation bears on for the given survey years.
    public func bearing(surveyYears: [Int]) -> RegulationBearing {
        let years = surveyYears.sorted().map { RegulationBearing.YearStatus(year: $0, status: status(inYear: $0)) }
        let citing = DisclosureItem.allCases.filter { $0.source.regulation == id }
        var articles = self.articles.map { article -> RegulationBearing.ArticleBearing in
            let items = citing.filter { $0.source.article == article.number }
            return RegulationBearing.ArticleBearing(number: article.number, isListed: true, items: items,
                                                    clauses: Self.clauses(of: items))
        }
        let listed = Set(self.articles.map(\.number))
        var unlisted: [String] = []
        for item in citing where !listed.contains(item.source.article) && !unlisted.contains(item.source.article) {
            unlisted.append(item.source.article)
        }
        for number in unlisted {
            let items = citing.filter { $0.source.article == number }
            articles.append(RegulationBearing.ArticleBearing(number: number, isListed: false, items: items, clauses: Self.clauses(of: items)))
        }
        return RegulationBearing(years: years, articles: articles)
    }

    private static func clauses(of items: [DisclosureItem]) -> [String] {
        var out: [String] = []
        for item in items {
            if let clause = item.source.clause, !out.contains(clause) { out.append(clause) }
        }
        return out
    }
}
