import Foundation
import Model

/// What a window needs from outside itself: where drafts go, the recent-files list, how to ask for
/// a file, and the survey a new survey takes its jurisdictions and regulations from. The app uses
/// `standard()`; tests pass their own folders (and script the file chooser, `FileChooserService.scripted`).
@MainActor
struct WindowServices {
    var drafts: DraftStore
    var recent: RecentFiles
    var chooser: SurveyFileChooser
    /// The template of File › New (the built-in dataset), nil when this build has none.
    var template: @MainActor () -> Survey?

    /// The user's drafts folder and recent files, the desktop's file chooser, the built-in dataset.
    static func standard() -> WindowServices {
        WindowServices(drafts: .standard(), recent: .shared, chooser: SurveyFileChooser(), template: builtinTemplate)
    }

    /// The built-in dataset, read once.
    static func builtinTemplate() -> Survey? {
        if let cached = builtinCache { return cached }
        guard let url = BuiltinDataset.url, let survey = try? SurveyFile.load(from: url) else { return nil }
        builtinCache = survey
        return survey
    }

    private static var builtinCache: Survey?

    /// True for the bundled dataset's own file, which is opened as an untitled copy and never written.
    static func isBundledDataset(_ url: URL) -> Bool {
        guard let bundled = BuiltinDataset.url else { return false }
        return bundled.standardizedFileURL.resolvingSymlinksInPath() == url.standardizedFileURL.resolvingSymlinksInPath()
    }
}
