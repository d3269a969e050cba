import Foundation

/// The first thing wrong with a JSON text, with where it is.
struct JSONSyntaxError: Error, Equatable {
    enum Problem: Equatable {
        /// The text ends before the document is complete. `expected` says what should have come next.
        case unexpectedEnd(expected: Expectation)
        /// A character that cannot stand here.
        case unexpectedCharacter(expected: Expectation)
        /// A bad escape or a raw control character inside a string.
        case badString(BadString)
        /// A number that does not follow JSON's grammar.
        case badNumber
        /// The same key twice in one object.
        case duplicateKey(String)
    }

    /// What should have come where the parser stopped. Named in words (`phrase`) only when an
    /// error is reported, so the parser itself never builds or translates text.
    enum Expectation: Equatable {
        case value, anyValue, keyOrBrace, quotedKeyOrBrace, quotedKey, valueOrBracket
        case commaOrBrace, commaOrBracket, commaOrBraceAfterValue, commaOrBracketAfterValue
        case colonAfterKey, endAfterDocument, closingQuote, restOfEscape, surrogateSecondHalf, hexDigits, digit
        /// The rest of `true`, `false` or `null`.
        case restOfLiteral(String)

        /// The expectation as a noun phrase in the interface language, e.g. "a key in double quotes".
        var phrase: String {
            switch self {
            case .value: return tr("a value")
            case .anyValue: return tr("a value (text in double quotes, a number, an object, a list, true, false or null)")
            case .keyOrBrace: return tr("a key or '}'")
            case .quotedKeyOrBrace: return tr("a key in double quotes or '}'")
            case .quotedKey: return tr("a key in double quotes")
            case .valueOrBracket: return tr("a value or ']'")
            case .commaOrBrace: return tr("',' or '}'")
            case .commaOrBracket: return tr("',' or ']'")
            case .commaOrBraceAfterValue: return tr("',' or '}' after the value")
            case .commaOrBracketAfterValue: return tr("',' or ']' after the value")
            case .colonAfterKey: return tr("':' after the key")
            case .endAfterDocument: return tr("the end of the file after the complete JSON document")
            case .closingQuote: return tr("the closing '\"' of the text")
            case .restOfEscape: return tr("the rest of the escape and the closing '\"'")
            case .surrogateSecondHalf: return tr("the second half of a surrogate pair")
            case .hexDigits: return tr("four hexadecimal digits after \\u")
            case .digit: return tr("a digit")
            case .restOfLiteral(let word): return tr("the rest of '%1'", word)
            }
        }
    }

    /// What is wrong inside a string.
    enum BadString: Equatable {
        /// A raw control character (byte below 0x20; 0x0A is a line break).
        case controlCharacter(UInt8)
        /// A `\uXXXX` escape of half a surrogate pair without the other half.
        case unpairedSurrogate(UInt32)
        /// A backslash followed by a character that does not make an escape.
        case invalidEscape
        /// `\u` not followed by four hexadecimal digits.
        case invalidUnicodeEscape

        /// A clause for a message, in the interface language: "there is an invalid escape; …".
        var clause: String {
            switch self {
            case .controlCharacter(let c):
                let what = c == 0x0A ? tr("a line break") : tr("the control character %1", String(format: "U+%04X", c))
                return tr("there is %1 inside text; write it as an escape such as \\n, or close the text with '\"'", what)
            case .unpairedSurrogate(let value):
                return tr("there is an unpaired surrogate escape %1", "\\u" + String(value, radix: 16, uppercase: true))
            case .invalidEscape:
                return tr("there is an invalid escape; the escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX")
            case .invalidUnicodeEscape:
                return tr("there is an invalid \\u escape; it needs four hexadecimal digits")
            }
        }
    }

    var problem: Problem
    /// Byte offset of the offending character (the text's length for `unexpectedEnd`).
    var offset: Int
    /// Where the parser was: the open containers, then the member or element it was in.
    var path: [JSONPathComponent]
    /// How many objects and arrays were still open.
    var openContainers: Int
}

/// A strict, iterative (no recursion, so no stack overflow on deep nesting) RFC 8259 parser that
/// builds a `JSONTape` in one linear pass and stops at the first syntax error with its byte offset.
/// It also refuses duplicate keys in an object (which `JSONDecoder` would silently drop).
///
/// Long arrays of objects laid out as `CanonicalJSON` writes them (a `.gongkai` file's record
/// lists) can be parsed on several cores: see `splitArray`. The text accepted and the tape's
/// values are the same; a syntax error is always found and reported by the one-pass parse.
struct JSONParser {
    private let base: UnsafePointer<UInt8>
    /// Where the text to parse ends.
    private let count: Int
    /// The whole text (node offsets are offsets in it).
    private let bytes: UnsafeRawBufferPointer
    private var i = 0
    private var nodes: [JSONTape.Node] = []
    private var stack: [Int] = []
    private var scratch: [Int] = []
    /// Arrays opened while this many containers are open are split if they can be (-1: none).
    private var splitDepth = -1
    private var splitArrays: [Int: JSONTape.SplitArray] = [:]
    /// The last search for a closing line (`splitArray`): where it began and what it found. A
    /// later search that begins between the two finds the same, so no byte is searched twice.
    private var lastClosingSearch: (from: Int, found: Int?)?
    /// Parsing a chunk of a split array: values separated by commas up to `count`, counted in `values`.
    private var sequence = false
    private var values = 0

    /// Parses `bytes`, which must be shorter than 4 GiB. Arrays opened while `splitDepth`
    /// containers are open (2 for a survey file's record lists) are parsed on several cores
    /// when they are long and laid out canonically.
    static func parse(_ bytes: UnsafeRawBufferPointer, splitDepth: Int = -1) throws -> JSONTape {
        guard let raw = bytes.baseAddress, !bytes.isEmpty else {
            throw JSONSyntaxError(problem: .unexpectedEnd(expected: .value), offset: 0, path: [], openContainers: 0)
        }
        precondition(bytes.count < Int(UInt32.max), "JSON text too large for the tape")
        var parser = JSONParser(base: raw.assumingMemoryBound(to: UInt8.self), count: bytes.count, bytes: bytes,
                                expectedNodes: bytes.count / 12 + 16)
        parser.splitDepth = splitDepth
        try parser.run()
        return JSONTape(bytes: bytes, nodes: parser.nodes, splitArrays: parser.splitArrays)
    }

    private init(base: UnsafePointer<UInt8>, count: Int, bytes: UnsafeRawBufferPointer, expectedNodes: Int) {
        self.base = base
        self.count = count
        self.bytes = bytes
        nodes.reserveCapacity(expectedNodes)
    }

    // MARK: - Long arrays on several cores

    /// Arrays shorter than this (in bytes) are not split.
    static let splitMinimumBytes = 1 << 20

    /// Tries to parse the array whose `[` is at `i` on several cores. Succeeds only when it is laid
    /// out as `CanonicalJSON` writes it at this depth: each element an object on lines of its own,
    /// the closing bracket on a line indented like the array's key. Raw line breaks cannot occur
    /// inside JSON text, so those lines can be found by searching the bytes: the closing line, and
    /// element boundaries `},` near evenly spaced points, where the array is cut into chunks.
    /// Each chunk is parsed on its own core as values separated by commas. If any chunk fails (the
    /// layout was not canonical after all, or the text has an error), nothing is kept and the
    /// array is parsed in one pass, which finds and reports the error as usual; when all succeed,
    /// the chunks cover every byte between the brackets and each cut is a comma between two
    /// elements, so the text is exactly what the one-pass parse accepts.
    /// On success, appends the array's node, moves `i` past the closing bracket and returns true.
    private mutating func splitArray() -> Bool {
        let level = stack.count
        let start = i
        // "[" then "\n" and the elements' indentation, then "{".
        let elementIndent = 2 * (level + 1)
        guard start + 2 + elementIndent < count, base[start + 1] == 0x0A,
              base[start + 2 + elementIndent] == UInt8(ascii: "{"),
              (0..<elementIndent).allSatisfy({ base[start + 2 + $0] == 0x20 }) else { return false }
        // The closing line: "\n", the array's own indentation, "]".
        let closing: Int?
        if let last = lastClosingSearch, last.from <= start + 1, last.found.map({ start + 1 <= $0 }) ?? true {
            closing = last.found
        } else {
            closing = findLine(indent: 2 * level, startingWith: UInt8(ascii: "]"), from: start + 1, before: count)
            lastClosingSearch = (start + 1, closing)
        }
        guard let end = closing, end - start >= Self.splitMinimumBytes else { return false }
        // From here on, a failure means the layout is not what it seemed, or the text is damaged:
        // then the rest of the text is parsed in one pass (trying again could search and parse
        // the same bytes many times over).
        splitDepth = -1

        // Cut points: the comma after an element's closing line "\n", indentation, "}".
        let wanted = max(2, min(16, 2 * ProcessInfo.processInfo.activeProcessorCount))
        var cuts: [Int] = []  // offsets of the commas
        for k in 1..<wanted {
            var from = max(start + (end - start) * k / wanted, (cuts.last ?? start) + 1)
            while let brace = findLine(indent: elementIndent, startingWith: UInt8(ascii: "}"), from: from, before: end) {
                if base[brace + 1] == UInt8(ascii: ",") {
                    cuts.append(brace + 1)
                    break
                }
                from = brace + 1
            }
            if cuts.count < k { break }
        }
        guard !cuts.isEmpty else { return false }
        let ranges = zip([start] + cuts, cuts + [end]).map { ($0 + 1)..<$1 }

        // Parse the chunks; each writes only its own slot.
        var results = [(JSONTape, Int)?](repeating: nil, count: ranges.count)
        let shared = Unchecked((base, bytes))
        results.withUnsafeMutableBufferPointer { slots in
            let out = Unchecked(slots)
            ParallelCoding.run(ranges.count) { c in
                let (base, bytes) = shared.value
                let range = ranges[c]
                var chunk = JSONParser(base: base, count: range.upperBound, bytes: bytes, expectedNodes: range.count / 12 + 16)
                chunk.i = range.lowerBound
                chunk.sequence = true
                guard (try? chunk.run()) != nil else { return }
                out.value[c] = (JSONTape(bytes: bytes, nodes: chunk.nodes), chunk.values)
            }
        }
        guard results.allSatisfy({ $0 != nil }) else { return false }
        let split = JSONTape.SplitArray(chunks: results.map { $0!.0 }, counts: results.map { $0!.1 })
        let index = nodes.count
        nodes.append(JSONTape.Node(offset: UInt32(start), length: UInt32(index + 1),
                                   count: UInt32(split.counts.reduce(0, +)), kind: .array))
        splitArrays[index] = split
        splitDepth = level
        i = end + 1
        return true
    }

    /// The offset of the first byte `first` in `from..<limit` that begins a line after `indent`
    /// spaces (the line break before them at or after `from - indent - 1`, not before the text).
    /// Found with `memchr`, which skips long runs of other bytes quickly.
    private func findLine(indent: Int, startingWith first: UInt8, from: Int, before limit: Int) -> Int? {
        var p = from
        while p < limit {
            guard let hit = memchr(base + p, Int32(first), limit - p) else { return nil }
            let q = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            if q > indent && base[q - indent - 1] == 0x0A && (q - indent..<q).allSatisfy({ base[$0] == 0x20 }) { return q }
            p = q + 1
        }
        return nil
    }

    // MARK: - Main loop

    private mutating func run() throws {
        var expectingValue = true
        while true {
            if expectingValue {
                skipWhitespace()
                guard i < count else { throw end(.value) }
                switch base[i] {
                case UInt8(ascii: "{"):
                    let index = open(.object)
                    skipWhitespace()
                    guard i < count else { throw end(.keyOrBrace) }
                    if base[i] == UInt8(ascii: "}") {
                        i += 1
                        close(index)
                    } else {
                        try keyAndColon(of: index, expected: .quotedKeyOrBrace)
                        continue
                    }
                case UInt8(ascii: "[") where stack.count == splitDepth && splitArray():
                    break
                case UInt8(ascii: "["):
                    let index = open(.array)
                    skipWhitespace()
                    guard i < count else { throw end(.valueOrBracket) }
                    if base[i] == UInt8(ascii: "]") {
                        i += 1
                        close(index)
                    } else {
                        nodes[index].count = 1
                        continue
                    }
                case UInt8(ascii: "\""): try string()
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
                case UInt8(ascii: "t"): try literal("true", .trueValue)
                case UInt8(ascii: "f"): try literal("false", .falseValue)
                case UInt8(ascii: "n"): try literal("null", .null)
                default: throw unexpected(.anyValue)
                }
                expectingValue = false
            }
            // A value is complete: what follows depends on the container it is in.
            skipWhitespace()
            guard let top = stack.last else {
                if sequence {
                    // A chunk of a split array: another element after a comma, or the chunk's end.
                    values += 1
                    guard i < count else { return }
                    guard base[i] == UInt8(ascii: ",") else { throw unexpected(.commaOrBracketAfterValue) }
                    i += 1
                    expectingValue = true
                    continue
                }
                if i < count { throw unexpected(.endAfterDocument) }
                return
            }
            guard i < count else {
                throw end(nodes[top].kind == .object ? .commaOrBrace : .commaOrBracket)
            }
            let c = base[i]
            if nodes[top].kind == .object {
                if c == UInt8(ascii: ",") {
                    i += 1
                    skipWhitespace()
                    try keyAndColon(of: top, expected: .quotedKey)
                    expectingValue = true
                } else if c == UInt8(ascii: "}") {
                    i += 1
                    try checkDuplicateKeys(top)
                    close(top)
                } else {
                    throw unexpected(.commaOrBraceAfterValue)
                }
            } else {
                if c == UInt8(ascii: ",") {
                    i += 1
                    nodes[top].count += 1
                    expectingValue = true
                } else if c == UInt8(ascii: "]") {
                    i += 1
                    close(top)
                } else {
                    throw unexpected(.commaOrBracketAfterValue)
                }
            }
        }
    }

    private mutating func open(_ kind: JSONTape.Kind) -> Int {
        let index = nodes.count
        nodes.append(JSONTape.Node(offset: UInt32(i), length: 0, count: 0, kind: kind))
        stack.append(index)
        i += 1
        return index
    }

    private mutating func close(_ index: Int) {
        nodes[index].length = UInt32(nodes.count)
        stack.removeLast()
    }

    private mutating func keyAndColon(of object: Int, expected: JSONSyntaxError.Expectation) throws {
        guard i < count else { throw end(expected) }
        guard base[i] == UInt8(ascii: "\"") else { throw unexpected(expected) }
        try string()
        nodes[object].count += 1
        skipWhitespace()
        guard i < count else { throw end(.colonAfterKey) }
        guard base[i] == UInt8(ascii: ":") else { throw unexpected(.colonAfterKey) }
        i += 1
    }

    @inline(__always)
    private mutating func skipWhitespace() {
        // Indentation eight spaces at a time.
        while i + 8 <= count && UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) == 0x2020_2020_2020_2020 {
            i += 8
        }
        while i < count {
            let c = base[i]
            guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { return }
            i += 1
        }
    }

    // MARK: - Scalars

    private mutating func string() throws {
        let start = i + 1
        var j = start
        var escaped = false
        while true {
            // Eight bytes at a time while none is a quote, a backslash or a control character.
            while j + 8 <= count {
                let w = UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self)
                let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
                let quote = w ^ (ones &* 0x22), backslash = w ^ (ones &* 0x5C)
                let special = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((w &- ones &* 0x20) & ~w)
                if special & highs != 0 { break }
                j += 8
            }
            guard j < count else { i = count; throw end(.closingQuote) }
            let c = base[j]
            if c == UInt8(ascii: "\"") { break }
            if c == UInt8(ascii: "\\") {
                escaped = true
                j = try escape(at: j)
                continue
            }
            if c < 0x20 {
                i = j
                throw fail(.badString(.controlCharacter(c)))
            }
            j += 1
        }
        let flags = escaped ? 1 : JSONTape.signature(UnsafeRawBufferPointer(start: base + start, count: j - start))
        nodes.append(JSONTape.Node(offset: UInt32(start), length: UInt32(j - start), count: flags, kind: .string))
        i = j + 1
    }

    /// Checks the escape at `j` (a backslash) and returns the offset after it.
    private mutating func escape(at j: Int) throws -> Int {
        guard j + 1 < count else { i = count; throw end(.restOfEscape) }
        switch base[j + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
             UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return j + 2
        case UInt8(ascii: "u"):
            let first = try hex4(at: j + 2, escapeStart: j)
            if (0xDC00...0xDFFF).contains(first) {
                i = j
                throw fail(.badString(.unpairedSurrogate(first)))
            }
            guard (0xD800...0xDBFF).contains(first) else { return j + 6 }
            guard j + 7 < count else { i = count; throw end(.surrogateSecondHalf) }
            var second: UInt32 = 0
            if base[j + 6] == UInt8(ascii: "\\") && base[j + 7] == UInt8(ascii: "u") {
                second = try hex4(at: j + 8, escapeStart: j + 6)
            }
            guard (0xDC00...0xDFFF).contains(second) else {
                i = j
                throw fail(.badString(.unpairedSurrogate(first)))
            }
            return j + 12
        default:
            i = j
            throw fail(.badString(.invalidEscape))
        }
    }

    private mutating func hex4(at start: Int, escapeStart: Int) throws -> UInt32 {
        var value: UInt32 = 0
        for k in start..<start + 4 {
            guard k < count else { i = count; throw end(.hexDigits) }
            let c = base[k] | 0x20
            let digit: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c - UInt8(ascii: "a") + 10
            default:
                i = escapeStart
                throw fail(.badString(.invalidUnicodeEscape))
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private mutating func number() throws {
        let start = i
        func isDigit(_ at: Int) -> Bool { at < count && base[at] >= UInt8(ascii: "0") && base[at] <= UInt8(ascii: "9") }
        func digits() throws {
            guard i < count else { throw end(.digit) }
            guard isDigit(i) else { throw fail(.badNumber) }
            while isDigit(i) { i += 1 }
        }
        if base[i] == UInt8(ascii: "-") { i += 1 }
        guard i < count else { throw end(.digit) }
        if base[i] == UInt8(ascii: "0") {
            i += 1
            if isDigit(i) { throw fail(.badNumber) }
        } else {
            try digits()
        }
        if i < count && base[i] == UInt8(ascii: ".") {
            i += 1
            try digits()
        }
        if i < count && (base[i] | 0x20) == UInt8(ascii: "e") {
            i += 1
            if i < count && (base[i] == UInt8(ascii: "+") || base[i] == UInt8(ascii: "-")) { i += 1 }
            try digits()
        }
        nodes.append(JSONTape.Node(offset: UInt32(start), length: UInt32(i - start), count: 0, kind: .number))
    }

    private mutating func literal(_ word: StaticString, _ kind: JSONTape.Kind) throws {
        let start = i
        let text = UnsafeRawBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for (k, expected) in text.enumerated() {
            guard start + k < count else { i = count; throw end(.restOfLiteral("\(word)")) }
            guard base[start + k] == expected else {
                i = start
                throw unexpected(.anyValue)
            }
        }
        nodes.append(JSONTape.Node(offset: UInt32(start), length: UInt32(text.count), count: 0, kind: kind))
        i = start + text.count
    }

    // MARK: - Duplicate keys

    private mutating func checkDuplicateKeys(_ object: Int) throws {
        let n = Int(nodes[object].count)
        guard n > 1 else { return }
        scratch.removeAll(keepingCapacity: true)
        var k = object + 1
        for _ in 0..<n {
            scratch.append(k)
            let v = k + 1
            k = nodes[v].kind == .object || nodes[v].kind == .array ? Int(nodes[v].length) : v + 1
        }
        // Keys without escapes in strictly increasing byte order (as canonical files write them)
        // cannot repeat: one comparison per key instead of one per pair.
        if (1..<n).allSatisfy({ precedes(scratch[$0 - 1], scratch[$0]) }) { return }
        let tape = JSONTape(bytes: bytes, nodes: nodes)
        if n <= 24 {
            for a in 1..<n {
                for b in 0..<a where sameKey(scratch[a], scratch[b], tape) {
                    throw duplicate(scratch[a], tape)
                }
            }
        } else {
            var seen = Set<String>()
            for key in scratch where !seen.insert(tape.string(at: key)).inserted {
                throw duplicate(key, tape)
            }
        }
    }

    /// Whether key `a` and key `b`, both written without escapes, are in strictly increasing byte order.
    private func precedes(_ a: Int, _ b: Int) -> Bool {
        let x = nodes[a], y = nodes[b]
        guard x.count & 1 == 0 && y.count & 1 == 0 else { return false }
        let c = memcmp(base + Int(x.offset), base + Int(y.offset), Int(min(x.length, y.length)))
        return c < 0 || (c == 0 && x.length < y.length)
    }

    private func sameKey(_ a: Int, _ b: Int, _ tape: JSONTape) -> Bool {
        let x = nodes[a], y = nodes[b]
        if x.count & 1 == 0 && y.count & 1 == 0 {
            return x.length == y.length && x.count == y.count
                && memcmp(base + Int(x.offset), base + Int(y.offset), Int(x.length)) == 0
        }
        return Array(tape.string(at: a).utf8) == Array(tape.string(at: b).utf8)
    }

    private mutating func duplicate(_ key: Int, _ tape: JSONTape) -> JSONSyntaxError {
        i = Int(nodes[key].offset) - 1
        var error = fail(.duplicateKey(tape.string(at: key)))
        // `fail` ends the path with the object's last member; name the repeated key instead.
        error.path.removeLast()
        error.path.append(.key(tape.string(at: key)))
        return error
    }

    // MARK: - Errors

    private func end(_ expected: JSONSyntaxError.Expectation) -> JSONSyntaxError {
        JSONSyntaxError(problem: .unexpectedEnd(expected: expected), offset: count, path: currentPath(), openContainers: stack.count)
    }

    private func unexpected(_ expected: JSONSyntaxError.Expectation) -> JSONSyntaxError {
        fail(.unexpectedCharacter(expected: expected))
    }

    private func fail(_ problem: JSONSyntaxError.Problem) -> JSONSyntaxError {
        JSONSyntaxError(problem: problem, offset: i, path: currentPath(), openContainers: stack.count)
    }

    /// The path of the innermost open container, then the member or element being read in it.
    private func currentPath() -> [JSONPathComponent] {
        let tape = JSONTape(bytes: bytes, nodes: nodes)
        var path: [JSONPathComponent] = []
        for (level, container) in stack.enumerated() {
            if level > 0 {
                let parent = stack[level - 1]
                path.append(nodes[parent].kind == .object ? .key(tape.string(at: container - 1)) : .index(Int(nodes[parent].count) - 1))
            }
        }
        if let top = stack.last, nodes[top].count > 0 {
            if nodes[top].kind == .object {
                var k = top + 1
                for _ in 1..<nodes[top].count { k = tape.next(k + 1) }
                path.append(.key(tape.string(at: k)))
            } else {
                path.append(.index(Int(nodes[top].count) - 1))
            }
        }
        return path
    }
}
