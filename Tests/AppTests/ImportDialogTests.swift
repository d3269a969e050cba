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

/// The import dialog in the real window: a GB18030 list of 200 enterprises with a duplicate and
/// two bad rows, the detected encoding, the column mapping, confirmation as one undo step.
final class ImportDialogTests: WindowTestCase {
    /// A list as Excel on Chinese Windows saves it: GB18030, CRLF, 200 good rows, then a row
    /// repeating the first name, a row without a name and a row with unreadable reasons.
    static func gb18030List() throws -> Data {
        var lines = ["序号,企业名称,所在地,审核类型,所属行业"]
        for i in 1...200 {
            lines.append("\(i),河南省测试\(i)号化工有限公司,郑州市,\(["1", "2", "3", "1+3"][i % 4]),化工")
        }
        lines.append("201,河南省测试1号化工有限公司,郑州市,1,化工")
        lines.append("202,,洛阳市,2,水泥")
        lines.append("203,河南省坏行有限公司,开封市,第九类,冶金")
        let text = lines.joined(separator: "\r\n") + "\r\n"
        return try XCTUnwrap(text.data(using: TextDecoding.gb18030))
    }

    func testImportAGB18030ListThroughTheDialogThenUndo() throws { try onMain {
        Localizer.shared.language = .chinese
        let (window, section) = try EnterpriseSectionTests.open(Self.builtinSurvey)
        defer { gtk_window_destroy(window.window.window) }
        let before = window.survey
        let version = window.controller.version

        let dialog = ImportDialog(controller: window.controller, data: try Self.gb18030List(), fileName: "河南省2021年清洁生产审核企业名单.csv",
                                  parent: window.window)
        var imported: [String] = []
        dialog.onImported = { ids in imported = ids; section.select(id: ids[0]) }
        dialog.present()
        XCTAssertEqual(dialog.session.encoding, .gb18030)
        XCTAssertEqual(dialog.session.jurisdictionID, "henan", "guessed from the file name")
        XCTAssertEqual(dialog.session.year, 2021)
        XCTAssertEqual(dialog.jurisdiction.selectedLabel, "河南")
        XCTAssertEqual(dialog.year.selectedLabel, "2021")
        XCTAssertEqual(dialog.fieldDropDowns[.name]?.selectedLabel, "B  企业名称", "recognised from the header")
        XCTAssertEqual(dialog.fieldDropDowns[.city]?.selectedLabel, "C  所在地")
        XCTAssertEqual(dialog.fieldDropDowns[.reasons]?.selectedLabel, "D  审核类型")
        XCTAssertEqual(dialog.fieldDropDowns[.industry]?.selectedLabel, "E  所属行业")
        XCTAssertEqual(dialog.preview.summaryText, "将新增 200 家，重复 1 家，无法导入 2 行")
        let problems = dialog.preview.problemsText
        // The header is line 1: the repeated name is on line 202, the bad rows on 203 and 204.
        XCTAssertTrue(problems.contains("第 202 行：重复：河南省测试1号化工有限公司"), problems)
        XCTAssertTrue(problems.contains("第 203 行"), problems)
        XCTAssertTrue(problems.contains("第 204 行"), problems)
        XCTAssertTrue(problems.contains("第九类"), problems)
        XCTAssertTrue(dialog.canImport)

        // Re-mapping re-runs the plan; the survey does not change until Import.
        dialog.fieldDropDowns[.city]?.choose(0)
        XCTAssertNil(dialog.session.plan?.added.first?.city)
        dialog.fieldDropDowns[.city]?.choose(3)
        XCTAssertEqual(dialog.session.plan?.added.first?.city, "郑州市")
        dialog.fieldDropDowns[.name]?.choose(0)
        XCTAssertFalse(dialog.canImport, "without a name column nothing can be imported")
        dialog.fieldDropDowns[.name]?.choose(2)
        XCTAssertTrue(dialog.canImport)
        XCTAssertEqual(window.controller.version, version)
        XCTAssertEqual(window.survey.enterprises, before.enterprises)

        XCTAssertTrue(dialog.confirm())
        XCTAssertEqual(window.survey.enterprises.count, before.enterprises.count + 200)
        XCTAssertEqual(imported.count, 200)
        let first = try XCTUnwrap(window.survey.enterprises.first { $0.id == imported[0] })
        XCTAssertEqual(first.name, "河南省测试1号化工有限公司")
        XCTAssertEqual(first.jurisdiction, "henan")
        XCTAssertEqual(first.year, 2021)
        XCTAssertEqual(first.reasons, ReasonSet([.energy]))
        XCTAssertEqual(section.list.selectedID, imported[0])
        XCTAssertEqual(section.filterBar.countText, "显示 \(before.enterprises.count + 200) / 共 \(before.enterprises.count + 200) 家")

        // Tick what three of them disclosed; completeness follows.
        for id in imported.prefix(3) {
            XCTAssertTrue(section.select(id: id))
            for item in try XCTUnwrap(section.form.current?.requiredItems) {
                try XCTUnwrap(section.form.checklist.checkBox(item)).click()
            }
            XCTAssertEqual(window.survey.enterprises.first { $0.id == id }?.completeness, .complete)
        }

        // The import is one step: three enterprises' ticks undone, then the import.
        while window.controller.undoLabel != "导入企业" { window.controller.undo() }
        XCTAssertEqual(window.controller.undo(), "导入企业")
        XCTAssertEqual(window.survey.enterprises, before.enterprises)
    } }

    func testCancellingChangesNothingAndAnUnreadableFileSaysWhy() throws { try onMain {
        Localizer.shared.language = .english
        let (window, _) = try EnterpriseSectionTests.open(Self.builtinSurvey)
        defer { gtk_window_destroy(window.window.window) }
        let version = window.controller.version

        let utf8 = Data("\u{FEFF}企业名称\t城市\n甲公司\t乙市\n".utf8)
        let dialog = ImportDialog(controller: window.controller, data: utf8, fileName: "list.tsv", parent: window.window)
        dialog.present()
        XCTAssertEqual(dialog.session.encoding, .utf8BOM)
        XCTAssertEqual(dialog.session.plan?.added.map(\.name), ["甲公司"])
        dialog.close()
        XCTAssertEqual(window.controller.version, version)

        let broken = ImportDialog(controller: window.controller, data: Data([0xEF, 0xBB, 0xBF, 0xFF, 0xFE, 0x00]), fileName: "x.csv",
                                  parent: window.window)
        XCTAssertNil(broken.session.plan)
        XCTAssertFalse(broken.canImport)
        XCTAssertFalse(broken.confirm())
        XCTAssertEqual(broken.preview.summaryText, "The file starts with a UTF-8 byte-order mark but is not valid UTF-8.")
        broken.close()
        XCTAssertEqual(window.controller.version, version)
    } }

    func testSessionGuessesJurisdictionAndYearFromTheFileName() {
        let survey = Self.builtinSurvey
        XCTAssertEqual(ImportSession.guess(fileName: "新疆生产建设兵团2020名单.csv", survey: survey).jurisdiction, "xpcc")
        XCTAssertEqual(ImportSession.guess(fileName: "henan-2019.csv", survey: survey).jurisdiction, "henan")
        XCTAssertEqual(ImportSession.guess(fileName: "henan-2019.csv", survey: survey).year, 2019)
        XCTAssertNil(ImportSession.guess(fileName: "list.csv", survey: survey).jurisdiction)
        XCTAssertEqual(ImportPreview.columnName(0), "A")
        XCTAssertEqual(ImportPreview.columnName(25), "Z")
        XCTAssertEqual(ImportPreview.columnName(26), "AA")
    }
}
