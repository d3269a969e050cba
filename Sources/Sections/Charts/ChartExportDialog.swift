import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// What the user chose in an export dialog.
package enum ChartExportTarget: Equatable {
    /// One chart to a file in a format.
    case file(URL, ChartFormat)
    /// Every chart to a folder, one file each in a format.
    case folder(URL, ChartFormat)
    /// Every chart into one PDF (a handout).
    case handout(URL)
}

/// The export dialogs of the charts section, asked through `FileChooserService` (which tests
/// script).
@MainActor
package final class ChartExportDialog {
    /// Asks where to save the chart named `name`; the format follows the file's extension, else
    /// the filter chosen.
    package func askForChart(named name: String, parent: UnsafeMutablePointer<GtkWidget>, _ done: @escaping @MainActor (ChartExportTarget?) -> Void) {
        let formats: [(ChartFormat, String)] = [(.png, tr("PNG image (*.png)")), (.svg, tr("SVG drawing (*.svg)")), (.pdf, tr("PDF document (*.pdf)"))]
        let request = FileChooserRequest(action: .save, title: tr("Export Chart"), accept: tr("_Export"), suggestedName: "\(name).png",
                                         filters: formats.map { FileChooserRequest.Filter(name: $0.1, patterns: ["*.\($0.0.rawValue)"]) })
        FileChooserService.choose(request, parent: parent) { answer in
            guard let answer else { return done(nil) }
            var url = answer.url
            let filterFormat = answer.filter.map { formats[$0].0 } ?? .png
            let format = ChartFormat(path: url.path) ?? filterFormat
            if ChartFormat(path: url.path) == nil { url = url.appendingPathExtension(format.rawValue) }
            done(.file(url, format))
        }
    }

    /// Asks for a folder and a format for every chart (or one handout PDF in that folder).
    package func askForAll(suggestedHandoutName: String, parent: UnsafeMutablePointer<GtkWidget>,
                   _ done: @escaping @MainActor (ChartExportTarget?) -> Void) {
        let format = FileChooserRequest.Choice(
            id: "format", label: tr("Format"),
            options: [("handout", tr("One PDF, a chart per page (handout)")), ("png", tr(context: "chart", "PNG files")),
                      ("svg", tr(context: "chart", "SVG files")), ("pdf", tr(context: "chart", "PDF files"))],
            selected: "handout")
        let request = FileChooserRequest(action: .folder, title: tr("Export All Charts"), accept: tr("_Export"), choices: [format])
        FileChooserService.choose(request, parent: parent) { answer in
            guard let answer else { return done(nil) }
            if let format = ChartFormat(rawValue: answer.choices["format"] ?? "handout") {
                done(.folder(answer.url, format))
            } else {
                done(.handout(answer.url.appendingPathComponent(suggestedHandoutName)))
            }
        }
    }
}
