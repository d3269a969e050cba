import CGtk
import Foundation
import Model

/// What File › New, Open, Save, Save As and closing the window do, with the questions they ask:
/// unsaved changes are saved or discarded only when the user says so, a file that cannot be read
/// leaves the open survey as it is, and an untitled survey (the built-in dataset, a new or a
/// recovered survey) asks where to save.
@MainActor
final class DocumentFlows {
    private weak var window: MainWindow?
    private let controller: DocumentController
    let services: WindowServices
    /// The draft of the window's survey.
    let drafts: DraftKeeper
    /// Set once the user has agreed to close; the next close request goes through.
    private var closeConfirmed = false
    /// The unsaved-changes question on screen, if any.
    private weak var question: ChoiceDialog?

    init(window: MainWindow, services: WindowServices) {
        self.window = window
        self.controller = window.controller
        self.services = services
        drafts = DraftKeeper(controller: window.controller, store: services.drafts)
    }

    private var parent: UnsafeMutablePointer<GtkWidget>? { window?.window }

    // MARK: New and open

    /// Asks for the years of a new survey, then (after the unsaved-changes question) shows it.
    func newSurvey() {
        let next = (controller.survey.years.last ?? 2022) + 1
        let dialog = NewSurveyDialog(parent: parent, suggestedYears: "\(next)-\(next + 2)") { [weak self] answer in
            guard let self, let answer else { return }
            guard let template = self.services.template() else {
                self.showError(heading: tr("Cannot make a new survey"), message: tr("This build of Gongkai has no built-in survey to take the jurisdictions from."))
                return
            }
            self.confirmUnsavedChanges {
                let survey = Survey.blank(years: answer.years, title: answer.title, from: template)
                self.controller.replace(with: survey, fileURL: nil)
            }
        }
        dialog.present()
    }

    /// Asks for a file and opens it.
    func chooseAndOpen() {
        guard let parent else { return }
        services.chooser.chooseFileToOpen(parent: parent) { [weak self] url in
            if let url { self?.open(url) }
        }
    }

    /// Opens `url` in this window. A file that fails to load is explained in a dialog and the
    /// open survey stays as it is; otherwise the unsaved-changes question comes first.
    func open(_ url: URL) {
        if let other = OpenWindows.window(showing: url, except: window) {
            other.present()  // one file, one window
            return
        }
        let survey: Survey
        do {
            survey = try SurveyFile.load(from: url)
        } catch {
            showError(heading: tr("Could not open “%1”", url.lastPathComponent), message: Self.describe(error))
            return
        }
        confirmUnsavedChanges { [weak self] in
            guard let self else { return }
            let bundled = WindowServices.isBundledDataset(url)
            self.controller.replace(with: survey, fileURL: bundled ? nil : url)
            if !bundled { self.services.recent.add(url) }
            if !bundled, let window = self.window { DraftRecovery.offer(in: window) }
        }
    }

    // MARK: Saving

    /// Saves to the survey's file, or asks for one when it has none. `done` learns whether it was saved.
    func save(then done: @escaping @MainActor (Bool) -> Void = { _ in }) {
        guard let url = controller.fileURL else {
            saveAs(then: done)
            return
        }
        write(to: url, then: done)
    }

    /// Asks where to save, then saves there.
    func saveAs(then done: @escaping @MainActor (Bool) -> Void = { _ in }) {
        guard let parent else { return done(false) }
        let current = controller.fileURL
        let name = current?.lastPathComponent ?? Self.suggestedFileName(for: controller.survey)
        services.chooser.chooseSaveLocation(parent: parent, suggestedName: name,
                                            folder: current?.deletingLastPathComponent()) { [weak self] url in
            guard let self, let url else { return done(false) }
            self.write(to: Self.withExtension(url), then: done)
        }
    }

    private func write(to url: URL, then done: @escaping @MainActor (Bool) -> Void) {
        guard !WindowServices.isBundledDataset(url) else {
            showError(heading: tr("Could not save"), message: tr("The built-in survey cannot be changed. Save your copy under another name."))
            return done(false)
        }
        do {
            try controller.save(to: url)
        } catch {
            showError(heading: tr("Could not save “%1”", url.lastPathComponent), message: Self.describe(error))
            return done(false)
        }
        services.recent.add(url)
        done(true)
    }

    /// `name` → `name.gongkai` when the user typed no extension.
    static func withExtension(_ url: URL) -> URL {
        url.pathExtension.isEmpty ? url.appendingPathExtension(SurveyFile.fileExtension) : url
    }

    /// "调研-2023-2025.gongkai": a file name from the survey's years.
    static func suggestedFileName(for survey: Survey) -> String {
        let years = survey.years
        let span = years.isEmpty ? "" : "-" + (years.count == 1 ? "\(years[0])" : "\(years.first!)-\(years.last!)")
        return tr("survey") + span + "." + SurveyFile.fileExtension
    }

    // MARK: Unsaved changes

    /// Runs `proceed` at once when there are no unsaved changes; otherwise asks Save / Discard /
    /// Cancel and runs it after a successful save or a discard (never after Cancel).
    func confirmUnsavedChanges(_ proceed: @escaping @MainActor () -> Void) {
        guard controller.isDirty else { return proceed() }
        askToSaveChanges(then: proceed)
    }

    /// Asks Save / Discard / Cancel about the survey's changes; runs `proceed` after a successful
    /// save or a discard. While the question is on screen, a second request only brings it back to
    /// the front (Ctrl+W twice asks once).
    func askToSaveChanges(then proceed: @escaping @MainActor () -> Void) {
        if let question, question.isOpen { return question.present() }
        let name = controller.fileURL?.lastPathComponent ?? tr("Untitled")
        let dialog = ChoiceDialog(
            parent: parent, heading: tr("Save changes to “%1”?", name),
            body: tr("If you don’t save, the changes you made will be lost."),
            choices: [.init(id: "discard", label: tr("_Discard"), style: .destructive),
                      .init(id: "cancel", label: tr("_Cancel")),
                      .init(id: "save", label: tr("_Save"), style: .suggested)],
            defaultChoice: "save", cancel: "cancel") { [weak self] choice in
                guard let self else { return }
                switch choice {
                case "save":
                    self.save { saved in if saved { proceed() } }
                case "discard":
                    self.drafts.discard()
                    proceed()
                default:
                    break
                }
            }
        question = dialog
        dialog.present()
    }

    // MARK: Closing

    /// Closes the window, asking about unsaved changes first.
    func close() {
        guard let window else { return }
        gtk_window_close(window.window.window)
    }

    /// The window's `close-request`: true keeps the window open (the question is being asked).
    func closeRequested() -> Bool {
        if closeConfirmed || !controller.isDirty { return false }
        confirmUnsavedChanges { [weak self] in
            guard let self, let window = self.window else { return }
            self.closeConfirmed = true
            gtk_window_close(window.window.window)
        }
        return true
    }

    // MARK: Errors

    /// Shows an error message in a dialog over the window.
    func showError(heading: String, message: String) {
        ChoiceDialog.message(parent: parent, heading: heading, body: message)
    }

    /// The model's own explanation of an error (translated), or the system's.
    static func describe(_ error: any Error) -> String {
        if let error = error as? LocalizedError, let text = error.errorDescription { return text }
        return "\(error)"
    }
}
