import CGtk
import Model

/// CSS of the enterprise, regulation, outreach and import views (tags, form headings, the
/// sub-unit grid), added once on top of the window's stylesheet. Status colours come from
/// `Palette`, always beside a word or symbol.
@MainActor
enum EnterpriseStyle {
    private static var installed = false

    static func install() {
        guard !installed, let display = gdk_display_get_default() else { return }
        installed = true
        let provider = gtk_css_provider_new()!
        gtk_css_provider_load_from_data(provider, css, -1)
        gtk_style_context_add_provider_for_display(display, provider.opaque, UInt32(GTK_STYLE_PROVIDER_PRIORITY_APPLICATION))
        unref(provider)
    }

    static func completenessClass(_ c: Completeness) -> String { "gk-completeness-" + c.rawValue.replacingOccurrences(of: "_", with: "-") }

    static func regulationStatusClass(_ s: RegulationStatus) -> String { "gk-regstatus-" + s.rawValue.replacingOccurrences(of: "_", with: "-") }

    static func statusClass(_ s: DisclosureStatus) -> String { "gk-cell-" + s.rawValue.replacingOccurrences(of: "_", with: "-") }

    private static var css: String {
        var rules = """
        .gk-toolbar { padding: 8px 12px; border-bottom: 1px solid alpha(currentColor, 0.12); }
        .gk-form { padding: 16px 20px 28px 20px; }
        .gk-form-title { font-size: 15pt; font-weight: bold; }
        .gk-form-heading { font-weight: bold; font-size: 11pt; margin-top: 14px; padding-bottom: 3px;
                           border-bottom: 1px solid alpha(currentColor, 0.15); }
        .gk-field-label { color: alpha(currentColor, 0.75); }
        .gk-hint { color: alpha(currentColor, 0.6); font-size: 9pt; }
        .gk-count { color: alpha(currentColor, 0.75); }
        .gk-warning { color: #A04000; }
        .gk-tag { border-radius: 9px; padding: 1px 8px; font-size: 9pt; font-weight: bold; }
        .gk-group-heading { font-weight: bold; padding: 10px 12px 4px 12px; color: alpha(currentColor, 0.7); }
        .gk-enterprise-list { font-feature-settings: "tnum"; }
        .gk-enterprise-list row:selected label { color: inherit; }
        .gk-subunit-grid button { min-width: 34px; min-height: 24px; padding: 0 4px; border-radius: 4px; }
        .gk-preview { font-size: 9.5pt; }
        .gk-preview label { padding: 2px 8px; }
        .gk-preview .gk-preview-header { font-weight: bold; background-color: alpha(currentColor, 0.07); }
        .gk-list-row { padding: 6px 12px; }
        button.gk-multiline { padding: 5px 8px; font-weight: normal; background: alpha(currentColor, 0.04);
                              border: 1px solid alpha(currentColor, 0.15); box-shadow: none; min-height: 36px; }
        button.gk-multiline:hover { background: alpha(currentColor, 0.08); }

        """
        let completeness: [(Completeness, RGB)] = [
            (.complete, RGB(0x009E73)), (.incomplete, RGB(0xE69F00)), (.cannotJudge, RGB(0x999999)), (.nothingDisclosed, RGB(0xD55E00)),
        ]
        for (c, colour) in completeness {
            rules += ".\(completenessClass(c)) { color: \(colour.hex); font-weight: bold; }\n"
            rules += ".gk-tag.\(completenessClass(c)) { color: white; background-color: \(colour.hex); }\n"
        }
        let statuses: [(RegulationStatus, RGB, String)] = [
            (.inForce, RGB(0x009E73), "white"), (.amended, RGB(0x0072B2), "white"), (.notYetEffective, RGB(0xE69F00), "#1A1A1A"),
            (.repealed, RGB(0xD55E00), "white"), (.unknown, RGB(0xDDDDDD), "#1A1A1A"),
        ]
        for (s, colour, text) in statuses {
            rules += ".gk-tag.\(regulationStatusClass(s)) { color: \(text); background-color: \(colour.hex); }\n"
        }
        for s in DisclosureStatus.allCases {
            rules += ".gk-subunit-grid button.\(statusClass(s)) { background: \(Palette.tint(s).hex); color: #1A1A1A; }\n"
        }
        return rules
    }
}
