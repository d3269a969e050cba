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

/// Bytes encoded apart from the main buffer (the chunks of a long array, `ParallelCoding`) that
/// belong at `offset` of it. They stay in their own buffers and are written in their place
/// (`EncodedJSON.forEachSegment`), so the whole document is never copied into one array.
struct JSONSplice {
    var offset: Int
    var pieces: [[UInt8]]
}

/// A finished document: the main buffer with the pieces that belong between its bytes.
struct EncodedJSON {
    var bytes: [UInt8]
    /// In increasing order of offset.
    var splices: [JSONSplice]

    /// The document's length in bytes.
    var count: Int { splices.reduce(bytes.count) { total, splice in splice.pieces.reduce(total) { $0 + $1.count } } }

    /// Calls `body` with each part of the document in order; the parts, one after the other, are the document.
    func forEachSegment(_ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        try bytes.withUnsafeBytes { all in
            var start = 0
            for splice in splices {
                if splice.offset > start { try body(UnsafeRawBufferPointer(rebasing: all[start..<splice.offset])) }
                start = splice.offset
                for piece in splice.pieces where !piece.isEmpty { try piece.withUnsafeBytes(body) }
            }
            if start < all.count { try body(UnsafeRawBufferPointer(rebasing: all[start...])) }
        }
    }

    /// The whole document in one array.
    func joined() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(count)
        forEachSegment { out.append(contentsOf: $0) }
        return out
    }
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
    /// Pieces encoded apart that belong between `bytes` (see `JSONSplice`), in increasing order of offset.
    @exclusivity(unchecked) var splices: [JSONSplice] = []
    /// Encoders of values written into their own buffers (nested containers, super encoders),
    /// kept so that `releaseEncoders` can break their reference cycles.
    @exclusivity(unchecked) var deferredEncoders: [CanonicalEncoder] = []

    /// Arrays with at least this many elements are encoded in parallel chunks (`ParallelCoding`).
    let parallelThreshold: Int

    init(capacity: Int = 0, parallelThreshold: Int = ParallelCoding.defaultThreshold) {
        self.parallelThreshold = parallelThreshold
        bytes.reserveCapacity(capacity)
    }

    /// Drops the spare and deferred encoders, here and in the buffers of deferred values. They
    /// refer back to this buffer (spares) or to their parents, so without this the buffers would
    /// never be freed. Call once the encoding that used this buffer is over, whether it succeeded.
    func releaseEncoders() {
        spareEncoders.removeAll()
        members.removeAll()
        let deferred = deferredEncoders
        deferredEncoders.removeAll()
        for encoder in deferred { encoder.release() }
    }

    /// The finished document (after the root encoder's `finish`).
    func take() -> EncodedJSON {
        defer { bytes = []; splices = [] }
        return EncodedJSON(bytes: bytes, splices: splices)
    }

    /// Appends a deferred value's finished buffer, with its splices.
    func append(_ other: JSONOutput) {
        let base = bytes.count
        bytes.append(contentsOf: other.bytes)
        for splice in other.splices { splices.append(JSONSplice(offset: base + splice.offset, pieces: splice.pieces)) }
        other.bytes = []
        other.splices = []
    }

    /// Removes and returns the splices at `offset` or after it, before the bytes there are moved.
    func takeSplices(from offset: Int) -> [JSONSplice] {
        guard let last = splices.last, last.offset >= offset else { return [] }
        let first = firstSplice(atOrAfter: offset, in: splices)
        defer { splices.removeSubrange(first...) }
        return Array(splices[first...])
    }

    /// Appends `region[range]`, where `region` is a copy of the bytes that were at `regionStart`
    /// and after, and puts the splices `moved` (taken from there) that fell inside `range` in
    /// their new places. `range` is in the old offsets.
    func appendMoved(_ region: [UInt8], regionStart: Int, _ range: Range<Int>, splices moved: [JSONSplice]) {
        let newStart = bytes.count
        bytes.append(contentsOf: region[(range.lowerBound - regionStart)..<(range.upperBound - regionStart)])
        guard !moved.isEmpty else { return }
        var k = firstSplice(atOrAfter: range.lowerBound, in: moved)
        while k < moved.count && moved[k].offset < range.upperBound {
            splices.append(JSONSplice(offset: moved[k].offset - range.lowerBound + newStart, pieces: moved[k].pieces))
            k += 1
        }
    }

    /// The index of the first splice at `offset` or after it (binary search; they are in order).
    private func firstSplice(atOrAfter offset: Int, in list: [JSONSplice]) -> Int {
        var low = 0, high = list.count
        while low < high {
            let mid = (low + high) / 2
            if list[mid].offset < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// A line break and 64 levels of two-space indentation; deeper levels are written in pieces.
    /// Kept outside any array (allocated once, never freed) so that writing it costs no reference counting.
    private nonisolated(unsafe) static let indentation: UnsafeBufferPointer<UInt8> = {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 129)
        buffer.initialize(repeating: 0x20)
        buffer[0] = 0x0A
        return UnsafeBufferPointer(buffer)
    }()

    @inline(__always)
    func byte(_ b: UInt8) { bytes.append(b) }

    func literal(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// A line break, then the indentation of nesting level `depth`.
    func newline(depth: Int) {
        let indentation = Self.indentation
        var spaces = 2 * depth
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: indentation[0...min(spaces, 128)]))
        spaces -= min(spaces, 128)
        while spaces > 0 {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: indentation[1...min(spaces, 128)]))
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
            guard let base = utf8.baseAddress else { return }
            // Eight bytes at a time while none is a quote, a backslash or a control character.
            var clean = 0
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            while clean + 8 <= utf8.count {
                let w = UnsafeRawPointer(base + clean).loadUnaligned(as: UInt64.self)
                let quote = w ^ (ones &* 0x22), backslash = w ^ (ones &* 0x5C)
                let special = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((w &- ones &* 0x20) & ~w)
                if special & highs != 0 { break }
                clean += 8
            }
            if clean == utf8.count {
                bytes.append(contentsOf: utf8)
                return
            }
            var runStart = 0
            for i in clean..<utf8.count {
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
