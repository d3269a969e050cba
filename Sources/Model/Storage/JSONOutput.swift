import Foundation

/// One member of an object being written by `CanonicalEncoder`: where its key and bytes are in the
/// buffer, so that the object can put its members in key order when it is finished.
struct ObjectMember {
    /// The key's escaped bytes (without quotes).
    var keyStart: Int
    var keyEnd: Int
    /// Where the member's bytes begin: its separating comma, if it has one.
    var start: Int
    /// Where the member's bytes begin after the comma: line break, indentation, key, ": ", value.
    var contentStart: Int
    var end: Int
    /// A nested container or super encoder, written into its own buffer and spliced in at the end.
    var deferred: CanonicalEncoder?
    /// A value encoded in parallel chunks (`ParallelCoding`), spliced in at the end piece by piece.
    var pieces: [[UInt8]]?
}

/// The byte buffer `CanonicalEncoder` writes into: JSON string escaping, numbers, indentation.
/// Objects nest last-in first-out, so the members of all open objects share one stack.
///
/// The buffers are marked `@exclusivity(unchecked)`: the runtime's access tracking on these two
/// arrays cost a fifth of the encoding time, and they are only used from one thread, by one encode.
final class JSONOutput {
    @exclusivity(unchecked) var bytes: [UInt8] = []
    @exclusivity(unchecked) var members: [ObjectMember] = []
    /// Finished child encoders, ready for reuse (saves an allocation per nested value).
    @exclusivity(unchecked) var spareEncoders: [CanonicalEncoder] = []

    /// Arrays with at least this many elements are encoded in parallel chunks (`ParallelCoding`).
    let parallelThreshold: Int

    init(capacity: Int = 0, parallelThreshold: Int = ParallelCoding.defaultThreshold) {
        self.parallelThreshold = parallelThreshold
        bytes.reserveCapacity(capacity)
    }

    /// A line break and 64 levels of two-space indentation; deeper levels are written in pieces.
    private static let indentation: [UInt8] = [0x0A] + [UInt8](repeating: 0x20, count: 128)

    @inline(__always)
    func byte(_ b: UInt8) { bytes.append(b) }

    func literal(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// A line break, then the indentation of nesting level `depth`.
    func newline(depth: Int) {
        var spaces = 2 * depth
        bytes.append(contentsOf: Self.indentation[0...min(spaces, 128)])
        spaces -= min(spaces, 128)
        while spaces > 0 {
            bytes.append(contentsOf: Self.indentation[1...min(spaces, 128)])
            spaces -= min(spaces, 128)
        }
    }

    func integer<T: BinaryInteger>(_ value: T) {
        bytes.append(contentsOf: value.description.utf8)
    }

    /// A finite floating-point number in Swift's shortest round-trip form (valid JSON: "0.1", "1e-05").
    func float<T: BinaryFloatingPoint & CustomStringConvertible>(_ value: T) {
        bytes.append(contentsOf: value.description.utf8)
    }

    /// A string in double quotes. Escapes only what JSON requires (quote, backslash, control
    /// characters); slashes and non-ASCII text are written as they are.
    func string(_ value: String) {
        bytes.append(0x22)
        escaped(value)
        bytes.append(0x22)
    }

    /// The escaped bytes of a string, without the quotes.
    func escaped(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            var runStart = 0
            for i in 0..<utf8.count {
                let c = utf8[i]
                guard c < 0x20 || c == 0x22 || c == 0x5C else { continue }
                if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
                runStart = i + 1
                bytes.append(0x5C)
                switch c {
                case 0x22: bytes.append(0x22)
                case 0x5C: bytes.append(0x5C)
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, hex[Int(c >> 4)], hex[Int(c & 0xF)]])
                }
            }
            if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
        }
    }

    /// Orders two members by their keys' bytes (Unicode code point order).
    func compareKeys(_ a: ObjectMember, _ b: ObjectMember, in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        let la = a.keyEnd - a.keyStart, lb = b.keyEnd - b.keyStart
        let common = min(la, lb)
        if common > 0 {
            let c = memcmp(buffer.baseAddress! + a.keyStart, buffer.baseAddress! + b.keyStart, common)
            if c != 0 { return Int(c) }
        }
        return la - lb
    }
}
