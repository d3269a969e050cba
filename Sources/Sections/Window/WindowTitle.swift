import Foundation
import Model
import GtkKit
import Rendering

/// The header bar's two lines and the window manager's title for a survey.
package struct WindowTitle: Equatable {
    /// The mark in front of the title while the survey has unsaved changes.
    package static let unsavedMark = "• "

    /// The survey's title (or "Untitled survey" when it has none), with `unsavedMark` in front
    /// when there are unsaved changes.
    package var title: String
    /// "32 jurisdictions · builtin-2018-2022.gongkai" (or "Untitled" without a file).
    package var subtitle: String

    package init(survey: Survey, fileURL: URL?, unsaved: Bool = false) {
        let name = survey.meta.title.trimmingCharacters(in: .whitespacesAndNewlines)
        title = (unsaved ? Self.unsavedMark : "") + (name.isEmpty ? tr("Untitled survey") : name)
        let file = fileURL?.lastPathComponent ?? tr("Untitled")
        subtitle = trn("%1 jurisdiction", "%1 jurisdictions", survey.jurisdictions.count) + " · " + file
    }

    /// One line for the window manager's title bar and task switcher.
    package var windowTitle: String { "\(title) — \(subtitle)" }
}
