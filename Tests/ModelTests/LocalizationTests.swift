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
        XCTAssertEqual(tr("%1 jurisdictions", 32), "32 个省级单位")
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
        let calls = try Self.trCalls(under: ["Sources/App", "Sources/Model"])
        XCTAssertGreaterThan(calls.count, 10, "the scan found too few tr(\"…\") calls: is the source folder right?")
        for call in calls where catalog.translation(call.msgid, context: call.context) == nil {
            XCTFail("\(call.location): tr(\"\(call.msgid)\") has no entry in resources/po/zh_CN.po")
        }
    }

    func testSourceScannerReadsSwiftLiterals() {
        let source = #"""
        let a = tr("Plain")
        let b = tr("Quote \" and \\ and \n and \u{4E2D}", 3)
        let c = tr(context: "menu", "Open")
        let d = attr("not a call")
        """#
        let calls = Self.trCalls(in: source, file: "x.swift")
        XCTAssertEqual(calls.map(\.msgid), ["Plain", "Quote \" and \\ and \n and 中", "Open"])
        XCTAssertEqual(calls.map(\.context), [nil, nil, "menu"])
        XCTAssertEqual(calls.map(\.location), ["x.swift:1", "x.swift:2", "x.swift:3"])
    }

    // MARK: Helpers

    static func chineseCatalog() throws -> POCatalog {
        try POCatalog(contentsOf: repositoryRoot.appendingPathComponent("resources/po/zh_CN.po"))
    }

    struct TrCall {
        var msgid: String
        var context: String?
        var location: String
    }

    /// Every `tr("…")` and `tr(context: "…", "…")` with literal strings in the Swift files under `folders`.
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
        pattern: #"(?<![A-Za-z0-9_.])tr\(\s*(?:context:\s*"# + literal + #"\s*,\s*)?"# + literal)

    static func trCalls(in text: String, file: String) -> [TrCall] {
        let ns = text as NSString
        return callPattern.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { match in
            let context = match.range(at: 1).location == NSNotFound ? nil : unescape(ns.substring(with: match.range(at: 1)))
            let line = ns.substring(to: match.range.location).filter { $0 == "\n" }.count + 1
            return TrCall(msgid: unescape(ns.substring(with: match.range(at: 2))), context: context, location: "\(file):\(line)")
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
