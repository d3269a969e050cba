import ArgumentParser
import Foundation
import Model

/// What the team commands (`set`, `compare`, `merge`, `merge-driver`, `log`) share: loading a
/// named survey file (exit code 2 and a one-line message when it cannot be read), JSON output,
/// number formats. They write surveys through `SurveyUpdate` (lock and changed-on-disk check).
enum TeamIO {
    /// Loads a survey file; exit 2 with the storage layer's message when it cannot be read.
    static func load(_ path: String) throws -> Survey { try SurveyInput.load(path: path) }

    /// Prints an encodable value as pretty JSON with sorted keys.
    static func printJSON<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        try Output.write(data)
    }

    /// The subcommands whose usage errors exit with 2, as their documentation says.
    static let commandNames: Set<String> = ["set", "compare", "merge", "merge-driver", "log"]
}

extension ChangeEntry: Encodable {
    enum CodingKeys: String, CodingKey { case time, author, action, path, old, new }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(time, forKey: .time)
        try c.encode(author, forKey: .author)
        try c.encode(action.rawValue, forKey: .action)
        try c.encode(path, forKey: .path)
        try c.encode(old, forKey: .old)
        try c.encode(new, forKey: .new)
    }
}
