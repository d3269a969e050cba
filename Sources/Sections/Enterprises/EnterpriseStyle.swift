import CGtk
import Model
import GtkKit
import Rendering

/// CSS class names of the enterprise, regulation, outreach and import views, and the rules that
/// colour them. Status colours come from `Palette`, always beside a word or symbol.
@MainActor
package enum EnterpriseStyle {
    package static func completenessClass(_ c: Completeness) -> String { "gk-completeness-" + c.rawValue.replacingOccurrences(of: "_", with: "-") }

    package static func regulationStatusClass(_ s: RegulationStatus) -> String { "gk-regstatus-" + s.rawValue.replacingOccurrences(of: "_", with: "-") }

    package static func statusClass(_ s: DisclosureStatus) -> String { "gk-cell-" + s.rawValue.replacingOccurrences(of: "_", with: "-") }

    /// The rules made from colours: completeness and regulation-status tags, sub-unit status buttons
    /// (the rest of these views' CSS is in the stylesheet file; `Stylesheet` installs both). A
    /// completeness word takes its theme's colour (`@gk_completeness_<name>_fg`, light or dark, from
    /// the stylesheet's colour files); a tag writes white or black on its colour, whichever reads better.
    package static var paletteRules: String {
        var rules = ""
        let completeness: [(Completeness, RGB)] = [
            (.complete, RGB(0x009E73)), (.incomplete, RGB(0xE69F00)), (.cannotJudge, RGB(0x999999)), (.nothingDisclosed, RGB(0xD55E00)),
        ]
        for (c, colour) in completeness {
            let name = completenessClass(c)
            rules += ".\(name) { color: @\(name.replacingOccurrences(of: "-", with: "_"))_fg; font-weight: bold; }\n"
            rules += ".gk-tag.\(name) { color: \(MatrixInk.readableText(on: colour).hex); background-color: \(colour.hex); }\n"
        }
        let statuses: [(RegulationStatus, RGB)] = [
            (.inForce, RGB(0x009E73)), (.amended, RGB(0x0072B2)), (.notYetEffective, RGB(0xE69F00)),
            (.repealed, RGB(0xD55E00)), (.unknown, RGB(0xDDDDDD)),
        ]
        for (s, colour) in statuses {
            rules += ".gk-tag.\(regulationStatusClass(s)) { color: \(MatrixInk.readableText(on: colour).hex); background-color: \(colour.hex); }\n"
        }
        for s in DisclosureStatus.allCases {
            rules += ".gk-subunit-grid button.\(statusClass(s)) { background: \(Palette.tint(s).hex); color: #1A1A1A; }\n"
        }
        return rules
    }
}
