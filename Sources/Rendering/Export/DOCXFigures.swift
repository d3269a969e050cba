import CGtk
import Foundation
import Model
import GtkKit

/// The charts of a DOCX report: every chart of the gallery with its own default options, in the
/// document's language, drawn through the charts' one drawing path (`ChartImage`) as PNG.
package enum DOCXFigures {
    /// The charts' resolution on the printed page: above the 200 dpi print needs, and no more
    /// (every pixel is drawn and compressed).
    package static let dotsPerInch = 220.0

    /// The drawing scale of a chart for its printed width (`DOCXWriter.pictureWidth`, 24 cm) at
    /// `dotsPerInch`: 2079 × 1169 pixels for the 1280 × 720 design size.
    package static var scale: Double { DOCXWriter.pictureWidth / 2.54 * dotsPerInch / ChartExport.size.width }

    /// Charts are made and drawn one after the other on this thread; their pixels are then
    /// compressed to PNG on all cores (`PNGEncoder`), or by cairo when zlib cannot be found.
    package static func make(_ survey: Survey, language: Language?) throws -> [DOCXFigure] {
        let data = ChartData(survey)
        let charts = ChartKind.allCases.map { kind in
            var options = kind.defaultOptions
            options.language = language
            return kind.make(data, options)
        }
        var figures = charts.map { chart in
            let description = [chart.header.finding, chart.header.subtitle].compactMap { $0 }.first { !$0.isEmpty } ?? ""
            return DOCXFigure(title: chart.header.title, description: description, png: Data())
        }
        guard PNGEncoder.isAvailable else {
            for (i, chart) in charts.enumerated() { figures[i].png = try png(chart, scale: scale) }
            return figures
        }
        // A batch of charts at a time, one per core: each is drawn and filtered here, then every
        // chart of the batch is compressed at once (a chart's scanlines are 11 MB: not all at once).
        let batch = max(1, ProcessInfo.processInfo.activeProcessorCount)
        for start in stride(from: 0, to: charts.count, by: batch) {
            let range = start..<min(charts.count, start + batch)
            let surfaces = try charts[range].map { chart in try ChartImage.render(chart, scale: scale) { PNGEncoder.pixels(of: $0) } }
            let encoded = UnsafeMutableBufferPointer<Data?>.allocate(capacity: surfaces.count)
            encoded.initialize(repeating: nil)
            defer {
                _ = encoded.deinitialize()
                encoded.deallocate()
            }
            let shared = Shared(value: (encoded, surfaces))
            DispatchQueue.concurrentPerform(iterations: surfaces.count) { i in
                let (slots, surfaces) = shared.value
                slots[i] = PNGEncoder.encode(surfaces[i])  // each iteration writes its own slot
            }
            for (k, i) in range.enumerated() {
                guard let png = encoded[k] else { throw ExportError.file(tr("Cannot draw the chart “%1”: %2", figures[i].title, "zlib")) }
                figures[i].png = png
            }
        }
        return figures
    }

    /// A chart as PNG bytes, `scale` times its design size.
    package static func png(_ chart: any Chart, scale: Double) throws -> Data {
        try ChartImage.render(chart, scale: scale) { surface in
            switch CairoPNG.data(of: surface) {
            case .success(let data): return data
            case .failure(let error): throw ExportError.file(tr("Cannot draw the chart “%1”: %2", chart.header.title, error.message))
            }
        }
    }

    /// The slots and pixels handed to the compressing threads (each writes only its own slot).
    private struct Shared: @unchecked Sendable {
        var value: (UnsafeMutableBufferPointer<Data?>, [PNGEncoder.Pixels])
    }
}
