import Foundation
import Model
import XCTest

@testable import GtkKit
@testable import Rendering
@testable import Commands
@testable import Sections
@testable import Bench
@testable import gongkai

/// Issue 16, install and integrate: the binary away from its build folder, `--version`, the man
/// page and completions it generates, and the desktop files' agreement with `AppInfo`.
/// (The Debian package itself is built, extracted and run by `make deb-check`, part of `make test`.)
final class InstallTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-install-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built `gongkai`, beside the test bundle.
    private var builtExecutable: URL {
        var url = Bundle(for: Self.self).bundleURL.deletingLastPathComponent().appendingPathComponent("gongkai")
        if !FileManager.default.isExecutableFile(atPath: url.path) { url = Bundle.main.bundleURL.appendingPathComponent("gongkai") }
        return url
    }

    private func run(_ executable: URL, _ arguments: [String], environment extra: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
        var environment: [String: String?] = [ResourceLocator.environmentKey: nil]
        for (key, value) in extra { environment[key] = value }
        let result = try GongkaiProcess.run(arguments, program: executable, environment: environment)
        return (result.status, result.text, result.stderr)
    }

    /// A copy of the built binary at `relativePath` under the scratch folder (no resource bundle beside it).
    private func copiedBinary(_ relativePath: String) throws -> URL {
        let url = dir.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: builtExecutable, to: url)
        return url
    }

    /// Copies resources/dataset and resources/po into `folder` (the installed data folder's layout).
    private func installData(into folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["dataset", "po"] {
            try FileManager.default.copyItem(at: Self.repositoryRoot.appendingPathComponent("resources/\(name)"),
                                             to: folder.appendingPathComponent(name))
        }
    }

    func testBinaryCopiedAwayFindsItsDataInShareOrTheEnvironmentAndNeverCrashes() throws {
        let alone = try copiedBinary("alone/gongkai")
        let missing = try run(alone, ["check"])
        XCTAssertEqual(missing.status, 2, "no data anywhere: a message and status 2, not a crash")
        XCTAssertFalse(missing.err.contains("could not load resource bundle"), missing.err)
        XCTAssertTrue(missing.err.contains("built-in dataset"), missing.err)

        let overridden = try run(alone, ["check"], environment: [ResourceLocator.environmentKey: dir.appendingPathComponent("data").path])
        XCTAssertEqual(overridden.status, 2, "GONGKAI_DATA_DIR naming an empty folder finds nothing")
        try installData(into: dir.appendingPathComponent("data"))
        let fromEnvironment = try run(alone, ["check"], environment: [ResourceLocator.environmentKey: dir.appendingPathComponent("data").path])
        XCTAssertEqual(fromEnvironment.status, 0, fromEnvironment.err)

        let installed = try copiedBinary("prefix/bin/gongkai")
        try installData(into: dir.appendingPathComponent("prefix/share/gongkai"))
        let english = try run(installed, ["check"])
        XCTAssertEqual(english.status, 0, english.err)
        XCTAssertTrue(english.out.contains("0 errors"), english.out)
        let chinese = try run(installed, ["check"], environment: ["LANG": "zh_CN.UTF-8"])
        XCTAssertTrue(chinese.out.contains("0 个错误"), "the installed catalog is used: \(chinese.out)")
    }

    func testVersionComesFromAppInfoAndMatchesTheNewestAppStreamRelease() throws {
        let version = try run(builtExecutable, ["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertEqual(version.out.trimmingCharacters(in: .whitespacesAndNewlines), AppInfo.version)
        let metainfo = try String(contentsOf: Self.repositoryRoot.appendingPathComponent("resources/\(AppInfo.id).metainfo.xml"), encoding: .utf8)
        let newest = try XCTUnwrap(metainfo.range(of: #"<release version="[^"]+""#, options: .regularExpression))
        XCTAssertEqual(metainfo[newest], "<release version=\"\(AppInfo.version)\"", "the release notes name this version first")
    }

    func testManualPageAndCompletionsAreGeneratedFromTheCommands() throws {
        let manual = try run(builtExecutable, ["generate-manual"])
        XCTAssertEqual(manual.status, 0, manual.err)
        XCTAssertTrue(manual.out.hasPrefix(".TH GONGKAI 1 "), String(manual.out.prefix(80)))
        for command in ["check", "stats", "export", "chart", "import", "new", "fmt"] {
            XCTAssertTrue(manual.out.contains(".SS gongkai \(command)\n"), "the man page describes gongkai \(command)")
        }
        XCTAssertTrue(manual.out.contains("\\fB\\-\\-lang\\fR \\fIlang\\fR"), "options with their values")
        XCTAssertFalse(manual.out.contains(".SS gongkai generate\\-manual"), "hidden commands stay hidden")
        XCTAssertFalse(manual.out.split(separator: "\n").contains { $0.hasPrefix("'") }, "no line a roff reader takes for a request")
        for shell in ["bash", "zsh", "fish"] {
            let script = try run(builtExecutable, ["--generate-completion-script", shell])
            XCTAssertEqual(script.status, 0)
            XCTAssertTrue(script.out.contains("check") && script.out.contains("export"), "\(shell) completes the subcommands")
        }
    }

    func testDesktopFileAndServiceNameTheApplicationID() throws {
        let resources = Self.repositoryRoot.appendingPathComponent("resources")
        let desktop = try String(contentsOf: resources.appendingPathComponent("\(AppInfo.id).desktop"), encoding: .utf8)
        let lines = Set(desktop.split(separator: "\n").map(String.init))
        for line in ["MimeType=application/x-gongkai;", "StartupWMClass=\(AppInfo.id)", "DBusActivatable=true", "Icon=\(AppInfo.id)"] {
            XCTAssertTrue(lines.contains(line), "the desktop file has \(line)")
        }
        let service = try String(contentsOf: resources.appendingPathComponent("\(AppInfo.id).service.in"), encoding: .utf8)
        XCTAssertTrue(service.contains("Name=\(AppInfo.id)\n"))
        XCTAssertTrue(service.contains("Exec=@BINDIR@/gongkai --gapplication-service\n"))
        let mime = try String(contentsOf: resources.appendingPathComponent("mime/\(AppInfo.id).xml"), encoding: .utf8)
        XCTAssertTrue(mime.contains("<glob pattern=\"*.\(BuiltinDataset.fileExtension)\"/>"))
        let builtin = try String(contentsOf: try XCTUnwrap(BuiltinDataset.url), encoding: .utf8)
        XCTAssertTrue(builtin.prefix(256).contains("\"format\": \"gongkai-survey\""), "the magic the MIME type looks for is near the start")
    }

    func testGApplicationServiceFlagIsAccepted() throws {
        let parsed = try GongkaiCommand.parseAsRoot(["--gapplication-service"])
        XCTAssertEqual((parsed as? OpenCommand)?.gapplicationService, true)
        XCTAssertEqual((try GongkaiCommand.parseAsRoot([]) as? OpenCommand)?.gapplicationService, false)
    }

    func testErrorWindowIsWantedWhenADesktopLauncherStartedTheProcess() {
        let gio = ["DISPLAY": ":1", "GIO_LAUNCHED_DESKTOP_FILE_PID": "4242"]
        XCTAssertTrue(LaunchErrorWindow.isWanted(environment: gio, stdinIsTerminal: false, processID: 4242))
        XCTAssertFalse(LaunchErrorWindow.isWanted(environment: gio, stdinIsTerminal: false, processID: 4243),
                       "a variable inherited from a launched parent (a terminal started from the menu) does not count")
        XCTAssertTrue(LaunchErrorWindow.isWanted(environment: ["WAYLAND_DISPLAY": "wayland-0", "XDG_ACTIVATION_TOKEN": "t"], stdinIsTerminal: false))
        XCTAssertFalse(LaunchErrorWindow.isWanted(environment: ["DISPLAY": ":1", "XDG_ACTIVATION_TOKEN": "t"], stdinIsTerminal: true),
                       "a terminal shows stderr")
        XCTAssertFalse(LaunchErrorWindow.isWanted(environment: ["DISPLAY": "", "XDG_ACTIVATION_TOKEN": "t"], stdinIsTerminal: false), "no display")
        XCTAssertFalse(LaunchErrorWindow.isWanted(environment: ["DISPLAY": ":1"], stdinIsTerminal: false),
                       "a script or a test: no launcher said so")
        XCTAssertFalse(LaunchErrorWindow.isWanted(environment: gio.merging(["GONGKAI_NO_ERROR_WINDOW": "1"]) { $1 },
                                                  stdinIsTerminal: false, processID: 4242), "scripts and in-process tests opt out")
    }
}
