import Foundation
import XCTest
@testable import Model

/// The fuzz pass over the survey loader and the list importer (see `Fuzzer`). In `make test` it
/// is a fixed, seeded pass of a few seconds over the corpus in `Tests/Fuzz/corpus/`. `make fuzz`
/// runs the same tests for as long as asked (`GONGKAI_FUZZ_SECONDS`), with another seed each
/// time (`GONGKAI_FUZZ_SEED`); it keeps the input that killed the process (written to
/// `GONGKAI_FUZZ_CURRENT` before each run) and, with `GONGKAI_FUZZ_SAVE=1`, adds inputs with new
/// outcomes to the corpus.
final class FuzzTests: EnglishTestCase {
    private static let environment = ProcessInfo.processInfo.environment
    /// A long run asked for by `make fuzz`.
    private static let longSeconds = environment["GONGKAI_FUZZ_SECONDS"].flatMap(Double.init)
    private static let seed = environment["GONGKAI_FUZZ_SEED"].flatMap(UInt64.init) ?? 0x6F6E_676B_6169
    /// The pass in `make test`: this many inputs per target, stopped early after `budget` seconds.
    private static let iterations = 1_500
    private static let budget = 4.0

    static let corpusRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/corpus")

    static func corpus(_ name: String) throws -> [(name: String, data: Data)] {
        let folder = corpusRoot.appendingPathComponent(name)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        return try names.map { ($0, try Data(contentsOf: folder.appendingPathComponent($0))) }
    }

    /// A small survey for lists to be imported into: anhui 2019 holds two enterprises.
    static var importTarget: Survey { StorageFixtures.survey() }

    // MARK: - The corpus as it is

    func testEveryCorpusSurveyLoadsOrIsRefusedCleanly() throws {
        let files = try Self.corpus("survey")
        XCTAssertGreaterThanOrEqual(files.count, 10, "the survey corpus is in the repository")
        var refused = 0
        for (name, data) in files {
            let outcome = try Fuzzer.loadSurvey(data)
            if !outcome.accepted { refused += 1 }
            _ = name
        }
        XCTAssertGreaterThan(refused, 0, "the corpus holds the hostile cases, which are refused")
        XCTAssertLessThan(refused, files.count, "and files that load")
    }

    func testEveryCorpusListImportsOrIsRefusedCleanly() throws {
        let files = try Self.corpus("csv")
        XCTAssertGreaterThanOrEqual(files.count, 8, "the list corpus is in the repository")
        let target = Fuzzer.importList(into: Self.importTarget)
        let outcomes = try files.map { try target($0.data) }
        XCTAssertTrue(outcomes.contains { $0.accepted })
        XCTAssertTrue(outcomes.contains { !$0.accepted })
    }

    // MARK: - Mutations

    func testFuzzSurveyLoader() throws {
        let corpus = try Self.corpus("survey").map(\.data) + [try SurveyFile.encode(StorageFixtures.survey())]
        var fuzzer = Fuzzer(seed: Self.seed, corpus: corpus, dictionary: Fuzzer.surveyDictionary)
        try runPass(&fuzzer, name: "survey", target: Fuzzer.loadSurvey)
    }

    func testFuzzListImporter() throws {
        var fuzzer = Fuzzer(seed: Self.seed ^ 0xC5F, corpus: try Self.corpus("csv").map(\.data), dictionary: Fuzzer.csvDictionary)
        try runPass(&fuzzer, name: "csv", target: Fuzzer.importList(into: Self.importTarget))
    }

    private func runPass(_ fuzzer: inout Fuzzer, name: String, target: (Data) throws -> Fuzzer.Outcome) throws {
        fuzzer.currentInputPath = Self.environment["GONGKAI_FUZZ_CURRENT"]
        let iterations = Self.longSeconds == nil ? Self.iterations : Int.max
        let seconds = Self.longSeconds ?? Self.budget
        do {
            let (tried, outcomes) = try fuzzer.run(iterations: iterations, seconds: seconds, target)
            XCTAssertGreaterThan(tried, 0)
            XCTAssertGreaterThan(outcomes.count, 1, "mutations reach more than one outcome")
            if Self.longSeconds != nil {
                print("fuzz \(name): \(tried) inputs, \(outcomes.count) distinct outcomes, seed \(Self.seed)")
                if Self.environment["GONGKAI_FUZZ_SAVE"] == "1" { try saveNew(outcomes, name: name, target: target) }
            }
        } catch let finding as Fuzzer.Finding {
            let saved = try save(finding.input, name: name, prefix: "found")
            // Kept here: `make fuzz` need not keep it again.
            if let path = fuzzer.currentInputPath { try Data().write(to: URL(fileURLWithPath: path)) }
            XCTFail("\(finding.problem) — input saved as \(saved)")
        }
    }

    /// Adds to the corpus up to five inputs whose outcomes no corpus file has.
    private func saveNew(_ outcomes: [Fuzzer.Outcome: Data], name: String, target: (Data) throws -> Fuzzer.Outcome) throws {
        let known = Set(try Self.corpus(name).map { try target($0.data) })
        var saved = 0
        for (outcome, input) in outcomes.sorted(by: { $0.key.signature < $1.key.signature })
        where !known.contains(outcome) && input.count <= 65_536 && saved < 5 {
            print("new outcome \(outcome.signature): saved as \(try save(input, name: name, prefix: "new"))")
            saved += 1
        }
    }

    private func save(_ input: Data, name: String, prefix: String) throws -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a
        for b in input { hash = (hash ^ UInt64(b)) &* 0x100_0000_01B3 }
        let file = Self.corpusRoot.appendingPathComponent(name).appendingPathComponent("\(prefix)-\(String(hash, radix: 16))")
        try input.write(to: file)
        return file.path
    }
}
