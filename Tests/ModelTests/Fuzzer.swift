import Foundation
@testable import Model

/// A small in-process mutation fuzzer for the survey loader and the list importer. It mutates
/// the seed files of a corpus (`Tests/Fuzz/corpus/…`) with a seeded generator, so a pass is
/// deterministic: the same seed and budget try the same inputs. What every input must give:
/// a `SurveyFileError` (or an import failure), or a result that validates, computes its
/// statistics and encodes again without trapping. A trap kills the process: before running each
/// input, `run` writes it to `currentInputPath` (when set), so that whoever started the process
/// (`make fuzz`) can keep the input that killed it.
struct Fuzzer {
    /// SplitMix64: small, fast, and the same on every machine.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// What a mutated input did: refused with this outcome, or accepted.
    struct Outcome: Hashable {
        var accepted: Bool
        /// The error's kind and its JSON path with the indices removed, e.g. "invalidValue survey.enterprises[].year".
        var signature: String
    }

    /// Something the target did that it must not (short of a trap, which ends the process).
    struct Finding: Error, CustomStringConvertible {
        var input: Data
        var problem: String
        var description: String { problem }
    }

    var generator: Generator
    let corpus: [Data]
    /// Tokens a mutation may insert: the syntax and the values that once broke something.
    let dictionary: [[UInt8]]
    /// Where each input is written before it runs (nil: nowhere).
    var currentInputPath: String?

    init(seed: UInt64, corpus: [Data], dictionary: [String]) {
        generator = Generator(seed: seed)
        self.corpus = corpus.isEmpty ? [Data("{}".utf8)] : corpus
        self.dictionary = dictionary.map { Array($0.utf8) }
    }

    mutating func int(_ bound: Int) -> Int { bound <= 1 ? 0 : Int(generator.next() % UInt64(bound)) }

    /// One mutated input: a corpus file with 1 to 4 mutations.
    mutating func nextInput() -> Data {
        var bytes = [UInt8](corpus[int(corpus.count)])
        for _ in 0...int(4) { mutate(&bytes) }
        return Data(bytes)
    }

    mutating func mutate(_ bytes: inout [UInt8]) {
        let position = int(bytes.count + 1)
        switch int(10) {
        case 0 where !bytes.isEmpty:  // flip a bit
            let i = min(position, bytes.count - 1)
            bytes[i] ^= 1 << UInt8(int(8))
        case 1 where !bytes.isEmpty:  // an interesting byte
            let interesting: [UInt8] = [0, 0x1B, 0x0A, 0x0D, 0x22, 0x5C, 0x7B, 0x7D, 0x5B, 0x5D, 0x2C, 0x3A, 0x2D, 0x30, 0x39, 0x65, 0x80, 0xC0, 0xE4, 0xFF]
            bytes[min(position, bytes.count - 1)] = interesting[int(interesting.count)]
        case 2 where !bytes.isEmpty:  // delete a run
            let end = min(bytes.count, position + 1 + int(16))
            if position < end { bytes.removeSubrange(position..<end) }
        case 3 where !bytes.isEmpty:  // duplicate a run somewhere else
            let start = int(bytes.count)
            let end = min(bytes.count, start + 1 + int(64))
            let run = Array(bytes[start..<end])
            bytes.insert(contentsOf: run, at: int(bytes.count + 1))
        case 4:  // splice a run of another corpus file
            let other = [UInt8](corpus[int(corpus.count)])
            guard !other.isEmpty else { return }
            let start = int(other.count)
            let end = min(other.count, start + 1 + int(128))
            bytes.insert(contentsOf: other[start..<end], at: position)
        case 5, 6:  // replace a number with an interesting one
            if let (start, end) = numberToken(near: position, in: bytes) {
                let numbers = ["-9223372036854775808", "9223372036854775807", "18446744073709551616", "1e309", "-0", "0", "1948",
                               "2201", "1949", "2200", "2019.5", "1000000001", "-1", "4294967296", "1e2", "00"]
                bytes.replaceSubrange(start..<end, with: Array(numbers[int(numbers.count)].utf8))
            } else {
                bytes.insert(contentsOf: dictionary[int(dictionary.count)], at: position)
            }
        case 7, 8:  // insert a token
            bytes.insert(contentsOf: dictionary[int(dictionary.count)], at: position)
        default:  // cut the file short
            if position < bytes.count { bytes.removeSubrange(position...) }
        }
    }

    /// The number token at or after `position`, as a byte range.
    private func numberToken(near position: Int, in bytes: [UInt8]) -> (Int, Int)? {
        var i = position
        while i < bytes.count && !(bytes[i] == 0x2D || (0x30...0x39).contains(bytes[i])) { i += 1 }
        guard i < bytes.count else { return nil }
        var end = i + 1
        while end < bytes.count, (0x30...0x39).contains(bytes[end]) || [0x2E, 0x65, 0x45, 0x2B, 0x2D].contains(bytes[end]) { end += 1 }
        return (i, end)
    }

    /// Runs `target` on up to `iterations` inputs or for `seconds`, whichever ends first. Returns
    /// the distinct outcomes seen with the first input of each; throws the first `Finding`.
    mutating func run(iterations: Int, seconds: Double,
                      _ target: (Data) throws -> Outcome) throws -> (tried: Int, outcomes: [Outcome: Data]) {
        let start = Date()
        var outcomes: [Outcome: Data] = [:]
        var tried = 0
        while tried < iterations && Date().timeIntervalSince(start) < seconds {
            let input = nextInput()
            if let path = currentInputPath { try input.write(to: URL(fileURLWithPath: path)) }
            let outcome = try target(input)
            if outcomes[outcome] == nil { outcomes[outcome] = input }
            tried += 1
        }
        return (tried, outcomes)
    }

    // MARK: - Targets

    /// The survey loader: refuses with a `SurveyFileError`, or gives a survey that validates,
    /// has statistics, encodes, and loads again from what it encodes to.
    static func loadSurvey(_ data: Data) throws -> Outcome {
        let survey: Survey
        do {
            survey = try SurveyFile.decode(data, source: "fuzz.gongkai")
        } catch let error as SurveyFileError {
            let path = (error.path ?? "").replacingOccurrences(of: #"\[[0-9]+\]"#, with: "[]", options: .regularExpression)
            _ = error.message
            return Outcome(accepted: false, signature: "\(error.kind) \(path)")
        } catch {
            throw Finding(input: data, problem: "the loader threw something other than a SurveyFileError: \(error)")
        }
        _ = Validator.validate(survey)
        _ = Statistics(survey)
        let encoded: Data
        do {
            encoded = try SurveyFile.encode(survey)
        } catch {
            throw Finding(input: data, problem: "a loaded survey cannot be encoded: \(error)")
        }
        do {
            _ = try SurveyFile.decode(encoded, source: "fuzz.gongkai")
        } catch {
            throw Finding(input: data, problem: "a loaded survey, saved, cannot be loaded again: \(error)")
        }
        return Outcome(accepted: true, signature: "loaded")
    }

    /// The list importer (decode, read, plan) against a small survey.
    static func importList(into survey: Survey) -> (Data) throws -> Outcome {
        { data in
            do {
                let plan = try EnterpriseImport(data: data, into: survey, jurisdiction: "anhui", year: 2019)
                _ = plan.summary
                var changed = survey
                changed.enterprises.append(contentsOf: plan.added)
                guard Set(changed.enterprises.map(\.id)).count == changed.enterprises.count else {
                    throw Finding(input: data, problem: "the import gave an id the survey already has")
                }
                return Outcome(accepted: true, signature: "planned \(plan.encoding)")
            } catch let failure as EnterpriseImport.Failure {
                let kind = failure.message.prefix { $0 != ":" && !$0.isNumber }
                return Outcome(accepted: false, signature: String(kind.prefix(40)))
            }
        }
    }

    /// The tokens mutations insert into survey files.
    static let surveyDictionary = [
        "{", "}", "[", "]", ",", ":", "\"", "\\u0000", "\\ud800", "\\\"", "null", "true", "false", "[]", "{}",
        "\"year\": ", "\"years\": ", "\"nmae\": 1, ", "\"version\": 2, ", "\"format\": \"gongkai-survey\", ",
        "\"status\": \"disclosed\"", "\"kind\": \"audit_list\"", "\"evidence\": [{\"method\": \"phone\"}]",
        "\u{1B}[2J", "\u{FEFF}", "\u{00}", "\"\u{1B}\": 1, ", "1e999", "-9223372036854775808",
    ]

    /// The tokens mutations insert into lists.
    static let csvDictionary = [
        ",", "\t", "\"", "\"\"", "\r\n", "\n", "\r", "企业名称", "所在地", "审核类型", "年度", "2019", "双超", "1+2+3",
        "\u{1B}[31m", "\u{FEFF}", "\u{00}", "\u{FFFE}", ",,,,,,,,,,", "（）",
    ]
}
