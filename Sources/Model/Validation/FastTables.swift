import Foundation

/// Membership of survey years without hashing: a flag per year between the smallest and largest
/// (a set when they are implausibly far apart, as in a survey built in code with any `Int`s).
struct YearSet {
    private let lowest: Int
    private let flags: [Bool]
    private let others: Set<Int>

    init(_ years: [Int]) {
        // `hi - lo` must not overflow: loading refuses such years, but a survey made in code may hold them.
        guard let lo = years.min(), let hi = years.max(),
              case (let span, false) = hi.subtractingReportingOverflow(lo), span < 10_000 else {
            lowest = 0
            flags = []
            others = Set(years)
            return
        }
        lowest = lo
        var flags = [Bool](repeating: false, count: span + 1)
        for y in years { flags[y - lo] = true }
        self.flags = flags
        others = []
    }

    func contains(_ year: Int) -> Bool {
        if !others.isEmpty { return others.contains(year) }
        let (i, overflow) = year.subtractingReportingOverflow(lowest)
        return !overflow && i >= 0 && i < flags.count && flags[i]
    }
}

/// Finds records equal to an earlier record, for duplicate checks over 100,000 records. It sorts
/// the records' hashes (with their positions packed into the low bits) and compares neighbours:
/// a hash table of that size spends its time waiting for memory, while a radix sort streams.
enum DuplicateFinder {
    /// For each record equal to an earlier one: its position and the first equal record's, in
    /// position order. `equal(a, b)` settles records whose hashes agree.
    static func duplicates(hashes: [UInt64], equal: (Int, Int) -> Bool) -> [(later: Int, first: Int)] {
        let n = hashes.count
        guard n > 1 else { return [] }
        let indexBits = UInt64.bitWidth - UInt64(n - 1).leadingZeroBitCount
        let positionMask: UInt64 = (1 << UInt64(indexBits)) - 1
        let hashMask = ~positionMask
        var keys = [UInt64](repeating: 0, count: n)
        for i in 0..<n { keys[i] = (hashes[i] & hashMask) | UInt64(i) }
        radixSort(&keys)

        var found: [(later: Int, first: Int)] = []
        var start = 0
        while start < n {
            var end = start + 1
            while end < n && keys[end] & hashMask == keys[start] & hashMask { end += 1 }
            // A run shares a hash prefix and is in position order: match each member with the
            // earliest equal one before it.
            for a in (start + 1)..<max(start + 1, end) {
                let later = Int(keys[a] & positionMask)
                for b in start..<a {
                    let first = Int(keys[b] & positionMask)
                    if equal(first, later) {
                        found.append((later, first))
                        break
                    }
                }
            }
            start = end
        }
        found.sort { $0.later < $1.later }
        return found
    }

    /// Least-significant-digit radix sort, one byte per pass.
    static func radixSort(_ keys: inout [UInt64]) {
        var buffer = [UInt64](repeating: 0, count: keys.count)
        for pass in 0..<8 {
            let shift = UInt64(pass * 8)
            var counts = [Int](repeating: 0, count: 257)
            for k in keys { counts[Int((k >> shift) & 0xFF) + 1] += 1 }
            if counts.contains(keys.count) { continue }  // every key has the same byte here
            for d in 1..<257 { counts[d] += counts[d - 1] }
            for k in keys {
                let d = Int((k >> shift) & 0xFF)
                buffer[counts[d]] = k
                counts[d] += 1
            }
            swap(&keys, &buffer)
        }
    }
}

/// Hashing of strings for `DuplicateFinder`.
enum StringHash {
    /// FNV-1a over a string's UTF-8 bytes, continuing from `seed` (so canonically equivalent
    /// strings with different bytes hash apart — fine for spotting copies of the same text).
    static func fnv1a(_ text: String, seed: UInt64 = 0xCBF2_9CE4_8422_2325) -> UInt64 {
        let fast = text.utf8.withContiguousStorageIfAvailable { bytes -> UInt64 in
            var h = seed
            for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
            return h
        }
        if let fast { return fast }
        var h = seed
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return h
    }
}
