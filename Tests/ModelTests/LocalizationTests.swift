import Foundation
import XCTest

@testable import Model

final class LocalizationTests: XCTestCase {
    /// The repository root, found from this file's path (Tests/ModelTests/LocalizationTests.swift).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    // MARK: Parser

    func testParsesEntriesMultiLineStringsEscapesCommentsAndContext() throws {
        let text = #"""
        # Translator comment
        msgid ""
        msgstr ""
        "Content-Type: text/plain; charset=UTF-8\n"
        "Language: zh_CN\n"

        #. extracted comment
        #: Sources/App/Window/MainWindow.swift:12
        msgid "Overview"
        msgstr "概览"

        msgid ""
        "Two "
        "lines\n"
        "and a \"quote\" and a \\ backslash"
        msgstr "两行\n以及\"引号\"和\\反斜杠"

        msgctxt "menu"
        msgid "Open"
        msgstr "打开…"

        msgid "Open"
        msgstr "打开"

        #, fuzzy, c-format
        msgid "Draft"
        msgstr "草稿"

        msgid "Empty"
        msgstr ""

        msgid "%1 file"
        msgid_plural "%1 files"
        msgstr[0] "%1 个文件"

        #~ msgid "Obsolete"
        #~ msgstr "过时"
        """#
        let catalog = try POCatalog(parsing: text)
        XCTAssertTrue(catalog.header.contains("Language: zh_CN\n"))
        XCTAssertEqual(catalog.entries.count, 7)
        XCTAssertEqual(catalog.translation("Overview"), "概览")
        XCTAssertEqual(catalog.translation("Two lines\nand a \"quote\" and a \\ backslash"), "两行\n以及\"引号\"和\\反斜杠")
        XCTAssertEqual(catalog.translation("Open"), "打开")
        XCTAssertEqual(catalog.translation("Open", context: "menu"), "打开…")
        XCTAssertEqual(catalog.entry("Draft")?.flags, ["fuzzy", "c-format"])
        XCTAssertNil(catalog.translation("Draft"), "fuzzy entries are not used")
        XCTAssertNil(catalog.translation("Empty"), "empty msgstr means untranslated")
        XCTAssertEqual(catalog.entry("%1 file")?.msgidPlural, "%1 files")
        XCTAssertEqual(catalog.translation("%1 file"), "%1 个文件")
        XCTAssertNil(catalog.entry("Obsolete"))
    }

    func testRejectsMalformedCatalogsWithTheLine() {
        let cases: [(String, Int)] = [
            ("msgid \"a\"\nmsgstr \"b", 2),               // unterminated string
            ("msgid \"a\"\n\nmsgid \"b\"\nmsgstr \"c\"", 1),  // msgid without msgstr
            ("msgstr \"x\"", 1),                            // msgstr without msgid
            ("msgid \"a\"\nmsgstr \"\\q\"", 2),            // unknown escape
            ("msgid \"a\"\nmsgstr \"b\"\nmsgid \"a\"\nmsgstr \"c\"", 3),  // duplicate
            ("\"stray\"", 1),
        ]
        for (text, line) in cases {
            XCTAssertThrowsError(try POCatalog(parsing: text), text) { error in
                XCTAssertEqual((error as? POParseError)?.line, line, "\(text): \(error)")
            }
        }
    }

    // MARK: Language and formatting

    func testLanguageFollowsGettextEnvironmentOrder() {
        XCTAssertEqual(Language.fromEnvironment([:]), .chinese)
        XCTAssertEqual(Language.fromEnvironment(["LANG": "en_US.UTF-8"]), .english)
        XCTAssertEqual(Language.fromEnvironment(["LANG": "C.UTF-8"]), .chinese)
        XCTAssertEqual(Language.fromEnvironment(["LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"]), .chinese)
        XCTAssertEqual(Language.fromEnvironment(["LC_MESSAGES": "zh_CN", "LC_ALL": "en_GB"]), .english)
        XCTAssertEqual(Language.fromEnvironment(["LANGUAGE": "en_GB:zh_CN", "LC_ALL": "zh_CN"]), .english)
        XCTAssertEqual(Language.fromEnvironment(["LANGUAGE": "", "LC_ALL": "", "LANG": "en"]), .english)
        XCTAssertEqual(Language(code: "EN"), .english)
        XCTAssertEqual(Language(code: "zh_TW.UTF-8"), .chinese)
        XCTAssertNil(Language(code: "fr"))
    }

    /// Issue 16: de, fr, ja and LANGUAGE=de:en got Chinese. Chinese for zh*, English otherwise.
    func testOtherLanguagesGetEnglishAndLanguageListIsWalked() {
        for locale in ["de_DE.UTF-8", "fr_FR.UTF-8", "ja_JP.UTF-8", "es", "pt_BR"] {
            XCTAssertEqual(Language.fromEnvironment(["LANG": locale]), .english, locale)
            XCTAssertEqual(Language.fromEnvironment(["LC_ALL": locale, "LANG": "zh_CN.UTF-8"]), .english, locale)
        }
        XCTAssertEqual(Language.fromEnvironment(["LANGUAGE": "de:en", "LANG": "de_DE.UTF-8"]), .english)
        XCTAssertEqual(Language.fromEnvironment(["LANGUAGE": "de:zh_CN", "LANG": "de_DE.UTF-8"]), .chinese,
                       "a language without a catalog passes to the next in the list")
        XCTAssertEqual(Language.fromEnvironment(["LANGUAGE": "fr", "LANG": "zh_CN.UTF-8"]), .english,
                       "a list naming only languages without a catalog means the msgid language")
        XCTAssertEqual(Language.fromEnvironment(["LANGUAGE": "zh_TW:en", "LANG": "en_US.UTF-8"]), .chinese)
        XCTAssertEqual(Language.fromEnvironment(["LANGUAGE": ":", "LANG": "en_US.UTF-8"]), .english)
        XCTAssertEqual(Language.fromEnvironment(["LANGUAGE": "", "LANG": "zh_CN.UTF-8"]), .chinese)
        XCTAssertEqual(Language.fromEnvironment(["LANG": "POSIX"]), .chinese, "no language named: the default")
        XCTAssertEqual(Language.fromEnvironment(["LANG": "enx_XX"]), .english, "not Chinese")
        XCTAssertEqual(Language.fromEnvironment(["LANG": "zh_HK.UTF-8"]), .chinese)
    }

    func testLocalizerTranslatesAndFormatsPositionalArguments() throws {
        let catalog = try POCatalog(parsing: "msgid \"%1 of %2\"\nmsgstr \"%2中的%1\"\n")
        let localizer = Localizer(language: .chinese, loadCatalog: { _ in catalog })
        XCTAssertEqual(localizer.translate("%1 of %2", arguments: [3, "32"]), "32中的3")
        XCTAssertEqual(localizer.translate("Missing"), "Missing", "untranslated msgids show as they are")
        localizer.language = .english
        XCTAssertEqual(localizer.translate("%1 of %2", arguments: [3, 32]), "3 of 32")
        XCTAssertEqual(Localizer.format("100%% %1 %3", ["a"]), "100% a %3")
    }

    func testSharedLocalizerUsesTheBundledChineseCatalog() {
        defer { Localizer.shared.followEnvironment() }
        Localizer.shared.language = .chinese
        XCTAssertEqual(tr("Overview"), "概览")
        XCTAssertEqual(trn("%1 jurisdiction", "%1 jurisdictions", 32), "32 个省级单位")
        Localizer.shared.language = .english
        XCTAssertEqual(tr("Overview"), "Overview")
        XCTAssertNotNil(Localizer.bundledCatalog(for: .chinese))
    }

    func testAScopedLanguageChangesOnlyTheCodeInsideIt() {
        defer { Localizer.shared.followEnvironment() }
        Localizer.shared.language = .chinese
        XCTAssertEqual(tr("Overview", language: .english), "Overview")
        XCTAssertEqual(tr("Overview", language: .chinese), "概览")
        // Inside the scope, on this thread: English; another thread meanwhile keeps Chinese.
        let elsewhere = TextBox()
        let inside: String = Localizer.with(language: .english) {
            let done = DispatchSemaphore(value: 0)
            Thread {
                elsewhere.text = tr("Overview")
                done.signal()
            }.start()
            done.wait()
            XCTAssertEqual(Localizer.shared.effectiveLanguage, .english)
            return tr("%1 jurisdictions", 32)
        }
        XCTAssertEqual(inside, "32 jurisdictions")
        XCTAssertEqual(elsewhere.text, "概览", "the process's language never changed")
        XCTAssertEqual(Localizer.shared.language, .chinese)
        XCTAssertEqual(tr("Overview"), "概览", "nothing to restore after the scope")
        XCTAssertEqual(Localizer.with(language: nil) { tr("Overview") }, "概览")
    }

    /// Plural messages follow the scoped language too (an English chart drawn from the Chinese
    /// interface said "5 家企业, 电话 5 次").
    func testAScopedLanguageAppliesToPluralMessages() {
        defer { Localizer.shared.followEnvironment() }
        Localizer.shared.language = .chinese
        XCTAssertEqual(Localizer.with(language: .english) { trn("%1 jurisdiction", "%1 jurisdictions", 1) }, "1 jurisdiction")
        XCTAssertEqual(Localizer.with(language: .english) { trn("%1 jurisdiction", "%1 jurisdictions", 5) }, "5 jurisdictions")
        XCTAssertFalse(trn("%1 jurisdiction", "%1 jurisdictions", 5).contains("jurisdictions"), "outside the scope: Chinese")
    }

    // MARK: The catalog against the sources

    func testEveryChineseEntryIsTranslated() throws {
        let catalog = try Self.chineseCatalog()
        XCTAssertFalse(catalog.entries.isEmpty)
        for entry in catalog.entries {
            XCTAssertFalse(entry.msgstrs.contains(where: \.isEmpty), "zh_CN.po: \"\(entry.msgid)\" has no translation")
            XCTAssertFalse(entry.isFuzzy, "zh_CN.po: \"\(entry.msgid)\" is marked fuzzy")
        }
    }

    func testEveryTrLiteralInTheSourcesHasAChineseEntry() throws {
        let catalog = try Self.chineseCatalog()
        let calls = try Self.trCalls(under: ["Sources/GtkKit", "Sources/Rendering", "Sources/Commands", "Sources/Sections", "Sources/Bench", "Sources/gongkai", "Sources/Model"])
        XCTAssertGreaterThan(calls.count, 10, "the scan found too few tr(\"…\") calls: is the source folder right?")
        for call in calls where catalog.translation(call.msgid, context: call.context) == nil {
            XCTFail("\(call.location): tr(\"\(call.msgid)\") has no entry in resources/po/zh_CN.po")
        }
    }

    /// Issue 16: "0 errors, 1 warnings", "Read 1 rows". Plural entries through the one mechanism.
    func testPluralFormsPickTheFormForTheCount() throws {
        let catalog = try POCatalog(parsing: """
            msgid ""
            msgstr "Plural-Forms: nplurals=1; plural=0;\\n"

            msgid "%1 row"
            msgid_plural "%1 rows"
            msgstr[0] "%1 行"

            """)
        XCTAssertEqual(catalog.pluralFormCount, 1)
        let localizer = Localizer(language: .english, loadCatalog: { _ in catalog })
        XCTAssertEqual(localizer.translatePlural("%1 row", "%1 rows", count: 1), "%1 row")
        XCTAssertEqual(localizer.translatePlural("%1 row", "%1 rows", count: 0), "%1 rows")
        XCTAssertEqual(localizer.translatePlural("%1 row", "%1 rows", count: 2), "%1 rows")
        localizer.language = .chinese
        XCTAssertEqual(localizer.translatePlural("%1 row", "%1 rows", count: 1), "%1 行")
        XCTAssertEqual(localizer.translatePlural("%1 row", "%1 rows", count: 7), "%1 行")
        XCTAssertEqual(localizer.translatePlural("%1 row", "%1 other rows", count: 7), "%1 other rows",
                       "an entry whose msgid_plural differs is not this message")
        XCTAssertEqual(try POCatalog(parsing: "msgid \"a\"\nmsgstr \"b\"\n").pluralIndex(1), 0)
        XCTAssertEqual(try POCatalog(parsing: "msgid \"a\"\nmsgstr \"b\"\n").pluralIndex(2), 1, "without a header: n != 1")

        defer { Localizer.shared.followEnvironment() }
        Localizer.shared.language = .english
        XCTAssertEqual(ProblemCounts.text(errors: 0, warnings: 1), "0 errors, 1 warning")
        XCTAssertEqual(ProblemCounts.text(errors: 1, warnings: 2), "1 error, 2 warnings")
        XCTAssertEqual(trn("%1 jurisdiction", "%1 jurisdictions", 1), "1 jurisdiction")
        XCTAssertEqual(trn("Added %1 enterprise to %2.", "Added %1 enterprises to %2.", 1, 1, "s.gongkai"), "Added 1 enterprise to s.gongkai.")
        Localizer.shared.language = .chinese
        XCTAssertEqual(ProblemCounts.text(errors: 0, warnings: 1), "0 个错误，1 个警告")
        // A scoped language (charts, exports) holds for plural forms as for tr.
        XCTAssertEqual(Localizer.with(language: .english) { trn("%1 call", "%1 calls", 2) }, "2 calls")
        Localizer.shared.language = .english
        XCTAssertEqual(Localizer.with(language: .chinese) { trn("%1 call", "%1 calls", 2) }, "电话 2 次")
    }

    func testEveryTrnLiteralPairInTheSourcesHasAChinesePluralEntry() throws {
        let catalog = try Self.chineseCatalog()
        let calls = try Self.trCalls(under: ["Sources/GtkKit", "Sources/Rendering", "Sources/Commands", "Sources/Sections", "Sources/Bench", "Sources/gongkai", "Sources/Model"]).filter { $0.plural != nil }
        XCTAssertGreaterThan(calls.count, 10, "the scan found too few trn(\"…\", \"…\") calls")
        for call in calls {
            guard let plural = call.plural else { continue }
            XCTAssertNotNil(catalog.pluralTranslation(call.msgid, plural: plural, index: 0),
                            "\(call.location): trn(\"\(call.msgid)\", \"\(plural)\") has no plural entry in resources/po/zh_CN.po")
        }
    }

    /// Count messages go through trn: no tr() literal puts a count before a plural noun.
    func testNoTrLiteralCountsWithAFixedPlural() throws {
        let countedPlural = try NSRegularExpression(pattern: #"%[1-9] (rows|errors|warnings|jurisdictions|enterprises|calls|cells|charts|pages|sub-units|columns|seconds|items)\b"#)
        for call in try Self.trCalls(under: ["Sources/GtkKit", "Sources/Rendering", "Sources/Commands", "Sources/Sections", "Sources/Bench", "Sources/gongkai", "Sources/Model"]) where call.plural == nil {
            let range = NSRange(call.msgid.startIndex..., in: call.msgid)
            XCTAssertNil(countedPlural.firstMatch(in: call.msgid, range: range), "\(call.location): tr(\"\(call.msgid)\") counts without trn")
        }
    }

    /// Issue 16: in English a msgid is shown as it is, so no msgid may carry Chinese ("Note, e.g.
    /// 自愿性地市级负责", "(地市)" in the shortcuts window), except where it quotes what a user's file holds.
    func testNoMsgidInTheSourcesContainsChinese() throws {
        let quotingFiles = ["No column holds the enterprise names: map one (headers such as 企业名称 are recognised)."]
        let han = try NSRegularExpression(pattern: #"\p{Han}"#)
        let calls = try Self.trCalls(under: ["Sources/GtkKit", "Sources/Rendering", "Sources/Commands", "Sources/Sections", "Sources/Bench", "Sources/gongkai", "Sources/Model"])
        for call in calls where !quotingFiles.contains(call.msgid) {
            let text = call.msgid + (call.plural ?? "")
            XCTAssertNil(han.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)), "\(call.location): “\(call.msgid)”")
        }
    }

    func testSourceScannerReadsSwiftLiterals() {
        let source = #"""
        let a = tr("Plain")
        let b = tr("Quote \" and \\ and \n and \u{4E2D}", 3)
        let c = tr(context: "menu", "Open")
        let d = attr("not a call")
        let e = trn("%1 row", "%1 rows",
                    n)
        """#
        let calls = Self.trCalls(in: source, file: "x.swift")
        XCTAssertEqual(calls.map(\.msgid), ["Plain", "Quote \" and \\ and \n and 中", "Open", "%1 row"])
        XCTAssertEqual(calls.map(\.context), [nil, nil, "menu", nil])
        XCTAssertEqual(calls.map(\.plural), [nil, nil, nil, "%1 rows"])
        XCTAssertEqual(calls.map(\.location), ["x.swift:1", "x.swift:2", "x.swift:3", "x.swift:5"])
    }

    // MARK: Helpers

    static func chineseCatalog() throws -> POCatalog {
        try POCatalog(contentsOf: repositoryRoot.appendingPathComponent("resources/po/zh_CN.po"))
    }

    struct TrCall {
        var msgid: String
        var context: String?
        var location: String
        /// The `msgid_plural` of a `trn("…", "…", n)` call.
        var plural: String?
    }

    /// Every `tr("…")`, `tr(context: "…", "…")` and `trn("…", "…", n)` with literal strings in the
    /// Swift files under `folders`.
    static func trCalls(under folders: [String]) throws -> [TrCall] {
        var calls: [TrCall] = []
        for folder in folders {
            let root = repositoryRoot.appendingPathComponent(folder)
            guard let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in files where url.pathExtension == "swift" {
                let text = try String(contentsOf: url, encoding: .utf8)
                let relative = String(url.path.dropFirst(repositoryRoot.path.count + 1))
                calls += trCalls(in: text, file: relative)
            }
        }
        return calls
    }

    private static let literal = #""((?:[^"\\\n]|\\.)*)""#
    private static let callPattern = try! NSRegularExpression(
        pattern: #"(?<![A-Za-z0-9_.])(?:tr\(\s*(?:context:\s*"# + literal + #"\s*,\s*)?"# + literal
            + #"|trn\(\s*"# + literal + #"\s*,\s*"# + literal + ")")

    static func trCalls(in text: String, file: String) -> [TrCall] {
        let ns = text as NSString
        return callPattern.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { match in
            func group(_ i: Int) -> String? {
                match.range(at: i).location == NSNotFound ? nil : unescape(ns.substring(with: match.range(at: i)))
            }
            let line = ns.substring(to: match.range.location).filter { $0 == "\n" }.count + 1
            if let singular = group(3) {
                return TrCall(msgid: singular, context: nil, location: "\(file):\(line)", plural: group(4))
            }
            return TrCall(msgid: group(2) ?? "", context: group(1), location: "\(file):\(line)")
        }
    }

    /// Decodes the escapes of a Swift string literal: \n \t \r \0 \" \' \\ \u{…}.
    static func unescape(_ body: String) -> String {
        var out = ""
        var chars = Array(body)[...]
        while let c = chars.popFirst() {
            guard c == "\\", let e = chars.popFirst() else { out.append(c); continue }
            switch e {
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "r": out.append("\r")
            case "0": out.append("\0")
            case "u":
                guard chars.first == "{", let close = chars.firstIndex(of: "}"),
                      let scalar = UInt32(String(chars[chars.index(after: chars.startIndex)..<close]), radix: 16)
                        .flatMap(Unicode.Scalar.init) else { out.append("\\u"); continue }
                out.unicodeScalars.append(scalar)
                chars = chars[chars.index(after: close)...]
            default: out.append(e)
            }
        }
        return out
    }
}

/// A text another thread writes before the test reads it (after a semaphore).
private final class TextBox: @unchecked Sendable {
    var text = ""
}
