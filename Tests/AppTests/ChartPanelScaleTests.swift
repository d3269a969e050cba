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

/// Side-by-side panels meant to be compared share one value scale.
final class ChartPanelScaleTests: XCTestCase {
    func testTheCoveragePanelsShareTheScaleOfTheLargerOne() throws {
        let data = ChartData(WindowTestCase.builtinSurvey)
        let chart = try XCTUnwrap(ChartKind.coverage.make(data, ChartOptions(language: .english)) as? CoverageChart)
        let panels = chart.panels
        XCTAssertEqual(panels.count, 2)
        let largest = panels.map(\.content.largestTotal)
        XCTAssertNotEqual(largest[0], largest[1], "the built-in survey's panels differ in height")
        let shared = ChartFrame.sharedMaximum(panels)
        XCTAssertEqual(shared, largest.max())
        let scales = panels.map { $0.content.scale(shared: shared) }
        XCTAssertEqual(scales[0].maximum, scales[1].maximum)
        XCTAssertEqual(scales[0].step, scales[1].step)
        XCTAssertGreaterThanOrEqual(scales[0].maximum, Double(shared))
        // Alone, the smaller panel would have had a shorter axis; drawn, both show the top tick.
        let smaller = try XCTUnwrap(panels.min { $0.content.largestTotal < $1.content.largestTotal })
        XCTAssertLessThan(smaller.content.scale().maximum, scales[0].maximum)
        let top = String(Int(scales[0].maximum))
        XCTAssertEqual(ChartTestSupport.drawnText(chart).filter { $0 == top }.count, 2, "\(top) on both axes")
    }
}
