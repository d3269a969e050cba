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

/// What a closed window leaves behind: nothing of its survey, its history or its widgets.
final class WindowLifetimeTests: WindowTestCase {
    /// Opens a window on `survey`, makes an edit (so there is a history), closes it and lets GTK
    /// finish; returns weak references to what the window owned.
    @MainActor
    private static func openAndClose(_ context: UITestContext, survey: Survey, visitingEverySection: Bool = true) throws -> (window: () -> MainWindow?, controller: () -> DocumentController?) {
        weak var weakWindow: MainWindow?
        weak var weakController: DocumentController?
        do {
            let window = try context.makeWindow(survey: survey)
            weakWindow = window
            weakController = window.controller
            // Every section shown once (each builds what it shows), and an edit to undo.
            for section in window.sections where visitingEverySection {
                window.showSection(id: section.id)
                WindowTestCase.drainMainLoop()
            }
            window.showSection(id: "matrix")
            context.editOneCell(window)
            try WindowTestCase.waitUntil("the window draws the edit") { window.framesDrawn > 1 }
            window.destroyForTest()
        }
        WindowTestCase.drainMainLoop()
        return ({ weakWindow }, { weakController })
    }

    func testAClosedWindowReleasesItsControllerAndHistory() throws {
        try onMain { context in
            let refs = try Self.openAndClose(context, survey: Self.builtinSurvey)
            XCTAssertNil(refs.window(), "the MainWindow is freed once GTK has destroyed its window")
            XCTAssertNil(refs.controller(), "the DocumentController (survey and undo history) is freed with its window")
        }
    }

    /// 20 windows on a 100,000-enterprise survey, one after another: the memory in use after the
    /// last is within 10% of what it was after the first (each window's list, rows and history
    /// are freed with it).
    func testOpeningAndClosingWindowsOnALargeSurveyDoesNotGrowMemory() throws {
        let survey = SyntheticSurvey.make(enterprises: 100_000, years: 2001...2020, seed: 42)
        try onMain { context in
            var afterFirst = 0
            for round in 1...20 {
                let refs = try Self.openAndClose(context, survey: survey, visitingEverySection: round == 1)
                XCTAssertNil(refs.controller(), "round \(round): the controller is freed")
                let resident = try XCTUnwrap(ProcessMemory.residentBytesAfterTrim())
                if round == 1 { afterFirst = resident }
                if round == 20 {
                    print(String(format: "RSS after the first window closed %.1f MB, after the 20th %.1f MB",
                                 Double(afterFirst) / 1_048_576, Double(resident) / 1_048_576))
                    XCTAssertLessThanOrEqual(Double(resident), Double(afterFirst) * 1.10,
                                             "RSS after 20 windows \(resident / 1_048_576) MB, after the first \(afterFirst / 1_048_576) MB")
                }
            }
        }
    }
}
