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
        if let text = String(validating: bytes, as: UTF8.self) {
            return (text, .utf8)
        }
        if let text = String(data: data, encoding: gb18030) {
            return (text, .gb18030)
        }
        throw Failure(message: tr("The file is neither UTF-8 nor GB18030 text."))
    }
}
