import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// Puts a table on the clipboard twice over: as HTML (Word and WPS paste a real table, with the
/// status tints) and as tab-separated text (Excel, WPS and LibreOffice Calc paste cells; a text
/// editor gets readable columns). The content is a `GdkContentProvider` union of the two.
@MainActor
package enum TableClipboard {
    package static let htmlType = "text/html"
    package static let textType = "text/plain;charset=utf-8"

    /// Copies `table` to the clipboard of `widget`'s display.
    package static func copy(_ table: Table, info: ExportInfo, from widget: UnsafeMutablePointer<GtkWidget>) {
        let clipboard = gtk_widget_get_clipboard(widget)
        let provider = contentProvider(for: table, info: info)
        gdk_clipboard_set_content(clipboard, provider)
        unref(provider)
    }

    /// The union provider offering the table as HTML and as text (the caller owns the reference).
    package static func contentProvider(for table: Table, info: ExportInfo) -> UnsafeMutablePointer<GdkContentProvider> {
        var providers: [UnsafeMutablePointer<GdkContentProvider>?] = [
            bytesProvider(htmlType, Data(html(table, info: info).utf8)),
            bytesProvider(textType, Data(tabSeparated(table).utf8)),
        ]
        // The union takes over the references of its parts.
        return providers.withUnsafeMutableBufferPointer { gdk_content_provider_new_union($0.baseAddress, gsize($0.count)) }!
    }

    private static func bytesProvider(_ mimeType: String, _ data: Data) -> UnsafeMutablePointer<GdkContentProvider> {
        let bytes = data.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
        defer { g_bytes_unref(bytes) }
        return gdk_content_provider_new_for_bytes(mimeType, bytes)!
    }

    /// A minimal HTML document around the table (the charset matters to Word on paste), with the
    /// table's title as its caption line and the data source under it.
    package nonisolated static func html(_ table: Table, info: ExportInfo) -> String {
        let writer = HTMLWriter(info: info)
        var out = "<html><head><meta charset=\"utf-8\"></head><body>\n"
        if !table.title.isEmpty {
            out += "<p style=\"\(HTMLWriter.font)font-weight:bold;\">\(HTMLWriter.escape(table.title))</p>\n"
        }
        out += writer.tableElement(table)
        if !info.dataSource.isEmpty {
            out += "<p style=\"\(HTMLWriter.sourceStyle)\">\(HTMLWriter.escape(info.dataSource))</p>\n"
        }
        out += "</body></html>\n"
        return out
    }

    /// Tab-separated text: the header rows (a merged heading in its first column), then the rows,
    /// one line each. A value holding a tab, a line break or a quote is quoted the way Excel
    /// writes and reads it ("…", quotes doubled), so that it stays one cell.
    package nonisolated static func tabSeparated(_ table: Table) -> String {
        var out = ""
        func line(_ cells: [String]) {
            out += cells.map(field).joined(separator: "\t")
            out += "\n"
        }
        for row in table.expandedHeader { line(row) }
        for i in 0..<table.rowCount { line(table.row(i).map(\.value.plainText)) }
        return out
    }

    package nonisolated static func field(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x22 }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
