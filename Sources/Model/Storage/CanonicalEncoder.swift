import Foundation

/// Encodes `Encodable` values as canonical JSON, the form `.gongkai` files are written in:
/// object keys in Unicode code point order (if a type encodes a key twice, the last value wins),
/// two-space indentation with one member or element per line, `"key": value`, `[]` and `{}` for
/// empty containers, slashes unescaped, no trailing newline (the caller adds it).
/// The same value always gives the same bytes.
///
/// It writes straight into one byte buffer as the values encode themselves; an object whose keys
/// came in another order is reordered in place when it is finished. Nested containers and super
/// encoders (which may be filled later) write into their own buffers and are spliced in. Long
/// arrays near the top (the survey's records) are encoded on several cores into buffers of their
/// own, which are not copied into the main one: the result is the main buffer with those pieces
/// in their places (`EncodedJSON`), written out piece by piece.
enum CanonicalJSON {
    /// The document in one array.
    static func encode<T: Encodable>(_ value: T, capacity: Int = 1 << 16,
                                     parallelThreshold: Int = ParallelCoding.defaultThreshold) throws -> [UInt8] {
        try encodePieces(value, capacity: capacity, parallelThreshold: parallelThreshold).joined()
    }

    /// The document as the main buffer and the pieces encoded apart.
    static func encodePieces<T: Encodable>(_ value: T, capacity: Int = 1 << 16,
                                           parallelThreshold: Int = ParallelCoding.defaultThreshold) throws -> EncodedJSON {
        let output = JSONOutput(capacity: capacity, parallelThreshold: parallelThreshold)
        defer { output.releaseEncoders() }
        let encoder = CanonicalEncoder(out: output, depth: 0, parent: nil, key: nil)
        try value.encode(to: encoder)
        encoder.finish()
        return output.take()
    }
}

final class CanonicalEncoder: Encoder {
    enum State { case empty, object, array, single }

    let out: JSONOutput
    // Variables so that a finished child encoder can be reused for the next value (`encodeChild`).
    @exclusivity(unchecked) private(set) var depth: Int
    @exclusivity(unchecked) private var parent: CanonicalEncoder?
    @exclusivity(unchecked) private var key: CodingKey?
    // Unchecked for speed, like `JSONOutput`'s buffers: one encoder is used by one thread.
    @exclusivity(unchecked) private var state = State.empty
    /// Members (objects) or elements (arrays) begun so far.
    @exclusivity(unchecked) private(set) var elementCount = 0
    /// Objects: where this object's members start in `out.members`.
    @exclusivity(unchecked) private var memberBase = 0
    @exclusivity(unchecked) private var hasDeferredMembers = false
    /// Arrays: nested containers to splice in at these offsets.
    @exclusivity(unchecked) private var deferredElements: [(offset: Int, child: CanonicalEncoder)] = []

    init(out: JSONOutput, depth: Int, parent: CanonicalEncoder?, key: CodingKey?) {
        self.out = out
        self.depth = depth
        self.parent = parent
        self.key = key
    }

    var codingPath: [CodingKey] {
        var reversed: [CodingKey] = []
        var encoder: CanonicalEncoder? = self
        while let e = encoder {
            if let key = e.key { reversed.append(key) }
            encoder = e.parent
        }
        return reversed.reversed()
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if state == .empty {
            state = .object
            out.byte(UInt8(ascii: "{"))
            memberBase = out.members.count
        }
        precondition(state == .object, "\(JSONLocation.format(codingPath)): a keyed container was requested after another kind of value was encoded")
        return KeyedEncodingContainer(CanonicalKeyedContainer<Key>(encoder: self))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        if state == .empty {
            state = .array
            out.byte(UInt8(ascii: "["))
        }
        precondition(state == .array, "\(JSONLocation.format(codingPath)): an unkeyed container was requested after another kind of value was encoded")
        return CanonicalUnkeyedContainer(encoder: self)
    }

    func singleValueContainer() -> SingleValueEncodingContainer {
        precondition(state == .empty, "\(JSONLocation.format(codingPath)): a single value container was requested after a value was encoded")
        return CanonicalSingleValueContainer(encoder: self)
    }

    // MARK: - Writing, called by the containers

    /// Marks the single value as written; a second one is a programming error.
    func beginSingleValue() {
        precondition(state == .empty, "\(JSONLocation.format(codingPath)): two values encoded into one single value container")
        state = .single
    }

    /// Starts an object member: separator, indentation, key.
    func beginMember(_ key: CodingKey) {
        let start = out.bytes.count
        if elementCount > 0 { out.byte(UInt8(ascii: ",")) }
        let contentStart = out.bytes.count
        out.newline(depth: depth + 1)
        out.byte(0x22)
        let keyStart = out.bytes.count
        out.escaped(key.stringValue)
        let keyEnd = out.bytes.count
        out.literal("\": ")
        out.members.append(ObjectMember(keyStart: keyStart, keyEnd: keyEnd, start: start, contentStart: contentStart, end: -1,
                                        deferred: nil, pieces: nil))
        elementCount += 1
    }

    func endMember() {
        out.members[out.members.count - 1].end = out.bytes.count
    }

    /// Starts an array element: separator and indentation.
    func beginElement() {
        if elementCount > 0 { out.byte(UInt8(ascii: ",")) }
        out.newline(depth: depth + 1)
        elementCount += 1
    }

    /// Encodes a non-primitive value in place, as a child of this container. Child encoders are
    /// reused once finished, unless the value kept a reference to its encoder.
    func encodeChild<T: Encodable>(_ value: T, key: CodingKey) throws {
        var child: CanonicalEncoder
        if let spare = out.spareEncoders.popLast() {
            child = spare
            child.depth = depth + 1
            child.parent = self
            child.key = key
        } else {
            child = CanonicalEncoder(out: out, depth: depth + 1, parent: self, key: key)
        }
        try value.encode(to: child)
        child.finish()
        if isKnownUniquelyReferenced(&child) && child.deferredElements.isEmpty {
            child.parent = nil
            child.key = nil
            child.state = .empty
            child.elementCount = 0
            child.hasDeferredMembers = false
            out.spareEncoders.append(child)
        }
    }

    /// Encodes an object member's non-primitive value. Long arrays near the top (the survey's record
    /// lists) are encoded in parallel pieces, which are spliced in when the object is finished.
    func encodeMember<T: Encodable>(_ value: T, key: CodingKey) throws {
        if depth < 2, let array = value as? any ParallelEncodableArray {
            let chunks = ParallelCoding.chunkCount(array.count, threshold: out.parallelThreshold)
            if chunks > 1 {
                let template = CanonicalEncoder(out: JSONOutput(), depth: depth + 1, parent: self, key: key)
                let pieces = try array.encodeChunked(like: template, chunks: chunks)
                template.parent = nil
                beginMember(key)
                endMember()
                out.members[out.members.count - 1].pieces = pieces
                hasDeferredMembers = true
                return
            }
        }
        beginMember(key)
        try encodeChild(value, key: key)
        endMember()
    }

    /// A member whose value will be written later, into its own buffer.
    func deferMember(_ key: CodingKey) -> CanonicalEncoder {
        beginMember(key)
        endMember()
        let child = CanonicalEncoder(out: JSONOutput(parallelThreshold: out.parallelThreshold), depth: depth + 1, parent: self, key: key)
        out.members[out.members.count - 1].deferred = child
        out.deferredEncoders.append(child)
        hasDeferredMembers = true
        return child
    }

    /// An element whose value will be written later, into its own buffer.
    func deferElement() -> CanonicalEncoder {
        beginElement()
        let child = CanonicalEncoder(out: JSONOutput(parallelThreshold: out.parallelThreshold), depth: depth + 1, parent: self,
                                     key: IndexKey(elementCount - 1))
        deferredElements.append((out.bytes.count, child))
        out.deferredEncoders.append(child)
        return child
    }

    /// Breaks the reference cycles of a deferred encoder once the encoding is over (`JSONOutput.releaseEncoders`).
    func release() {
        parent = nil
        deferredElements.removeAll()
        out.releaseEncoders()
    }

    /// For `ParallelCoding`: an encoder with its own buffer that writes elements of the array this
    /// encoder will hold, numbered from `start` (so the first one gets a comma unless it is element 0).
    func makeChunkEncoder(startingAt start: Int, capacity: Int) -> (CanonicalEncoder, CanonicalUnkeyedContainer) {
        let chunk = CanonicalEncoder(out: JSONOutput(capacity: capacity, parallelThreshold: out.parallelThreshold),
                                     depth: depth, parent: parent, key: key)
        chunk.state = .array
        chunk.elementCount = start
        return (chunk, CanonicalUnkeyedContainer(encoder: chunk))
    }

    /// For `ParallelCoding`: the bytes of a whole array value at this encoder's depth, in pieces:
    /// the opening bracket, the chunks' elements, the closing line.
    func arrayPieces(_ chunks: [[UInt8]], count: Int) -> [[UInt8]] {
        let closing = JSONOutput()
        if count > 0 { closing.newline(depth: depth) }
        closing.byte(UInt8(ascii: "]"))
        return [[UInt8(ascii: "[")]] + chunks + [closing.bytes]
    }

    func invalidFloat(_ value: Any, key: CodingKey?) -> EncodingError {
        let path = key.map { codingPath + [$0] } ?? codingPath
        return .invalidValue(value, .init(codingPath: path, debugDescription: "\(value) cannot be written in JSON (no infinity or NaN)."))
    }

    // MARK: - Finishing

    /// Closes the value once its `encode(to:)` has returned. A value that encoded nothing is `{}`.
    func finish() {
        switch state {
        case .empty: out.literal("{}")
        case .single: break
        case .array: finishArray()
        case .object: finishObject()
        }
    }

    private func finishArray() {
        guard elementCount > 0 else { out.byte(UInt8(ascii: "]")); return }
        if let first = deferredElements.first {
            // Rebuild the array from its first deferred element on, each deferred value in its place.
            let region = Array(out.bytes[first.offset...])
            let regionEnd = first.offset + region.count
            let moved = out.takeSplices(from: first.offset)
            out.bytes.removeSubrange(first.offset...)
            for (k, (offset, child)) in deferredElements.enumerated() {
                child.finish()
                out.append(child.out)
                let next = k + 1 < deferredElements.count ? deferredElements[k + 1].offset : regionEnd
                out.appendMoved(region, regionStart: first.offset, offset..<next, splices: moved)
            }
            deferredElements.removeAll()
        }
        out.newline(depth: depth)
        out.byte(UInt8(ascii: "]"))
    }

    private func finishObject() {
        let end = out.members.count
        guard end > memberBase else { out.byte(UInt8(ascii: "}")); return }
        var ordered = !hasDeferredMembers
        var kept: [Int] = []
        out.bytes.withUnsafeBufferPointer { buffer in
            let members = out.members
            if ordered {
                for i in (memberBase + 1)..<end where out.compareKeys(members[i - 1], members[i], in: buffer) >= 0 {
                    ordered = false
                    break
                }
            }
            guard !ordered else { return }
            let order = (memberBase..<end).sorted { a, b in
                let c = out.compareKeys(members[a], members[b], in: buffer)
                return c != 0 ? c < 0 : a < b
            }
            // Of members with the same key, keep the one encoded last.
            for index in order {
                if let last = kept.last, out.compareKeys(members[last], members[index], in: buffer) == 0 {
                    kept[kept.count - 1] = index
                } else {
                    kept.append(index)
                }
            }
        }
        if !ordered {
            let regionStart = out.members[memberBase].start
            let region = Array(out.bytes[regionStart...])
            let moved = out.takeSplices(from: regionStart)
            out.bytes.removeSubrange(regionStart...)
            for (n, index) in kept.enumerated() {
                let member = out.members[index]
                if n > 0 { out.byte(UInt8(ascii: ",")) }
                out.appendMoved(region, regionStart: regionStart, member.contentStart..<member.end, splices: moved)
                if let child = member.deferred {
                    child.finish()
                    out.append(child.out)
                }
                // Pieces encoded apart stay in their buffers; they are written in their place.
                if let pieces = member.pieces { out.splices.append(JSONSplice(offset: out.bytes.count, pieces: pieces)) }
            }
        }
        out.members.removeSubrange(memberBase...)
        out.newline(depth: depth)
        out.byte(UInt8(ascii: "}"))
    }
}
