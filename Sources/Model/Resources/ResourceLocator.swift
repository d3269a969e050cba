import Foundation

/// Finds Gongkai's data files (the built-in dataset, the translations, the icons) wherever the
/// binary runs from, without SwiftPM's `Bundle.module` (which dies with "could not load resource
/// bundle" when the binary is copied away from its build folder, and otherwise falls back to the
/// build path).
///
/// A resource is a path relative to a data root, e.g. `po/zh_CN.po` or `icons/<id>.svg`. The roots
/// are tried in this order:
/// 1. the SwiftPM resource bundles beside the executable (`Gongkai_Model.resources`,
///    `Gongkai_Sections.resources`: `swift run`, `swift test`, the build folder);
/// 2. `../share/gongkai` relative to the executable's real path (`/proc/self/exe`): an installed
///    `$prefix/bin/gongkai` finds `$prefix/share/gongkai`;
/// 3. the folder named by the environment variable `GONGKAI_DATA_DIR`.
public struct ResourceLocator: Sendable {
    /// The environment variable naming a data folder to look in last.
    public static let environmentKey = "GONGKAI_DATA_DIR"
    /// The SwiftPM resource bundles the targets with resources build (beside the executable).
    public static let bundleNames = ["Gongkai_Model.resources", "Gongkai_Sections.resources"]
    /// The installed data folder, relative to the executable's folder.
    public static let installedRelativePath = "../share/gongkai"

    /// The locator of this process.
    public static let shared = ResourceLocator(executable: currentExecutable(),
                                               environment: ProcessInfo.processInfo.environment)

    /// The folders searched, in order.
    public let roots: [URL]

    /// A locator for an executable at `executable` (its real path) and an environment.
    public init(executable: URL?, environment: [String: String]) {
        var roots: [URL] = []
        if let folder = executable?.deletingLastPathComponent() {
            roots += Self.bundleNames.map { folder.appendingPathComponent($0, isDirectory: true) }
            roots.append(folder.appendingPathComponent(Self.installedRelativePath, isDirectory: true).standardizedFileURL)
        }
        if let override = environment[Self.environmentKey], !override.isEmpty {
            roots.append(URL(fileURLWithPath: override, isDirectory: true))
        }
        self.roots = roots
    }

    /// The first existing file or folder at `relativePath` under the roots, nil when none has it.
    public func url(_ relativePath: String) -> URL? {
        roots.lazy.map { $0.appendingPathComponent(relativePath) }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// The real path of the running executable: `/proc/self/exe` resolved, else `argv[0]` resolved.
    public static func currentExecutable() -> URL? {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path).resolvingSymlinksInPath()
        }
        guard let first = CommandLine.arguments.first, !first.isEmpty else { return nil }
        return URL(fileURLWithPath: first).resolvingSymlinksInPath()
    }
}
