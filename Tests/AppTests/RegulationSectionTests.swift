import CGtk
import Foundation
import Model
import XCTest

@testable import GtkKit
@testable import Rendering
@testable import Commands
@testable import Sections
@testable import Bench
@testable import gongkai

/// The Regulations section in the real window: statuses on a date as tags, what each regulation
/// bears on and the warnings, entering a regulation with two articles and undoing every step.
final class RegulationSectionTests: WindowTestCase {
    @MainActor static func open(_ survey: Survey) throws -> (MainWindow, RegulationsSection) {
        let window = MainWindow(survey: survey, fileURL: nil)
        let section = try XCTUnwrap(window.sections.compactMap { $0 as? RegulationsSection }.first)
        window.present()
        window.showSection(id: section.id)
        try waitForFirstFrame(window)
        return (window, section)
    }

    func testStatusesOnADateAndWhatEachRegulationBearsOn() throws { try onMain {
        Localizer.shared.language = .chinese
        let (window, section) = try Self.open(Self.builtinSurvey)
        defer { gtk_window_destroy(window.window.window) }
        let survey = window.survey

        // National laws and rules first, then provincial documents.
        let shown = section.list.shownIDs
        XCTAssertEqual(Set(shown), Set(survey.regulations.map(\.id)))
        let firstProvincial = try XCTUnwrap(shown.firstIndex { id in !survey.regulations.first { $0.id == id }!.level.isNational })
        XCTAssertTrue(shown[firstProvincial...].allSatisfy { id in !survey.regulations.first { $0.id == id }!.level.isNational })

        // At the end of the last survey year (the default date).
        XCTAssertEqual(section.dateEntry.text, "2022-12-31")
        XCTAssertEqual(section.list.statusTexts["audit-interim-measures-2004"], "废止")
        XCTAssertEqual(section.list.statusTexts["audit-measures-2016"], "现行有效")
        XCTAssertEqual(section.list.statusTexts["cleaner-production-law"], "修订后有效")
        XCTAssertEqual(section.list.statusTexts["fyp14-outline"], "日期不详")
        section.dateEntry.enter("2010")
        XCTAssertEqual(section.list.statusTexts["audit-measures-2016"], "尚未施行")
        XCTAssertEqual(section.list.statusTexts["audit-interim-measures-2004"], "现行有效")
        section.dateEntry.enter("2010-13")
        XCTAssertTrue(section.dateEntry.isInvalid, "month 13 is refused")
        section.dateEntry.enter("2022-12-31")

        // The interim measures were repealed before the survey years.
        XCTAssertTrue(section.select(id: "audit-interim-measures-2004"))
        XCTAssertEqual(section.editor.current?.id, "audit-interim-measures-2004")
        XCTAssertEqual(section.editor.bearing.warnings, ["已于 2016-07-01 废止：2018–2022 年度不再有效。"])

        // Article 11 of the 2016 measures: the items the enterprises must publish, by clause.
        XCTAssertTrue(section.select(id: "audit-measures-2016"))
        XCTAssertEqual(section.editor.bearing.warnings, [])
        let article11 = try XCTUnwrap(section.editor.bearing.articleLines.first { $0.hasPrefix("第十一条") })
        XCTAssertTrue(article11.hasPrefix("第十一条：要求公开 （一）至（三）企业名称、法人代表、企业所在地址；（一）排放污染物名称"), article11)
        for item in DisclosureItem.allCases { XCTAssertTrue(article11.contains(item.chineseLabel), item.chineseLabel) }
        XCTAssertEqual(section.editor.bearing.articleLines.first { $0.hasPrefix("第八条") }, "第八条：没有应公开条目引用")

        // Moving its effective date into the survey years warns that the items rely on it too early.
        section.editor.effective.enter("2019")
        XCTAssertEqual(window.survey.regulations.first { $0.id == "audit-measures-2016" }?.effective, PartialDate(year: 2019))
        XCTAssertEqual(section.editor.bearing.warnings,
                       ["应公开条目引用了此法规，但它于 2019 才施行，2018 年度尚未生效。"])
        window.controller.undo()
        XCTAssertEqual(section.editor.bearing.warnings, [])
        XCTAssertEqual(window.survey.regulations, survey.regulations)
    } }

    func testEnterARegulationWithTwoArticlesThenUndoEachStep() throws { try onMain {
        Localizer.shared.language = .english
        let (window, section) = try Self.open(Self.builtinSurvey)
        defer { gtk_window_destroy(window.window.window) }
        let before = window.survey.regulations

        section.addRegulation()
        let id = try XCTUnwrap(section.editor.current?.id)
        XCTAssertEqual(section.list.selectedID, id)
        let editor = section.editor
        editor.titleEntry.enter("河南省清洁生产审核实施细则")
        editor.shortTitle.enter("河南实施细则")
        editor.documentNumber.enter("豫环文〔2019〕1号")
        editor.issuers.enter("河南省生态环境厅、河南省发展和改革委员会")
        editor.level.choose(RegulationLevel.allCases.firstIndex(of: .provincialDocument)!)
        editor.jurisdiction.choose(1 + window.survey.jurisdictions.firstIndex { $0.id == "henan" }!)
        editor.effective.enter("2019-03-01")
        editor.url.enter("ftp://example.org/x")
        XCTAssertTrue(editor.url.isInvalid, "only http and https links")
        editor.url.enter("https://sthjt.henan.gov.cn/2019/03-01/1.html")
        editor.articles.addArticle()
        editor.articles.rows[0].number.enter("第五条")
        editor.articles.rows[0].text.enter("重点企业应当公开清洁生产审核信息。")
        editor.articles.addArticle()
        editor.articles.rows[1].number.enter("第九条")
        editor.articles.rows[1].text.enter("审核评估结果应当向社会公布。")

        let r = try XCTUnwrap(window.survey.regulations.first { $0.id == id })
        XCTAssertEqual(r.title, "河南省清洁生产审核实施细则")
        XCTAssertEqual(r.issuers, ["河南省生态环境厅", "河南省发展和改革委员会"])
        XCTAssertEqual(r.level, .provincialDocument)
        XCTAssertEqual(r.jurisdiction, "henan")
        XCTAssertEqual(r.effective, PartialDate(year: 2019, month: 3, day: 1))
        XCTAssertEqual(r.articles, [Article(number: "第五条", text: "重点企业应当公开清洁生产审核信息。"),
                                    Article(number: "第九条", text: "审核评估结果应当向社会公布。")])
        XCTAssertEqual(section.list.statusTexts[id], "In force")
        let provincial = section.list.shownIDs.drop { id in window.survey.regulations.first { $0.id == id }!.level.isNational }
        XCTAssertTrue(provincial.contains(id), "a provincial document is listed with the provincial ones")
        XCTAssertEqual(editor.bearing.warnings, ["Took effect on 2019-03-01: not yet in force in survey years 2018."])

        // Superseded-by offers the other regulations.
        editor.supersededBy.choose(1)
        XCTAssertNotNil(window.survey.regulations.first { $0.id == id }?.supersededBy)

        var steps = 0
        while window.survey.regulations != before && window.controller.canUndo {
            window.controller.undo()
            steps += 1
        }
        XCTAssertEqual(steps, 16, "add, 7 fields, link, 2 × (add article, number, text), superseded by")
        XCTAssertEqual(window.survey.regulations, before)

        // Delete is one step too.
        XCTAssertTrue(section.select(id: "legislation-law"))
        section.deleteSelected()
        XCTAssertFalse(window.survey.regulations.contains { $0.id == "legislation-law" })
        window.controller.undo()
        XCTAssertEqual(window.survey.regulations, before)
    } }

    func testProblemsRevealTheirRegulation() throws { try onMain {
        let (window, section) = try Self.open(Self.builtinSurvey)
        defer { gtk_window_destroy(window.window.window) }
        window.showSection(id: "overview")
        XCTAssertTrue(window.reveal(.regulation(id: "sd-cleaner-production-regulation")))
        XCTAssertEqual(window.visibleSectionID, section.id)
        XCTAssertEqual(section.editor.current?.id, "sd-cleaner-production-regulation")
    } }

    func testBearingOfARegulationOnTheSurveyYears() throws {
        let survey = Self.builtinSurvey
        let interim = try XCTUnwrap(survey.regulations.first { $0.id == "audit-interim-measures-2004" })
        let b = interim.bearing(surveyYears: survey.years)
        XCTAssertEqual(b.inForceYears, [])
        XCTAssertEqual(b.outOfForceYears.map(\.year), [2018, 2019, 2020, 2021, 2022])
        XCTAssertFalse(b.citedOutOfForce, "no disclosure item cites the interim measures")

        var measures = try XCTUnwrap(survey.regulations.first { $0.id == Regulation.auditMeasuresID })
        let m = measures.bearing(surveyYears: survey.years)
        XCTAssertEqual(m.inForceYears, survey.years)
        XCTAssertEqual(m.citedItems, DisclosureItem.allCases)
        let article11 = try XCTUnwrap(m.articles.first { $0.number == "第十一条" })
        XCTAssertTrue(article11.isListed)
        XCTAssertEqual(article11.clauses, ["（一）至（三）", "（一）", "（二）", "（三）"])
        XCTAssertEqual(m.articles.first { $0.number == "第八条" }?.items, [])

        // Items cite article 11 even when the record no longer lists it.
        measures.articles.removeAll { $0.number == "第十一条" }
        measures.effective = PartialDate(year: 2020)
        let moved = measures.bearing(surveyYears: survey.years)
        XCTAssertEqual(moved.articles.last?.number, "第十一条")
        XCTAssertEqual(moved.articles.last?.isListed, false)
        XCTAssertTrue(moved.citedOutOfForce)
        XCTAssertEqual(moved.outOfForceYears.map(\.year), [2018, 2019])
        XCTAssertTrue(RegulationBearingView.warnings(measures, moved).first?.contains("2018–2019") ?? false)
    }
}
