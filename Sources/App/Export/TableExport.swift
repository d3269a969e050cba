import Foundation
import Model

/// The file formats tables export to.
enum ExportFormat: String, CaseIterable, Sendable {
    case xlsx, csv, html, md, json

    var fileExtension: String { rawValue }

    /// The format a file name asks for by its extension (`.markdown` and `.htm` too).
    init?(pathExtension: String) {
        switch pathExtension.lowercased() {
        case "xlsx": self = .xlsx
        case "csv": self = .csv
        case "html", "htm": self = .html
        case "md", "markdown": self = .md
        case "json": self = .json
        default: return nil
        }
    }
}

/// One export: which tables of a survey, in which format and cell style. Shared by
/// `gongkai export` and the Export dialog.
///
/// Where it writes (`write(to:force:)`):
/// - XLSX: one workbook with a sheet per table, at the given path;
/// - one table in another format: one file at the given path;
/// - several tables in another format: a folder (created if missing) with one file per table,
///   named `<table>.<ext>` (`matrix.csv`, `summary.csv` …). If any of those files exists the
///   export refuses before writing anything, unless `force`, which replaces exactly those files
///   and leaves everything else in the folder alone.
/// A single file is always written through a temporary file and replaced only when complete.
struct TableExport {
    var survey: Survey
    var tableIDs: [String]
    var format: ExportFormat
    var style: MatrixCellStyle = .symbols
    /// CSV only: start with a UTF-8 byte-order mark (what Excel and WPS need to read Chinese).
    var byteOrderMark = true
    /// CSV only: a first line `# source: …` with the survey's data-source line (off by default:
    /// CSV stays data only, the header row first, for scripts).
    var sourceLine = false
    /// XLSX only: native charts beside the summary tables.
    var charts = true

    var info: ExportInfo { ExportInfo(survey.meta) }

    /// Whether the export goes to a folder rather than one file.
    var writesFolder: Bool { format != .xlsx && tableIDs.count > 1 }

    /// The tables, built in the current interface language.
    func tables() -> [Table] {
        let builder = TableBuilder(survey)
        return tableIDs.compactMap { builder.table(named: $0, style: style) }
    }

    /// One table in a text format (not XLSX).
    func data(_ table: Table) throws -> Data {
        switch format {
        case .csv: return CSVWriter(byteOrderMark: byteOrderMark, sourceLine: sourceLine ? info.dataSource : nil).data(table)
        case .json: return try TableJSON.data(table, source: info.dataSource)
        case .html: return HTMLWriter(info: info).data([table])
        case .md: return MarkdownWriter(info: info).data([table])
        case .xlsx: throw ExportError.file(tr("XLSX is written to a file, not to standard output."))
        }
    }

    /// The file name of a table inside a folder export.
    func fileName(of id: String) -> String { "\(id).\(format.fileExtension)" }

    /// Writes the export to `url` (a file, or a folder for `writesFolder`); returns the files written.
    @discardableResult
    func write(to url: URL, force: Bool = false) throws -> [URL] {
        if format == .xlsx {
            try XLSXWriter(info: info, charts: charts).write(tables(), to: url)
            return [url]
        }
        guard writesFolder else {
            guard let table = tables().first else { return [] }
            try ExportFile.replace(url, with: data(table))
            return [url]
        }
        let tables = tables()
        return try ExportFile.replaceFiles(in: url, names: tables.map { fileName(of: $0.id) }, force: force) { name, temp in
            guard let table = tables.first(where: { fileName(of: $0.id) == name }) else { return }
            do {
                try data(table).write(to: temp)
            } catch let error as ExportError {
                throw error
            } catch {
                throw ExportError.file(tr("Cannot write %1: %2", url.appendingPathComponent(name).path, error.localizedDescription))
            }
        }
    }
}
