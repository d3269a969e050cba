import Foundation

/// A JSON document parsed into a flat list of nodes in document order ("tape"), each pointing into
/// the text. Strings stay undecoded until asked for; containers know where their subtree ends, so
/// skipping a value is O(1). Built by `JSONParser`, read by `TapeDecoder`.
///
/// The tape does not own its bytes: it is only valid inside the `withUnsafeBytes` scope that made it.
struct JSONTape {
    enum Kind: UInt8 {
        case object, array, string, number, trueValue, falseValue, null
    }

    /// 16 bytes per node. Offsets fit in 32 bits because files are capped at 256 MiB.
    struct Node {
        /// Containers: the offset of `{` or `[`. Strings: the first byte after the opening quote.
        /// Numbers and literals: the first byte of the token.
        var offset: UInt32
        /// Containers: the index of the node after the whole subtree. Strings: the content's byte
        /// length (without quotes). Numbers and literals: the token's byte length.
        var length: UInt32
        /// Objects: member count (the members follow as key node, value subtree, key node, …).
        /// Arrays: element count. Strings: bit 0 is set when the content contains escapes; bits
        /// 8–15 and 16–23 hold its first and last bytes (`signature`), to reject most keys quickly.
        var count: UInt32
        var kind: Kind
    }

    /// A long array whose elements were parsed on several cores, in chunks (`JSONParser`'s
    /// `splitDepth`). Its node on this tape has no children: its elements are the top-level
    /// values of the chunks' tapes, in order. Only `TapeDecoder`'s parallel decoding reads them.
    struct SplitArray {
        var chunks: [JSONTape]
        /// How many elements each chunk holds.
        var counts: [Int]
    }

    let bytes: UnsafeRawBufferPointer
    var nodes: [Node]
    /// The split arrays, by node.
    var splitArrays: [Int: SplitArray] = [:]

    /// Whether node `i` is a split array (see `SplitArray`).
    @inline(__always)
    func isSplit(_ i: Int) -> Bool { !splitArrays.isEmpty && splitArrays[i] != nil }

    /// The index of the node after node `i` and its subtree.
    @inline(__always)
    func next(_ i: Int) -> Int {
        let node = nodes[i]
        return node.kind == .object || node.kind == .array ? Int(node.length) : i + 1
    }

    /// The byte offset where node `i`'s token starts (the opening quote for strings).
    func tokenStart(_ i: Int) -> Int {
        let node = nodes[i]
        return node.kind == .string ? Int(node.offset) - 1 : Int(node.offset)
    }

    /// The byte length of a scalar node's token, quotes included (1 for a container's opening bracket).
    func tokenLength(_ i: Int) -> Int {
        let node = nodes[i]
        switch node.kind {
        case .string: return Int(node.length) + 2
        case .object, .array: return 1
        default: return Int(node.length)
        }
    }

    /// The `count` field of a string node without escapes: its first and last bytes.
    @inline(__always)
    static func signature(_ text: UnsafeRawBufferPointer) -> UInt32 {
        guard let first = text.first, let last = text.last else { return 0 }
        return UInt32(first) << 8 | UInt32(last) << 16
    }

    /// The value node of member `key` in object node `object`, or nil. Compares lengths and
    /// signatures first, then bytes; keys written with escapes are decoded and compared as text.
    func member(_ key: String, inObject object: Int) -> Int? { memberAndPosition(key, inObject: object)?.node }

    /// `member`, with the member's position among the object's members (0 for the first).
    func memberAndPosition(_ key: String, inObject object: Int) -> (node: Int, position: Int)? {
        var key = key
        return key.withUTF8 { k in
            let raw = UnsafeRawBufferPointer(k)
            let length = UInt32(raw.count)
            let signature = JSONTape.signature(raw)
            var i = object + 1
            for position in 0..<Int(nodes[object].count) {
                let node = nodes[i]
                if node.count & 1 != 0 {
                    if string(at: i).utf8.elementsEqual(raw) { return (i + 1, position) }
                } else if node.length == length && node.count == signature
                            && (length == 0 || memcmp(bytes.baseAddress! + Int(node.offset), raw.baseAddress!, raw.count) == 0) {
                    return (i + 1, position)
                }
                i = next(i + 1)
            }
            return nil
        }
    }

    /// The key nodes of object node `object`, in document order.
    func keyNodes(ofObject object: Int) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(Int(nodes[object].count))
        var k = object + 1
        for _ in 0..<nodes[object].count {
            out.append(k)
            k = next(k + 1)
        }
        return out
    }

    /// The decoded text of string node `i`.
    func string(at i: Int) -> String {
        let node = nodes[i]
        let raw = UnsafeRawBufferPointer(rebasing: bytes[Int(node.offset)..<Int(node.offset + node.length)])
        if node.count & 1 == 0 { return String(decoding: raw, as: UTF8.self) }
        return JSONTape.unescape(raw)
    }

    /// The raw text of a number node, e.g. "2019" or "-1.5e3".
    func numberText(at i: Int) -> Substring {
        let node = nodes[i]
        let raw = UnsafeRawBufferPointer(rebasing: bytes[Int(node.offset)..<Int(node.offset + node.length)])
        return Substring(String(decoding: raw, as: UTF8.self))
    }

    /// Decodes the escapes of a string's content. The parser has already checked them.
    static func unescape(_ raw: UnsafeRawBufferPointer) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0
        func hex4(_ at: Int) -> UInt32 {
            var v: UInt32 = 0
            for k in at..<at + 4 {
                let c = raw[k]
                let d: UInt8 = c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x61 + 10
                v = v << 4 | UInt32(d)
            }
            return v
        }
        while i < raw.count {
            let c = raw[i]
            guard c == UInt8(ascii: "\\") else {
                out.append(c)
                i += 1
                continue
            }
            let e = raw[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex4(i)
                i += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (hex4(i + 2) - 0xDC00)
                    i += 6
                }
                out.append(contentsOf: String(Unicode.Scalar(scalar) ?? "\u{FFFD}").utf8)
            default: out.append(e)  // \" \\ \/
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Follows `path` down from node `root` as far as it exists. Returns the deepest node reached and
    /// how many components were matched (`path.count` when the whole path exists).
    func locate(_ path: [JSONPathComponent], from root: Int = 0) -> (node: Int, matched: Int) {
        var node = root
        var matched = 0
        for component in path {
            guard node < nodes.count else { break }
            switch component {
            case .key(let key):
                guard nodes[node].kind == .object, let value = member(key, inObject: node) else { return (node, matched) }
                node = value
            case .index(let index):
                guard nodes[node].kind == .array, index >= 0, index < Int(nodes[node].count) else { return (node, matched) }
                var element = node + 1
                for _ in 0..<index { element = next(element) }
                node = element
            }
            matched += 1
        }
        return (node, matched)
    }

    /// How a reader would name the kind of value at node `i`, in the interface language:
    /// "text (\"abc\")", "a number (12)", … Only for error messages.
    func describeValue(_ i: Int) -> String {
        let kind = nodes[i].kind
        let excerpt = kind == .object || kind == .array ? "" : JSONLocation.excerpt(at: tokenStart(i), length: tokenLength(i), in: bytes)
        switch kind {
        case .object: return tr("an object ({…})")
        case .array: return tr("a list ([…])")
        case .string: return tr("text (%1)", excerpt)
        case .number: return tr("a number (%1)", excerpt)
        case .trueValue, .falseValue: return tr("a true/false value (%1)", excerpt)
        case .null: return "null"  // the JSON word, the same in every language
        }
    }
}
