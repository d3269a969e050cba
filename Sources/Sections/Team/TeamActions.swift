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

    /// Opens the compare view of the window's survey with the survey at `url`; nil when it cannot be read.
    @discardableResult
    package static func compare(window: MainWindow, with url: URL) -> CompareDialog? {
        do {
            let other = try SurveyFile.load(from: url)
            let dialog = CompareDialog(parent: window.window, controller: window.controller, other: other, name: url.lastPathComponent)
            dialog.present()
            return dialog
        } catch {
            window.flows.showError(heading: tr("The survey could not be compared"), message: DocumentFlows.describe(error))
            return nil
        }
    }

    /// Merges their version (`theirs`, from `base`) into the window's survey as one undo step
    /// (logged as `merge`, their log joined to ours); conflicts open the conflicts dialog.
    /// False when a file cannot be read or the merge cannot be applied.
    @discardableResult
    package static func merge(window: MainWindow, base: URL, theirs: URL) -> Bool {
        let controller = window.controller
        do {
            let result = SurveyMerge.merge(base: try SurveyFile.load(from: base), ours: controller.survey,
                                           theirs: try SurveyFile.load(from: theirs))
            let edit = try SurveyMerge.edit(from: controller.survey, to: result.survey)
            guard controller.perform(edit, label: tr("Merge %1", theirs.lastPathComponent), action: .merge) else { return false }
            controller.document.mergeLog(result.survey.changeLog)
            if !result.isClean { ConflictsDialog(parent: window.window, controller: controller).present() }
            return true
        } catch {
            window.flows.showError(heading: tr("The surveys could not be merged"), message: DocumentFlows.describe(error))
            return false
        }
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
