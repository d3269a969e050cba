import CGtk
import Foundation
import Model
import XCTest

@testable import GtkKit
@testable import Rendering
@testable import Commands
@testable import Sections
@testable import Bench
@testable import gongkai

/// Issue 16: the English interface showed Chinese ("cell of 广西", "Note, e.g. 自愿性地市级负责",
/// "(地市)" in the shortcuts window). Every section is shown in English and every text a widget
/// shows (labels, buttons, placeholders, tooltips, the shortcuts window) is checked: Chinese is
/// allowed only where it is a data value of the survey (a name, a note, a title from the file).
final class EnglishInterfaceTests: WindowTestCase {
    /// Names of languages written in their own language (the language menus offer "中文").
    static let endonyms: Set<String> = ["中文"]

    func testEverySectionInEnglishShowsChineseOnlyInDataValues() throws { try onMain { context in
        Localizer.shared.language = .english
        let data = try String(contentsOf: try XCTUnwrap(BuiltinDataset.url), encoding: .utf8)
        // A jurisdiction has an English name: its Chinese name alone is not what English shows.
        let named = Set(WindowTestCase.builtinSurvey.jurisdictions.flatMap { [$0.name, $0.shortName] })
        let window = try context.makeWindow()
        defer { gtk_window_destroy(window.window.window) }
        var checked = 0
        for section in window.sections {
            window.showSection(id: section.id)
            Self.drainMainLoop()
            // The reconciliation section quotes the report verbatim (statements, notes, decisions):
            // its Chinese must be data, but the report's own names of jurisdictions are part of a quote.
            let quoting = Set(window.sections.compactMap { $0 as? ReconciliationSection }.flatMap { Self.texts(under: $0.widget) })
            for text in Self.texts(under: window.window) {
                checked += 1
                // A text whose Chinese part is quoted whole from the survey (a note, a statement the
                // report makes) is a data value, whatever jurisdictions it names.
                if let quoted = Self.chineseSpan(of: text), data.contains(quoted) { continue }
                for run in Self.chineseRuns(in: text) where !Self.endonyms.contains(run) && !Self.isToolkitText(text) {
                    if !data.contains(run) {
                        XCTFail("\(section.id): “\(text)” shows Chinese that is not a data value: \(run)")
                    } else if named.contains(run) && !quoting.contains(text) {
                        XCTFail("\(section.id): “\(text)” names a jurisdiction in Chinese: \(run)")
                    }
                }
            }
        }
        XCTAssertGreaterThan(checked, 100, "the walk found too few texts")

        window.showShortcuts()
        Self.drainMainLoop()
        let shortcuts = try XCTUnwrap(Self.toplevels().first { $0 != window.window && gtk_widget_get_visible($0) != 0 })
        defer { gtk_window_destroy(shortcuts.window) }
        let shortcutTexts = Self.texts(under: shortcuts)
        XCTAssertFalse(shortcutTexts.isEmpty)
        for text in shortcutTexts where !Self.isToolkitText(text) {
            XCTAssertTrue(Self.chineseRuns(in: text).isEmpty, "the shortcuts window: “\(text)”")
        }
    } }

    /// The article 11 checklist cites each item's article and clause: in English as "Art. 11 (1)–(3)",
    /// not 「审核办法 第十一条（一）至（三）」 (the heading above names the regulation).
    func testTheChecklistCitesArticlesInEnglish() throws { try onMain { (_: UITestContext) in
        Localizer.shared.language = .english
        for item in DisclosureItem.allCases {
            let citation = DisclosureChecklist.citation(item.source, in: WindowTestCase.builtinSurvey)
            XCTAssertTrue(Self.chineseRuns(in: citation).isEmpty, "\(item): \(citation)")
            XCTAssertTrue(citation.hasPrefix("Art. 11"), citation)
        }
        Localizer.shared.language = .chinese
        XCTAssertTrue(DisclosureChecklist.citation(DisclosureItem.allCases[0].source, in: WindowTestCase.builtinSurvey).contains("第十一条"))
    } }

    func testProblemMessagesNameJurisdictionsInEnglish() throws {
        defer { Localizer.shared.followEnvironment() }
        Localizer.shared.language = .english
        let messages = Validator.validate(WindowTestCase.builtinSurvey).map(\.message)
        let guangxi = try XCTUnwrap(messages.first { $0.contains("Guangxi") }, "the report's disagreement for 广西 2019")
        XCTAssertTrue(Self.chineseRuns(in: guangxi).isEmpty, guangxi)
    }

    func testChineseRunsAreFound() {
        XCTAssertEqual(Self.chineseRuns(in: "cell of 广西, note 自愿性 (x)"), ["广西", "自愿性"])
        XCTAssertEqual(Self.chineseRuns(in: "Overview · 2018–2022"), [])
    }

    // MARK: Helpers

    /// GTK's own Chinese catalog, when installed.
    static let toolkitCatalog: Data? = FileManager.default.contents(atPath: "/usr/share/locale/zh_CN/LC_MESSAGES/gtk40.mo")

    /// A text that is one of GTK's own translations (a text field's "Redo" menu item): GTK speaks the
    /// locale its process started with, and an earlier test in this process may have started GTK in
    /// Chinese (the application itself sets GTK's language before GTK starts, `ToolkitLanguage`).
    static func isToolkitText(_ text: String) -> Bool {
        guard let catalog = toolkitCatalog else { return false }
        return catalog.range(of: Data([0] + Array(text.utf8) + [0])) != nil
    }

    /// The part of `text` from its first to its last CJK ideograph, nil when it has none.
    static func chineseSpan(of text: String) -> String? {
        func isHan(_ c: Character) -> Bool {
            c.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) }
        }
        guard let first = text.firstIndex(where: isHan), let last = text.lastIndex(where: isHan) else { return nil }
        return String(text[first...last])
    }

    /// Runs of CJK ideographs (and CJK punctuation between them) in `text`.
    static func chineseRuns(in text: String) -> [String] {
        var runs: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                runs.append(current)
                current = ""
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    /// The windows GTK has open.
    @MainActor static func toplevels() -> [UnsafeMutablePointer<GtkWidget>] {
        guard let list = gtk_window_get_toplevels() else { return [] }
        return (0..<g_list_model_get_n_items(list)).compactMap { i in
            g_list_model_get_item(list, i).map { item in
                defer { g_object_unref(item) }
                return item.assumingMemoryBound(to: GtkWidget.self)
            }
        }
    }

    /// Every text shown by `root` and the widgets under it: label and button texts, entry
    /// placeholders and texts, inscriptions and tooltips.
    @MainActor static func texts(under root: UnsafeMutablePointer<GtkWidget>) -> [String] {
        var out: [String] = []
        @MainActor func add(_ text: UnsafePointer<CChar>?) {
            if let text, text.pointee != 0 { out.append(String(cString: text)) }
        }
        @MainActor func walk(_ widget: UnsafeMutablePointer<GtkWidget>) {
            let instance = UnsafeMutableRawPointer(widget).assumingMemoryBound(to: GTypeInstance.self)
            // GTK's tooltip popup shows a tooltip already read below, possibly one left from an
            // earlier test in another language.
            if String(cString: g_type_name_from_instance(instance)) == "GtkTooltipWindow" { return }
            func isA(_ type: GType) -> Bool { g_type_check_instance_is_a(instance, type) != 0 }
            if isA(gtk_label_get_type()) { add(gtk_label_get_text(widget.opaque)) }
            if isA(gtk_inscription_get_type()) { add(gtk_inscription_get_text(widget.opaque)) }
            if isA(gtk_text_get_type()) { add(gtk_text_get_placeholder_text(widget.cast())) }
            if isA(gtk_entry_get_type()) { add(gtk_entry_get_placeholder_text(widget.cast())) }
            if isA(gtk_window_get_type()) { add(gtk_window_get_title(widget.window)) }
            if let tooltip = gtk_widget_get_tooltip_text(widget) { add(tooltip) }
            var child = gtk_widget_get_first_child(widget)
            while let current = child {
                walk(current)
                child = gtk_widget_get_next_sibling(current)
            }
        }
        walk(root)
        return out
    }
}
