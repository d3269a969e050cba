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

/// Alt+number puts the keyboard in the section's main widget, with real keys under Xvfb: an
/// outside tester found Alt+4 on the decisions' expander above the figures, Alt+5 in the search
/// field and Alt+7 on the "Copy Table" button above the jurisdictions, so ↑ and ↓ did not go
/// through the list until the user tabbed there.
final class SectionFocusTests: WindowTestCase {
    func testAltNumbersPutTheKeyboardInTheListOfEachListSection() throws { try onMain { t in
        let (app, window) = try Self.focusedApplicationWindow(t)
        defer { app.shutdown() }
        let outreach = try XCTUnwrap(window.sections.compactMap { $0 as? OutreachSection }.first)
        let enterprises = try XCTUnwrap(window.sections.compactMap { $0 as? EnterprisesSection }.first)
        let reconciliation = try XCTUnwrap(window.sections.compactMap { $0 as? ReconciliationSection }.first)

        try XKeys.type(["alt+7"])
        try XKeys.wait("Alt+7 puts the keyboard in the jurisdictions") {
            window.visibleSectionID == "outreach" && Self.focusIsIn(outreach.jurisdictions.listBox, of: window)
        }
        let first = outreach.selectedJurisdiction?.id
        try XKeys.type(["Down"])
        try XKeys.wait("so Down goes to the next jurisdiction") { outreach.selectedJurisdiction?.id != first }

        try XKeys.type(["alt+5"])
        try XKeys.wait("Alt+5 puts the keyboard in the enterprise list") {
            window.visibleSectionID == "enterprises" && Self.focusIsIn(enterprises.list.columnView, of: window)
        }

        try XKeys.type(["alt+4"])
        try XKeys.wait("Alt+4 puts the keyboard in the list of figures") {
            window.visibleSectionID == "reconciliation" && Self.focusIsIn(reconciliation.figureList, of: window)
        }
    } }
}
