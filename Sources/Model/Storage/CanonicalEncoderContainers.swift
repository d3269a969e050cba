import Foundation

/// Writes object members for `CanonicalEncoder`.
struct CanonicalKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: CanonicalEncoder
    var codingPath: [CodingKey] { encoder.codingPath }
    private var out: JSONOutput { encoder.out }

    private func member(_ key: Key, _ write: () throws -> Void) rethrows {
        encoder.beginMember(key)
        try write()
        encoder.endMember()
    }

    mutating func encodeNil(forKey key: Key) throws { member(key) { out.literal("null") } }
    mutating func encode(_ value: Bool, forKey key: Key) throws { member(key) { value ? out.literal("true") : out.literal("false") } }
    mutating func encode(_ value: String, forKey key: Key) throws { member(key) { out.string(value) } }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        guard value.isFinite else { throw encoder.invalidFloat(value, key: key) }
        member(key) { out.float(value) }
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        guard value.isFinite else { throw encoder.invalidFloat(value, key: key) }
        member(key) { out.float(value) }
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { member(key) { out.integer(value) } }
    mutating func encode(_ value: Int8, forKey key: Key) throws { member(key) { out.integer(value) } }
    mutating func encode(_ value: Int16, forKey key: Key) throws { member(key) { out.integer(value) } }
    mutating func encode(_ value: Int32, forKey key: Key) throws { member(key) { out.integer(value) } }
    mutating func encode(_ value: Int64, forKey key: Key) throws { member(key) { out.integer(value) } }
    mutating func encode(_ value: UInt, forKey key: Key) throws { member(key) { out.integer(value) } }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { member(key) { out.integer(value) } }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { member(key) { out.integer(value) } }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { member(key) { out.integer(value) } }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { member(key) { out.integer(value) } }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encoder.encodeMember(value, key: key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        encoder.deferMember(key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        encoder.deferMember(key).unkeyedContainer()
    }

    mutating func superEncoder() -> Encoder { encoder.deferMember(SuperKey()) }
    mutating func superEncoder(forKey key: Key) -> Encoder { encoder.deferMember(key) }
}

/// Writes array elements for `CanonicalEncoder`.
struct CanonicalUnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: CanonicalEncoder
    var codingPath: [CodingKey] { encoder.codingPath }
    var count: Int { encoder.elementCount }
    private var out: JSONOutput { encoder.out }

    mutating func encodeNil() throws { encoder.beginElement(); out.literal("null") }
    mutating func encode(_ value: Bool) throws { encoder.beginElement(); value ? out.literal("true") : out.literal("false") }
    mutating func encode(_ value: String) throws { encoder.beginElement(); out.string(value) }
    mutating func encode(_ value: Double) throws {
        guard value.isFinite else { throw encoder.invalidFloat(value, key: IndexKey(count)) }
        encoder.beginElement()
        out.float(value)
    }
    mutating func encode(_ value: Float) throws {
        guard value.isFinite else { throw encoder.invalidFloat(value, key: IndexKey(count)) }
        encoder.beginElement()
        out.float(value)
    }
    mutating func encode(_ value: Int) throws { encoder.beginElement(); out.integer(value) }
    mutating func encode(_ value: Int8) throws { encoder.beginElement(); out.integer(value) }
    mutating func encode(_ value: Int16) throws { encoder.beginElement(); out.integer(value) }
    mutating func encode(_ value: Int32) throws { encoder.beginElement(); out.integer(value) }
    mutating func encode(_ value: Int64) throws { encoder.beginElement(); out.integer(value) }
    mutating func encode(_ value: UInt) throws { encoder.beginElement(); out.integer(value) }
    mutating func encode(_ value: UInt8) throws { encoder.beginElement(); out.integer(value) }
    mutating func encode(_ value: UInt16) throws { encoder.beginElement(); out.integer(value) }
    mutating func encode(_ value: UInt32) throws { encoder.beginElement(); out.integer(value) }
    mutating func encode(_ value: UInt64) throws { encoder.beginElement(); out.integer(value) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.beginElement()
        try encoder.encodeChild(value, key: IndexKey(count - 1))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        encoder.deferElement().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer { encoder.deferElement().unkeyedContainer() }

    mutating func superEncoder() -> Encoder { encoder.deferElement() }
}

/// Writes one scalar (or one nested value) for `CanonicalEncoder`.
struct CanonicalSingleValueContainer: SingleValueEncodingContainer {
    let encoder: CanonicalEncoder
    var codingPath: [CodingKey] { encoder.codingPath }
    private var out: JSONOutput { encoder.out }

    mutating func encodeNil() throws { encoder.beginSingleValue(); out.literal("null") }
    mutating func encode(_ value: Bool) throws { encoder.beginSingleValue(); value ? out.literal("true") : out.literal("false") }
    mutating func encode(_ value: String) throws { encoder.beginSingleValue(); out.string(value) }
    mutating func encode(_ value: Double) throws {
        guard value.isFinite else { throw encoder.invalidFloat(value, key: nil) }
        encoder.beginSingleValue()
        out.float(value)
    }
    mutating func encode(_ value: Float) throws {
        guard value.isFinite else { throw encoder.invalidFloat(value, key: nil) }
        encoder.beginSingleValue()
        out.float(value)
    }
    mutating func encode(_ value: Int) throws { encoder.beginSingleValue(); out.integer(value) }
    mutating func encode(_ value: Int8) throws { encoder.beginSingleValue(); out.integer(value) }
    mutating func encode(_ value: Int16) throws { encoder.beginSingleValue(); out.integer(value) }
    mutating func encode(_ value: Int32) throws { encoder.beginSingleValue(); out.integer(value) }
    mutating func encode(_ value: Int64) throws { encoder.beginSingleValue(); out.integer(value) }
    mutating func encode(_ value: UInt) throws { encoder.beginSingleValue(); out.integer(value) }
    mutating func encode(_ value: UInt8) throws { encoder.beginSingleValue(); out.integer(value) }
    mutating func encode(_ value: UInt16) throws { encoder.beginSingleValue(); out.integer(value) }
    mutating func encode(_ value: UInt32) throws { encoder.beginSingleValue(); out.integer(value) }
    mutating func encode(_ value: UInt64) throws { encoder.beginSingleValue(); out.integer(value) }
    /// A nested value encodes itself into this same encoder (as `JSONEncoder` does).
    mutating func encode<T: Encodable>(_ value: T) throws { try value.encode(to: encoder) }
}
