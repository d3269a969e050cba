import Foundation
import GtkKit
import Rendering

/// Every enterprise name, lower-cased, as UTF-8 in one contiguous buffer with the offset of each,
/// so that a search over 100,000 names is one pass over a few megabytes (`memchr`, `memcmp`) and no
/// allocation. A byte search on UTF-8 finds exactly the names containing the text.
package struct FoldedNames {
    package private(set) var bytes: [UInt8] = []
    /// `starts[row] ..< starts[row + 1]` are the row's bytes.
    package private(set) var starts: [Int] = [0]

    package var count: Int { starts.count - 1 }

    package init() {}

    package init(_ names: some Sequence<String>) {
        for name in names { append(name) }
    }

    package mutating func append(_ name: String) {
        bytes.append(contentsOf: Self.fold(name))
        starts.append(bytes.count)
    }

    /// The folded bytes of a row.
    package func bytes(of row: Int) -> ArraySlice<UInt8> { bytes[starts[row]..<starts[row + 1]] }

    /// Replaces a row's name (moves the names after it when the length changes).
    package mutating func replace(_ row: Int, with name: String) {
        let new = Self.fold(name)
        let old = starts[row]..<starts[row + 1]
        let delta = new.count - old.count
        bytes.replaceSubrange(old, with: new)
        if delta != 0 {
            for i in (row + 1)..<starts.count { starts[i] += delta }
        }
    }

    /// Whether the row's name contains `needle` (folded bytes); an empty needle is everywhere.
    package func contains(_ row: Int, _ needle: [UInt8]) -> Bool {
        if needle.isEmpty { return true }
        return bytes.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in
                Self.search(hay, starts[row], starts[row + 1], pin)
            }
        }
    }

    /// Calls `body` with a function answering "does row r contain the needle?" that reads the
    /// buffers without copying (for a loop over every row).
    package func withMatcher<R>(_ needle: [UInt8], _ body: ((Int) -> Bool) -> R) -> R {
        bytes.withUnsafeBufferPointer { hay in
            starts.withUnsafeBufferPointer { s in
                needle.withUnsafeBufferPointer { pin in
                    body { row in pin.isEmpty || Self.search(hay, s[row], s[row + 1], pin) }
                }
            }
        }
    }

    @inline(__always)
    private static func search(_ hay: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
                               _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = needle.count
        guard end - start >= n, let base = hay.baseAddress, let pin = needle.baseAddress else { return false }
        // memchr to the next candidate first byte, then memcmp the rest.
        var from = start
        let last = end - n
        while from <= last {
            guard let hit = memchr(base + from, Int32(pin[0]), last - from + 1) else { return false }
            let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            if n == 1 || memcmp(base + at + 1, pin + 1, n - 1) == 0 { return true }
            from = at + 1
        }
        return false
    }

    package static func fold(_ name: String) -> [UInt8] { Array(name.lowercased().utf8) }
}
