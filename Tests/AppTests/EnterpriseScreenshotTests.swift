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

/// Pictures of the enterprise, import, regulation and outreach views in states the screenshot tour
/// does not reach (100,000 samples, a filled checklist, the import dialog, a regulation's articles,
/// a sub-unit table). Each must be a drawn, plausible PNG; with `GONGKAI_SECTION_SHOTS=DIR` they are
/// also kept in DIR for people to look at.
final class EnterpriseScreenshotTests: WindowTestCase {
    /// Saves what `widget`'s window shows once it has drawn a complete frame, and checks the PNG.
    @MainActor static func shoot(_ widget: UnsafeMutablePointer<GtkWidget>, _ name: String) throws {
        let folder = ProcessInfo.processInfo.environment["GONGKAI_SECTION_SHOTS"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-section-shots")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name + ".png")
        let window = gtk_widget_get_root(widget).map { UnsafeMutableRawPointer($0).widget } ?? widget
        var saved = false
        try waitUntil("a complete frame of \(name)") {
            drainMainLoop()
            saved = (try? Screenshot.save(window, to: url)) != nil
            return saved
        }
        let data = try Data(contentsOf: url)
        XCTAssertGreaterThan(data.count, 10_000, "\(name) is a drawn picture")
    }

    /// Scrolls the scrolled window around `widget` to its end.
    @MainActor static func scrollToEnd(_ widget: UnsafeMutablePointer<GtkWidget>) {
        drainMainLoop()
        guard let scroller = gtk_widget_get_ancestor(widget, gtk_scrolled_window_get_type()),
              let adjustment = gtk_scrolled_window_get_vadjustment(scroller.opaque) else { return }
        gtk_adjustment_set_value(adjustment, gtk_adjustment_get_upper(adjustment))
    }

    func testPicturesOfTheEnterpriseViews() throws { try onMain {
        let language = ProcessInfo.processInfo.environment["GONGKAI_SECTION_SHOTS_LANG"] == "en" ? Language.english : .chinese
        Localizer.shared.language = language
        let survey = SyntheticSurvey.make(enterprises: 100_000, years: 2003...2022, seed: 42)
        let (window, section) = try EnterpriseSectionTests.open(survey)
        defer { gtk_window_destroy(window.window.window) }
        let target = try XCTUnwrap(survey.enterprises.first { $0.reasons == ReasonSet([.pollution, .toxic]) && !$0.phoneAttempts.isEmpty })
        section.filterBar.search(String(target.name.prefix(3)))
        XCTAssertTrue(section.select(id: target.id))
        try Self.shoot(window.window, "enterprises-100000-filtered")

        let dialog = ImportDialog(controller: window.controller, data: try ImportDialogTests.gb18030List(),
                                  fileName: "河南省2021年清洁生产审核企业名单.csv", parent: window.window)
        dialog.present()
        try Self.shoot(dialog.window, "import-dialog")
        dialog.close()
    } }

    func testPicturesOfRegulationsAndOutreach() throws { try onMain {
        let language = ProcessInfo.processInfo.environment["GONGKAI_SECTION_SHOTS_LANG"] == "en" ? Language.english : .chinese
        Localizer.shared.language = language
        let (window, regulations) = try RegulationSectionTests.open(Self.builtinSurvey)
        defer { gtk_window_destroy(window.window.window) }
        XCTAssertTrue(regulations.select(id: "audit-interim-measures-2004"))
        try Self.shoot(window.window, "regulations-repealed")
        XCTAssertTrue(regulations.select(id: "audit-measures-2016"))
        Self.scrollToEnd(regulations.editor.articles.widget)
        try Self.shoot(window.window, "regulations-articles")

        let outreach = try XCTUnwrap(window.sections.compactMap { $0 as? OutreachSection }.first)
        window.showSection(id: outreach.id)
        XCTAssertTrue(outreach.select(jurisdiction: "guangdong"))
        Self.scrollToEnd(outreach.subUnits.widget)
        try Self.shoot(window.window, "outreach-subunits")
    } }
}
