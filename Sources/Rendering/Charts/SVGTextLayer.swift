import Foundation
import GtkKit

/// Makes the text of a cairo SVG searchable and selectable.
///
/// cairo 1.16 (Debian 12) writes text into SVG as glyph outlines (`<symbol id="glyph…">` used by
/// `<use>`), never as `<text>`, so neither a search nor a screen reader finds a chart's labels or
/// figures. This adds every line the chart drew (recorded by `ChartCanvas`) as an invisible
/// `<text>` element at the same place and width, in a group after the drawing, plus `<title>` and
/// `<desc>` for the whole picture. What you see is still cairo's drawing.
package enum SVGTextLayer {
    package static func add(_ texts: [RecordedText], title: String, description: String, to svg: String) -> String {
        var out = svg
        // <title> and <desc> first inside the root element.
        if let open = out.range(of: "<svg"), let close = out.range(of: ">", range: open.upperBound..<out.endIndex) {
            out.insert(contentsOf: "\n<title>\(escape(title))</title>\n<desc>\(escape(description))</desc>",
                       at: close.upperBound)
        }
        guard let end = out.range(of: "</svg>", options: .backwards) else { return out }
        var layer = "<g id=\"chart-text\" fill=\"#000000\" fill-opacity=\"0\" font-family=\"\(escape(ChartType.cssFamilies))\">\n"
        for t in texts {
            layer += "<text x=\"\(number(t.x))\" y=\"\(number(t.y))\" font-size=\"\(number(t.size))\""
            if t.bold { layer += " font-weight=\"bold\"" }
            if t.width > 0 { layer += " textLength=\"\(number(t.width))\" lengthAdjust=\"spacingAndGlyphs\"" }
            layer += ">\(escape(t.text))</text>\n"
        }
        layer += "</g>\n"
        out.insert(contentsOf: layer, at: end.lowerBound)
        return out
    }

    private static func number(_ v: Double) -> String { String(format: "%.2f", v) }

    package static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
