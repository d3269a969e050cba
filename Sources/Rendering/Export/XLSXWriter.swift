import CXlsxWriter
import Foundation
import Model
import GtkKit

/// Writes tables as one XLSX workbook through libxlsxwriter: one sheet per table (see
/// `XLSXSheet`), native charts beside the summary tables (`XLSXCharts`), and the survey's title,
/// authors, organisation and data source as document properties.
///
/// The workbook is written to a temporary file in the target's folder and renamed over the
/// target only when libxlsxwriter has finished without an error; otherwise the target is
/// untouched and the error says why.
package struct XLSXWriter {
    package var info: ExportInfo
    package var charts = true
    /// The language of the sheets' own words (titles, notes headings, chart titles); nil: the
    /// interface's. The tables come already built in it.
    package var language: Language?
    /// Long tables are written row by row (`XLSXSheet.isStreamed`); false holds every sheet in
    /// memory (the tests compare the two).
    package var streamsLongTables = true
    /// A streamed sheet's rows are encoded by `XLSXRowEncoder`; false writes them cell by cell
    /// through libxlsxwriter (the same bytes: the tests compare the two).
    package var encodesStreamedRows = true

    package init(info: ExportInfo, charts: Bool = true, language: Language? = nil) {
        self.info = info
        self.charts = charts
        self.language = language
    }

    package func write(_ tables: [Table], to url: URL) throws {
        try ExportFile.replace(url) { temp in try writeWorkbook(tables, at: temp, for: url) }
    }

    private func writeWorkbook(_ tables: [Table], at path: URL, for target: URL) throws {
        XLSXCompression.install()
        var options = lxw_workbook_options()
        options.tmpdir = Self.scratchFolder.flatMap { strdup($0) }
        defer { free(options.tmpdir) }  // the workbook keeps a copy
        guard let workbook = workbook_new_opt(path.path, &options) else {
            throw ExportError.xlsx(tr("Cannot write %1: %2", target.path, tr("the workbook could not be created")))
        }
        do {
            try setProperties(workbook)
            let formats = XLSXFormats(workbook)
            var taken = Set<String>()
            for table in tables {
                let name = Self.sheetName(Localizer.with(language: language) { TableBuilder.shortTitle(of: table.id) }, taken: &taken)
                // libxlsxwriter takes the constant-memory option when a sheet is added, so it
                // holds for this sheet alone: a long table is written row by row (`XLSXSheet.isStreamed`).
                let streamed = streamsLongTables && XLSXSheet.isStreamed(table)
                workbook.pointee.options.constant_memory = streamed ? 1 : 0
                let added = workbook_add_worksheet(workbook, name)
                workbook.pointee.options.constant_memory = 0
                guard let worksheet = added else {
                    throw ExportError.xlsx(tr("Cannot write the sheet “%1”: %2", name, tr("the sheet could not be added")))
                }
                var sheet = XLSXSheet(worksheet: worksheet, formats: formats, table: table, info: info)
                sheet.encodesRows = encodesStreamedRows
                try Localizer.with(language: language) {
                    try sheet.write(streamed: streamed)
                    if charts { XLSXCharts.insert(for: sheet, named: name, in: workbook) }
                }
            }
        } catch {
            lxw_workbook_free(workbook)
            throw error
        }
        let status = workbook_close(workbook)
        guard status == LXW_NO_ERROR else {
            throw ExportError.xlsx(tr("Cannot write %1: %2", target.path, String(cString: lxw_strerror(status))))
        }
    }

    /// Where libxlsxwriter keeps a workbook's parts until it zips them (each sheet's XML, 80 MB
    /// for 100,000 enterprises, written and read back): a file system in memory when there is
    /// one, the user's runtime folder or /dev/shm, rather than a disk's (a quarter of the export's
    /// time went into the kernel's ext4 writes). nil: the system's temporary folder.
    package static var scratchFolder: String? {
        let candidates = [ProcessInfo.processInfo.environment["XDG_RUNTIME_DIR"], "/dev/shm"]
        return candidates.compactMap { $0 }.first { !$0.isEmpty && access($0, W_OK | X_OK) == 0 }
    }

    private func setProperties(_ workbook: UnsafeMutablePointer<lxw_workbook>) throws {
        let separator = (language ?? Localizer.shared.effectiveLanguage) == .english ? ", " : "、"
        let fields = [info.title, info.authors.joined(separator: separator), info.organisation, info.dataSource]
        let copies = fields.map { $0.isEmpty ? nil : strdup($0) }
        defer { copies.forEach { free($0) } }
        var properties = lxw_doc_properties()
        properties.title = copies[0]
        properties.author = copies[1]
        properties.company = copies[2]
        properties.comments = copies[3]
        properties.subject = copies[3]
        let status = workbook_set_properties(workbook, &properties)
        guard status == LXW_NO_ERROR else {
            throw ExportError.xlsx(tr("Cannot write the document properties: %1", String(cString: lxw_strerror(status))))
        }
    }

    /// A valid, unused sheet name: the characters Excel forbids (`[ ] : * ? / \`) replaced, at
    /// most 31 characters, no leading or trailing apostrophe, made unique with " (2)", " (3)" ….
    package static func sheetName(_ title: String, taken: inout Set<String>) -> String {
        let forbidden = Set("[]:*?/\\")
        var base = String(title.map { forbidden.contains($0) ? "_" : $0 })
        base = base.trimmingCharacters(in: CharacterSet(charactersIn: "'").union(.whitespaces))
        if base.isEmpty { base = "Sheet" }
        if base.lowercased() == "history" { base += "_" }  // reserved by Excel
        var name = String(base.prefix(31))
        var n = 2
        while taken.contains(name.lowercased()) {
            let suffix = " (\(n))"
            name = String(base.prefix(31 - suffix.count)) + suffix
            n += 1
        }
        taken.insert(name.lowercased())
        return name
    }
}
