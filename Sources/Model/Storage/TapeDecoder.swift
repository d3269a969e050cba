import Foundation

/// A `Decoder` that reads `Decodable` values straight from a `JSONTape`, without building
/// dictionaries or copying strings it is not asked for. It follows `JSONDecoder`'s behaviour where
/// the survey types can tell: unknown keys are ignored, `decodeIfPresent` treats null as absent,
/// a missing required key is `keyNotFound`, null where a value is required is `valueNotFound`.
/// Integers must be written as whole numbers (`2019`, `2.019e3`; not `2019.5`).
///
/// The coding path is built only when asked for (errors), by walking the chain of parent decoders.
final class TapeDecoder: Decoder {
    let tape: JSONTape
    /// The node this decoder reads; -1 stands for an absent value read as null (`superDecoder(forKey:)`).
    @exclusivity(unchecked) private(set) var node: Int
    @exclusivity(unchecked) private var parent: TapeDecoder?
    @exclusivity(unchecked) private var key: CodingKey?
    private let basePath: [CodingKey]
    /// The members of this decoder's object that the type decoding it has looked up, by position:
    /// bit `p` of `knownMask` for the first 64, `knownBeyond` for the rest (see `checkAllMembersKnown`).
    @exclusivity(unchecked) private var knownMask: UInt64 = 0
    @exclusivity(unchecked) private var knownBeyond: Set<Int> = []
    /// Finished child decoders, shared by the whole tree, for reuse by `decodeValue`.
    private let spares: Spares

    final class Spares {
        @exclusivity(unchecked) var decoders: [TapeDecoder] = []
        /// Arrays with at least this many elements are decoded in parallel chunks (`ParallelCoding`).
        let parallelThreshold: Int
        init(parallelThreshold: Int) { self.parallelThreshold = parallelThreshold }
    }

    /// Decodes a `T` from node `node`; `basePath` is the coding path of that node in the whole document.
    static func decode<T: Decodable>(_ type: T.Type, tape: JSONTape, node: Int, basePath: [CodingKey],
                                     parallelThreshold: Int = ParallelCoding.defaultThreshold) throws -> T {
        let root = TapeDecoder(tape: tape, node: node, parent: nil, key: nil, basePath: basePath,
                               spares: Spares(parallelThreshold: parallelThreshold))
        defer { root.releaseSpares() }
        let value = try T(from: root)
        try root.checkAllMembersKnown()
        return value
    }

    // MARK: - Unknown members

    /// Notes that the member at `position` of this decoder's object was looked up.
    @inline(__always)
    func markKnown(_ position: Int) {
        if position < 64 { knownMask |= 1 << UInt64(position) } else { knownBeyond.insert(position) }
    }

    /// After a value was decoded from an object: throws `UnknownKeyError` for the first member
    /// its type never looked up. A key Gongkai does not know (`"nmae"`) would otherwise be
    /// dropped without a word, and lost at the next save. The rule needs no list of keys: every
    /// field a type reads, even an optional one added later, counts as known.
    func checkAllMembersKnown() throws {
        defer {
            knownMask = 0
            if !knownBeyond.isEmpty { knownBeyond.removeAll() }
        }
        guard node >= 0, tape.nodes[node].kind == .object else { return }
        let count = Int(tape.nodes[node].count)
        let known = knownMask.nonzeroBitCount + knownBeyond.count
        guard known < count else { return }
        var keyNode = node + 1
        for position in 0..<count {
            let isKnown = position < 64 ? knownMask & (1 << UInt64(position)) != 0 : knownBeyond.contains(position)
            if !isKnown { throw UnknownKeyError(codingPath: codingPath, key: tape.string(at: keyNode)) }
            keyNode = tape.next(keyNode + 1)
        }
    }

    private init(tape: JSONTape, node: Int, parent: TapeDecoder?, key: CodingKey?, basePath: [CodingKey], spares: Spares) {
        self.tape = tape
        self.node = node
        self.parent = parent
        self.key = key
        self.basePath = basePath
        self.spares = spares
    }

    /// Empties the pool of spare decoders, which refer back to it: call once decoding is over.
    func releaseSpares() { spares.decoders.removeAll() }

    /// For `ParallelCoding`: a decoder for array node `array` (the value of `key` in this decoder's
    /// object), with its own pool of spare decoders so that chunks share nothing mutable. For a
    /// split array, `chunk` is the tape of the chunk it reads.
    func makeChunkDecoder(array: Int, key: CodingKey, chunk: JSONTape? = nil) -> TapeDecoder {
        TapeDecoder(tape: chunk ?? tape, node: array, parent: self, key: key, basePath: [],
                    spares: Spares(parallelThreshold: spares.parallelThreshold))
    }

    init(child node: Int, of parent: TapeDecoder, key: CodingKey) {
        self.tape = parent.tape
        self.node = node
        self.parent = parent
        self.key = key
        self.basePath = []
        self.spares = parent.spares
    }

    var codingPath: [CodingKey] {
        var reversed: [CodingKey] = []
        var decoder: TapeDecoder? = self
        while let d = decoder {
            if let key = d.key { reversed.append(key) }
            if d.parent == nil { reversed.append(contentsOf: d.basePath.reversed()) }
            decoder = d.parent
        }
        return reversed.reversed()
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// The coding path of a value inside this decoder's node.
    func path(_ key: CodingKey?) -> [CodingKey] {
        guard let key else { return codingPath }
        return codingPath + [key]
    }

    func kind(_ node: Int) -> JSONTape.Kind { node < 0 ? .null : tape.nodes[node].kind }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard kind(node) == .object else { throw mismatch([String: Any].self, node, key: nil) }
        return KeyedDecodingContainer(TapeKeyedContainer<Key>(decoder: self, object: node))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        guard kind(node) == .array else { throw mismatch([Any].self, node, key: nil) }
        if let problem = SurveyLimits.problem(withListOf: Int(tape.nodes[node].count), field: key?.stringValue) {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: problem))
        }
        if tape.isSplit(node) { throw NeedsWholeTape() }
        return TapeUnkeyedContainer(decoder: self, array: node)
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer { TapeSingleValueContainer(decoder: self) }

    // MARK: - Errors

    /// `typeMismatch`, or `valueNotFound` when the value is null; the description names the type
    /// the way messages do (`SurveyDecoding.phrase(for:)`), in the interface language.
    func mismatch(_ type: Any.Type, _ node: Int, key: CodingKey?) -> DecodingError {
        let expected = SurveyDecoding.phrase(for: type)
        if kind(node) == .null {
            return .valueNotFound(type, .init(codingPath: path(key), debugDescription: tr("expected %1 but found %2", expected, "null")))
        }
        return .typeMismatch(type, .init(codingPath: path(key), debugDescription: tr("expected %1 but found %2", expected, tape.describeValue(node))))
    }

    // MARK: - Scalars

    func decodeBool(_ node: Int, key: CodingKey?) throws -> Bool {
        switch kind(node) {
        case .trueValue: return true
        case .falseValue: return false
        default: throw mismatch(Bool.self, node, key: key)
        }
    }

    func decodeString(_ node: Int, key: CodingKey?) throws -> String {
        guard kind(node) == .string else { throw mismatch(String.self, node, key: key) }
        return tape.string(at: node)
    }

    func decodeFloat<T: BinaryFloatingPoint & LosslessStringConvertible>(_ node: Int, key: CodingKey?) throws -> T {
        guard kind(node) == .number else { throw mismatch(T.self, node, key: key) }
        let text = tape.numberText(at: node)
        guard let value = T(String(text)), value.isFinite else {
            throw DecodingError.dataCorrupted(.init(codingPath: path(key), debugDescription: tr("the number %1 is too large or too small for this field", text)))
        }
        return value
    }

    func decodeInteger<T: FixedWidthInteger>(_ node: Int, key: CodingKey?) throws -> T {
        guard kind(node) == .number else { throw mismatch(T.self, node, key: key) }
        let n = tape.nodes[node]
        let raw = UnsafeRawBufferPointer(rebasing: tape.bytes[Int(n.offset)..<Int(n.offset + n.length)])
        // Fast path: an optional minus sign and digits.
        var negative = false
        var magnitude: UInt64 = 0
        var plain = true
        var overflow = false
        for (k, c) in raw.enumerated() {
            if k == 0 && c == UInt8(ascii: "-") { negative = true; continue }
            guard c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") else { plain = false; break }
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(c - UInt8(ascii: "0")))
            overflow = overflow || o1 || o2
            magnitude = sum
        }
        var wide: Int64?
        if plain && !overflow {
            if !negative {
                wide = magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
            } else if magnitude <= UInt64(Int64.max) + 1 {
                wide = Int64(bitPattern: 0 &- magnitude)
            }
        } else if !plain, let d = Double(String(decoding: raw, as: UTF8.self)), d.rounded() == d, abs(d) < 9.0e15 {
            wide = Int64(d)  // 2.019e3, 12.0: whole numbers written another way
        }
        // Range-checked before anyone does arithmetic with it (`SurveyLimits`).
        if let value = wide {
            let field = fieldName(key)
            if let problem = SurveyLimits.problem(with: value, field: field) {
                throw DecodingError.dataCorrupted(.init(codingPath: path(key), debugDescription: problem))
            }
        }
        guard let result = wide.flatMap({ T(exactly: $0) }) else {
            let text = String(decoding: raw, as: UTF8.self)
            let why = plain || (Double(text).map { $0.rounded() == $0 } ?? false)
                ? tr("the number %1 is too large or too small for this field", text) : tr("expected %1 but found %2", tr("a whole number"), text)
            throw DecodingError.dataCorrupted(.init(codingPath: path(key), debugDescription: why))
        }
        return result
    }

    /// The name of the member a value belongs to: its key, or for a list's element (or a value
    /// read through a single-value container) the key of the nearest enclosing member.
    private func fieldName(_ key: CodingKey?) -> String? {
        if let key, !(key is IndexKey) { return key.stringValue }
        var decoder: TapeDecoder? = self
        while let d = decoder {
            if let k = d.key, !(k is IndexKey) { return k.stringValue }
            decoder = d.parent
        }
        return nil
    }

    /// Decodes a non-primitive value at `node` through its `init(from:)`, with a child decoder.
    /// The child decoder is reused afterwards unless the value kept a reference to it.
    func decodeValue<T: Decodable>(_ type: T.Type, _ node: Int, key: CodingKey) throws -> T {
        // Long arrays (the survey's record lists) are decoded in parallel chunks.
        if node >= 0, tape.nodes[node].kind == .array {
            if tape.isSplit(node) {
                // Its elements are on the chunks' tapes: only parallel decoding reads them.
                guard let arrayType = T.self as? any ParallelDecodableArray.Type else { throw NeedsWholeTape() }
                return try arrayType.decodeChunked(from: self, array: node, key: key, chunks: 0) as! T
            }
            let chunks = ParallelCoding.chunkCount(Int(tape.nodes[node].count), threshold: spares.parallelThreshold)
            if chunks > 1, let arrayType = T.self as? any ParallelDecodableArray.Type {
                return try arrayType.decodeChunked(from: self, array: node, key: key, chunks: chunks) as! T
            }
        }
        var child: TapeDecoder
        if let spare = spares.decoders.popLast() {
            child = spare
            child.node = node
            child.parent = self
            child.key = key
        } else {
            child = TapeDecoder(child: node, of: self, key: key)
        }
        let value = try T(from: child)
        try child.checkAllMembersKnown()
        if isKnownUniquelyReferenced(&child) {
            child.parent = nil
            child.key = nil
            spares.decoders.append(child)
        }
        return value
    }
}

/// A member of an object that the type decoded from it does not know (`TapeDecoder.checkAllMembersKnown`).
/// `codingPath` is the object's path.
struct UnknownKeyError: Error {
    var codingPath: [CodingKey]
    var key: String
}

/// Thrown when a split array (`JSONTape.SplitArray`) is read other than by parallel decoding:
/// the caller parses the text again without splitting and decodes that.
struct NeedsWholeTape: Error {}

/// The coding key of an array element, as `JSONDecoder` names it ("Index 3").
struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}

/// The key `super` for `superDecoder()`.
struct SuperKey: CodingKey {
    var stringValue: String { "super" }
    var intValue: Int? { nil }
    init() {}
    init?(intValue: Int) { nil }
    init?(stringValue: String) { guard stringValue == "super" else { return nil } }
}

struct TapeSingleValueContainer: SingleValueDecodingContainer {
    let decoder: TapeDecoder
    var codingPath: [CodingKey] { decoder.codingPath }
    private var node: Int { decoder.node }

    func decodeNil() -> Bool { decoder.kind(node) == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.decodeBool(node, key: nil) }
    func decode(_ type: String.Type) throws -> String { try decoder.decodeString(node, key: nil) }
    func decode(_ type: Double.Type) throws -> Double { try decoder.decodeFloat(node, key: nil) }
    func decode(_ type: Float.Type) throws -> Float { try decoder.decodeFloat(node, key: nil) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.decodeInteger(node, key: nil) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.decodeInteger(node, key: nil) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.decodeInteger(node, key: nil) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.decodeInteger(node, key: nil) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.decodeInteger(node, key: nil) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.decodeInteger(node, key: nil) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.decodeInteger(node, key: nil) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.decodeInteger(node, key: nil) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.decodeInteger(node, key: nil) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.decodeInteger(node, key: nil) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: decoder) }
}
