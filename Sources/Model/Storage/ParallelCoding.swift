import Foundation

/// Encoding and decoding of long arrays (the survey's enterprises) on several cores. The array is
/// cut into contiguous chunks; each chunk is encoded into its own buffer (or decoded from its own
/// range of the tape, or from its own tape when the parser split the array) by its own encoder or
/// decoder. Encoded chunks stay in their buffers and are written in order (`EncodedJSON`);
/// decoded ones fill their own range of the result. So the bytes and values are exactly those of
/// the sequential code. When chunks fail, the error of the lowest-numbered failing chunk is
/// thrown: the same error the sequential code meets first.
enum ParallelCoding {
    /// Arrays shorter than this are coded sequentially.
    static let defaultThreshold = 4096

    /// How many chunks to cut an array of `count` elements into: one per core, at most 8.
    static func chunkCount(_ count: Int, threshold: Int) -> Int {
        guard count >= threshold else { return 1 }
        return max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, count))
    }

    /// The element range of chunk `c` of `chunks`.
    static func range(of c: Int, chunks: Int, count: Int) -> Range<Int> {
        (c * count / chunks)..<((c + 1) * count / chunks)
    }

    /// Runs `body(c)` for every chunk concurrently and waits for all.
    static func run(_ chunks: Int, _ body: @Sendable (Int) -> Void) {
        DispatchQueue.concurrentPerform(iterations: chunks, execute: body)
    }
}

/// A value type whose `Codable` conformance is pure (touches no shared state), so that many of
/// them can be encoded or decoded at once on several threads. Opt-in, so that an array is only
/// coded in parallel when its element type has been checked.
///
/// A type may also write and read itself directly, bypassing `Codable`'s containers, with
/// exactly the bytes and values its `Codable` conformance gives (see `EnterpriseCoding.swift`).
protocol ConcurrentlyCodable: Sendable {
    /// True when the type implements `encodeDirectly` and `decodeDirectly`.
    static var codesDirectly: Bool { get }
    /// Writes the value as `CanonicalEncoder` would, as a value at nesting level `depth`.
    static func encodeDirectly(_ value: Self, to out: JSONOutput, depth: Int)
    /// The value at `node`, or nil when `init(from:)` must read it.
    static func decodeDirectly(from tape: JSONTape, node: Int) -> Self?
}

extension ConcurrentlyCodable {
    static var codesDirectly: Bool { false }
    static func encodeDirectly(_ value: Self, to out: JSONOutput, depth: Int) {
        preconditionFailure("\(Self.self) is not written directly")
    }
    static func decodeDirectly(from tape: JSONTape, node: Int) -> Self? { nil }
}

extension Enterprise: ConcurrentlyCodable {
    static var codesDirectly: Bool { true }
}
extension Jurisdiction: ConcurrentlyCodable {}
extension Observation: ConcurrentlyCodable {}
extension SubUnitTally: ConcurrentlyCodable {}
extension SubUnitObservation: ConcurrentlyCodable {}
extension Regulation: ConcurrentlyCodable {}
extension Outreach: ConcurrentlyCodable {}

/// Lets values that are only touched by one thread each, or only read, cross into
/// `concurrentPerform`. Every use says why it is safe.
struct Unchecked<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// An array whose elements can be encoded in parallel chunks.
protocol ParallelEncodableArray {
    var count: Int { get }
    func encodeChunked(like encoder: CanonicalEncoder, chunks: Int) throws -> [[UInt8]]
}

extension ParallelCoding {
    /// The bytes a piece of an encoded array aims at: small enough that the pieces' spare capacity
    /// is small and that the cores share the work evenly, large enough to cost little to manage.
    static let pieceBytes = 1 << 19
    /// Elements encoded first, on their own, to measure how many bytes an element takes.
    static let sampleElements = 256
}

extension Array: ParallelEncodableArray where Element: Encodable & ConcurrentlyCodable {
    /// The bytes of the whole array value `[ … ]`, in pieces, as `encoder` (an encoder for the
    /// array, with its depth, parent and key) would write it.
    ///
    /// The elements are cut into runs of about `ParallelCoding.pieceBytes` bytes each, encoded on
    /// all cores into buffers sized from the bytes per element of a first sample run, so that no
    /// buffer has to grow (copying what it holds) and none holds much unused capacity.
    func encodeChunked(like encoder: CanonicalEncoder, chunks: Int) throws -> [[UInt8]] {
        let count = self.count
        // The elements and the shared encoder are only read (its depth, parent and key).
        let shared = Unchecked((self, encoder))
        /// Encodes elements `range` into one buffer (the first one gets a comma unless it is element 0).
        @Sendable func encode(_ range: Range<Int>, capacity: Int) throws -> [UInt8] {
            let (elements, encoder) = shared.value
            let (chunk, container) = encoder.makeChunkEncoder(startingAt: range.lowerBound, capacity: capacity)
            defer { chunk.out.releaseEncoders() }
            if Element.codesDirectly {
                for i in range {
                    chunk.beginElement()
                    Element.encodeDirectly(elements[i], to: chunk.out, depth: chunk.depth + 1)
                }
            } else {
                var unkeyed = container
                for i in range { try unkeyed.encode(elements[i]) }
            }
            precondition(chunk.out.splices.isEmpty, "an array element was encoded in parallel pieces")
            return chunk.out.bytes
        }
        let sampleEnd = Swift.min(count, ParallelCoding.sampleElements)
        let sample = try encode(0..<sampleEnd, capacity: 1 << 16)
        let bytesPerElement = Swift.max(1, sample.count / Swift.max(1, sampleEnd))
        let runLength = Swift.max(64, ParallelCoding.pieceBytes / bytesPerElement)
        let runs = Swift.max(chunks, (count - sampleEnd + runLength - 1) / runLength)
        let rest = count - sampleEnd
        // Each run's buffer: its share of the bytes, an eighth more, and a page.
        let capacity = (rest / runs + 1) * bytesPerElement * 9 / 8 + 4096

        var outputs = [[UInt8]](repeating: [], count: runs)
        var errors = [Error?](repeating: nil, count: runs)
        outputs.withUnsafeMutableBufferPointer { outs in
            errors.withUnsafeMutableBufferPointer { errs in
                // Each run writes only its own slot of `outs` and `errs`.
                let slots = Unchecked((outs, errs))
                ParallelCoding.run(runs) { r in
                    let range = ParallelCoding.range(of: r, chunks: runs, count: rest)
                    do {
                        slots.value.0[r] = try encode((sampleEnd + range.lowerBound)..<(sampleEnd + range.upperBound), capacity: capacity)
                    } catch {
                        slots.value.1[r] = error
                    }
                }
            }
        }
        if let error = errors.compactMap({ $0 }).first { throw error }
        return encoder.arrayPieces([sample] + outputs, count: count)
    }
}

/// An array whose elements can be decoded in parallel chunks.
protocol ParallelDecodableArray {
    static func decodeChunked(from decoder: TapeDecoder, array: Int, key: CodingKey, chunks: Int) throws -> Self
}

extension Array: ParallelDecodableArray where Element: Decodable & ConcurrentlyCodable {
    static func decodeChunked(from decoder: TapeDecoder, array: Int, key: CodingKey, chunks: Int) throws -> [Element] {
        if let split = decoder.tape.splitArrays[array] { return try decodeSplit(split, from: decoder, key: key) }
        let tape = decoder.tape
        let count = Int(tape.nodes[array].count)
        // The node of every chunk's first element: one walk along the array, O(count).
        var starts: [Int] = []
        var node = array + 1
        for i in 0..<count {
            if starts.count < chunks && i == ParallelCoding.range(of: starts.count, chunks: chunks, count: count).lowerBound {
                starts.append(node)
            }
            node = tape.next(node)
        }
        var errors = [Error?](repeating: nil, count: chunks)
        var decoded = [Int](repeating: 0, count: chunks)
        return try [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            errors.withUnsafeMutableBufferPointer { errs in
                decoded.withUnsafeMutableBufferPointer { done in
                    // Each chunk initialises only its own range of `buffer` and writes only its own
                    // slots of `errs` and `done`; the tape and the parent decoder are only read.
                    let shared = Unchecked((buffer, errs, done, decoder, starts, key))
                    ParallelCoding.run(chunks) { c in
                        let (buffer, errs, done, parent, starts, key) = shared.value
                        let tape = parent.tape
                        let range = ParallelCoding.range(of: c, chunks: chunks, count: count)
                        let chunk = parent.makeChunkDecoder(array: array, key: key)
                        defer { chunk.releaseSpares() }
                        var node = starts[c]
                        do {
                            for i in range {
                                if Element.codesDirectly, let value = Element.decodeDirectly(from: tape, node: node) {
                                    (buffer.baseAddress! + i).initialize(to: value)
                                } else {
                                    (buffer.baseAddress! + i).initialize(to: try chunk.decodeValue(Element.self, node, key: IndexKey(i)))
                                }
                                done[c] += 1
                                node = tape.next(node)
                            }
                        } catch {
                            errs[c] = error
                        }
                    }
                }
            }
            if let error = errors.compactMap({ $0 }).first {
                for c in 0..<chunks {
                    let range = ParallelCoding.range(of: c, chunks: chunks, count: count)
                    (buffer.baseAddress! + range.lowerBound).deinitialize(count: decoded[c])
                }
                initialized = 0
                throw error
            }
            initialized = count
        }
    }

    /// The elements of a split array, one chunk per core at a time, each from its chunk's tape.
    private static func decodeSplit(_ split: JSONTape.SplitArray, from decoder: TapeDecoder, key: CodingKey) throws -> [Element] {
        let chunks = split.chunks.count
        var firsts: [Int] = []  // the index of each chunk's first element
        var total = 0
        for n in split.counts {
            firsts.append(total)
            total += n
        }
        var errors = [Error?](repeating: nil, count: chunks)
        var decoded = [Int](repeating: 0, count: chunks)
        return try [Element](unsafeUninitializedCapacity: total) { buffer, initialized in
            errors.withUnsafeMutableBufferPointer { errs in
                decoded.withUnsafeMutableBufferPointer { done in
                    // Each chunk initialises only its own range of `buffer` and writes only its own
                    // slots of `errs` and `done`; the tapes and the parent decoder are only read.
                    let shared = Unchecked((buffer, errs, done, decoder, split, firsts, key))
                    ParallelCoding.run(chunks) { c in
                        let (buffer, errs, done, parent, split, firsts, key) = shared.value
                        let tape = split.chunks[c]
                        let chunk = parent.makeChunkDecoder(array: -1, key: key, chunk: tape)
                        defer { chunk.releaseSpares() }
                        var node = 0
                        do {
                            for i in firsts[c]..<(firsts[c] + split.counts[c]) {
                                if Element.codesDirectly, let value = Element.decodeDirectly(from: tape, node: node) {
                                    (buffer.baseAddress! + i).initialize(to: value)
                                } else {
                                    (buffer.baseAddress! + i).initialize(to: try chunk.decodeValue(Element.self, node, key: IndexKey(i)))
                                }
                                done[c] += 1
                                node = tape.next(node)
                            }
                        } catch {
                            errs[c] = error
                        }
                    }
                }
            }
            if let error = errors.compactMap({ $0 }).first {
                for c in 0..<chunks { (buffer.baseAddress! + firsts[c]).deinitialize(count: decoded[c]) }
                initialized = 0
                throw error
            }
            initialized = total
        }
    }
}
