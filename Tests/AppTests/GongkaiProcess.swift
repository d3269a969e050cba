import Foundation
import XCTest

/// The built `gongkai` run as a user runs it, with its standard output to a pipe, to a file such
/// as /dev/full, or closed; started and waited for separately, so several can run at once.
/// A process that does not end within `limit` seconds is killed and reported (no test hangs).
/// (`@unchecked Sendable`: each output buffer is written by one reader thread and read only after
/// `readers.wait()`.)
final class GongkaiProcess: @unchecked Sendable {
    enum Stdout {
        case pipe
        /// `> PATH`
        case file(String)
        /// `>&-`
        case closed
    }

    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
        /// Whether the process was killed for taking longer than its limit.
        var timedOut: Bool
        var text: String { String(decoding: stdout, as: UTF8.self) }
        var stderrLines: [Substring] { stderr.split(separator: "\n") }
    }

    /// The built `gongkai`, beside the test bundle.
    static var executable: URL {
        var url = Bundle(for: GongkaiProcess.self).bundleURL.deletingLastPathComponent().appendingPathComponent("gongkai")
        if !FileManager.default.isExecutableFile(atPath: url.path) { url = Bundle.main.bundleURL.appendingPathComponent("gongkai") }
        return url
    }

    private let process = Process()
    private let out = Pipe()
    private let err = Pipe()
    private var stdoutData = Data()
    private var stderrData = Data()
    private let readers = DispatchGroup()
    private let limit: TimeInterval

    /// `program` (default: the built `gongkai`) with `arguments`, in `LANG=lang` with no other
    /// locale variables, plus `environment` (a nil value removes a variable), in `directory`.
    init(_ arguments: [String], program: URL? = nil, stdout: Stdout = .pipe, lang: String = "en_US.UTF-8",
         environment: [String: String?] = [:], directory: URL? = nil, limit: TimeInterval = 120) {
        self.limit = limit
        let program = program ?? Self.executable
        switch stdout {
        case .pipe:
            process.executableURL = program
            process.arguments = arguments
            process.standardOutput = out
        case .file(let path):
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "exec \"$0\" \"$@\" > \"$GONGKAI_TEST_STDOUT\"", program.path] + arguments
            process.standardOutput = FileHandle.nullDevice
        case .closed:
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "exec \"$0\" \"$@\" >&-", program.path] + arguments
            process.standardOutput = FileHandle.nullDevice
        }
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = lang
        ["LANGUAGE", "LC_ALL", "LC_MESSAGES"].forEach { env[$0] = nil }
        if case .file(let path) = stdout { env["GONGKAI_TEST_STDOUT"] = path }
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        if let directory { process.currentDirectoryURL = directory }
        process.standardError = err
    }

    /// Starts the process; read its output as it comes (a full pipe would block it).
    func start() throws {
        try process.run()
        if process.standardOutput as? Pipe === out {
            readers.enter()
            DispatchQueue.global().async { [self] in
                stdoutData = out.fileHandleForReading.readDataToEndOfFile()
                readers.leave()
            }
        }
        readers.enter()
        DispatchQueue.global().async { [self] in
            stderrData = err.fileHandleForReading.readDataToEndOfFile()
            readers.leave()
        }
    }

    /// Its process id (once started).
    var processIdentifier: Int32 { process.processIdentifier }

    /// Ends a process that is still running (SIGTERM); `wait()` then returns.
    func terminate() { if process.isRunning { process.terminate() } }

    /// Waits for the end (killing the process after `limit` seconds).
    func wait() -> Result {
        let deadline = Date().addingTimeInterval(limit)
        var timedOut = false
        while process.isRunning {
            if Date() > deadline {
                timedOut = true
                process.terminate()
                kill(process.processIdentifier, SIGKILL)
                break
            }
            usleep(10_000)
        }
        process.waitUntilExit()
        readers.wait()
        return Result(status: process.terminationStatus, stdout: stdoutData, stderr: String(decoding: stderrData, as: UTF8.self),
                      timedOut: timedOut)
    }

    /// Runs `gongkai ARGUMENTS` to the end.
    static func run(_ arguments: String..., stdout: Stdout = .pipe, lang: String = "en_US.UTF-8", limit: TimeInterval = 120) throws -> Result {
        try run(arguments, stdout: stdout, lang: lang, limit: limit)
    }

    /// Runs `program` (default: `gongkai`) with `arguments` to the end.
    static func run(_ arguments: [String], program: URL? = nil, stdout: Stdout = .pipe, lang: String = "en_US.UTF-8",
                    environment: [String: String?] = [:], directory: URL? = nil, limit: TimeInterval = 120) throws -> Result {
        let p = GongkaiProcess(arguments, program: program, stdout: stdout, lang: lang, environment: environment,
                               directory: directory, limit: limit)
        try p.start()
        return p.wait()
    }
}
