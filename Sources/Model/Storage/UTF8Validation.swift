import Foundation

/// A fast, strict UTF-8 check (RFC 3629 / Unicode table 3-7: no overlong forms, no surrogates,
/// nothing above U+10FFFF). One linear pass; ASCII runs are checked eight bytes at a time.
enum UTF8Validation {
    /// The byte offset where the first ill-formed sequence starts, or nil when all bytes are valid UTF-8.
    static func firstInvalidByte(in bytes: UnsafeRawBufferPointer) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        var i = 0
        while i < count {
            // ASCII fast path.
            while i + 8 <= count, base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            }
            guard i < count else { break }
            let lead = base.load(fromByteOffset: i, as: UInt8.self)
            if lead < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var secondLow: UInt8 = 0x80
            var secondHigh: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; secondLow = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; secondHigh = 0x9F
            case 0xF0: length = 4; secondLow = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; secondHigh = 0x8F
            default: return i
            }
            guard i + length <= count else { return i }
            let second = base.load(fromByteOffset: i + 1, as: UInt8.self)
            guard second >= secondLow && second <= secondHigh else { return i }
            for k in 2..<max(length, 2) {
                let b = base.load(fromByteOffset: i + k, as: UInt8.self)
                guard b & 0xC0 == 0x80 else { return i }
            }
            i += length
        }
        return nil
    }

    /// True when the bytes from `offset` to the end are the start of a well-formed sequence that
    /// was cut short: a file cut off in the middle of a character.
    static func isCutShort(at offset: Int, in bytes: UnsafeRawBufferPointer) -> Bool {
        let rest = bytes.count - offset
        guard rest >= 1 && rest <= 3 else { return false }
        let lead = bytes[offset]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default: return false
        }
        guard rest < length else { return false }
        if rest >= 2 && !secondRange.contains(bytes[offset + 1]) { return false }
        if rest >= 3 && bytes[offset + 2] & 0xC0 != 0x80 { return false }
        return true
    }

    /// The bytes of the ill-formed sequence at `offset`, for a message: up to four bytes, as "0xC3 0x28".
    static func describeBytes(at offset: Int, in bytes: UnsafeRawBufferPointer) -> String {
        let end = min(bytes.count, offset + 4)
        var shown: [String] = []
        for k in offset..<end {
            let b = bytes[k]
            if k > offset && b & 0xC0 != 0x80 { break }
            shown.append(String(format: "0x%02X", b))
        }
        return shown.joined(separator: " ")
    }
}
