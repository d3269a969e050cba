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

/// A window builds a section's widgets the first time it is needed: shown, looked up, asked to
/// reveal a record, reached by Alt+number. The sidebar counts of the sections not built come
/// from the model.
final class LazySectionTests: WindowTestCase {
    func testANewWindowBuildsOnlyTheSectionOnScreen() throws { try onMain { t in
        let window = try t.makeWindow()
        defer { window.destroyForTest() }
        try Self.waitForFirstFrame(window)
        XCTAssertEqual(window.visibleSectionID, "overview")
        XCTAssertEqual(window.builtSectionIDs, ["overview"])
        XCTAssertEqual(window.sectionIDs, SectionKind.allCases.map(\.rawValue))
    } }

    func testEachSectionIsBuiltOnceOnFirstShowing() throws { try onMain { t in
        let window = try t.makeWindow()
        defer { window.destroyForTest() }
        var built: [String: ObjectIdentifier] = [:]
        for (i, id) in window.sectionIDs.enumerated() {
            window.showSection(id: id)
            XCTAssertEqual(window.visibleSectionID, id)
            XCTAssertEqual(window.builtSectionIDs, Array(window.sectionIDs.prefix(i + 1)), "showing \(id) builds it, and only it")
            let section = try XCTUnwrap(window.section(id: id))
            XCTAssertEqual(section.id, id)
            XCTAssertNotNil(gtk_widget_get_parent(section.widget), "\(id)'s widgets are in its page")
            XCTAssertNotEqual(gtk_widget_get_mapped(section.widget), 0, "\(id) is on screen")
            built[id] = ObjectIdentifier(section)
        }
        try Self.waitForFirstFrame(window)
        // Going round again builds nothing new.
        for id in window.sectionIDs.reversed() {
            window.showSection(id: id)
            XCTAssertEqual(window.section(id: id).map { ObjectIdentifier($0) }, built[id], "\(id) is built once")
        }
    } }

    func testAltNumberAndRevealBuildTheSectionTheyReach() throws { try onMain { t in
        let window = try t.makeWindow()
        defer { window.destroyForTest() }
        window.actions.map.activate("section-5")
        XCTAssertEqual(window.visibleSectionID, "enterprises")
        XCTAssertEqual(window.builtSectionIDs, ["overview", "enterprises"])
        XCTAssertTrue(window.reveal(.regulation(id: Self.builtinSurvey.regulations[0].id)))
        XCTAssertEqual(window.visibleSectionID, "regulations")
        XCTAssertEqual(window.builtSectionIDs, ["overview", "enterprises", "regulations"], "only the sections that may show a regulation are built to ask them")
        window.showSection(id: "overview")
        window.actions.map.activate("next-pane")
        XCTAssertEqual(window.builtSectionIDs, ["overview", "enterprises", "regulations"])
    } }

    /// The checks' and the reconciliation's counts are right before either is built, and follow edits.
    func testSidebarCountsComeFromTheModelBeforeTheSectionsAreBuilt() throws { try onMain { t in
        Localizer.shared.language = .english
        let window = try t.makeWindow()
        defer { window.destroyForTest() }
        let differing = Reconciler(window.controller.survey).reconcile().filter { !$0.agrees }.count
        XCTAssertGreaterThan(differing, 0)
        XCTAssertEqual(window.sidebarTitle(of: "checks"), "Checks (3)")
        XCTAssertEqual(window.sidebarTitle(of: "reconciliation"), "Reconciliation (\(differing))")
        XCTAssertEqual(window.builtSectionIDs, ["overview"])

        // Dropping 2018 leaves its 64 cells outside the survey: the count follows, still unbuilt.
        XCTAssertTrue(window.controller.perform(.setYears([2019, 2020, 2021, 2022]), label: "years"))
        let counted = window.controller.problems.filter { $0.severity != .info }.count
        XCTAssertGreaterThan(counted, 3)
        try Self.waitUntil("the count follows the edit") { window.sidebarTitle(of: "checks") == "Checks (\(counted))" }
        XCTAssertEqual(window.builtSectionIDs, ["overview"])

        // Built, the section's own count takes over and agrees.
        window.showSection(id: "checks")
        XCTAssertEqual(window.sidebarTitle(of: "checks"), "Checks (\(counted))")
        window.actions.map.activate("undo")
        try Self.waitUntil("the checks are listed again") { window.sidebarTitle(of: "checks") == "Checks (3)" }
    } }
}
