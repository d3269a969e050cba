import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// One field two versions disagree on, side by side: its path, A's and B's values, and the
/// controls that decide it: Take A, Take B, or an edited value. Shared by the compare view and
/// the merge conflicts.
@MainActor
package enum DecisionRow {
    package struct Choices {
        package var takeA: (@MainActor () -> Void)?
        package var takeB: (@MainActor () -> Void)?
        package var useValue: (@MainActor (String) -> Void)?
        package init(takeA: (@MainActor () -> Void)? = nil, takeB: (@MainActor () -> Void)? = nil, useValue: (@MainActor (String) -> Void)? = nil) {
            self.takeA = takeA
            self.takeB = takeB
            self.useValue = useValue
        }
    }

    package static func make(path: String, a: String, b: String, aTitle: String, bTitle: String, choices: Choices?) -> TeamDialog.Widget {
        let row = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 4)
        Widgets.setMargin(row, 6)
        gtk_box_append(row.cast(), Widgets.label(path, classes: ["caption", "monospace"], selectable: true))
        let sides = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 12)
        gtk_box_set_homogeneous(sides.cast(), 1)
        for (title, value) in [(aTitle, a), (bTitle, b)] {
            let label = Widgets.label("\(title): \(TeamText.quoted(value))", wrap: true, selectable: true)
            gtk_widget_set_hexpand(label, 1)
            gtk_box_append(sides.cast(), label)
        }
        gtk_box_append(row.cast(), sides)
        guard let choices else { return row }
        let buttons = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 6)
        if let takeA = choices.takeA { gtk_box_append(buttons.cast(), TeamDialog.button(tr("Take _A"), takeA)) }
        if let takeB = choices.takeB { gtk_box_append(buttons.cast(), TeamDialog.button(tr("Take _B"), takeB)) }
        if let use = choices.useValue {
            let entry = TeamDialog.entry(accessibleName: tr("Edited value for %1", path), placeholder: tr("Edited value"))
            gtk_widget_set_hexpand(entry, 1)
            let apply = TeamDialog.button(tr("_Use")) { use(TeamDialog.text(of: entry)) }
            Events.setAccessibleLabel(apply, tr("Use the edited value for %1", path))
            Signals.connect(entry, "activate") { use(TeamDialog.text(of: entry)) }
            Widgets.append(buttons, entry, apply)
        }
        gtk_box_append(row.cast(), buttons)
        return row
    }

    /// The JSON for a value typed by a person, for a field whose current JSON is `current`: text
    /// for text fields; JSON (a list, a number, null) where it reads as JSON, else text.
    package static func json(typed text: String, current: String?) -> String {
        let asText = FieldTextJSON.string(text)
        if let current, current.hasPrefix("\"") { return asText }
        if text.isEmpty { return "null" }
        if (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) != nil { return text }
        return asText
    }
}

/// JSON text of a string value.
package enum FieldTextJSON {
    package static func string(_ s: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? encoder.encode(s)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }
}
