import Foundation

/// Enterprises, the records that make up most of a large survey file, written and read directly,
/// without `Codable`'s containers, which cost several times more than the JSON itself.
///
/// Both directions must agree exactly with `Enterprise`'s (and `PhoneAttempt`'s) `Codable`
/// conformance, which stays the definition of the format:
///
/// - `encodeDirectly` writes the bytes `CanonicalEncoder` writes for `Enterprise.encode(to:)`:
///   members in key order, optional members left out when nil, lists left out when empty.
/// - `decodeDirectly` reads what `Enterprise.init(from:)` reads, but only when everything is as
///   the canonical writer leaves it: any key it does not know, any value of an unexpected type,
///   any number that is not a plain whole number, any text that is not one of an enumeration's
///   values returns nil, and the caller decodes that enterprise through `init(from:)`, which
///   accepts it or throws the error that says where and what is wrong.
///
/// The storage tests compare both directions with `Codable` on enterprises of every shape, and
/// check that `Enterprise` and `PhoneAttempt` have no stored property this file does not know.
extension Enterprise {
    /// Writes `e` as the object `CanonicalEncoder` writes at nesting level `depth` (after the
    /// element's separator and indentation).
    static func encodeDirectly(_ e: Enterprise, to out: JSONOutput, depth: Int) {
        var object = DirectObjectWriter(out, depth: depth)
        if !e.channelsSearched.isEmpty {
            object.key("channelsSearched")
            object.stringList(e.channelsSearched) { $0.rawValue }
        }
        if let city = e.city { object.key("city"); out.string(city) }
        if !e.disclosedItems.isEmpty {
            object.key("disclosedItems")
            object.stringList(e.disclosedItems) { $0.rawValue }
        }
        if !e.foundAt.isEmpty {
            object.key("foundAt")
            object.stringList(e.foundAt) { $0.rawValue }
        }
        object.key("id")
        out.string(e.id)
        if let industry = e.industry { object.key("industry"); out.string(industry) }
        if !e.jurisdiction.isEmpty {
            object.key("jurisdiction")
            out.string(e.jurisdiction)
        }
        object.key("name")
        out.string(e.name)
        if let notes = e.notes { object.key("notes"); out.string(notes) }
        if let parent = e.parentCompany { object.key("parentCompany"); out.string(parent) }
        if !e.phoneAttempts.isEmpty {
            object.key("phoneAttempts")
            out.byte(UInt8(ascii: "["))
            for (i, attempt) in e.phoneAttempts.enumerated() {
                if i > 0 { out.byte(UInt8(ascii: ",")) }
                out.newline(depth: depth + 2)
                var inner = DirectObjectWriter(out, depth: depth + 2)
                if let date = attempt.date { inner.key("date"); out.string(date.description) }
                if let note = attempt.note { inner.key("note"); out.string(note) }
                if let outcome = attempt.outcome {
                    inner.key("outcome")
                    out.string(outcome.rawValue)
                }
                inner.finish()
            }
            out.newline(depth: depth + 1)
            out.byte(UInt8(ascii: "]"))
        }
        if let reasons = e.reasons { object.key("reasons"); out.string(reasons.description) }
        if !e.urls.isEmpty {
            object.key("urls")
            object.stringList(e.urls) { $0 }
        }
        if let year = e.year { object.key("year"); out.integer(year) }
        object.finish()
    }

    /// The enterprise in object node `node`, or nil when `init(from:)` must read it (see above).
    static func decodeDirectly(from tape: JSONTape, node: Int) -> Enterprise? {
        guard tape.nodes[node].kind == .object else { return nil }
        var id = -1, name = -1, jurisdiction = -1, city = -1, year = -1, reasons = -1, industry = -1, parentCompany = -1
        var channelsSearched = -1, foundAt = -1, urls = -1, disclosedItems = -1, phoneAttempts = -1, notes = -1
        var k = node + 1
        for _ in 0..<tape.nodes[node].count {
            let value = k + 1
            switch tape.directKey(k) {
            case 2 where tape.keyIs(k, "id"): id = value
            case 4 where tape.keyIs(k, "name"): name = value
            case 4 where tape.keyIs(k, "city"): city = value
            case 4 where tape.keyIs(k, "year"): year = value
            case 4 where tape.keyIs(k, "urls"): urls = value
            case 5 where tape.keyIs(k, "notes"): notes = value
            case 7 where tape.keyIs(k, "reasons"): reasons = value
            case 7 where tape.keyIs(k, "foundAt"): foundAt = value
            case 8 where tape.keyIs(k, "industry"): industry = value
            case 12 where tape.keyIs(k, "jurisdiction"): jurisdiction = value
            case 13 where tape.keyIs(k, "parentCompany"): parentCompany = value
            case 13 where tape.keyIs(k, "phoneAttempts"): phoneAttempts = value
            case 14 where tape.keyIs(k, "disclosedItems"): disclosedItems = value
            case 16 where tape.keyIs(k, "channelsSearched"): channelsSearched = value
            default: return nil
            }
            k = tape.next(value)
        }
        guard let idValue = tape.directString(id), let nameValue = tape.directString(name),
              let jurisdictionValue = jurisdiction < 0 ? "" : tape.directString(jurisdiction),
              let cityValue = tape.directOptionalString(city),
              let yearValue = tape.directOptionalInt(year), yearValue.map(SurveyLimits.years.contains) ?? true,
              let reasonsText = tape.directOptionalString(reasons),
              let industryValue = tape.directOptionalString(industry),
              let parentValue = tape.directOptionalString(parentCompany),
              let channelsValue = tape.directEnumList(channelsSearched, DirectEnumTable.channels),
              let foundValue = tape.directEnumList(foundAt, DirectEnumTable.channels),
              let urlsValue = tape.directStringList(urls),
              let itemsValue = tape.directEnumList(disclosedItems, DirectEnumTable.items),
              let attemptsValue = decodePhoneAttempts(tape, phoneAttempts),
              let notesValue = tape.directOptionalString(notes)
        else { return nil }
        var reasonsValue: ReasonSet?
        if let reasonsText {
            guard let set = ReasonSet(parsing: reasonsText) else { return nil }
            reasonsValue = set
        }
        return Enterprise(id: idValue, name: nameValue, jurisdiction: jurisdictionValue, city: cityValue, year: yearValue,
                          reasons: reasonsValue, industry: industryValue, parentCompany: parentValue,
                          channelsSearched: channelsValue, foundAt: foundValue, urls: urlsValue, disclosedItems: itemsValue,
                          phoneAttempts: attemptsValue, notes: notesValue)
    }

    /// `[PhoneAttempt]` as `decodeIfPresent(…) ?? []` reads it, or nil when `init(from:)` must.
    private static func decodePhoneAttempts(_ tape: JSONTape, _ node: Int) -> [PhoneAttempt]? {
        if node < 0 || tape.nodes[node].kind == .null { return [] }
        guard tape.nodes[node].kind == .array else { return nil }
        var attempts: [PhoneAttempt] = []
        attempts.reserveCapacity(Int(tape.nodes[node].count))
        var element = node + 1
        for _ in 0..<tape.nodes[node].count {
            guard tape.nodes[element].kind == .object else { return nil }
            var date = -1, outcome = -1, note = -1
            var k = element + 1
            for _ in 0..<tape.nodes[element].count {
                switch tape.directKey(k) {
                case 4 where tape.keyIs(k, "date"): date = k + 1
                case 4 where tape.keyIs(k, "note"): note = k + 1
                case 7 where tape.keyIs(k, "outcome"): outcome = k + 1
                default: return nil
                }
                k = tape.next(k + 1)
            }
            var outcomeValue: PhoneOutcome?
            if outcome >= 0, tape.nodes[outcome].kind != .null {
                guard let value = tape.directEnum(outcome, DirectEnumTable.outcomes) else { return nil }
                outcomeValue = value
            }
            guard let dateText = tape.directOptionalString(date),
                  let noteValue = tape.directOptionalString(note)
            else { return nil }
            var dateValue: PartialDate?
            if let dateText {
                guard let parsed = PartialDate(parsing: dateText) else { return nil }
                dateValue = parsed
            }
            attempts.append(PhoneAttempt(date: dateValue, outcome: outcomeValue, note: noteValue))
            element = tape.next(element)
        }
        return attempts
    }
}

/// Writes one object's members in the order they are given (which must be key order), as
/// `CanonicalEncoder` lays them out.
struct DirectObjectWriter {
    let out: JSONOutput
    let depth: Int
    private var empty = true

    init(_ out: JSONOutput, depth: Int) {
        self.out = out
        self.depth = depth
        out.byte(UInt8(ascii: "{"))
    }

    /// Begins a member. `name` must need no escaping.
    mutating func key(_ name: StaticString) {
        if !empty { out.byte(UInt8(ascii: ",")) }
        empty = false
        out.newline(depth: depth + 1)
        out.byte(0x22)
        out.literal(name)
        out.literal("\": ")
    }

    /// A member's value that is a non-empty list of text.
    func stringList<T>(_ values: [T], _ text: (T) -> String) {
        out.byte(UInt8(ascii: "["))
        for (i, value) in values.enumerated() {
            if i > 0 { out.byte(UInt8(ascii: ",")) }
            out.newline(depth: depth + 2)
            out.string(text(value))
        }
        out.newline(depth: depth + 1)
        out.byte(UInt8(ascii: "]"))
    }

    func finish() {
        if !empty { out.newline(depth: depth) }
        out.byte(UInt8(ascii: "}"))
    }
}

/// The raw values of the enumerations enterprises use, as bytes, to read them without making strings.
enum DirectEnumTable {
    static let channels = table(Channel.self)
    static let items = table(DisclosureItem.self)
    static let outcomes = table(PhoneOutcome.self)

    private static func table<E: CaseIterable & RawRepresentable>(_ type: E.Type) -> [([UInt8], E)] where E.RawValue == String {
        E.allCases.map { (Array($0.rawValue.utf8), $0) }
    }
}

extension JSONTape {
    /// The byte length of key node `k`, or -1 when it was written with escapes (so that no
    /// plain key matches it).
    @inline(__always)
    func directKey(_ k: Int) -> Int {
        let node = nodes[k]
        return node.count & 1 == 0 ? Int(node.length) : -1
    }

    /// True when the (unescaped) string node `k` is exactly `name`.
    @inline(__always)
    func keyIs(_ k: Int, _ name: StaticString) -> Bool {
        let node = nodes[k]
        return Int(node.length) == name.utf8CodeUnitCount
            && memcmp(bytes.baseAddress! + Int(node.offset), name.utf8Start, name.utf8CodeUnitCount) == 0
    }

    /// A required text member: nil when absent or not text.
    func directString(_ node: Int) -> String? {
        guard node >= 0, nodes[node].kind == .string else { return nil }
        return string(at: node)
    }

    /// An optional text member as `decodeIfPresent` reads it: `.some(nil)` when absent or null,
    /// nil when it is something other than text.
    func directOptionalString(_ node: Int) -> String?? {
        if node < 0 || nodes[node].kind == .null { return .some(nil) }
        guard nodes[node].kind == .string else { return nil }
        return .some(string(at: node))
    }

    /// An optional whole number written plainly (digits, perhaps a minus sign, at most 18 digits).
    func directOptionalInt(_ node: Int) -> Int?? {
        if node < 0 || nodes[node].kind == .null { return .some(nil) }
        let n = nodes[node]
        guard n.kind == .number, n.length > 0 else { return nil }
        let start = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self) + Int(n.offset)
        var i = 0
        let negative = start[0] == UInt8(ascii: "-")
        if negative { i = 1 }
        // At most 18 digits, which cannot overflow.
        guard i < Int(n.length), Int(n.length) - i <= 18 else { return nil }
        var value = 0
        while i < Int(n.length) {
            let digit = start[i] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
            i += 1
        }
        return .some(negative ? -value : value)
    }

    /// A value of an enumeration written as its raw text without escapes, or nil.
    func directEnum<E>(_ node: Int, _ table: [([UInt8], E)]) -> E? {
        guard node >= 0 else { return nil }
        let n = nodes[node]
        guard n.kind == .string, n.count & 1 == 0 else { return nil }
        let start = bytes.baseAddress! + Int(n.offset)
        for (raw, value) in table where raw.count == Int(n.length) {
            if raw.withUnsafeBytes({ memcmp(start, $0.baseAddress!, raw.count) }) == 0 { return value }
        }
        return nil
    }

    /// An optional list of enumeration values as `decodeIfPresent(…) ?? []` reads it, or nil.
    func directEnumList<E>(_ node: Int, _ table: [([UInt8], E)]) -> [E]? {
        if node < 0 || nodes[node].kind == .null { return [] }
        guard nodes[node].kind == .array else { return nil }
        let count = Int(nodes[node].count)
        var out: [E] = []
        out.reserveCapacity(count)
        // Elements of a list of text are single nodes.
        for element in (node + 1)..<(node + 1 + count) {
            guard let value = directEnum(element, table) else { return nil }
            out.append(value)
        }
        return out
    }

    /// An optional list of text as `decodeIfPresent(…) ?? []` reads it, or nil.
    func directStringList(_ node: Int) -> [String]? {
        if node < 0 || nodes[node].kind == .null { return [] }
        guard nodes[node].kind == .array else { return nil }
        var out: [String] = []
        out.reserveCapacity(Int(nodes[node].count))
        var element = node + 1
        for _ in 0..<nodes[node].count {
            guard nodes[element].kind == .string else { return nil }
            out.append(string(at: element))
            element += 1
        }
        return out
    }
}
