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

/// Charts with nothing to show: why (from the data), left out of the default briefing, and the
/// reason shown in the gallery.
final class ChartEmptinessTests: WindowTestCase {
    @MainActor private static func section(_ survey: Survey) throws -> (ChartsSection, UnsafeMutablePointer<GtkWidget>) {
        let controller = DocumentController(survey: survey, fileURL: nil)
        let section = ChartsSection(controller: controller)
        section.show(controller.survey)
        let window = gtk_window_new()!
        gtk_window_set_default_size(window.window, 1200, 800)
        gtk_window_set_child(window.window, section.widget)
        gtk_window_present(window.window)
        try Self.waitUntil("the section is on screen") { gtk_widget_get_mapped(section.widget) != 0 }
        return (section, window)
    }

    func testEmptyChartsAreLeftOutOfTheDefaultBriefingAndTheGallerySaysWhy() throws { try onMain { (_: UITestContext) in
        let oneYear = Survey.blank(years: [2023], from: WindowTestCase.builtinSurvey)
        let data = ChartData(oneYear)
        XCTAssertNotNil(data.emptyReason(.changes), "one year: no changes")
        XCTAssertNotNil(data.emptyReason(.itemRates), "no enterprise must publish any item")
        let (section, window) = try Self.section(oneYear)
        defer { gtk_window_destroy(window.window) }
        for kind in ChartKind.allCases {
            let reason = data.emptyReason(kind)
            XCTAssertEqual(section.deck.isIncluded(kind), reason == nil, kind.name)
            XCTAssertEqual(section.galleryReason(kind), reason ?? "", kind.name)
        }
        XCTAssertFalse(section.deck.slides.contains(.changes))
        XCTAssertFalse(section.deck.slides.contains(.itemRates))
        XCTAssertFalse(section.deck.slides.contains(.matrix), "nothing entered: no matrix to show")
    } }

    func testAMatrixWithNothingEnteredIsNoFindingButOneEnteredCellIs() throws { try onMain { (_: UITestContext) in
        var survey = Survey.blank(years: [2023], from: WindowTestCase.builtinSurvey)
        let blank = ChartData(survey)
        for kind in ChartKind.allCases where kind.drawsTheMatrix {
            XCTAssertEqual(blank.emptyReason(kind), tr("Nothing is entered in the disclosure matrix yet."), kind.name)
        }
        let first = try XCTUnwrap(survey.jurisdictions.first)
        survey.observations.append(Observation(jurisdiction: first.id, year: 2023, kind: .auditList, status: .notDisclosed))
        let entered = ChartData(survey)
        for kind in [ChartKind.disclosurePerYear, .map, .matrix, .ranking, .coverage] {
            XCTAssertNil(entered.emptyReason(kind), kind.name)
        }
        XCTAssertNotNil(entered.emptyReason(.changes), "still one year")
    } }

    func testTheBuiltInSurveyHasChangesAndEveryChartWithDataInTheBriefing() throws { try onMain { (_: UITestContext) in
        let data = ChartData(WindowTestCase.builtinSurvey)
        XCTAssertNil(data.emptyReason(.changes))
        XCTAssertNil(data.emptyReason(.ranking))
        let (section, window) = try Self.section(WindowTestCase.builtinSurvey)
        defer { gtk_window_destroy(window.window) }
        XCTAssertEqual(Set(section.deck.slides), Set(ChartKind.allCases).subtracting(data.emptyCharts))
        XCTAssertEqual(section.galleryReason(.changes), "")
    } }

    func testTheGalleryWrapsWholeWords() throws { try onMain { (_: UITestContext) in
        let gallery = ChartGallery(deck: BriefingDeck())
        let widget = g_object_ref_sink(gallery.widget)
        defer { g_object_unref(widget) }
        XCTAssertEqual(gallery.wrapModes.count, ChartKind.allCases.count * 2)
        XCTAssertEqual(Set(gallery.wrapModes.map(\.rawValue)), [PANGO_WRAP_WORD.rawValue], "never in the middle of a word")
    } }
}
