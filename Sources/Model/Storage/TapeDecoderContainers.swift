import Foundation

/// Reads the members of one object node. Finding a key is a linear scan of the object's keys,
/// comparing bytes; the survey's objects have at most a few dozen keys, so this beats hashing.
struct TapeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: TapeDecoder
    let object: Int

    var codingPath: [CodingKey] { decoder.codingPath }

    /// The keys of the members that `Key` can name (a dictionary's keys: all of them); only
    /// the members then read count as known.
    var allKeys: [Key] {
        decoder.tape.keyNodes(ofObject: object).compactMap { Key(stringValue: decoder.tape.string(at: $0)) }
    }

    func contains(_ key: Key) -> Bool { find(key) != nil }

    /// Finds a member and notes that the type being decoded knows its key (`TapeDecoder.checkAllMembersKnown`).
    @inline(__always)
    private func find(_ key: Key) -> Int? {
        guard let (node, position) = decoder.tape.memberAndPosition(key.stringValue, inObject: object) else { return nil }
        decoder.markKnown(position)
        return node
    }

    private func require(_ key: Key) throws -> Int {
        guard let node = find(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: tr("there is no value for the required key \"%1\"", key.stringValue)))
        }
        return node
    }

    /// The member's node, or nil when it is absent or null.
    private func present(_ key: Key) -> Int? {
        guard let node = find(key), decoder.kind(node) != .null else { return nil }
        return node
    }

    func decodeNil(forKey key: Key) throws -> Bool { decoder.kind(try require(key)) == .null }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder.decodeBool(try require(key), key: key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoder.decodeString(try require(key), key: key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decoder.decodeFloat(try require(key), key: key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decoder.decodeFloat(try require(key), key: key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoder.decodeInteger(try require(key), key: key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decoder.decodeInteger(try require(key), key: key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decoder.decodeInteger(try require(key), key: key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decoder.decodeInteger(try require(key), key: key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decoder.decodeInteger(try require(key), key: key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decoder.decodeInteger(try require(key), key: key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decoder.decodeInteger(try require(key), key: key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decoder.decodeInteger(try require(key), key: key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decoder.decodeInteger(try require(key), key: key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decoder.decodeInteger(try require(key), key: key) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decoder.decodeValue(type, try require(key), key: key)
    }

    // One lookup instead of the default's contains + decodeNil + decode.
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try present(key).map { try decoder.decodeBool($0, key: key) } }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try present(key).map { try decoder.decodeString($0, key: key) } }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try present(key).map { try decoder.decodeFloat($0, key: key) } }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try present(key).map { try decoder.decodeFloat($0, key: key) } }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try present(key).map { try decoder.decodeInteger($0, key: key) } }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try present(key).map { try decoder.decodeInteger($0, key: key) } }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try present(key).map { try decoder.decodeInteger($0, key: key) } }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try present(key).map { try decoder.decodeValue(type, $0, key: key) }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try TapeDecoder(child: try require(key), of: decoder, key: key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        try TapeDecoder(child: try require(key), of: decoder, key: key).unkeyedContainer()
    }

    func superDecoder() throws -> Decoder {
        let found = decoder.tape.memberAndPosition("super", inObject: object)
        if let found { decoder.markKnown(found.position) }
        return TapeDecoder(child: found?.node ?? -1, of: decoder, key: SuperKey())
    }

    func superDecoder(forKey key: Key) throws -> Decoder {
        TapeDecoder(child: find(key) ?? -1, of: decoder, key: key)
    }
}

/// Reads the elements of one array node in order.
struct TapeUnkeyedContainer: UnkeyedDecodingContainer {
    let decoder: TapeDecoder
    let array: Int
    let count: Int?
    private(set) var currentIndex = 0
    /// The node of the element at `currentIndex`.
    private var cursor: Int

    init(decoder: TapeDecoder, array: Int) {
        self.decoder = decoder
        self.array = array
        self.count = Int(decoder.tape.nodes[array].count)
        self.cursor = array + 1
    }

    var codingPath: [CodingKey] { decoder.codingPath }
    var isAtEnd: Bool { currentIndex >= count ?? 0 }

    private func current() throws -> (node: Int, key: IndexKey) {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath + [IndexKey(currentIndex)],
                                                              debugDescription: tr("the list has no element at index %1", currentIndex)))
        }
        return (cursor, IndexKey(currentIndex))
    }

    private mutating func advance() {
        cursor = decoder.tape.next(cursor)
        currentIndex += 1
    }

    private mutating func next<T>(_ read: (TapeDecoder, Int, IndexKey) throws -> T) throws -> T {
        let (node, key) = try current()
        let value = try read(decoder, node, key)
        advance()
        return value
    }

    mutating func decodeNil() throws -> Bool {
        let (node, _) = try current()
        guard decoder.kind(node) == .null else { return false }
        advance()
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next { try $0.decodeBool($1, key: $2) } }
    mutating func decode(_ type: String.Type) throws -> String { try next { try $0.decodeString($1, key: $2) } }
    mutating func decode(_ type: Double.Type) throws -> Double { try next { try $0.decodeFloat($1, key: $2) } }
    mutating func decode(_ type: Float.Type) throws -> Float { try next { try $0.decodeFloat($1, key: $2) } }
    mutating func decode(_ type: Int.Type) throws -> Int { try next { try $0.decodeInteger($1, key: $2) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next { try $0.decodeInteger($1, key: $2) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next { try $0.decodeInteger($1, key: $2) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next { try $0.decodeInteger($1, key: $2) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next { try $0.decodeInteger($1, key: $2) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next { try $0.decodeInteger($1, key: $2) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next { try $0.decodeInteger($1, key: $2) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next { try $0.decodeInteger($1, key: $2) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next { try $0.decodeInteger($1, key: $2) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next { try $0.decodeInteger($1, key: $2) } }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try next { try $0.decodeValue(type, $1, key: $2) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next { try TapeDecoder(child: $1, of: $0, key: $2).container(keyedBy: type) }
    }

    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
        try next { try TapeDecoder(child: $1, of: $0, key: $2).unkeyedContainer() }
    }

    mutating func superDecoder() throws -> Decoder {
        try next { decoder, node, key in TapeDecoder(child: node, of: decoder, key: key) }
    }
}
