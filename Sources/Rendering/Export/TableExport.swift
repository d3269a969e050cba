import Foundation
import Model
import GtkKit

/// The file formats tables export to.
package enum ExportFormat: String, CaseIterable, Sendable {
    case xlsx, docx, csv, html, md, json

    package var fileExtension: String { rawValue }

    /// The format a file name asks for by its extension (`.markdown` and `.htm` too).
    package init?(pathExtension: String) {
        switch pathExtension.lowercased() {
        case "xlsx": self = .xlsx
        case "docx": self = .docx
        case "csv": self = .csv
        case "html", "htm": self = .html
        case "md", "markdown": self = .md
        case "json": self = .json
        default: return nil
        }
    }

    /// Whether all tables go into one file (a workbook, a document) rather than one file each.
    package var isOneFile: Bool { self == .xlsx || self == .docx }

    /// Where cell notes go unless asked otherwise: footnotes under the table in documents and
    /// workbooks, in the cell in data formats (a script reading CSV or JSON has no "under").
    package var defaultNotes: NotePlacement {
        switch self {
        case .xlsx, .docx, .html, .md: return .footnotes
        case .csv, .json: return .inline
        }
    }
}

/// One export: which tables of a survey, in which format, cell style, note placement and
/// language. Shared by `gongkai export` and the Export dialog.
///
/// Where it writes (`write(to:force:)`):
/// - XLSX: one workbook with a sheet per table, at the given path;
/// - DOCX: one document with every table (and, with `charts`, every chart), at the given path;
/// - one table in another format: one file at the given path;
/// - several tables in another format: a folder (created if missing) with one file per table,
///   named `<table>.<ext>` (`matrix.csv`, `summary.csv` …). If any of those files exists the
///   export refuses before writing anything, unless `force`, which replaces exactly those files
///   and leaves everything else in the folder alone.
/// A single file is always written through a temporary file and replaced only when complete.
/// Tables are numbered 1, 2, 3 … in the order of `tableIDs`, the same in every format.
package struct TableExport {
    package var survey: Survey
    package var tableIDs: [String]
    package var format: ExportFormat
    package var style: MatrixCellStyle = .symbols
    /// Where cell notes go; nil: the format's default (`ExportFormat.defaultNotes`).
    package var notes: NotePlacement?
    /// The language of the tables (and a document's captions and charts); nil: the interface's.
    package var language: Language?
    /// CSV only: start with a UTF-8 byte-order mark (what Excel and WPS need to read Chinese).
    package var byteOrderMark = true
    /// CSV only: a first line `# source: …` with the survey's data-source line (off by default:
    /// CSV stays data only, the header row first, for scripts).
    package var sourceLine = false
    /// XLSX: native charts beside the summary tables; DOCX: every chart after the tables.
    package var charts = true

    package var info: ExportInfo { ExportInfo(survey.meta, language: language) }

    /// Whether the export goes to a folder rather than one file.
    package var writesFolder: Bool { !format.isOneFile && tableIDs.count > 1 }

    /// The tables, built in `language`, with their notes placed, numbered in order.
    package func tables() -> [Table] {
        let builder = TableBuilder(survey, language: language)
        let placement = notes ?? format.defaultNotes
        return TableCaption.numbered(tableIDs.compactMap { builder.table(named: $0, style: style, notes: placement) })
    }

    /// One table in a text format (not XLSX or DOCX).
    package func data(_ table: Table) throws -> Data {
        try Localizer.with(language: language) {
            switch format {
            case .csv: return CSVWriter(byteOrderMark: byteOrderMark, sourceLine: sourceLine ? info.dataSource : nil).data(table)
            case .json: return try TableJSON.data(table, source: info.dataSource)
            case .html: return HTMLWriter(info: info).data([table])
            case .md: return MarkdownWriter(info: info).data([table])
            case .xlsx, .docx: throw ExportError.file(tr("XLSX and DOCX are written to a file, not to standard output."))
            }
        }
    }

    /// The file name of a table inside a folder export.
    package func fileName(of id: String) -> String { "\(id).\(format.fileExtension)" }

    /// Writes the export to `url` (a file, or a folder for `writesFolder`); returns the files written.
    @discardableResult
    package func write(to url: URL, force: Bool = false) throws -> [URL] {
        switch format {
        case .xlsx:
            try XLSXWriter(info: info, charts: charts, language: language).write(tables(), to: url)
            return [url]
        case .docx:
            let figures = charts ? try DOCXFigures.make(survey, language: language) : []
            try DOCXWriter(info: info, language: language).write(tables(), figures: figures, to: url)
            return [url]
        default:
            break
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
    package init(survey: Survey, tableIDs: [String], format: ExportFormat, style: MatrixCellStyle = .symbols, notes: NotePlacement? = nil, language: Language? = nil, byteOrderMark: Bool = true, sourceLine: Bool = false, charts: Bool = true) {
        self.survey = survey
        self.tableIDs = tableIDs
        self.format = format
        self.style = style
        self.notes = notes
        self.language = language
        self.byteOrderMark = byteOrderMark
        self.sourceLine = sourceLine
        self.charts = charts
    }
}
