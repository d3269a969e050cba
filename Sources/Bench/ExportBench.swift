import Foundation
import Model
import GtkKit
import Rendering
import Commands
import Sections

/// `gongkai bench`'s export measurements: the DOCX report (every summary table and chart) of the
/// built-in dataset and of the synthetic survey, and the XLSX of every table of the synthetic
/// survey, each written to a file.
package enum ExportBench {
    package static func measure(_ report: inout BenchReport, survey: Survey, runs: Int, directory: URL) throws {
        let builtin = "DOCX report: every summary table and chart (built-in dataset)"
        if report.includes(builtin), let url = BuiltinDataset.url {
            let small = try SurveyFile.load(from: url)
            let target = directory.appendingPathComponent("builtin.docx")
            try report.measure(builtin, runs: runs) {
                try TableExport(survey: small, tableIDs: TableBuilder.reportTableIDs, format: .docx).write(to: target)
            }
        }
        let large = "DOCX report: every summary table and chart (\(survey.enterprises.count) enterprises)"
        if report.includes(large) {
            let target = directory.appendingPathComponent("bench.docx")
            try report.measure(large, runs: runs) {
                try TableExport(survey: survey, tableIDs: TableBuilder.reportTableIDs, format: .docx).write(to: target)
            }
        }
        let xlsx = "XLSX of every table (\(survey.enterprises.count) enterprises)"
        if report.includes(xlsx) {
            let target = directory.appendingPathComponent("bench.xlsx")
            try report.measure(xlsx, runs: runs) {
                try TableExport(survey: survey, tableIDs: TableBuilder.tableIDs, format: .xlsx).write(to: target)
            }
        }
    }
}
