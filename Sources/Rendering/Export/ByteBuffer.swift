import Foundation

/// A growing run of bytes for writing XML fast: appends copy into one allocation (no array
/// bounds checks or copy-on-write per byte), and `clear` keeps the allocation for the next use.
/// One thread uses a buffer at a time, and no access to its fields overlaps another, so they go
/// without the run-time exclusivity checks (a third of the encoder's time with them).
package final class ByteBuffer {
    @exclusivity(unchecked) private var storage: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var capacity: Int
    @exclusivity(unchecked) package private(set) var count = 0

    package init(capacity: Int) {
        self.capacity = max(16, capacity)
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    package func clear() { count = 0 }

    /// The bytes so far, for the duration of `body`.
    package func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: storage, count: count))
    }

    /// Makes room for `more` bytes after the ones written.
    @inline(__always)
    private func reserve(_ more: Int) {
        if count + more > capacity { grow(count + more) }
    }

    private func grow(_ needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        bigger.update(from: storage, count: count)
        storage.deallocate()
        storage = bigger
        capacity = newCapacity
    }

    package func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (storage + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    package func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    package func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    package func append(_ other: ByteBuffer) {
        append(UnsafeBufferPointer(start: other.storage, count: other.count))
    }

    /// A non-negative integer in decimal.
    package func appendDecimal(_ value: UInt64) {
        reserve(20)
        var digits = 0
        var v = value
        repeat {
            digits += 1
            v /= 10
        } while v > 0
        v = value
        var p = storage + count + digits
        repeat {
            p -= 1
            p.pointee = UInt8(ascii: "0") + UInt8(v % 10)
            v /= 10
        } while v > 0
        count += digits
    }

    /// A number as C's `printf("%.16G")` writes it (what libxlsxwriter writes for numbers and
    /// row heights): whole numbers below 10^15 directly, anything else through `vsnprintf`.
    package func appendG16(_ value: Double) {
        if value.magnitude < 1e15, value == value.rounded(.towardZero), !(value == 0 && value.sign == .minus) {
            if value < 0 { append("-") }
            appendDecimal(UInt64(value.magnitude))
            return
        }
        var text = [CChar](repeating: 0, count: 64)
        _ = withVaList([value]) { vsnprintf(&text, text.count, "%.16G", $0) }
        append(Array(String(cString: text).utf8))  // rare: shares, heights that are not whole
    }

    /// Text for an XML element as libxlsxwriter escapes it: control characters other than tab and
    /// line feed as `_xHHHH_` (uppercase hex), then `&`, `<` and `>` as entities.
    package func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        let n = bytes.count
        reserve(n)
        var run = 0  // the first byte not yet copied
        for i in 0..<n {
            let b = base[i]
            if b > UInt8(ascii: ">") { continue }  // most bytes: letters, and every byte of a multibyte character
            switch b {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), 0x01...0x08, 0x0B...0x1F:
                append(UnsafeBufferPointer(start: base + run, count: i - run))
                appendEscape(b)
                run = i + 1
            default:
                continue
            }
        }
        append(UnsafeBufferPointer(start: base + run, count: n - run))
    }

    private func appendEscape(_ b: UInt8) {
        switch b {
        case UInt8(ascii: "&"): append("&amp;")
        case UInt8(ascii: "<"): append("&lt;")
        case UInt8(ascii: ">"): append("&gt;")
        default:
            reserve(7)
            let p = storage + count
            p[0] = UInt8(ascii: "_")
            p[1] = UInt8(ascii: "x")
            p[2] = UInt8(ascii: "0")
            p[3] = UInt8(ascii: "0")
            p[4] = Self.hexDigit(b >> 4)
            p[5] = Self.hexDigit(b & 0xF)
            p[6] = UInt8(ascii: "_")
            count += 7
        }
    }

    private static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? UInt8(ascii: "0") + v : UInt8(ascii: "A") + v - 10 }
}
