import Foundation
import Model
import GtkKit
import Rendering

/// What a window needs from outside itself: where drafts go, the recent-files list, how to ask for
/// a file, and the survey a new survey takes its jurisdictions and regulations from. The app uses
/// `standard()`; tests pass their own folders (and script the file chooser, `FileChooserService.scripted`).
@MainActor
package struct WindowServices {
    package var drafts: DraftStore
    package var recent: RecentFiles
    package var chooser: SurveyFileChooser
    /// The template of File › New (the built-in dataset), nil when this build has none.
    package var template: @MainActor () -> Survey?

    /// The user's drafts folder and recent files, the desktop's file chooser, the built-in dataset.
    package static func standard() -> WindowServices {
        WindowServices(drafts: .standard(), recent: .shared, chooser: SurveyFileChooser(), template: builtinTemplate)
    }

    /// The built-in dataset, read once.
    package static func builtinTemplate() -> Survey? {
        if let cached = builtinCache { return cached }
        guard let url = BuiltinDataset.url, let survey = try? SurveyFile.load(from: url) else { return nil }
        builtinCache = survey
        return survey
    }

    private static var builtinCache: Survey?

    /// True for the bundled dataset's own file, which is opened as an untitled copy and never written.
    package static func isBundledDataset(_ url: URL) -> Bool {
        guard let bundled = BuiltinDataset.url else { return false }
        return bundled.standardizedFileURL.resolvingSymlinksInPath() == url.standardizedFileURL.resolvingSymlinksInPath()
    }
    package init(drafts: DraftStore, recent: RecentFiles, chooser: SurveyFileChooser, template: @escaping @MainActor () -> Survey?) {
        self.drafts = drafts
        self.recent = recent
        self.chooser = chooser
        self.template = template
    }
}
