import Foundation
import Model

/// The header bar's two lines and the window manager's title for a survey.
struct WindowTitle: Equatable {
    /// The survey's title (or "Untitled survey" when it has none).
    var title: String
    /// "32 jurisdictions · builtin-2018-2022.gongkai" (or "Untitled" without a file).
    var subtitle: String

    init(survey: Survey, fileURL: URL?) {
        let name = survey.meta.title.trimmingCharacters(in: .whitespacesAndNewlines)
        title = name.isEmpty ? tr("Untitled survey") : name
        let file = fileURL?.lastPathComponent ?? tr("Untitled")
        subtitle = tr("%1 jurisdictions", survey.jurisdictions.count) + " · " + file
    }

    /// One line for the window manager's title bar and task switcher.
    var windowTitle: String { "\(title) — \(subtitle)" }
}
