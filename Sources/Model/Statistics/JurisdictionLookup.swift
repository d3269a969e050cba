import Foundation

/// Jurisdiction id → position, for loops over 100,000 records: a small open-addressing table with
/// a cheap hash of a few of the id's bytes. A `Dictionary<String, Int>` lookup hashes with SipHash
/// and Unicode-aware string hashing, which costs more than everything else such a loop does per
/// record.
struct JurisdictionLookup {
    private var keys: [String]
    /// Position per slot; -1 marks an empty slot.
    private var values: [Int]
    private var count = 0

    /// Positions of the jurisdictions (the first, for a duplicated id).
    init(_ jurisdictions: [Jurisdiction]) {
        var capacity = 64
        while capacity < jurisdictions.count * 4 { capacity *= 2 }
        keys = Array(repeating: "", count: capacity)
        values = Array(repeating: -1, count: capacity)
        for (i, j) in jurisdictions.enumerated() where position(of: j.id) == nil { add(j.id, at: i) }
    }

    /// Length, first, second and last byte: O(1) for any string, and enough to spread 32 ids
    /// (collisions only cost a probe).
    private static func hash(_ id: String) -> Int {
        let utf8 = id.utf8
        guard let first = utf8.first, let last = utf8.last else { return 0 }
        let second = utf8.count > 1 ? utf8[utf8.index(after: utf8.startIndex)] : 0
        var h = UInt32(utf8.count) &* 0x9E37_79B1
        h ^= UInt32(first) | UInt32(second) << 8 | UInt32(last) << 16
        h = (h ^ (h >> 15)) &* 0x2C1B_3C6D
        return Int(h ^ (h >> 12))
    }

    /// The position of a jurisdiction id, or nil when it is not in the table.
    func position(of id: String) -> Int? {
        let mask = values.count - 1
        var slot = Self.hash(id) & mask
        while values[slot] >= 0 {
            if keys[slot] == id { return values[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Adds an id that is not in the table yet (e.g. an unknown jurisdiction given a row of its own).
    mutating func add(_ id: String, at position: Int) {
        if (count + 1) * 2 > values.count { grow() }
        let mask = values.count - 1
        var slot = Self.hash(id) & mask
        while values[slot] >= 0 { slot = (slot + 1) & mask }
        keys[slot] = id
        values[slot] = position
        count += 1
    }

    private mutating func grow() {
        let old = zip(keys, values).filter { $0.1 >= 0 }
        keys = Array(repeating: "", count: values.count * 2)
        values = Array(repeating: -1, count: values.count * 2)
        count = 0
        for (id, position) in old { add(id, at: position) }
    }
}
