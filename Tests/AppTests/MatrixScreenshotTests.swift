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

/// Renders the matrix section of a real window to PNG in Chinese and English. With
/// `GONGKAI_MATRIX_SHOTS=DIR` the pictures are kept in DIR for a person to look at.
final class MatrixScreenshotTests: XCTestCase {
    override func tearDown() {
        Localizer.shared.followEnvironment()
        super.tearDown()
    }

    func testMatrixRendersInChineseAndEnglish() throws { try onMainActor {
        let keep = ProcessInfo.processInfo.environment["GONGKAI_MATRIX_SHOTS"].map { URL(fileURLWithPath: $0) }
        let folder = keep ?? FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-matrix-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if keep == nil { try? FileManager.default.removeItem(at: folder) } }

        for (language, name) in [(Language.chinese, "zh"), (Language.english, "en")] {
            Localizer.shared.language = language
            let harness = try MatrixHarness()
            defer { harness.close() }
            // A range, a cell with a problem in view and the cursor on a noted cell.
            harness.place("guangxi", year: 2019, kind: .auditList)
            harness.press(GDK_KEY_Down, GDK_SHIFT_MASK)
            harness.press(GDK_KEY_Right, GDK_SHIFT_MASK)
            try harness.waitForGridFrame()
            let url = folder.appendingPathComponent("matrix-\(name).png")
            try Screenshot.save(harness.window, to: url)
            let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
            XCTAssertGreaterThan(size, 20_000, "a drawn matrix compresses to more than a blank image")

            harness.section.setOrder(.region)
            harness.place("qinghai", year: 2018, kind: .auditList)
            try harness.waitForGridFrame()
            try Screenshot.save(harness.window, to: folder.appendingPathComponent("matrix-region-\(name).png"))

            // Evidence filled in, and the context menu.
            harness.section.setOrder(.report)
            harness.place("jiangsu", year: 2021, kind: .auditList)
            _ = harness.section.update(try XCTUnwrap(harness.cursorKey), label: "shot") { o in
                o.department = "江苏省生态环境厅"
                o.evidence = [Evidence(url: "https://sthjt.jiangsu.gov.cn/art/2021/list.html", dateChecked: PartialDate(year: 2022, month: 3, day: 14),
                                       method: .onlineSearch, note: "省厅网站公示")]
            }
            try harness.waitForGridFrame()
            try Screenshot.save(harness.window, to: folder.appendingPathComponent("matrix-details-\(name).png"))
            harness.section.perform(.contextMenu)
            XCTAssertTrue(MainLoop.iterate(until: { gtk_widget_get_mapped(harness.section.menu.popover) != 0 }, timeout: 10))
            try harness.waitForGridFrame()
            _ = MainLoop.iterate(until: { false }, timeout: 0.3)
            try Screenshot.save(harness.section.menu.popover, to: folder.appendingPathComponent("matrix-menu-\(name).png"))
            harness.section.menu.popdown()
        }

        // Twenty years, scrolled to the last column: headings, names and totals stay in place.
        Localizer.shared.language = .chinese
        let wide = try MatrixHarness(survey: SyntheticSurvey.make(enterprises: 10, years: 2005...2024, seed: 7))
        defer { wide.close() }
        wide.press(GDK_KEY_End, GDK_CONTROL_MASK)
        wide.press(GDK_KEY_Up, GDK_SHIFT_MASK)
        wide.press(GDK_KEY_Left, GDK_SHIFT_MASK)
        try wide.waitForGridFrame()
        try Screenshot.save(wide.window, to: folder.appendingPathComponent("matrix-20-years.png"))
    } }
}
