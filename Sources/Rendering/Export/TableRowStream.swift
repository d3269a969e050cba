import Foundation
import Model
import GtkKit

/// Hands a table's rows to a writer in order while a background thread builds the next ones, so
/// that building rows (a closure per row, e.g. 100,000 enterprises) overlaps with writing them.
/// Small tables are built on the calling thread.
package enum TableRowStream {
    package static let batchSize = 1_024
    /// Batches in flight: one being written, the others being built.
    package static let slots = 3

    /// Calls `body` with each row index and its cells, in order. If `body` throws, the producer
    /// stops and the error is rethrown once it has.
    package static func forEach(_ table: Table, _ body: (Int, [TableCell]) throws -> Void) throws {
        let count = table.rowCount
        guard count > 2 * batchSize else {
            for i in 0..<count { try body(i, table.row(i)) }
            return
        }
        let shared = Shared(slots: slots)
        let batches = (count + batchSize - 1) / batchSize
        Thread.detachNewThread { [shared] in
            for k in 0..<batches {
                shared.free.wait()
                if shared.isCancelled { break }
                let start = k * batchSize
                shared.buffers[k % slots] = (start..<min(count, start + batchSize)).map(table.row)
                shared.filled.signal()
            }
            shared.finished.signal()
        }
        defer {
            shared.cancel()
            shared.free.signal()  // wakes a producer waiting for a slot, which then sees the cancellation
            shared.finished.wait()
        }
        for k in 0..<batches {
            shared.filled.wait()
            let rows = shared.buffers[k % slots]
            shared.buffers[k % slots] = []
            shared.free.signal()
            for (j, cells) in rows.enumerated() { try body(k * batchSize + j, cells) }
        }
    }

    /// The state both threads touch. A slot is written by the producer only between `free` and
    /// `filled`, and read by the consumer only between `filled` and `free`, so the semaphores
    /// order every access; the buffers live in fixed storage (no copy-on-write between threads).
    private final class Shared: @unchecked Sendable {
        let buffers: UnsafeMutablePointer<[[TableCell]]>
        let count: Int
        let free: DispatchSemaphore
        let filled = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var cancelled = false

        init(slots: Int) {
            count = slots
            buffers = .allocate(capacity: slots)
            buffers.initialize(repeating: [], count: slots)
            // Starts at zero and is raised by signals: libdispatch refuses to free a semaphore whose
            // value is below the one it was created with.
            free = DispatchSemaphore(value: 0)
            for _ in 0..<slots { free.signal() }
        }

        var isCancelled: Bool { lock.withLock { cancelled } }
        func cancel() { lock.withLock { cancelled = true } }

        deinit {
            buffers.deinitialize(count: count)
            buffers.deallocate()
        }
    }
}
