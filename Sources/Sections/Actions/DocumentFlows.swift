import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// What File › New, Open, Save, Save As and closing the window do, with the questions they ask:
/// unsaved changes are saved or discarded only when the user says so, a file that cannot be read
/// leaves the open survey as it is, and an untitled survey (the built-in dataset, a new or a
/// recovered survey) asks where to save.
@MainActor
package final class DocumentFlows {
    private weak var window: MainWindow?
    private let controller: DocumentController
    package let services: WindowServices
    /// The draft of the window's survey.
    package let drafts: DraftKeeper
    /// The bar saying the survey's file changed on disk.
    package let fileWatch: FileChangeWatch
    /// The bar shown while a file is read or written off the main thread.
    package let progress = FileProgressBar()
    /// Counts the files opened: only the newest one asked for is shown when it has been read.
    private var openRequests = 0
    /// Set once the user has agreed to close; the next close request goes through.
    private var closeConfirmed = false
    /// The unsaved-changes question on screen, if any.
    private weak var question: ChoiceDialog?

    package init(window: MainWindow, services: WindowServices) {
        self.window = window
        self.controller = window.controller
        self.services = services
        drafts = DraftKeeper(controller: window.controller, store: services.drafts)
        fileWatch = FileChangeWatch(controller: window.controller)
        Widgets.append(window.banners, progress.bar, fileWatch.bar)
        let widget = window.window
        Signals.connect(widget, "destroy") { [weak fileWatch] in
            TypedText.forget(in: widget)
            fileWatch?.stop()
        }
        fileWatch.onReload = { [weak self] in self?.reload() }
    }

    private var parent: UnsafeMutablePointer<GtkWidget>? { window?.window }

    // MARK: New and open

    /// Asks for the years of a new survey, then (after the unsaved-changes question) shows it.
    package func newSurvey() {
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

    /// "New survey from this one": asks for the years, then (after the unsaved-changes question)
    /// shows this survey's jurisdictions, departments, sub-units, regulations and contacts for those
    /// years as a new, untitled survey (`Survey.nextSurvey`); saving asks for its new file.
    package func newSurveyFromThis() {
        let years = controller.survey.followingYears
        let suggested = years.count == 1 ? "\(years[0])" : "\(years[0])-\(years[years.count - 1])"
        let dialog = NewSurveyDialog(parent: parent, suggestedYears: suggested,
                                     explanation: tr("The new survey keeps this survey’s jurisdictions, departments, sub-units, laws and rules and phone contacts, with no observations, enterprises or letters.")) { [weak self] answer in
            guard let self, let answer else { return }
            let source = self.controller.survey
            self.confirmUnsavedChanges {
                self.controller.replace(with: source.nextSurvey(years: answer.years, title: answer.title), fileURL: nil)
            }
        }
        dialog.present()
    }

    /// Asks for a file and opens it.
    package func chooseAndOpen() {
        guard let parent else { return }
        services.chooser.chooseFileToOpen(parent: parent) { [weak self] url in
            if let url { self?.open(url) }
        }
    }

    /// Opens `url` in this window. The file is read, decoded and checked off the main thread
    /// (`BackgroundWork`) with a bar saying so; the window stays usable meanwhile. A file that
    /// fails to load is explained in a dialog and the open survey stays as it is; otherwise the
    /// unsaved-changes question comes first. Of several files asked for meanwhile, the last wins.
    package func open(_ url: URL) {
        if let other = OpenWindows.window(showing: url, except: window) {
            other.present()  // one file, one window
            return
        }
        load(url) { [weak self] loaded in self?.show(loaded, from: url) }
    }

    /// Reads `url` off the main thread (`BackgroundWork`) with this window's bar saying so, then
    /// gives `done` the survey and the file's version, or the error.
    package func read(_ url: URL,
                      then done: @escaping @MainActor (Result<(survey: Survey, fingerprint: FileFingerprint), any Error>) -> Void) {
        let token = progress.begin(tr("Opening “%1”…", url.lastPathComponent))
        BackgroundWork.run({ try SurveyFile.loadWithFingerprint(from: url) }) { [weak self] result in
            self?.progress.end(token)
            done(result)
        }
    }

    /// Reads `url` off the main thread with the bar saying so, then hands the survey to `use`; a
    /// file that fails to load is explained in a dialog. Of several files asked for meanwhile,
    /// only the last is used.
    private func load(_ url: URL, then use: @escaping @MainActor ((survey: Survey, fingerprint: FileFingerprint)) -> Void) {
        openRequests += 1
        let request = openRequests
        read(url) { [weak self] result in
            guard let self, request == self.openRequests else { return }  // another file was asked for since
            switch result {
            case .success(let loaded): use(loaded)
            case .failure(let error):
                self.showError(heading: tr("Could not open “%1”", url.lastPathComponent), message: Self.describe(error))
            }
        }
    }

    /// Whether a file is being read or written off the main thread.
    package var isBusy: Bool { progress.text != nil }

    private func show(_ loaded: (survey: Survey, fingerprint: FileFingerprint), from url: URL) {
        confirmUnsavedChanges { [weak self] in
            guard let self else { return }
            let bundled = WindowServices.isBundledDataset(url)
            self.controller.replace(with: loaded.survey, fileURL: bundled ? nil : url, fingerprint: loaded.fingerprint)
            if !bundled { self.services.recent.add(url) }
            if !bundled, let window = self.window { DraftRecovery.offer(in: window) }
        }
    }

    // MARK: Saving

    /// Saves to the survey's file, or asks for one when it has none. `done` learns whether it was saved.
    package func save(then done: @escaping @MainActor (Bool) -> Void = { _ in }) {
        guard let url = controller.fileURL else {
            saveAs(then: done)
            return
        }
        confirmTypedText(saving: true, then: { [weak self] in self?.write(to: url, then: done) }, otherwise: { done(false) })
    }

    /// Asks where to save, then saves there.
    package func saveAs(then done: @escaping @MainActor (Bool) -> Void = { _ in }) {
        confirmTypedText(saving: true, then: { [weak self] in self?.chooseAndWrite(then: done) }, otherwise: { done(false) })
    }

    private func chooseAndWrite(then done: @escaping @MainActor (Bool) -> Void) {
        guard let parent else { return done(false) }
        let current = controller.fileURL
        let name = current?.lastPathComponent ?? Self.suggestedFileName(for: controller.survey)
        services.chooser.chooseSaveLocation(parent: parent, suggestedName: name,
                                            folder: current?.deletingLastPathComponent()) { [weak self] url in
            guard let self, let url else { return done(false) }
            self.write(to: Self.withExtension(url), then: done)
        }
    }

    private func write(to url: URL, overwrite: Bool = false, then done: @escaping @MainActor (Bool) -> Void) {
        guard !WindowServices.isBundledDataset(url) else {
            showError(heading: tr("Could not save"), message: tr("The built-in survey cannot be changed. Save your copy under another name."))
            return done(false)
        }
        // Written off the main thread: the survey as it is now, whatever is edited meanwhile.
        let token = progress.begin(tr("Saving “%1”…", url.lastPathComponent))
        controller.saveInBackground(to: url, overwrite: overwrite) { [weak self] error in
            guard let self else { return done(error == nil) }
            self.progress.end(token)
            switch error {
            case nil:
                self.services.recent.add(url)
                done(true)
            case let error as SurveyFileError where error.kind == .changedOnDisk:
                self.askAboutChangedFile(url, then: done)
            case let error?:
                self.showError(heading: tr("Could not save “%1”", url.lastPathComponent), message: Self.describe(error))
                done(false)
            }
        }
    }

    /// Saving found the file on disk changed since it was opened or last saved (another program
    /// or another Gongkai wrote it): Reload it, Save As…, Overwrite it, or Cancel.
    private func askAboutChangedFile(_ url: URL, then done: @escaping @MainActor (Bool) -> Void) {
        let dialog = ChoiceDialog(
            parent: parent, heading: tr("“%1” was changed on disk", url.lastPathComponent),
            body: tr("Another program or another Gongkai has changed or moved the file since you opened it. Reload it (your changes are lost), save yours under another name, or overwrite the file with yours (its other version is kept as “%1~”).", url.lastPathComponent),
            choices: [.init(id: "cancel", label: tr("_Cancel")),
                      .init(id: "reload", label: tr("_Reload")),
                      .init(id: "save-as", label: tr("Save _As…")),
                      .init(id: "overwrite", label: tr("_Overwrite"), style: .destructive)],
            defaultChoice: "save-as", cancel: "cancel") { [weak self] choice in
                guard let self else { return done(false) }
                switch choice {
                case "reload":
                    self.reload(asking: false)
                    done(false)
                case "save-as":
                    self.chooseAndWrite(then: done)
                case "overwrite":
                    self.write(to: url, overwrite: true, then: done)
                default:
                    done(false)
                }
            }
        dialog.present()
    }

    /// Reads the survey's file again (the version on disk replaces the window's survey); with
    /// unsaved changes, asks first unless `asking` is false (the user already chose Reload).
    package func reload(asking: Bool = true) {
        guard let url = controller.fileURL else { return }
        if asking && controller.isDirty {
            let dialog = ChoiceDialog(
                parent: parent, heading: tr("Reload “%1” and lose your changes?", url.lastPathComponent),
                body: tr("The version on disk replaces the survey in this window; the changes you have not saved are lost."),
                choices: [.init(id: "cancel", label: tr("_Cancel")), .init(id: "reload", label: tr("_Reload"), style: .destructive)],
                defaultChoice: "cancel", cancel: "cancel") { [weak self] choice in
                    if choice == "reload" { self?.reload(asking: false) }
                }
            return dialog.present()
        }
        load(url) { [weak self] loaded in
            self?.controller.replace(with: loaded.survey, fileURL: url, fingerprint: loaded.fingerprint)
        }
    }

    /// `name` → `name.gongkai` when the user typed no extension.
    package static func withExtension(_ url: URL) -> URL {
        url.pathExtension.isEmpty ? url.appendingPathExtension(SurveyFile.fileExtension) : url
    }

    /// "调研-2023-2025.gongkai": a file name from the survey's years.
    package static func suggestedFileName(for survey: Survey) -> String {
        let years = survey.years
        let span = years.isEmpty ? "" : "-" + (years.count == 1 ? "\(years[0])" : "\(years.first!)-\(years.last!)")
        return tr("survey") + span + "." + SurveyFile.fileExtension
    }

    // MARK: Unsaved changes

    /// Runs `proceed` at once when there are no unsaved changes; otherwise asks Save / Discard /
    /// Cancel and runs it after a successful save or a discard (never after Cancel).
    package func confirmUnsavedChanges(_ proceed: @escaping @MainActor () -> Void) {
        confirmTypedText(saving: false, then: { [weak self] in
            guard let self else { return }
            guard self.controller.isDirty else { return proceed() }
            self.askToSaveChanges(then: proceed)
        }, otherwise: {})
    }

    // MARK: Typed text

    /// Refused text the user has been told about (and chose to go on without).
    private var acknowledged: [TypedText.Unaccepted] = []
    /// The refused-text question on screen, if any (asked once however often Save is pressed).
    private weak var typedQuestion: ChoiceDialog?

    /// Before the survey is written or leaves the window: typing still in a field is committed,
    /// and text the fields refused (kept in them, or left behind when the form moved on) is listed,
    /// with Go Back (the cursor goes to the field) or going on without it. Runs `proceed` at once
    /// when there is none, or none the user has not been told about already.
    private func confirmTypedText(saving: Bool, then proceed: @escaping @MainActor () -> Void,
                                  otherwise: @escaping @MainActor () -> Void) {
        guard let window else { return proceed() }
        let widget = window.window
        TypedText.commitAll(in: widget)
        let items = TypedText.unaccepted(in: widget)
        guard items.contains(where: { !acknowledged.contains($0) }) else { return proceed() }
        if let typedQuestion, typedQuestion.isOpen { return typedQuestion.present() }
        let list = items.map { item in
            "• " + (item.field.isEmpty ? tr("“%1” — %2", item.text, item.reason) : tr("%1: “%2” — %3", item.field, item.text, item.reason))
        }.joined(separator: "\n")
        let dialog = ChoiceDialog(
            parent: parent, heading: tr("Some values you typed are not in the survey"),
            body: tr("These values could not be accepted, so the survey does not hold them:") + "\n" + list + "\n\n"
                + (saving ? tr("Save without them, or go back and correct them.") : tr("Go on without them, or go back and correct them.")),
            choices: [.init(id: "back", label: tr("_Go Back")),
                      .init(id: "go", label: saving ? tr("Save _Without Them") : tr("Go On _Without Them"), style: .destructive)],
            defaultChoice: "back", cancel: "back") { [weak self] choice in
                guard let self else { return }
                if choice == "go" {
                    self.acknowledged = items
                    TypedText.forget(in: widget)
                    proceed()
                } else {
                    TypedText.focusFirstRefused(in: widget)
                    otherwise()
                }
            }
        typedQuestion = dialog
        dialog.present()
    }

    /// Asks Save / Discard / Cancel about the survey's changes; runs `proceed` after a successful
    /// save or a discard. While the question is on screen, a second request only brings it back to
    /// the front (Ctrl+W twice asks once).
    package func askToSaveChanges(then proceed: @escaping @MainActor () -> Void) {
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
    package func close() {
        guard let window else { return }
        gtk_window_close(window.window.window)
    }

    /// The window's `close-request`: true keeps the window open (the question is being asked).
    package func closeRequested() -> Bool {
        if closeConfirmed { return false }
        if controller.isSaving {
            // The survey is being written: the window closes (or asks) once the file is done.
            controller.afterSaving { [weak self] in self?.close() }
            return true
        }
        if let window {
            TypedText.commitAll(in: window.window)
            if !controller.isDirty && TypedText.unaccepted(in: window.window).allSatisfy(acknowledged.contains) { return false }
        }
        confirmUnsavedChanges { [weak self] in
            guard let self, let window = self.window else { return }
            self.closeConfirmed = true
            gtk_window_close(window.window.window)
        }
        return true
    }

    // MARK: Errors

    /// Shows an error message in a dialog over the window.
    package func showError(heading: String, message: String) {
        ChoiceDialog.message(parent: parent, heading: heading, body: message)
    }

    /// The model's own explanation of an error (translated), or the system's.
    package static func describe(_ error: any Error) -> String {
        if let error = error as? LocalizedError, let text = error.errorDescription { return text }
        return "\(error)"
    }
}
