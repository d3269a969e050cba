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

/// The window follows its `DocumentController`: sections and title after edits, undo and replace;
/// `reveal` finds the section that shows a location.
final class WindowControllerTests: WindowTestCase {
    func testEditsThroughTheControllerReachSectionsAndTheTitle() throws { try onMain {
        Localizer.shared.language = .chinese
        let window = MainWindow(survey: Self.builtinSurvey, fileURL: nil)
        defer { gtk_window_destroy(window.window.window) }
        let probe = ProbeSection(id: "probe", reveals: nil)
        window.addSection(probe)
        window.present()
        try Self.waitForFirstFrame(window)
        XCTAssertEqual(probe.shown.count, 0, "a hidden section shows the survey only when it first comes to the front")
        XCTAssertTrue(window.staleSections.contains("probe"))
        XCTAssertFalse(window.headerTitle.hasPrefix(WindowTitle.unsavedMark), window.headerTitle)
        XCTAssertTrue(window.headerSubtitle.contains("未命名"), window.headerSubtitle)

        let (_, changed) = window.survey.someCellEdit()
        XCTAssertTrue(window.controller.perform(.setObservations([changed]), label: "test"))
        XCTAssertEqual(probe.shown.count, 0, "a hidden section is only marked stale by an edit")
        XCTAssertTrue(window.staleSections.contains("probe"))
        XCTAssertTrue(window.headerTitle.hasPrefix(WindowTitle.unsavedMark), window.headerTitle)
        window.showSection(id: "probe")
        XCTAssertEqual(probe.shown.count, 1, "coming to the front, it shows the survey as edited")
        XCTAssertEqual(probe.shown.last?.observations.first { $0.key == changed.key }, changed)
        XCTAssertFalse(window.staleSections.contains("probe"))
        window.showSection(id: "overview")
        window.showSection(id: "probe")
        XCTAssertEqual(probe.shown.count, 1, "nothing changed meanwhile: not shown again")

        window.controller.undo()
        XCTAssertEqual(probe.shown.count, 2)
        XCTAssertEqual(probe.shown.last, Self.canonical(Self.builtinSurvey))
        XCTAssertFalse(window.headerTitle.hasPrefix(WindowTitle.unsavedMark), window.headerTitle)

        window.controller.replace(with: Self.builtinSurvey, fileURL: URL(fileURLWithPath: "/tmp/样例.gongkai"), unsaved: true)
        XCTAssertEqual(probe.shown.count, 3)
        XCTAssertTrue(window.headerSubtitle.contains("样例.gongkai"), window.headerSubtitle)
        XCTAssertTrue(window.headerTitle.hasPrefix(WindowTitle.unsavedMark), "a recovered survey starts unsaved")
    } }

    /// A new window builds only the section on screen and shows the survey in it; only the page
    /// on screen is measured (the stack is not homogeneous), so the first frame does not lay out
    /// hidden pages. A section built while hidden (looked up) is not filled until shown.
    func testANewWindowShowsTheSurveyOnlyWhereItIsSeen() throws { try onMain {
        let window = MainWindow(survey: Self.builtinSurvey, fileURL: nil)
        defer { gtk_window_destroy(window.window.window) }
        XCTAssertEqual(window.visibleSectionID, "overview")
        XCTAssertEqual(window.builtSectionIDs, ["overview"])
        XCTAssertEqual(window.staleSections, ["matrix", "checks", "reconciliation", "enterprises", "regulations", "outreach", "charts"])
        let overview = try XCTUnwrap(window.section(id: "overview"))
        let stack = try XCTUnwrap(gtk_widget_get_parent(gtk_widget_get_parent(overview.widget)))
        XCTAssertTrue(stack.isA(gtk_stack_get_type()))
        XCTAssertEqual(gtk_stack_get_hhomogeneous(stack.opaque), 0)
        XCTAssertEqual(gtk_stack_get_vhomogeneous(stack.opaque), 0)
        let enterprises = try XCTUnwrap(window.section(EnterprisesSection.self))
        XCTAssertEqual(window.builtSectionIDs, ["overview", "enterprises"])
        XCTAssertEqual(enterprises.list.shownCount, 0, "not filled while hidden")
        window.showSection(id: "enterprises")
        XCTAssertFalse(window.staleSections.contains("enterprises"))
        XCTAssertEqual(enterprises.list.shownCount, window.survey.enterprises.count, "shown on coming to the front")
    } }

    func testHiddenSectionsThatFollowChangesAreShownEveryEdit() throws { try onMain {
        let window = MainWindow(survey: Self.builtinSurvey, fileURL: nil)
        defer { gtk_window_destroy(window.window.window) }
        let follower = ProbeSection(id: "follower", reveals: nil, followsWhileHidden: true)
        window.addSection(follower)
        XCTAssertEqual(window.visibleSectionID, "overview")
        window.controller.perform(.setObservations([window.survey.someCellEdit().1]), label: "test")
        window.controller.undo()
        XCTAssertEqual(follower.shown.count, 3, "made, edited, undone")
        XCTAssertEqual(follower.shown.last, Self.canonical(Self.builtinSurvey))
        // The built-in sections: only the checks and the reconciliation (their sidebar titles count)
        // follow while hidden; the others wait to be shown.
        _ = try XCTUnwrap(window.section(ChecksSection.self))
        _ = try XCTUnwrap(window.section(MatrixSection.self))
        window.controller.perform(.setObservations([window.survey.someCellEdit().1]), label: "test")
        XCTAssertFalse(window.staleSections.contains("checks"))
        XCTAssertTrue(window.staleSections.contains("matrix"))
    } }

    func testRevealBringsAStaleSectionUpToDateFirst() throws { try onMain {
        let window = MainWindow(survey: Self.builtinSurvey, fileURL: nil)
        defer { gtk_window_destroy(window.window.window) }
        window.controller.perform(.setObservations([window.survey.someCellEdit().1]), label: "test")
        XCTAssertTrue(window.staleSections.contains("regulations"))
        // Every built-in section that reveals a regulation is brought up to date before it is asked.
        XCTAssertTrue(window.reveal(.regulation(id: Self.builtinSurvey.regulations[0].id)))
        XCTAssertEqual(window.visibleSectionID, "regulations")
        XCTAssertFalse(window.staleSections.contains("regulations"))
    } }

    func testRevealAsksTheSectionsAndShowsTheOneThatAccepts() throws { try onMain {
        let window = MainWindow(survey: Self.builtinSurvey, fileURL: nil)
        defer { gtk_window_destroy(window.window.window) }
        let cell = ProblemLocation.cell(jurisdiction: "anhui", year: 2019, kind: .auditList)
        XCTAssertEqual(window.visibleSectionID, "overview")

        XCTAssertFalse(window.reveal(.regulation(id: "nowhere")), "no section shows an unknown regulation")
        XCTAssertEqual(window.visibleSectionID, "overview")
        // A cell goes to the matrix, with the cursor on it.
        XCTAssertTrue(window.reveal(cell))
        XCTAssertEqual(window.visibleSectionID, "matrix")
        let matrix = try XCTUnwrap(window.sections.first { $0.id == "matrix" } as? MatrixSection)
        XCTAssertEqual(matrix.addressing.map { $0.key(matrix.grid.selection.cursor) },
                       CellKey(jurisdiction: "anhui", year: 2019, kind: .auditList))
        // A section added later is asked too, after the ones before it.
        let target = ProbeSection(id: "probe-tallies", reveals: { if case .subUnitTally = $0 { return true } else { return false } })
        window.addSection(target)
        let tally = ProblemLocation.subUnitTally(jurisdiction: "nowhere", kind: .auditList, year: nil)
        XCTAssertTrue(window.reveal(tally))
        XCTAssertEqual(window.visibleSectionID, "probe-tallies")
        XCTAssertEqual(target.revealed, [tally])
    } }

    static func canonical(_ survey: Survey) -> Survey {
        var survey = survey
        survey.canonicalize()
        return survey
    }
}

/// A section that records what it was shown and reveals what `reveals` accepts.
@MainActor
final class ProbeSection: RevealingSection {
    let id: String
    var title: String { id }
    let widget: UnsafeMutablePointer<GtkWidget> = gtk_label_new("probe")
    private let reveals: ((ProblemLocation) -> Bool)?
    private(set) var shown: [Survey] = []
    private(set) var revealed: [ProblemLocation] = []

    let followsWhileHidden: Bool

    init(id: String, reveals: ((ProblemLocation) -> Bool)?, followsWhileHidden: Bool = false) {
        self.id = id
        self.reveals = reveals
        self.followsWhileHidden = followsWhileHidden
    }

    func show(_ survey: Survey) { shown.append(survey) }

    func reveal(_ location: ProblemLocation) -> Bool {
        guard reveals?(location) == true else { return false }
        revealed.append(location)
        return true
    }
}
