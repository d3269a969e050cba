import XCTest

@testable import Model

final class ArticleNumbersTests: XCTestCase {
    func testArticlesInChineseNumeralsOrDigitsReadAsEnglish() {
        XCTAssertEqual(ArticleNumbers.english(article: "第十一条"), "Art. 11")
        XCTAssertEqual(ArticleNumbers.english(article: "第八条"), "Art. 8")
        XCTAssertEqual(ArticleNumbers.english(article: "第二十七条"), "Art. 27")
        XCTAssertEqual(ArticleNumbers.english(article: "第一百零五条"), "Art. 105")
        XCTAssertEqual(ArticleNumbers.english(article: "第十条"), "Art. 10")
        XCTAssertEqual(ArticleNumbers.english(article: "第8条"), "Art. 8")
        XCTAssertEqual(ArticleNumbers.english(article: "附则"), "附则", "not an article number: kept")
        XCTAssertEqual(ArticleNumbers.english(article: "第X条"), "第X条")
    }

    func testClausesReadAsEnglish() {
        XCTAssertEqual(ArticleNumbers.english(clause: "（一）至（三）"), "(1)–(3)")
        XCTAssertEqual(ArticleNumbers.english(clause: "（二）"), "(2)")
        XCTAssertEqual(ArticleNumbers.english(clause: "（四）"), "(4)")
        XCTAssertEqual(ArticleNumbers.english(clause: "（甲）"), "(甲)", "not a numeral: kept")
    }

    func testEveryClauseOfTheChecklistIsEnglish() {
        for item in DisclosureItem.allCases {
            let source = item.source
            let article = ArticleNumbers.english(article: source.article)
            let clause = source.clause.map(ArticleNumbers.english(clause:)) ?? ""
            XCTAssertFalse((article + clause).unicodeScalars.contains { $0.value >= 0x3000 }, "\(item): \(article) \(clause)")
        }
    }
}
