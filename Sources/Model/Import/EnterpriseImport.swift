import Foundation

/// A published audit list read from CSV or TSV and matched against a survey: what would be added,
/// what duplicates a sample already there (same name, jurisdiction and year), and which rows
/// cannot be read, with their line numbers. Nothing changes until `edit` is performed.
public struct EnterpriseImport: Sendable {
    public struct Row: Equatable, Sendable {
        public var line: Int
        public var name: String
        public var reason: String
    }

    public let encoding: ImportEncoding
    /// The header row (the file's first record).
    public let header: [String]
    /// The records after the header, for a preview.
    public let records: [DelimitedRecord]
    public let mapping: ImportMapping
    public let jurisdiction: Jurisdiction
    public let year: Int
    /// The new samples, in file order.
    public let added: [Enterprise]
    public let duplicates: [Row]
    public let badRows: [Row]

    public struct Failure: Error, Equatable, Sendable, LocalizedError {
        public var message: String
        public var errorDescription: String? { message }
        /// `message` is shown with its control characters escaped (`Printable`).
        public init(message: String) { self.message = Printable.escaped(message) }
    }

    /// Reads `data` (CSV or TSV; UTF-8 with or without BOM, UTF-16 with BOM, or GB18030) for
    /// `jurisdiction` (id, Chinese name or short name, or English name) and `year`. `mapping`
    /// overrides the recognised header columns.
    public init(data: Data, into survey: Survey, jurisdiction query: String, year: Int, mapping override: ImportMapping? = nil) throws {
        guard let j = survey.jurisdiction(matching: query) else { throw Failure(message: tr("There is no jurisdiction “%1” in this survey.", query)) }
        guard survey.years.contains(year) else {
            throw Failure(message: tr("%1 is not one of the survey's years (%2).", year, survey.years.map(String.init).joined(separator: ", ")))
        }
        let decoded: (text: String, encoding: ImportEncoding)
        do { decoded = try TextDecoding.decode(data) } catch let f as TextDecoding.Failure { throw Failure(message: f.message) }
        let all: [DelimitedRecord]
        do { all = try DelimitedReader.read(decoded.text) } catch let f as DelimitedReader.Failure { throw Failure(message: f.message) }
        guard let headerRecord = all.first else { throw Failure(message: tr("The file has no rows.")) }
        let mapping = override ?? ImportMapping.recognising(header: headerRecord.fields)
        guard let nameColumn = mapping.columns[.name] else {
            throw Failure(message: tr("No column holds the enterprise names: map one (headers such as 企业名称 are recognised)."))
        }
        encoding = decoded.encoding
        header = headerRecord.fields
        records = Array(all.dropFirst())
        self.mapping = mapping
        jurisdiction = j
        self.year = year

        var seen = Set(survey.enterprises.lazy.filter { $0.jurisdiction == j.id && $0.year == year }.map { Self.normalised($0.name) })
        var usedIDs = Set(survey.enterprises.map(\.id))
        // New ids are "<jurisdiction>-<year>-<n>" with the smallest unused n, counting on from
        // the last one given: every n is tried at most once, so a new id costs O(1) amortised
        // (the whole import O(N + M) with hashing), whatever the survey already holds.
        var nextNumber = 1
        var added: [Enterprise] = []
        var duplicates: [Row] = []
        var bad: [Row] = []
        func cell(_ record: DelimitedRecord, _ field: ImportField) -> String? {
            guard let c = mapping.columns[field], c < record.fields.count else { return nil }
            let text = record.fields[c].trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? nil : text
        }
        for record in records {
            guard nameColumn < record.fields.count, let name = cell(record, .name) else {
                bad.append(Row(line: record.line, name: "", reason: tr("no enterprise name")))
                continue
            }
            var reasons: ReasonSet?
            if let text = cell(record, .reasons) {
                guard let parsed = ReasonText.parse(text) else {
                    bad.append(Row(line: record.line, name: name, reason: tr("cannot read the reasons “%1”", text)))
                    continue
                }
                reasons = parsed
            }
            if let text = cell(record, .year), Int(text.prefix(4)) != year {
                bad.append(Row(line: record.line, name: name, reason: tr("its year “%1” is not %2", text, year)))
                continue
            }
            let key = Self.normalised(name)
            guard seen.insert(key).inserted else {
                duplicates.append(Row(line: record.line, name: name, reason: tr("already sampled for %1 in %2", j.displayName, year)))
                continue
            }
            var id = "\(j.id)-\(year)-\(nextNumber)"
            while usedIDs.contains(id) {
                nextNumber += 1
                id = "\(j.id)-\(year)-\(nextNumber)"
            }
            nextNumber += 1
            usedIDs.insert(id)
            added.append(Enterprise(id: id, name: name, jurisdiction: j.id, city: cell(record, .city), year: year, reasons: reasons,
                                    industry: cell(record, .industry), parentCompany: cell(record, .parentCompany),
                                    urls: cell(record, .url).map { [$0] } ?? [], notes: cell(record, .notes)))
        }
        self.added = added
        self.duplicates = duplicates
        self.badRows = bad
    }

    /// The edit that adds the new samples (one undo step); empty when there are none.
    public var edit: Edit { .insertEnterprises(added, at: nil) }

    /// A name as compared for duplicates: no surrounding or inner white space, full-width
    /// parentheses as half-width.
    static func normalised(_ name: String) -> String {
        String(name.compactMap { c -> Character? in
            if c.isWhitespace { return nil }
            if c == "（" { return "(" }
            if c == "）" { return ")" }
            return c
        })
    }

    /// A summary for the command line and the dialog.
    public var summary: String {
        var out = trn("Read %1 row (%2) for %3, %4 — to add: %5, duplicates: %6, bad rows: %7.",
                      "Read %1 rows (%2) for %3, %4 — to add: %5, duplicates: %6, bad rows: %7.", records.count, records.count, encoding.rawValue,
                     jurisdiction.displayName, year, added.count, duplicates.count, badRows.count) + "\n"
        let mapped = ImportField.allCases.compactMap { f in mapping.columns[f].map { "\(f.label) ← \(header.indices.contains($0) ? header[$0] : "#\($0 + 1)")" } }
        out += tr("Columns: %1", mapped.joined(separator: ", ")) + "\n"
        for row in duplicates { out += tr("Line %1: duplicate: %2 (%3)", row.line, row.name, row.reason) + "\n" }
        for row in badRows { out += tr("Line %1: bad row: %2", row.line, row.reason) + (row.name.isEmpty ? "" : " (\(row.name))") + "\n" }
        return Printable.terminalText(out)
    }
}
