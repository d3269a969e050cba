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

/// The window fits small screens (issue 16): every section, in Chinese and in English, can be
/// made as narrow as half of a 1920-wide screen (960 px) and as low as a 1024 × 600 screen leaves
/// below the window's decorations, so nothing (the close button included) runs off the screen.
final class SmallScreenTests: WindowTestCase {
    /// Half of a 1920-pixel-wide screen.
    static let narrowestWidth: Int32 = 960
    /// A 1024 × 600 screen less about 40 px for a desktop's panel and the window's frame.
    static let lowestHeight: Int32 = 560

    func testEverySectionFitsHalfOfAWideScreenAndASmallLaptopScreen() throws { try onMain { context in
        for language in [Language.chinese, .english] {
            Localizer.shared.language = language
            let window = try context.makeWindow()
            defer { window.destroyForTest() }
            for section in window.sections {
                window.showSection(id: section.id)
                WindowTestCase.drainMainLoop()
                let size = Self.minimumSize(of: window)
                XCTAssertLessThanOrEqual(size.width, Self.narrowestWidth,
                                         "\(language) \(section.id) needs \(size.width) px across: "
                                             + Self.widest(window.window, .horizontal))
                XCTAssertLessThanOrEqual(size.height, Self.lowestHeight,
                                         "\(language) \(section.id) needs \(size.height) px down; each section at its narrowest: "
                                             + window.sections.map { "\($0.id) \(Self.minimum($0.widget, GTK_ORIENTATION_HORIZONTAL))×\(Self.minimum($0.widget, GTK_ORIENTATION_VERTICAL))" }.joined(separator: ", "))
            }
        }
    } }

    /// The measurement can fail: a window whose content asks for more than the limits is caught.
    func testAWideChildIsMeasured() throws { try onMain { context in
        let window = try context.makeWindow()
        defer { window.destroyForTest() }
        let wide = gtk_label_new(String(repeating: "W", count: 400))!
        gtk_box_append(window.banners.cast(), wide)
        XCTAssertGreaterThan(Self.minimumSize(of: window).width, Self.narrowestWidth)
        XCTAssertTrue(Self.widest(window.window, .horizontal).contains("GtkLabel"))
    } }

    // MARK: Measuring

    /// The smallest width the window's content and its header bar accept, and the smallest height
    /// at that width, as GTK sizes a window (toolbars and the legend wrap onto more lines when
    /// narrow; the header bar's height is added to the content's).
    @MainActor static func minimumSize(of window: MainWindow) -> (width: Int32, height: Int32) {
        let content = gtk_window_get_child(window.window.window)!
        let width = max(minimum(content, GTK_ORIENTATION_HORIZONTAL), minimum(window.header, GTK_ORIENTATION_HORIZONTAL))
        let height = minimum(content, GTK_ORIENTATION_VERTICAL) + minimum(window.header, GTK_ORIENTATION_VERTICAL)
        return (width, height)
    }

    @MainActor static func minimum(_ widget: UnsafeMutablePointer<GtkWidget>, _ orientation: GtkOrientation, for size: Int32 = -1) -> Int32 {
        var minimum: Int32 = 0, natural: Int32 = 0
        gtk_widget_measure(widget, orientation, size, &minimum, &natural, nil, nil)
        return minimum
    }

    enum Axis { case horizontal, vertical }

    /// The chain of mapped widgets asking for the most space along `axis`, from the window down
    /// (type, CSS classes and minimum), to say what to make smaller.
    @MainActor static func widest(_ root: UnsafeMutablePointer<GtkWidget>, _ axis: Axis) -> String {
        let orientation = axis == .horizontal ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL
        var chain: [String] = []
        var widget: UnsafeMutablePointer<GtkWidget>? = root
        while let current = widget, chain.count < 40 {
            let type = String(cString: g_type_name_from_instance(current.withMemoryRebound(to: GTypeInstance.self, capacity: 1) { $0 }))
            var classes: [String] = []
            if let names = gtk_widget_get_css_classes(current) {
                var i = 0
                while let name = names[i] { classes.append(String(cString: name)); i += 1 }
                g_strfreev(names)
            }
            var text = ""
            if type == "GtkLabel" { text = " “" + String(Widgets.text(ofLabel: current).prefix(30)) + "”" }
            chain.append("\(type)\(classes.isEmpty ? "" : "." + classes.joined(separator: "."))=\(minimum(current, orientation))\(text)")
            var next: UnsafeMutablePointer<GtkWidget>?
            var largest: Int32 = -1
            var child = gtk_widget_get_first_child(current)
            while let c = child {
                if gtk_widget_get_mapped(c) != 0 {
                    let m = minimum(c, orientation)
                    if m > largest { largest = m; next = c }
                }
                child = gtk_widget_get_next_sibling(c)
            }
            widget = next
        }
        return chain.joined(separator: " > ")
    }
}
