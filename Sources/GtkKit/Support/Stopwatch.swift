import Foundation

/// Elapsed time for the benchmarks (`gongkai bench`, `gongkai chart --bench` and the window's
/// measurements), in milliseconds.
package enum Stopwatch {
    package static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    package static func milliseconds(since start: UInt64) -> Double {
        Double(now() - start) / 1_000_000
    }

    /// How long `body` takes.
    package static func milliseconds(_ body: () throws -> Void) rethrows -> Double {
        let start = now()
        try body()
        return milliseconds(since: start)
    }

    /// The median of some timings (0 when there are none).
    package static func median(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.sorted()[values.count / 2]
    }
}
