import CGtk
import Foundation
import XCTest

@testable import GtkKit
@testable import Rendering
@testable import Commands
@testable import Sections
@testable import Bench
@testable import gongkai

/// The stylesheet: one resource file plus the palette's rules, parsed by GTK without an error.
final class StylesheetTests: WindowTestCase {
    func testTheStylesheetFileIsBundledAndParsesWithThePaletteRules() throws { try onMain {
        let file = Stylesheet.fileCSS
        XCTAssertTrue(file.contains(".gk-page"), "the window's rules are in the file")
        XCTAssertTrue(file.contains(".gk-matrix-toolbar"), "the matrix's rules are in the file")
        XCTAssertTrue(file.contains(".gk-form-heading"), "the forms' rules are in the file")
        XCTAssertTrue(Stylesheet.css.contains(".gk-status-disclosed:checked"), "the palette's rules follow the file")

        let provider = try XCTUnwrap(gtk_css_provider_new())
        defer { unref(provider) }
        let errors = ParsingErrors()
        typealias Handler = @MainActor () -> Void
        let thunk: @convention(c) (UnsafeMutableRawPointer?, OpaquePointer?, UnsafeMutablePointer<GError>?, UnsafeMutableRawPointer?) -> Void = { _, _, _, data in
            let box = CallbackBox<Handler>.from(data)
            MainActor.assumeIsolated { box.handler() }
        }
        Signals.connect(provider, "parsing-error", thunk: unsafeBitCast(thunk, to: GCallback.self),
                        handler: { errors.count += 1 } as Handler)
        gtk_css_provider_load_from_data(provider, Stylesheet.css, -1)
        XCTAssertEqual(errors.count, 0, "GTK parses the whole stylesheet")
        // A broken rule is reported (the check above can fail).
        gtk_css_provider_load_from_data(provider, ".gk-x { colour: red; }", -1)
        XCTAssertGreaterThan(errors.count, 0)
    } }
}

@MainActor
private final class ParsingErrors {
    var count = 0
}
