import Foundation
import GtkKit
import Rendering

/// Work off the main thread with its result back on it: reading, decoding and writing survey
/// files, so a large survey never freezes the window. The work runs on one serial queue (files
/// are read and written in the order asked); `done` runs on the main thread (`MainThreadHop`)
/// and is kept there meanwhile, so it need not be `Sendable`.
@MainActor
package enum BackgroundWork {
    private static let queue = DispatchQueue(label: "io.github.gongkai.files", qos: .userInitiated)
    private static var waiting: [Int: (Any) -> Void] = [:]
    private static var nextID = 0

    /// Jobs started and not yet finished (tests wait for none).
    package static var pending: Int { waiting.count }

    /// Runs `work` on the file queue, then `done` with its result on the main thread.
    package static func run<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value,
                                     then done: @escaping @MainActor (Result<Value, any Error>) -> Void) {
        nextID += 1
        let id = nextID
        waiting[id] = { done($0 as! Result<Value, any Error>) }
        queue.async {
            let result = Result { try work() }
            MainThreadHop.post { finish(id, result) }
        }
    }

    private static func finish(_ id: Int, _ result: Any) {
        waiting.removeValue(forKey: id)?(result)
    }
}
