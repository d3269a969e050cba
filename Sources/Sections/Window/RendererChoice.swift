import CEpoxy
import CGtk
import Foundation
import GtkKit
import Rendering

/// Which of GTK's renderers draws the windows.
///
/// GTK 4.8 draws with its OpenGL renderer whenever OpenGL works, also when OpenGL is Mesa's
/// software rasteriser (llvmpipe: virtual machines, remote desktops, a machine without a GPU
/// driver, Xvfb). There every frame redraws the whole window on the CPU: 15–20 ms for a
/// 1400 × 900 window whatever changed, which alone uses most of a keystroke's 30 ms. GTK's cairo
/// renderer redraws only what changed (2–10 ms a frame on the same machine; `gongkai bench
/// --only filter` with `GSK_RENDERER=gl` and without). So on a software rasteriser the cairo
/// renderer is chosen. `GSK_RENDERER` set by the user always wins.
///
/// Asking OpenGL its renderer's name means initialising EGL/GLX and making a context: about 70 ms
/// of processor time at start-up on the project's machine (a seventh of the start; callgrind of a
/// cold start: 300 of 2,240 million instructions). Where the kernel offers no GPU render node
/// (`/dev/dri/renderD*`: a virtual machine, a container, Xvfb) no hardware OpenGL driver can run,
/// so OpenGL could only be a software rasteriser: the cairo renderer is chosen without asking.
@MainActor
package enum RendererChoice {
    /// OpenGL's renderer name (`GL_RENDERER`) once asked; nil when not asked or without OpenGL.
    package private(set) static var openGLRenderer: String?
    /// True once the cairo renderer was chosen because there is no GPU (OpenGL not asked).
    package private(set) static var choseCairoWithoutGPU = false

    /// True while `GDK_DEBUG=gl-disable` is set by `beforeGtkInit()` (until GTK has initialised).
    private static var disabledOpenGLForInit = false

    /// Initialises GTK (`gtk_init_check`) and chooses the renderer; false when there is no display.
    package static func initGtk() -> Bool {
        beforeGtkInit()
        guard gtk_init_check() != 0 else { return false }
        apply()
        return true
    }

    /// Call before GTK initialises (`gtk_init`, or a `GtkApplication` starting up). Without a GPU
    /// render node the cairo renderer is chosen, and GDK is told not to initialise OpenGL when it
    /// opens the display: GTK 4.8's X11 backend does that to choose a visual, for 45 ms of
    /// processor time here (a sixth of the start-up), even when nothing will draw with OpenGL.
    /// `GDK_DEBUG` set by the user is left alone.
    package static func beforeGtkInit() {
        let environment = ProcessInfo.processInfo.environment
        guard environment["GSK_RENDERER"] == nil, !choseCairoWithoutGPU, !hasGPURenderNode() else { return }
        choseCairoWithoutGPU = true
        setenv("GSK_RENDERER", "cairo", 1)
        if environment["GDK_DEBUG"] == nil {
            setenv("GDK_DEBUG", "gl-disable", 1)
            disabledOpenGLForInit = true
        }
    }

    /// Chooses the renderer; call after GTK is initialised and before the first window is shown
    /// (GSK reads `GSK_RENDERER` once). Programs started later do not inherit `GDK_DEBUG` from
    /// `beforeGtkInit()`.
    package static func apply() {
        if disabledOpenGLForInit {
            unsetenv("GDK_DEBUG")
            disabledOpenGLForInit = false
        }
        guard ProcessInfo.processInfo.environment["GSK_RENDERER"] == nil, openGLRenderer == nil else { return }
        if !hasGPURenderNode() {
            choseCairoWithoutGPU = true
            setenv("GSK_RENDERER", "cairo", 1)
            return
        }
        guard let renderer = currentOpenGLRenderer() else { return }
        openGLRenderer = renderer
        if isSoftware(renderer) { setenv("GSK_RENDERER", "cairo", 1) }
    }

    /// Whether an OpenGL renderer name (`GL_RENDERER`) is a software rasteriser.
    package nonisolated static func isSoftware(_ renderer: String) -> Bool {
        let name = renderer.lowercased()
        return ["llvmpipe", "softpipe", "software rasterizer", "swrast"].contains { name.contains($0) }
    }

    /// Whether the kernel offers a GPU render node (`/dev/dri/renderD128`, …), which any hardware
    /// OpenGL driver needs. `directory` is for tests.
    package nonisolated static func hasGPURenderNode(directory: String = "/dev/dri") -> Bool {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return false }
        return names.contains { $0.hasPrefix("renderD") }
    }

    /// The `GL_RENDERER` of an OpenGL context on the default display (nil without OpenGL).
    private static func currentOpenGLRenderer() -> String? {
        guard let display = gdk_display_get_default() else { return nil }
        var error: UnsafeMutablePointer<GError>?
        defer { if let error { g_error_free(error) } }
        // gdk_display_prepare_gl: GTK 4.4; gdk_display_create_gl_context: GTK 4.6.
        guard gdk_display_prepare_gl(display, &error) != 0,
              let context = gdk_display_create_gl_context(display, &error) else { return nil }
        defer { unref(context) }
        guard gdk_gl_context_realize(context, &error) != 0 else { return nil }
        gdk_gl_context_make_current(context)
        defer { gdk_gl_context_clear_current() }
        return gk_gl_renderer().map { String(cString: $0) }
    }
}
