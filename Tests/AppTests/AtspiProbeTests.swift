import Foundation
import Model
import XCTest

@testable import GtkKit
@testable import Rendering
@testable import Commands
@testable import Sections
@testable import Bench
@testable import gongkai

/// What Orca reads, read where Orca reads it: the real `gongkai` runs as a child process on the
/// test's X display and session bus, with the accessibility bus started and GTK's AT-SPI backend
/// on; `atspi_probe.py` (python3-pyatspi, `make deps`) walks its accessible tree and types real
/// keys with xdotool, reporting the AT-SPI events. The other accessibility tests read GTK's own
/// accessible state; these found what only AT-SPI shows (drop-downs, an expander and a menu
/// button called by their GTK type names, a change said in the grid then overwritten by a refresh).
/// Waits are bounded only to fail instead of hanging; nothing about time is asserted.
final class AtspiProbeTests: WindowTestCase {
    func testOrcaHearsEveryControlEachCellMoveAndChangeAndEachChartsFinding() throws { try onMain { t in
        Localizer.shared.language = .english
        let report = try Self.probe(folder: t.folder)
        XCTAssertNil(report.error)
        XCTAssertEqual(report.application, "gongkai")

        // The whole tree: every focusable control has a name of its own (not GTK's type name, not an id).
        XCTAssertGreaterThan(report.focusable.count, 150, "every section's controls were read")
        XCTAssertEqual(Self.unnamed(report.focusable), [])

        // The pane dividers and the enterprise list's rows have names (GTK 4.8 calls them "GtkPaned"
        // and "GtkListItemWidget"): a row says every column.
        XCTAssertGreaterThanOrEqual(report.focusable.filter { $0.name.hasPrefix("Divider between ") }.count, 4)
        let rows = try XCTUnwrap(report.enterpriseRows, "Alt+5 and the enterprise list's rows")
        let enterprises = rows.filter { $0.name.contains(", Jurisdiction: ") && $0.name.contains(", Completeness: ") }
        XCTAssertGreaterThan(enterprises.count, 3, "\(rows.map(\.name))")
        XCTAssertEqual(Self.unnamed(rows), [])
        XCTAssertTrue(rows.contains { $0.name == "Column headings" }, "\(rows.map(\.name))")

        // The matrix is a table (a grid), named after its cursor cell.
        let grid = try XCTUnwrap(report.grid, "no focusable object is named after a matrix cell")
        XCTAssertEqual(grid.role, "table", "GTK 4.8 gives a grid role to AT-SPI as a table")
        let steps = Dictionary(report.steps.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })

        let alt2 = try XCTUnwrap(steps["alt+2"])
        let focus = try XCTUnwrap(alt2.events.last { $0.isFocus && $0.role == "table" }, "Alt+2 gives the grid the focus")
        let start = try Self.cell(focus.name)
        try Self.expectStatus(start)

        let down = try XCTUnwrap(steps["Down"])
        let below = try Self.cell(try XCTUnwrap(down.gridNames.last))
        XCTAssertEqual([below.year, below.kind], [start.year, start.kind])
        XCTAssertNotEqual(below.jurisdiction, start.jurisdiction)
        try Self.expectStatus(below)
        // The name comes before the description (evidence, problems): Orca says the cell first.
        if let described = down.events.firstIndex(where: { $0.isDescription && $0.role == "table" && !$0.data.isEmpty }) {
            XCTAssertLessThan(try XCTUnwrap(down.events.firstIndex { $0.isName && $0.role == "table" }), described)
        }

        let right = try XCTUnwrap(steps["Right"])
        let beside = try Self.cell(try XCTUnwrap(right.gridNames.last))
        XCTAssertEqual([beside.jurisdiction, beside.year], [below.jurisdiction, below.year])
        XCTAssertNotEqual(beside.kind, below.kind)
        try Self.expectStatus(beside)

        // A status key: the change, then the cell the cursor went to (down), in every name the grid
        // gets until the cursor moves again (a later plain name would be spoken over the change).
        for (key, status) in [("y", DisclosureStatus.disclosed), ("n", .notDisclosed)] {
            let step = try XCTUnwrap(steps[key])
            let names = step.gridNames
            XCTAssertFalse(names.isEmpty, "\(key) changes the grid's name")
            for name in names {
                let said = try Self.cell(name)
                XCTAssertEqual(said.change, beside.place + " set to " + MatrixStatusText.buttonLabel(status), name)
                XCTAssertEqual([said.year, said.kind], [beside.year, beside.kind])
                XCTAssertNotEqual(said.jurisdiction, beside.jurisdiction)
            }
        }
        let up = try XCTUnwrap(steps["Up"])
        XCTAssertEqual(up.gridNames.last, beside.place + ": " + MatrixStatusText.buttonLabel(.disclosed), "Up says the changed cell")
        let alt8 = try XCTUnwrap(steps["alt+8"])
        let untilLeaving = alt8.events.prefix { !($0.isFocusLost && $0.role == "table") }
        for event in untilLeaving where event.isName && event.role == "table" {
            XCTAssertTrue(event.data.contains(" set to "), "the grid said its cell again, without the change: \(event.data)")
        }

        // Charts: the large chart is named by its title and described by its finding and figures;
        // a gallery row says its chart's name and finding as it gets the keyboard.
        let chart = try XCTUnwrap(report.charts.first, "a focusable chart image")
        XCTAssertFalse(chart.name.isEmpty)
        XCTAssertTrue(chart.description.contains("Ctrl+T"), chart.description)
        let next = try XCTUnwrap(report.steps.last)
        XCTAssertEqual(next.key, "Down")
        let row = try XCTUnwrap(next.events.last { $0.isFocus && $0.role == "list item" }, "Down in the gallery focuses the next row")
        XCTAssertTrue(ChartKind.allCases.contains { $0.title == row.name }, "the row is named by its chart: \(row.name)")
        XCTAssertFalse(row.description.isEmpty)
        XCTAssertNotEqual(row.description, row.name, "the row says the finding, not only the name")
        let drawn = try XCTUnwrap(report.chartsAfterDown.first)
        XCTAssertNotEqual(drawn.name, chart.name, "the large chart follows the gallery")
        XCTAssertTrue(drawn.description.hasPrefix(row.description), "\(drawn.description) / \(row.description)")

        print("AT-SPI, Down in the matrix:", down.events.filter { $0.role == "table" }.map { "\($0.type): \($0.data)" })
    } }

    // MARK: What a control is called

    private static let containers: Set = ["panel", "filler", "scroll pane", "table cell"]
    /// Containers that take the keyboard focus themselves (a pane divider: F6, F8), so Orca says
    /// their name: GTK 4.8 calls them by their type unless named.
    private static let focusedContainers: Set = ["GtkPaned"]
    /// Read by what they hold (Orca says the labels inside). A column view's row (table row) is
    /// not: GTK 4.8 names it by its type ("GtkListItemWidget"), which Orca says as it gets the focus.
    private static let readByContent: Set = ["list item", "tree item"]

    /// The focusable objects without a name of their own, with where they are.
    static func unnamed(_ objects: [AccessibleObject]) -> [String] {
        objects.compactMap { o in
            if containers.contains(o.role) { return focusedContainers.contains(o.name) ? "\(o.role) “\(o.name)” in \(o.where)" : nil }
            let typeName = o.name.range(of: #"^Gtk[A-Z][A-Za-z]*$"#, options: .regularExpression) != nil
            if readByContent.contains(o.role) {
                return o.content.isEmpty ? "\(o.role) “\(o.name)” with nothing to read, in \(o.where)" : nil
            }
            let name = o.name.trimmingCharacters(in: .whitespaces)
            return name.isEmpty || typeName || AccessibleTree.looksLikeAnID(name) ? "\(o.role) “\(o.name)” in \(o.where)" : nil
        }
    }

    func testAControlCalledByItsTypeOrNothingIsFound() {
        let path = ["gongkai", "Disclosure matrix"]
        let found = Self.unnamed([
            AccessibleObject(role: "push button", name: "GtkToggleButton", path: path),
            AccessibleObject(role: "push button", name: "", path: path),
            AccessibleObject(role: "push button", name: "Save", path: path),
            AccessibleObject(role: "list item", name: "", path: path, content: ["Overview"]),
            AccessibleObject(role: "list item", name: "", path: path),
            AccessibleObject(role: "panel", name: "", path: path),
            AccessibleObject(role: "filler", name: "GtkPaned", path: path),
            AccessibleObject(role: "filler", name: "Divider between the grid and the details", path: path),
            AccessibleObject(role: "table row", name: "GtkListItemWidget", path: path, content: ["Name"]),
            AccessibleObject(role: "table row", name: "Anhui Steel, Jurisdiction: Anhui", path: path),
        ])
        XCTAssertEqual(found.count, 5, "\(found)")
    }

    // MARK: A cell, as said

    struct SaidCell {
        var change: String?
        var jurisdiction: String
        var year: String
        var kind: String
        var status: String
        var place: String { "\(jurisdiction), \(year), \(kind)" }
    }

    /// "[Beijing, 2018, audit list set to √ Disclosed. ]Fujian, 2018, audit list: × Not disclosed[; Note: …]".
    @MainActor static func cell(_ name: String) throws -> SaidCell {
        let pattern = #"^(?:(.+ set to [^.]+)\. )?([^,.]+), (\d{4}), (audit list|evaluation results): (.+?)(?:; Note: .*)?$"#
        let regex = try NSRegularExpression(pattern: pattern)
        let ns = name as NSString
        guard let m = regex.firstMatch(in: name, range: NSRange(location: 0, length: ns.length)) else {
            throw WindowTestError("not a cell said as “jurisdiction, year, kind: status”: \(name)")
        }
        func group(_ i: Int) -> String? { m.range(at: i).location == NSNotFound ? nil : ns.substring(with: m.range(at: i)) }
        return SaidCell(change: group(1), jurisdiction: group(2)!, year: group(3)!, kind: group(4)!, status: group(5)!)
    }

    /// The status said is the built-in survey's (the child opens it).
    @MainActor static func expectStatus(_ c: SaidCell, file: StaticString = #filePath, line: UInt = #line) throws {
        let survey = Self.builtinSurvey
        let j = try XCTUnwrap(survey.jurisdictions.first { $0.displayName == c.jurisdiction }, c.jurisdiction, file: file, line: line)
        let kind: DisclosureKind = c.kind == "audit list" ? .auditList : .evaluation
        let status = survey.observation(j.id, Int(c.year)!, kind)?.status ?? .notSurveyed
        XCTAssertEqual(c.status, MatrixStatusText.buttonLabel(status), c.place, file: file, line: line)
    }

    // MARK: Running the probe

    /// Starts the accessibility bus and `gongkai` (own folders, English), runs the probe on it,
    /// ends it and returns what the probe read.
    @MainActor static func probe(folder: URL) throws -> ProbeReport {
        let env = ProcessInfo.processInfo.environment
        guard env["DISPLAY"].map({ !$0.isEmpty }) == true, env["DBUS_SESSION_BUS_ADDRESS"].map({ !$0.isEmpty }) == true else {
            throw WindowTestError("No display or session bus: run the tests with `make test` (Xvfb and dbus-run-session).")
        }
        // The Debian python with python3-pyatspi, not one earlier on PATH.
        let python = "/usr/bin/python3"
        let check = try Self.run(python, ["-c", "import pyatspi"], limit: 60)
        guard check.status == 0 else {
            throw WindowTestError("python3-pyatspi is missing (`make deps` installs it): \(check.stderr)")
        }
        // The accessibility bus (at-spi2-core's at-spi-bus-launcher, started by D-Bus activation).
        let bus = try Self.run("/usr/bin/dbus-send", ["--session", "--print-reply", "--dest=org.a11y.Bus", "/org/a11y/bus",
                                                      "org.a11y.Bus.GetAddress"], limit: 60)
        guard bus.status == 0, bus.stdout.contains("unix:") else {
            throw WindowTestError("The accessibility bus did not start (at-spi2-core, `make deps`): \(bus.stdout) \(bus.stderr)")
        }

        var environment: [String: String?] = ["GTK_A11Y": "atspi", "NO_AT_BRIDGE": nil]
        for name in ["XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"] {
            let dir = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            environment[name] = dir.path
        }
        let app = GongkaiProcess([], lang: "en_US.UTF-8", environment: environment, limit: 400)
        try app.start()
        defer {
            app.terminate()
            _ = app.wait()
        }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("atspi_probe.py")
        let result = try Self.run(python, [script.path, String(app.processIdentifier)], limit: 300)
        guard result.status == 0 else { throw WindowTestError("atspi_probe.py failed (\(result.status)): \(result.stderr)") }
        do {
            return try JSONDecoder().decode(ProbeReport.self, from: Data(result.stdout.utf8))
        } catch {
            throw WindowTestError("atspi_probe.py said: \(result.stdout.prefix(2000)) \(result.stderr.suffix(2000))")
        }
    }

    /// Runs a program to its end (killed after `limit` seconds), turning GTK's loop meanwhile.
    @MainActor static func run(_ path: String, _ arguments: [String], limit: TimeInterval) throws
        -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read as it comes (a full pipe would stop the probe).
        let stdout = Output(), stderr = Output()
        let readers = DispatchGroup()
        for (pipe, output) in [(out, stdout), (err, stderr)] {
            readers.enter()
            DispatchQueue.global().async { output.data = pipe.fileHandleForReading.readDataToEndOfFile(); readers.leave() }
        }
        if !MainLoop.iterate(until: { !process.isRunning }, timeout: limit) {
            process.terminate()
        }
        process.waitUntilExit()
        readers.wait()
        return (process.terminationStatus, String(decoding: stdout.data, as: UTF8.self), String(decoding: stderr.data, as: UTF8.self))
    }

    /// One reader thread writes it, read after the readers are done.
    private final class Output: @unchecked Sendable { var data = Data() }
}

// MARK: The probe's report

struct AccessibleObject: Decodable {
    var role: String
    var name: String
    var description: String = ""
    var path: [String]
    var content: [String] = []
    var `where`: String { path.suffix(3).joined(separator: " › ") }

    init(role: String, name: String, path: [String], content: [String] = []) {
        self.role = role
        self.name = name
        self.path = path
        self.content = content
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        role = try c.decode(String.self, forKey: .role)
        name = try c.decode(String.self, forKey: .name)
        description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
        path = try c.decode([String].self, forKey: .path)
        content = try c.decodeIfPresent([String].self, forKey: .content) ?? []
    }

    private enum CodingKeys: String, CodingKey { case role, name, description, path, content }
}

struct ProbeReport: Decodable {
    struct Event: Decodable {
        var type: String
        var role: String?
        var name: String
        var description: String
        var data: String
        var detail1: Int

        var isName: Bool { type.hasPrefix("object:property-change:accessible-name") }
        var isDescription: Bool { type.hasPrefix("object:property-change:accessible-description") }
        var isFocus: Bool { type.hasPrefix("object:state-changed:focused") && detail1 == 1 }
        var isFocusLost: Bool { type.hasPrefix("object:state-changed:focused") && detail1 == 0 }

        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            type = try c.decode(String.self, forKey: .type)
            role = try c.decodeIfPresent(String.self, forKey: .role)
            name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
            description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
            data = try c.decodeIfPresent(String.self, forKey: .data) ?? ""
            detail1 = try c.decodeIfPresent(Int.self, forKey: .detail1) ?? 0
        }

        private enum CodingKeys: String, CodingKey { case type, role, name, description, data, detail1 }
    }

    struct Step: Decodable {
        var key: String
        var events: [Event]
        /// The names the grid was given, in order (what Orca speaks of the focused grid).
        var gridNames: [String] { events.filter { $0.isName && $0.role == "table" }.map(\.data) }
    }

    struct Chart: Decodable {
        var name: String
        var description: String
    }

    var error: String?
    var application: String?
    var focusable: [AccessibleObject] = []
    var grid: AccessibleObject?
    var charts: [Chart] = []
    var chartsAfterDown: [Chart] = []
    var steps: [Step] = []
    /// The table rows read after Alt+5 (the enterprise list's column view).
    var enterpriseRows: [AccessibleObject]?
}
