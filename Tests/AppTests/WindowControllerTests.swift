import CGtk
import Foundation
import Model
import XCTest

@testable import App

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
        XCTAssertEqual(probe.shown.count, 1)
        XCTAssertFalse(window.headerTitle.hasPrefix(WindowTitle.unsavedMark), window.headerTitle)
        XCTAssertTrue(window.headerSubtitle.contains("未命名"), window.headerSubtitle)

        let (_, changed) = window.survey.someCellEdit()
        XCTAssertTrue(window.controller.perform(.setObservations([changed]), label: "test"))
        XCTAssertEqual(probe.shown.count, 2)
        XCTAssertEqual(probe.shown.last?.observations.first { $0.key == changed.key }, changed)
        XCTAssertTrue(window.headerTitle.hasPrefix(WindowTitle.unsavedMark), window.headerTitle)

        window.controller.undo()
        XCTAssertEqual(probe.shown.count, 3)
        XCTAssertEqual(probe.shown.last, Self.canonical(Self.builtinSurvey))
        XCTAssertFalse(window.headerTitle.hasPrefix(WindowTitle.unsavedMark), window.headerTitle)

        window.controller.replace(with: Self.builtinSurvey, fileURL: URL(fileURLWithPath: "/tmp/样例.gongkai"), unsaved: true)
        XCTAssertEqual(probe.shown.count, 4)
        XCTAssertTrue(window.headerSubtitle.contains("样例.gongkai"), window.headerSubtitle)
        XCTAssertTrue(window.headerTitle.hasPrefix(WindowTitle.unsavedMark), "a recovered survey starts unsaved")
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

    init(id: String, reveals: ((ProblemLocation) -> Bool)?) {
        self.id = id
        self.reveals = reveals
    }

    func show(_ survey: Survey) { shown.append(survey) }

    func reveal(_ location: ProblemLocation) -> Bool {
        guard reveals?(location) == true else { return false }
        revealed.append(location)
        return true
    }
}
