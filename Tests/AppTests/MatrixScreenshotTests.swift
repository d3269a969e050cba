import CGtk
import Foundation
import Model
import XCTest

@testable import App

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
        }
    } }
}
