import Foundation

/// The text encodings a published list may come in.
public enum ImportEncoding: String, Sendable, CaseIterable {
    case utf8BOM = "UTF-8 (BOM)"
    case utf8 = "UTF-8"
    case utf16LE = "UTF-16LE (BOM)"
    case utf16BE = "UTF-16BE (BOM)"
    /// What Excel on Chinese Windows writes when it saves "CSV".
    case gb18030 = "GB18030"
}

/// Decodes the bytes of an imported text file: a byte-order mark decides first; else the bytes are
/// read as UTF-8 if they are valid UTF-8; else as GB18030 (a superset of GBK and GB2312).
/// UTF-8 is tried strictly because GB18030 "decodes" almost any bytes, UTF-8 included, into
/// garbage: the preview lets the user see the result before anything is imported.
public enum TextDecoding {
    /// Foundation's GB18030 encoding (kCFStringEncodingGB_18030_2000).
    public static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    public struct Failure: Error, Equatable, Sendable {
        public var message: String
    }

    public static func decode(_ data: Data) throws -> (text: String, encoding: ImportEncoding) {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(validating: bytes.dropFirst(3), as: UTF8.self) else {
                throw Failure(message: tr("The file starts with a UTF-8 byte-order mark but is not valid UTF-8."))
            }
            return (text, .utf8BOM)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            guard let text = String(data: Data(bytes.dropFirst(2)), encoding: little ? .utf16LittleEndian : .utf16BigEndian) else {
                throw Failure(message: tr("The file starts with a UTF-16 byte-order mark but cannot be read as UTF-16."))
            }
            return (text, little ? .utf16LE : .utf16BE)
        }
        if let cause = unreadableCause(bytes) { throw Failure(message: cause) }
        if let text = String(validating: bytes, as: UTF8.self) {
            return (text, .utf8)
        }
        if let text = String(data: data, encoding: gb18030) {
            return (text, .gb18030)
        }
        throw Failure(message: tr("The file is neither UTF-8 nor GB18030 text."))
    }

    /// Why bytes without a byte-order mark cannot be a text list, naming the cause: UTF-16
    /// without a byte-order mark (every other byte zero), a spreadsheet workbook, or binary data
    /// (a NUL byte, which neither UTF-8 nor GB18030 text holds). Nil when they may be text.
    static func unreadableCause(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return tr("The file is a ZIP archive, such as an Excel workbook (.xlsx), not a CSV or TSV list: save it as CSV (UTF-8) and import that.")
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            return tr("The file is an old Excel workbook (.xls), not a CSV or TSV list: save it as CSV (UTF-8) and import that.")
        }
        guard let firstNUL = bytes.firstIndex(of: 0) else { return nil }
        // UTF-16 text of Chinese or Latin characters: zeros at even (big-endian) or odd
        // (little-endian) positions, for ASCII characters such as commas and line breaks.
        let sample = bytes.prefix(4096)
        var zerosEven = 0, zerosOdd = 0
        for (i, b) in sample.enumerated() where b == 0 {
            if i % 2 == 0 { zerosEven += 1 } else { zerosOdd += 1 }
        }
        // At least one character in ten is ASCII (commas, line breaks, digits) in any real list.
        let pairs = sample.count / 2
        if zerosOdd * 10 >= pairs && zerosEven * 20 < zerosOdd {
            return tr("The file looks like UTF-16 (little-endian) text without a byte-order mark, which cannot be told apart from other text reliably: save it as UTF-8, or as UTF-16 with a byte-order mark (Excel's \"Unicode text\").")
        }
        if zerosEven * 10 >= pairs && zerosOdd * 20 < zerosEven {
            return tr("The file looks like UTF-16 (big-endian) text without a byte-order mark, which cannot be told apart from other text reliably: save it as UTF-8, or as UTF-16 with a byte-order mark.")
        }
        return tr("The file is not a text list: it holds a NUL byte (at byte offset %1), which neither UTF-8 nor GB18030 text contains. It may be a binary file, or text in another encoding.", firstNUL)
    }
}
