import CGtk
import Model
import GtkKit
import Rendering

/// The suggestion letter 《关于清洁生产审核与验收方面的建议信》 to one jurisdiction: whether and when
/// it was sent, whether and when it was answered and what the reply said, and whether disclosure
/// improved afterwards. Yes/no answers the source does not give stay "unknown".
@MainActor
package final class LetterEditor {
    package let widget: UnsafeMutablePointer<GtkWidget>
    /// Called with the new letter (nil when nothing about it is recorded) and an undo label.
    package var onChange: ((SuggestionLetter?, String) -> Void)?

    package let sent = CheckBox(tr("Letter sent"))
    package let sentDate = CommitEntry(placeholder: tr("YYYY-MM-DD"), width: 11, check: .date)
    package let replied = DropDown([])
    package let replyDate = CommitEntry(placeholder: tr("YYYY-MM-DD"), width: 11, check: .date)
    package let replySummary = CommitTextView(placeholder: tr("What the reply said"))
    package let improved = DropDown([])
    private var letter: SuggestionLetter?
    private var shownKey: String?

    package init() {
        let grid = FormGrid()
        grid.add(tr("Letter"), sent.widget)
        grid.add(tr("Sent on"), sentDate.widget)
        grid.add(tr("Replied"), replied.widget)
        grid.add(tr("Replied on"), replyDate.widget)
        grid.add(tr("Reply summary"), replySummary.widget)
        grid.add(tr("Improved afterwards"), improved.widget)
        for w in [sentDate.widget, replyDate.widget, replied.widget, improved.widget] {
            gtk_widget_set_hexpand(w, 0)
            gtk_widget_set_halign(w, GTK_ALIGN_START)
        }
        widget = grid.widget
        let answers = [tr("Unknown"), tr("Yes"), tr("No")]
        replied.setLabels(answers, selected: 0)
        improved.setLabels(answers, selected: 0)

        sent.onToggle = { [weak self] on in self?.change(tr("Edit %1", tr("Letter sent"))) { $0.sent = on } }
        sentDate.onCommit = { [weak self] text in
            guard let parsed = FormParts.parseDate(text) else { return false }
            self?.change(tr("Edit %1", tr("Sent on"))) { $0.sentDate = parsed }
            return true
        }
        replyDate.onCommit = { [weak self] text in
            guard let parsed = FormParts.parseDate(text) else { return false }
            self?.change(tr("Edit %1", tr("Replied on"))) { $0.replyDate = parsed }
            return true
        }
        replySummary.onCommit = { [weak self] text in
            self?.change(tr("Edit %1", tr("Reply summary"))) { $0.replySummary = FormParts.optional(text) }
        }
        replied.onSelect = { [weak self] i in self?.change(tr("Edit %1", tr("Replied"))) { $0.replied = Self.answer(i) } }
        improved.onSelect = { [weak self] i in
            self?.change(tr("Edit %1", tr("Improved afterwards"))) { $0.improvedAfterwards = Self.answer(i) }
        }
    }

    /// Drop-down index → unknown (nil), yes, no.
    package static func answer(_ index: Int) -> Bool? { index == 1 ? true : (index == 2 ? false : nil) }
    package static func index(_ answer: Bool?) -> Int { answer.map { $0 ? 1 : 2 } ?? 0 }

    package var fields: [any CommittingField] { [sentDate, replyDate, replySummary] }

    package func show(_ letter: SuggestionLetter?, key: String) {
        let force = key != shownKey
        shownKey = key
        self.letter = letter
        sent.isActive = letter?.sent ?? false
        sentDate.show(letter?.sentDate?.description ?? "", force: force)
        replied.selected = Self.index(letter?.replied)
        replyDate.show(letter?.replyDate?.description ?? "", force: force)
        replySummary.show(letter?.replySummary ?? "", force: force)
        improved.selected = Self.index(letter?.improvedAfterwards)
    }

    private func change(_ label: String, _ body: (inout SuggestionLetter) -> Void) {
        var new = letter ?? SuggestionLetter(sent: false)
        body(&new)
        let result: SuggestionLetter? = new == SuggestionLetter(sent: false) && letter == nil ? nil : new
        guard result != letter else { return }
        onChange?(result, label)
    }
}
