import Foundation

/// How the team features write values and agreement figures, the same in the window and on the
/// command line (`gongkai log`, `compare`, `merge`).
public enum TeamText {
    /// A value on one line: newlines shown as ⏎, none as ∅.
    public static func quoted(_ value: String) -> String {
        value.isEmpty ? "∅" : value.replacingOccurrences(of: "\n", with: "⏎")
    }

    /// One change-log entry on one line: time, author, action, path, old → new (`gongkai log` and the
    /// window's change log).
    public static func line(_ e: ChangeEntry) -> String {
        "\(e.time)  \(e.author)  \(e.action)  \(e.path): \(quoted(e.old)) → \(quoted(e.new))"
    }

    /// An agreement share as a percentage with one decimal ("—" when there is none).
    public static func percent(_ value: Double?) -> String { value.map { String(format: "%.1f%%", $0 * 100) } ?? "—" }

    /// A coefficient (kappa, alpha) with three decimals ("—" when there is none).
    public static func coefficient(_ value: Double?) -> String { value.map { String(format: "%.3f", $0) } ?? "—" }
}
