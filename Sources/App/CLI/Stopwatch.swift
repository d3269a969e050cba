import Foundation

/// Elapsed time for the benchmarks (`gongkai bench`, `gongkai chart --bench` and the window's
/// measurements), in milliseconds.
enum Stopwatch {
    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    static func milliseconds(since start: UInt64) -> Double {
        Double(now() - start) / 1_000_000
    }

    /// How long `body` takes.
    static func milliseconds(_ body: () throws -> Void) rethrows -> Double {
        let start = now()
        try body()
        return milliseconds(since: start)
    }

    /// The median of some timings (0 when there are none).
    static func median(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.sorted()[values.count / 2]
    }
}
