import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// The window's team actions: `win.compare` (Compare With…), `win.merge` (Merge With…: their
/// file, then the base file), `win.change-log`, `win.conflicts`
/// and `win.preferences`, and their menu section.
@MainActor
package enum TeamActions {
    package static func register(in map: ActionMap, window: MainWindow, chooser: SurveyFileChooser) {
        map.add("compare") { [weak window] in
            guard let window else { return }
            chooser.chooseFileToOpen(parent: window.window) { [weak window] url in
                guard let window, let url else { return }
                compare(window: window, with: url)
            }
        }
        map.add("merge") { [weak window] in
            guard let window else { return }
            // Their version first, then the version both started from.
            chooser.chooseFileToOpen(parent: window.window) { [weak window] theirs in
                guard let window, let theirs else { return }
                chooser.chooseFileToOpen(parent: window.window) { [weak window] base in
                    guard let window, let base else { return }
                    merge(window: window, base: base, theirs: theirs)
                }
            }
        }
        map.add("change-log") { [weak window] in
            guard let window else { return }
            LogDialog(parent: window.window, controller: window.controller).present()
        }
        map.add("conflicts") { [weak window] in
            guard let window else { return }
            ConflictsDialog(parent: window.window, controller: window.controller).present()
        }
        map.add("preferences") { [weak window] in
            guard let window else { return }
            PreferencesDialog(parent: window.window, controller: window.controller).present()
        }
    }

    /// Opens the compare view of the window's survey with the survey at `url`. The file is read and
    /// compared off the main thread (`BackgroundWork`), with the window's bar saying so; `done` gets
    /// the dialog, or nil when the file cannot be read (explained in the window).
    package static func compare(window: MainWindow, with url: URL, then done: @escaping @MainActor (CompareDialog?) -> Void = { _ in }) {
        let ours = window.controller.survey, version = window.controller.version
        window.flows.read(url) { [weak window] result in
            guard let window else { return done(nil) }
            switch result {
            case .failure(let error):
                window.flows.showError(heading: tr("The survey could not be compared"), message: DocumentFlows.describe(error))
                done(nil)
            case .success(let loaded):
                let other = loaded.survey
                let token = window.flows.progress.begin(tr("Comparing with “%1”…", url.lastPathComponent))
                BackgroundWork.run({ SurveyComparison(ours, other) }) { [weak window] comparison in
                    guard let window else { return done(nil) }
                    window.flows.progress.end(token)
                    let dialog = CompareDialog(parent: window.window, controller: window.controller, other: other,
                                               name: url.lastPathComponent,
                                               comparison: (try? comparison.get()).map { (version, $0) })
                    dialog.present()
                    done(dialog)
                }
            }
        }
    }

    /// Merges their version (`theirs`, from `base`) into the window's survey as one undo step
    /// (logged as `merge`, their log joined to ours); conflicts open the conflicts dialog. The
    /// files are read and merged off the main thread, with the window's bar saying so; the merge
    /// is made again on the main thread only if the survey was edited meanwhile. `done` learns
    /// whether it was merged (false when a file cannot be read or the merge cannot be applied).
    package static func merge(window: MainWindow, base: URL, theirs: URL, then done: @escaping @MainActor (Bool) -> Void = { _ in }) {
        let failed: @MainActor (MainWindow, any Error) -> Void = { window, error in
            window.flows.showError(heading: tr("The surveys could not be merged"), message: DocumentFlows.describe(error))
            done(false)
        }
        window.flows.read(base) { [weak window] baseResult in
            guard let window else { return done(false) }
            let baseSurvey: Survey
            switch baseResult {
            case .success(let file): baseSurvey = file.survey
            case .failure(let error): return failed(window, error)
            }
            window.flows.read(theirs) { [weak window] theirsResult in
                guard let window else { return done(false) }
                let theirSurvey: Survey
                switch theirsResult {
                case .success(let file): theirSurvey = file.survey
                case .failure(let error): return failed(window, error)
                }
                let ours = window.controller.survey, version = window.controller.version
                let token = window.flows.progress.begin(tr("Merging “%1”…", theirs.lastPathComponent))
                BackgroundWork.run({ try MergeStep(base: baseSurvey, ours: ours, theirs: theirSurvey) }) { [weak window] step in
                    guard let window else { return done(false) }
                    window.flows.progress.end(token)
                    do {
                        // Edited while merging: merged again with the survey as it is now.
                        let merged = window.controller.version == version
                            ? try step.get()
                            : try MergeStep(base: baseSurvey, ours: window.controller.survey, theirs: theirSurvey)
                        done(apply(merged, to: window, name: theirs.lastPathComponent))
                    } catch {
                        failed(window, error)
                    }
                }
            }
        }
    }

    /// A merge made and the one edit that brings the survey to it.
    private struct MergeStep: Sendable {
        var result: SurveyMerge.Result
        var edit: Edit

        init(base: Survey, ours: Survey, theirs: Survey) throws {
            result = SurveyMerge.merge(base: base, ours: ours, theirs: theirs)
            edit = try SurveyMerge.edit(from: ours, to: result.survey)
        }
    }

    private static func apply(_ step: MergeStep, to window: MainWindow, name: String) -> Bool {
        let controller = window.controller
        guard controller.perform(step.edit, label: tr("Merge %1", name), action: .merge) else { return false }
        controller.document.mergeLog(step.result.survey.changeLog)
        if !step.result.isClean { ConflictsDialog(parent: window.window, controller: controller).present() }
        return true
    }

    /// The primary menu's team section.
    package static func menuSection() -> MenuModel {
        let section = MenuModel()
        section.append(tr("_Compare With…"), action: "win.compare")
        section.append(tr("_Merge With…"), action: "win.merge")
        section.append(tr("Change _Log"), action: "win.change-log")
        section.append(tr("Merge _Conflicts"), action: "win.conflicts")
        section.append(tr("_Preferences"), action: "win.preferences")
        return section
    }
}
