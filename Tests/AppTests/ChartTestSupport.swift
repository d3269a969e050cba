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

/// Helpers of the chart tests: the built-in survey, temporary folders, and reading the PNG, SVG
/// and PDF files the charts write (no display needed: cairo image, SVG and PDF surfaces).
enum ChartTestSupport {
    static func builtin() throws -> Survey { try SurveyFile.load(from: XCTUnwrap(BuiltinDataset.url)) }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-charts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Width and height from a PNG's IHDR chunk.
    static func pngSize(_ url: URL) throws -> (width: Int, height: Int) {
        let data = try Data(contentsOf: url)
        guard data.count > 24, Array(data.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else {
            XCTFail("\(url.path) is not a PNG")
            return (0, 0)
        }
        let be = { (at: Int) in data[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (be(16), be(20))
    }

    /// Pages of a PDF written by cairo (page objects are not compressed).
    static func pdfPageCount(_ url: URL) throws -> Int {
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        let pattern = try NSRegularExpression(pattern: #"/Type\s*/Page(?![s\w])"#)
        return pattern.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
    }

    /// The texts of an SVG's `<text>` elements, unescaped.
    static func svgTexts(_ svg: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"<text[^>]*>([^<]*)</text>"#)
        let ns = svg as NSString
        return pattern.matches(in: svg, range: NSRange(location: 0, length: ns.length)).map {
            ns.substring(with: $0.range(at: 1)).replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
                .replacingOccurrences(of: "&amp;", with: "&")
        }
    }

    /// How cairo's SVG surface writes a fill colour: `fill:rgb(0%,44.705882%,69.803922%)`.
    static func svgFill(_ color: RGB) -> String {
        func percent(_ c: UInt8) -> String {
            var s = String(format: "%f", Double(c) / 255 * 100)
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
            return s + "%"
        }
        return "fill:rgb(\(percent(color.red)),\(percent(color.green)),\(percent(color.blue)))"
    }

    /// Occurrences of `needle` in `haystack`.
    static func count(_ needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }

    /// The lines of text a chart draws, in drawing order.
    static func drawnText(_ chart: any Chart, width: Double = 1280, height: Double = 720) -> [String] {
        recorded(chart, width: width, height: height).strings
    }

    /// What a chart drawn on a `width` × `height` image recorded of its texts.
    static func recorded(_ chart: any Chart, width: Double = 1280, height: Double = 720) -> ChartTextRecorder {
        let recorder = ChartTextRecorder()
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height))!
        defer { cairo_surface_destroy(surface) }
        let cr = cairo_create(surface)!
        chart.draw(cr, width: width, height: height, recorder: recorder)
        cairo_destroy(cr)
        return recorder
    }

    /// The pixels of a chart drawn at 1×.
    static func pixels(_ chart: any Chart) throws -> Data {
        try ChartImage.render(chart, scale: 1) { surface in
            let stride = Int(cairo_image_surface_get_stride(surface))
            let height = Int(cairo_image_surface_get_height(surface))
            return Data(bytes: cairo_image_surface_get_data(surface), count: stride * height)
        }
    }

    /// `pdftotext` (poppler-utils), when installed.
    static var pdftotext: URL? {
        for dir in ["/usr/bin", "/usr/local/bin", "/bin"] {
            let url = URL(fileURLWithPath: dir).appendingPathComponent("pdftotext")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    /// The text of a PDF as `pdftotext` extracts it.
    static func pdfText(_ url: URL, tool: URL) throws -> String {
        let process = Process()
        process.executableURL = tool
        process.arguments = ["-layout", url.path, "-"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
