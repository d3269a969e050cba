import Foundation
import XCTest

@testable import Model

/// Issue 16: the binary copied away from its build folder died with "could not load resource
/// bundle". Resources are found beside the executable, then in ../share/gongkai, then in
/// GONGKAI_DATA_DIR.
final class ResourceLocatorTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-locator-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    private func put(_ relativePath: String) throws -> URL {
        let url = dir.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(relativePath.utf8).write(to: url)
        return url
    }

    func testRootsInOrderBesideTheBinaryThenShareThenTheEnvironment() throws {
        let executable = dir.appendingPathComponent("prefix/bin/gongkai")
        let locator = ResourceLocator(executable: executable, environment: ["GONGKAI_DATA_DIR": dir.appendingPathComponent("data").path])
        XCTAssertEqual(locator.roots.map(\.path), [
            dir.appendingPathComponent("prefix/bin/Gongkai_Model.resources").path,
            dir.appendingPathComponent("prefix/bin/Gongkai_Sections.resources").path,
            dir.appendingPathComponent("prefix/share/gongkai").path,
            dir.appendingPathComponent("data").path,
        ])
        XCTAssertNil(locator.url("po/zh_CN.po"))
        let fromEnvironment = try put("data/po/zh_CN.po")
        XCTAssertEqual(locator.url("po/zh_CN.po")?.path, fromEnvironment.path)
        let installed = try put("prefix/share/gongkai/po/zh_CN.po")
        XCTAssertEqual(locator.url("po/zh_CN.po")?.standardizedFileURL.path, installed.path, "../share/gongkai before the environment")
        let bundled = try put("prefix/bin/Gongkai_Model.resources/po/zh_CN.po")
        XCTAssertEqual(locator.url("po/zh_CN.po")?.path, bundled.path, "the bundle beside the binary first")
        let icon = try put("prefix/bin/Gongkai_Sections.resources/icons/x.svg")
        XCTAssertEqual(locator.url("icons/x.svg")?.path, icon.path)
    }

    func testNoExecutableAndEmptyEnvironmentFindNothing() {
        XCTAssertEqual(ResourceLocator(executable: nil, environment: ["GONGKAI_DATA_DIR": ""]).roots, [])
        XCTAssertNil(ResourceLocator(executable: nil, environment: [:]).url("dataset"))
    }

    func testThisProcessFindsTheBuiltInDatasetAndCatalog() throws {
        let dataset = try XCTUnwrap(BuiltinDataset.url)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dataset.path))
        XCTAssertNotNil(Localizer.bundledCatalogURL(for: .chinese))
        XCTAssertNotNil(ResourceLocator.currentExecutable())
    }
}
