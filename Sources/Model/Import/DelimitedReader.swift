import Foundation

/// One record of a CSV or TSV file, with the line it starts on (1-based) for messages.
public struct DelimitedRecord: Equatable, Sendable {
    public var line: Int
    public var fields: [String]
}

/// Reads CSV (RFC 4180: quoted fields may hold commas, quotes doubled, line breaks) or TSV text.
/// The delimiter is guessed from the first line: a tab if it has more tabs than commas.
public enum DelimitedReader {
    public struct Failure: Error, Equatable, Sendable {
        public var line: Int
        public var message: String
    }

    public static func guessDelimiter(_ text: Substring) -> Character {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
        let tabs = firstLine.filter { $0 == "\t" }.count
        let commas = firstLine.filter { $0 == "," }.count
        return tabs > commas ? "\t" : ","
    }

    /// The most fields a record may have (a published list has a dozen columns at most).
    public static let maxColumns = 1_000
    /// The longest field, in bytes of UTF-8: 64 KiB (an enterprise's notes take a few hundred).
    public static let maxFieldBytes = 64 * 1024

    /// The records of `text`; blank lines are skipped. Throws when a quoted field is not closed,
    /// when a record has more than `maxColumns` fields, or a field is longer than `maxFieldBytes`
    /// (saying on which line and in which column).
    public static func read(_ text: String, delimiter: Character? = nil) throws -> [DelimitedRecord] {
        let body = Substring(text)
        let separator = delimiter ?? guessDelimiter(body)
        var records: [DelimitedRecord] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quoteLine = 0
        var afterQuote = false
        var iterator = body.makeIterator()
        func tooManyColumns() -> Failure {
            Failure(line: recordLine, message: trn("Line %1 has more than %2 column: Gongkai reads lists of up to %2 column.",
                                                   "Line %1 has more than %2 columns: Gongkai reads lists of up to %2 columns.",
                                                   maxColumns, recordLine, maxColumns))
        }
        func checkField() throws {
            guard field.utf8.count <= maxFieldBytes else {
                throw Failure(line: recordLine, message: tr("Line %1, column %2: the field is longer than %3 KiB, the longest Gongkai reads.",
                                                            recordLine, fields.count + 1, maxFieldBytes / 1024))
            }
        }
        func endRecord() {
            fields.append(field)
            field = ""
            if !(fields.count == 1 && fields[0].trimmingCharacters(in: .whitespaces).isEmpty) {
                records.append(DelimitedRecord(line: recordLine, fields: fields))
            }
            fields = []
        }
        while let c = iterator.next() {
            if inQuotes {
                if c == "\"" {
                    inQuotes = false
                    afterQuote = true
                } else {
                    if c == "\n" || c == "\r\n" || c == "\r" { line += 1 }
                    field.append(c == "\r\n" ? "\n" : c)
                    try checkField()
                }
                continue
            }
            if afterQuote && c == "\"" {  // a doubled quote inside a quoted field
                field.append("\"")
                inQuotes = true
                afterQuote = false
                continue
            }
            afterQuote = false
            switch c {
            case "\"" where field.isEmpty:
                inQuotes = true
                quoteLine = line
            case separator:
                fields.append(field)
                field = ""
                if fields.count >= maxColumns { throw tooManyColumns() }
            case "\n", "\r\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(c)
                try checkField()
            }
        }
        if inQuotes {
            throw Failure(line: quoteLine, message: tr("Line %1: a quoted field is never closed.", quoteLine))
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}
