import CGtk
import Foundation
import Model
import GtkKit

/// The file formats charts export to.
package enum ChartFormat: String, CaseIterable, Sendable {
    case png, svg, pdf

    /// The format a file name asks for, by its extension.
    package init?(path: String) {
        self.init(rawValue: URL(fileURLWithPath: path).pathExtension.lowercased())
    }
}

/// The page of a PDF.
package enum ChartPage: String, CaseIterable, Sendable {
    /// A4 landscape (297 × 210 mm), for printed handouts.
    case a4
    /// 16:9 (254 × 142.9 mm, a presentation slide).
    case wide

    /// The size in points.
    package var size: ChartSize {
        switch self {
        case .a4: return ChartSize(width: 841.89, height: 595.28)
        case .wide: return ChartSize(width: 960, height: 540)
        }
    }
}

/// Draws charts into PNG, SVG and PDF files (and images in memory), always through the chart's
/// one `draw` function. Files are written whole or not at all (`ChartFileWriter`).
package enum ChartExport {
    /// The size of an exported PNG at 1× and of an SVG: the charts' design size (16:9).
    package static let size = ChartCanvas.designSize

    /// A PNG of `size` × `scale` pixels (scale 1 to 4).
    package static func png(_ chart: any Chart, to path: String, scale: Double = 2, size: ChartSize = size) throws {
        try ChartFileWriter.write(to: path) { temp in try drawPNG(chart, file: temp, shownAs: path, scale: scale, size: size) }
    }

    /// Draws the PNG straight into `file`.
    package static func drawPNG(_ chart: any Chart, file: String, shownAs path: String, scale: Double, size: ChartSize = size) throws {
        try ChartImage.render(chart, size: size, scale: scale) { surface in
            let status = cairo_surface_write_to_png(surface, file)
            guard status == CAIRO_STATUS_SUCCESS else { throw cairoError(status, path) }
        }
    }

    /// An SVG whose text can be searched and selected: cairo draws every glyph as an outline, so
    /// the text the chart drew is added over it as invisible `<text>` (see `SVGTextLayer`).
    package static func svg(_ chart: any Chart, to path: String, size: ChartSize = size) throws {
        try ChartFileWriter.write(to: path) { temp in try drawSVG(chart, file: temp, shownAs: path, size: size) }
    }

    /// Draws the SVG straight into `file`.
    package static func drawSVG(_ chart: any Chart, file temp: String, shownAs path: String, size: ChartSize = size) throws {
        let recorder = ChartTextRecorder()
        guard let surface = cairo_svg_surface_create(temp, size.width, size.height) else {
            throw ChartExportError(message: tr("Cannot write %1: %2", path, "cairo"))
        }
        cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX)
        guard let cr = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            throw ChartExportError(message: tr("Cannot write %1: %2", path, "cairo"))
        }
        chart.draw(cr, width: size.width, height: size.height, recorder: recorder)
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        guard status == CAIRO_STATUS_SUCCESS else { throw cairoError(status, path) }
        let drawn = try String(contentsOfFile: temp, encoding: .utf8)
        let layered = SVGTextLayer.add(recorder.items, title: chart.header.title, description: chart.header.subtitle, to: drawn)
        do {
            try Data(layered.utf8).write(to: URL(fileURLWithPath: temp))
        } catch {
            throw ChartExportError(message: tr("Cannot write %1: %2", path, error.localizedDescription))
        }
    }

    /// A PDF with one chart per page, with a bookmark per chart (the text stays text).
    package static func pdf(_ charts: [any Chart], to path: String, page: ChartPage = .a4, title: String) throws {
        try ChartFileWriter.write(to: path) { temp in
            try drawPDF(charts, file: temp, shownAs: path, page: page, title: title)
        }
    }

    /// Draws the pages of `pdf` into `file`.
    package static func drawPDF(_ charts: [any Chart], file: String, shownAs path: String, page: ChartPage, title: String) throws {
        let size = page.size
        guard let surface = cairo_pdf_surface_create(file, size.width, size.height) else {
            throw ChartExportError(message: tr("Cannot write %1: %2", path, "cairo"))
        }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Gongkai")
        guard let cr = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            throw ChartExportError(message: tr("Cannot write %1: %2", path, "cairo"))
        }
        for (i, chart) in charts.enumerated() {
            chart.draw(cr, width: size.width, height: size.height)
            cairo_pdf_surface_add_outline(surface, 0, chart.header.title, "page=\(i + 1)", CAIRO_PDF_OUTLINE_FLAG_OPEN)
            cairo_show_page(cr)
        }
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        guard status == CAIRO_STATUS_SUCCESS else { throw cairoError(status, path) }
    }

    /// Writes one chart in `format`.
    package static func write(_ chart: any Chart, format: ChartFormat, to path: String, scale: Double = 2, page: ChartPage = .a4) throws {
        try ChartFileWriter.write(to: path) { temp in try draw(chart, format: format, file: temp, shownAs: path, scale: scale, page: page) }
    }

    /// Draws one chart in `format` straight into `file` (a temporary file; `path` is shown in errors).
    package static func draw(_ chart: any Chart, format: ChartFormat, file: String, shownAs path: String, scale: Double = 2, page: ChartPage = .a4) throws {
        switch format {
        case .png: try drawPNG(chart, file: file, shownAs: path, scale: scale)
        case .svg: try drawSVG(chart, file: file, shownAs: path)
        case .pdf: try drawPDF([chart], file: file, shownAs: path, page: page, title: chart.header.title)
        }
    }

    package static func cairoError(_ status: cairo_status_t, _ path: String) -> ChartExportError {
        let reason = String(cString: cairo_status_to_string(status))
        return ChartExportError(message: tr("Cannot write %1: %2", path, reason))
    }
}

/// Charts as bitmaps in memory.
package enum ChartImage {
    /// Draws `chart` on an image surface of `size` × `scale` pixels and hands it to `use`. The
    /// surface is opaque RGB24 unless `alpha` asks for ARGB32 (what GDK textures take); the chart's
    /// paper makes every pixel opaque either way.
    package static func render<T>(_ chart: any Chart, size: ChartSize = ChartExport.size, scale: Double = 2, alpha: Bool = false,
                          _ use: (OpaquePointer) throws -> T) throws -> T {
        let s = min(4, max(0.25, scale))
        let width = Int32((size.width * s).rounded())
        let height = Int32((size.height * s).rounded())
        guard let surface = cairo_image_surface_create(alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, width, height),
              cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw ChartExportError(message: tr("Cannot make a %1 × %2 image.", width, height))
        }
        defer { cairo_surface_destroy(surface) }
        guard let cr = cairo_create(surface) else { throw ChartExportError(message: tr("Cannot make a %1 × %2 image.", width, height)) }
        cairo_scale(cr, s, s)
        chart.draw(cr, width: size.width, height: size.height)
        cairo_destroy(cr)
        cairo_surface_flush(surface)
        return try use(surface)
    }
}
