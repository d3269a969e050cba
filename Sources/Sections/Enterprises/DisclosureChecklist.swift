import CGtk
import Model
import GtkKit
import Rendering

/// The items article 11 of 清洁生产审核办法 requires of an enterprise, as check boxes: the common
/// items always, then the items of each of its reasons, each with the article and clause it comes
/// from (`DisclosureItem.source`). The completeness tag follows the ticks. When the reasons are
/// unknown every item can still be recorded, and completeness "cannot be judged".
@MainActor
package final class DisclosureChecklist {
    package let widget: UnsafeMutablePointer<GtkWidget>
    /// Called with the new list of disclosed items (catalogue order) when the user ticks a box.
    package var onChange: (([DisclosureItem]) -> Void)?

    private let completenessTag: UnsafeMutablePointer<GtkWidget>
    private let countLabel: UnsafeMutablePointer<GtkWidget>
    private let itemsBox: UnsafeMutablePointer<GtkWidget>
    private var boxes: [DisclosureItem: CheckBox] = [:]
    /// What the item boxes were built for: the reasons' bits (0: unknown) and the extra items.
    private var structure: (reasons: UInt8, extra: [DisclosureItem])?
    private var disclosed: [DisclosureItem] = []

    package init() {
        widget = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 4)
        let top = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 10)
        completenessTag = FormParts.tag("", cssClass: EnterpriseStyle.completenessClass(.nothingDisclosed))
        countLabel = Widgets.label("", classes: ["gk-hint"], wrap: true)
        gtk_widget_set_hexpand(countLabel, 1)
        Widgets.append(top, completenessTag, countLabel)
        itemsBox = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 0)
        Widgets.append(widget, top, itemsBox)
    }

    /// Shows an enterprise's reasons and ticks; `survey` names the cited regulation.
    package func show(_ e: Enterprise, in survey: Survey) {
        disclosed = e.disclosedItems
        let reasonBits = EnterpriseTable.bits(e.reasons)
        let shownItems = Self.items(for: e.reasons)
        let extra = e.disclosedItems.filter { !shownItems.contains($0) }
        if structure == nil || structure!.reasons != reasonBits || structure!.extra != extra {
            rebuild(e.reasons, extra: extra, survey: survey)
            structure = (reasonBits, extra)
        }
        for (item, box) in boxes { box.isActive = e.disclosedItems.contains(item) }
        let c = e.completeness
        FormParts.retag(completenessTag, c.label, cssClass: EnterpriseStyle.completenessClass(c),
                        removing: Completeness.allCases.map(EnterpriseStyle.completenessClass))
        if let required = e.requiredItems {
            let done = required.filter(e.disclosedItems.contains).count
            Widgets.setText(countLabel, trn("%1 of %2 required item published", "%1 of %2 required items published", required.count, done, required.count))
        } else {
            Widgets.setText(countLabel, tr("Reasons unknown: what it must publish cannot be judged"))
        }
    }

    /// The items shown for a set of reasons: the required ones, or all when the reasons are unknown.
    package static func items(for reasons: ReasonSet?) -> [DisclosureItem] {
        guard let reasons, !reasons.isEmpty else { return DisclosureItem.allCases }
        return DisclosureItem.required(for: reasons)
    }

    private func rebuild(_ reasons: ReasonSet?, extra: [DisclosureItem], survey: Survey) {
        FormParts.clear(itemsBox)
        boxes = [:]
        let shown = Self.items(for: reasons)
        let groups: [(String, [DisclosureItem])] = [(tr("Common items"), DisclosureItem.common)]
            + Reason.allCases.map { r in (Self.reasonHeading(r), DisclosureItem.items(for: r)) }
        for (heading, items) in groups {
            let present = items.filter(shown.contains)
            guard !present.isEmpty else { continue }
            Widgets.append(itemsBox, Widgets.label(heading, classes: ["gk-group-heading"]))
            for item in present { Widgets.append(itemsBox, row(item, survey)) }
        }
        if !extra.isEmpty {
            Widgets.append(itemsBox, Widgets.label(tr("Recorded but not required for its reasons"), classes: ["gk-group-heading"]))
            for item in extra { Widgets.append(itemsBox, row(item, survey)) }
        }
    }

    private func row(_ item: DisclosureItem, _ survey: Survey) -> UnsafeMutablePointer<GtkWidget> {
        let box = CheckBox(item.label)
        box.onToggle = { [weak self] on in self?.toggle(item, on) }
        boxes[item] = box
        let line = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 8)
        gtk_widget_set_hexpand(box.widget, 1)
        let source = Widgets.label(Self.citation(item.source, in: survey), classes: ["gk-hint"], xalign: 1, wrap: true)
        gtk_label_set_max_width_chars(source.opaque, 16)
        gtk_label_set_justify(source.opaque, GTK_JUSTIFY_RIGHT)
        Widgets.append(line, box.widget, source)
        gtk_widget_set_margin_start(line, 12)
        return line
    }

    private func toggle(_ item: DisclosureItem, _ on: Bool) {
        var set = Set(disclosed)
        if on { set.insert(item) } else { set.remove(item) }
        onChange?(DisclosureItem.allCases.filter(set.contains))
    }

    /// The check box of an item, if shown (for tests).
    package func checkBox(_ item: DisclosureItem) -> CheckBox? { boxes[item] }

    package var completenessText: String { Widgets.text(ofLabel: completenessTag) }

    package static func reasonHeading(_ reason: Reason) -> String {
        switch reason {
        case .pollution: return tr("Reason 1: pollution over the standard or quota")
        case .energy: return tr("Reason 2: energy use over the quota")
        case .toxic: return tr("Reason 3: toxic or hazardous substances")
        }
    }

    /// "清洁生产审核办法 第十一条（一）": the regulation's short title (or title) and the article. In
    /// English the article and clause only ("Art. 11 (1)"): the heading above names the
    /// regulation, whose title the survey has in Chinese only.
    package static func citation(_ reference: ArticleReference, in survey: Survey) -> String {
        if Localizer.shared.effectiveLanguage == .english {
            return ArticleNumbers.english(article: reference.article)
                + (reference.clause.map { " " + ArticleNumbers.english(clause: $0) } ?? "")
        }
        let regulation = survey.regulations.first { $0.id == reference.regulation }
        let title = regulation.map { $0.shortTitle ?? $0.title } ?? reference.regulation
        return title + " " + reference.article + (reference.clause ?? "")
    }
}
