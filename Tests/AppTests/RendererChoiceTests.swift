import CGtk
import Foundation
import XCTest

@testable import App

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

    func testTheWindowIsDrawnByTheChosenRenderer() throws { try onMain {
        let window = MainWindow(survey: Self.builtinSurvey, fileURL: nil)
        defer { gtk_window_destroy(window.window.window) }
        window.present()
        try Self.waitForFirstFrame(window)
        let native = try XCTUnwrap(gtk_widget_get_native(window.window))
        let renderer = try XCTUnwrap(gtk_native_get_renderer(native))
        let type = String(cString: g_type_name_from_instance(UnsafeMutableRawPointer(renderer).assumingMemoryBound(to: GTypeInstance.self)))
        let asked = ProcessInfo.processInfo.environment["GSK_RENDERER"]
        if let gl = RendererChoice.openGLRenderer, RendererChoice.isSoftware(gl) {
            XCTAssertEqual(asked, "cairo")
            XCTAssertEqual(type, "GskCairoRenderer", "OpenGL here is \(gl)")
        } else if asked == nil, RendererChoice.openGLRenderer != nil {
            XCTAssertNotEqual(type, "GskCairoRenderer", "a GPU draws with GTK's choice")
        }
        print("OpenGL renderer: \(RendererChoice.openGLRenderer ?? "none or not asked"); GSK renderer: \(type)")
    } }
}
