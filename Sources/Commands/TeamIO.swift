import ArgumentParser
import Foundation
import Model
import GtkKit
import Rendering

/// What the team commands (`set`, `compare`, `merge`, `merge-driver`, `log`) share: loading a
/// named survey file (exit code 2 and a one-line message when it cannot be read), JSON output,
/// number formats. They write surveys through `SurveyUpdate` (lock and changed-on-disk check).
package enum TeamIO {
    /// Loads a survey file; exit 2 with the storage layer's message when it cannot be read.
    package static func load(_ path: String) throws -> Survey { try SurveyInput.load(path: path) }

    /// Prints an encodable value as pretty JSON with sorted keys.
    package static func printJSON<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        try Output.write(data)
    }

    /// The subcommands whose usage errors exit with 2, as their documentation says.
    package static let commandNames: Set<String> = ["set", "compare", "merge", "merge-driver", "log"]
}

/// `gongkai log --json`: one object per entry, keyed by the `log` table's column names.
extension ChangeEntry: Encodable {
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        for (key, value) in zip(Self.columnKeys, columnValues) { try c.encode(value, forKey: Key(stringValue: key)) }
    }
}
