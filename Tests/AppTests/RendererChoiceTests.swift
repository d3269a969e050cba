import CGtk
import Foundation
import XCTest

@testable import GtkKit
@testable import Rendering
@testable import Commands
@testable import Sections
@testable import Bench
@testable import gongkai

/// The renderer choice: cairo on a software OpenGL rasteriser (as under Xvfb), GTK's own choice
/// on a GPU, and the user's `GSK_RENDERER` always.
final class RendererChoiceTests: WindowTestCase {
    func testSoftwareRasterisersAreRecognisedByName() {
        XCTAssertTrue(RendererChoice.isSoftware("llvmpipe (LLVM 15.0.6, 256 bits)"))
        XCTAssertTrue(RendererChoice.isSoftware("softpipe"))
        XCTAssertTrue(RendererChoice.isSoftware("Software Rasterizer"))
        XCTAssertFalse(RendererChoice.isSoftware("Mesa Intel(R) UHD Graphics 620 (KBL GT2)"))
        XCTAssertFalse(RendererChoice.isSoftware("AMD Radeon RX 580 Series (polaris10, LLVM 15.0.6, DRM 3.49, 6.1.0-13-amd64)"))
    }

    /// Without a GPU render node no hardware OpenGL driver can run: OpenGL is not asked.
    func testAGPUIsRecognisedByItsRenderNode() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-dri-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertFalse(RendererChoice.hasGPURenderNode(directory: dir.path + "/missing"))
        XCTAssertFalse(RendererChoice.hasGPURenderNode(directory: dir.path))
        FileManager.default.createFile(atPath: dir.appendingPathComponent("card0").path, contents: Data())
        XCTAssertFalse(RendererChoice.hasGPURenderNode(directory: dir.path), "a card node alone (KMS display only) renders nothing")
        FileManager.default.createFile(atPath: dir.appendingPathComponent("renderD128").path, contents: Data())
        XCTAssertTrue(RendererChoice.hasGPURenderNode(directory: dir.path))
    }

    func testTheWindowIsDrawnByTheChosenRenderer() throws { try onMain {
        let window = MainWindow(survey: Self.builtinSurvey, fileURL: nil)
        defer { gtk_window_destroy(window.window.window) }
        window.present()
        try Self.waitForFirstFrame(window)
        let native = try XCTUnwrap(gtk_widget_get_native(window.window))
        let renderer = try XCTUnwrap(gtk_native_get_renderer(native))
        let type = String(cString: g_type_name_from_instance(UnsafeMutableRawPointer(renderer).assumingMemoryBound(to: GTypeInstance.self)))
        let asked = ProcessInfo.processInfo.environment["GSK_RENDERER"]
        if RendererChoice.choseCairoWithoutGPU {
            XCTAssertNil(RendererChoice.openGLRenderer, "OpenGL is not asked without a GPU")
            XCTAssertEqual(asked, "cairo")
            XCTAssertEqual(type, "GskCairoRenderer")
            XCTAssertNotEqual(ProcessInfo.processInfo.environment["GDK_DEBUG"], "gl-disable",
                              "OpenGL is kept off only while GTK opens the display: programs started later do not inherit it")
        } else if let gl = RendererChoice.openGLRenderer, RendererChoice.isSoftware(gl) {
            XCTAssertEqual(asked, "cairo")
            XCTAssertEqual(type, "GskCairoRenderer", "OpenGL here is \(gl)")
        } else if asked == nil, RendererChoice.openGLRenderer != nil {
            XCTAssertNotEqual(type, "GskCairoRenderer", "a GPU draws with GTK's choice")
        }
        print("OpenGL renderer: \(RendererChoice.openGLRenderer ?? "none or not asked"); GSK renderer: \(type)")
    } }
}
