import CGtk
import Foundation
import Model

/// The charts of a DOCX report: every chart of the gallery with its own default options, in the
/// document's language, drawn through the charts' one drawing path (`ChartImage`) as PNG.
enum DOCXFigures {
    /// 2560 × 1440 pixels for a 24 cm wide picture: about 270 dpi, print resolution.
    static let scale = 2.0

    static func make(_ survey: Survey, language: Language?) throws -> [DOCXFigure] {
        let data = ChartData(survey)
        return try ChartKind.allCases.map { kind in
            var options = kind.defaultOptions
            options.language = language
            let chart = kind.make(data, options)
            let description = [chart.header.finding, chart.header.subtitle].compactMap { $0 }.first { !$0.isEmpty } ?? ""
            return DOCXFigure(title: chart.header.title, description: description, png: try png(chart, scale: scale))
        }
    }

    /// A chart as PNG bytes, `scale` times its design size.
    static func png(_ chart: any Chart, scale: Double) throws -> Data {
        try ChartImage.render(chart, scale: scale) { surface in
            let sink = PNGSink()
            let status = cairo_surface_write_to_png_stream(surface, { closure, bytes, length in
                guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
                Unmanaged<PNGSink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
                return CAIRO_STATUS_SUCCESS
            }, Unmanaged.passUnretained(sink).toOpaque())
            guard status == CAIRO_STATUS_SUCCESS else {
                throw ExportError.file(tr("Cannot draw the chart “%1”: %2", chart.header.title, String(cString: cairo_status_to_string(status))))
            }
            return sink.data
        }
    }

    private final class PNGSink {
        var data = Data()
    }
}
