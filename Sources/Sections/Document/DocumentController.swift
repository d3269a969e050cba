import Foundation
import Model
import GtkKit
import Rendering

/// The open survey of a window: its `SurveyDocument` (survey + undo history), the file it lives
/// in, and the views that follow it.
///
/// Every edit from any section goes through `perform(_:label:)`; undo and redo through `undo()`
/// and `redo()`. After every change the controller notifies its observers (sections, the title,
/// the checks count, the draft writer) with the new survey. Statistics and validation are cached
/// per document version, so several views asking in one frame compute them once.
@MainActor
package final class DocumentController {
    /// Why observers are being told.
    package enum Change {
        /// An edit, an undo or a redo changed the survey.
        case edited
        /// A different survey was opened (or a new one made).
        case replaced
        /// The file name or the saved state changed, not the survey.
        case saved
    }

    package let document: SurveyDocument
    /// The file the survey is saved in; nil for an untitled survey (the built-in dataset, a new
    /// survey, a recovered draft), which Save asks a path for.
    package private(set) var fileURL: URL?
    /// Which version of `fileURL` the survey was read from or last saved as (nil when unknown):
    /// saving to that file again refuses if the file on disk is no longer that version.
    package private(set) var fingerprint: FileFingerprint?
    /// Called with a message when an edit or undo fails (the survey is then unchanged).
    package var onError: (@MainActor (String) -> Void)?

    private var observers: [(id: Int, body: @MainActor (Change) -> Void)] = []
    private var nextObserverID = 0
    private var statisticsCache = PerVersion<Statistics>()
    private var validationCache = PerVersion<Validation>()
    /// The cell index, and the cells the edit to its version changed in place (nil: not in place,
    /// or not known).
    private var indexCache = PerVersion<(index: CellIndex, changedInPlace: [CellKey]?)>()
    /// Set by a replace that starts out unsaved; cleared by the next save or replace.
    private var unsavedSinceReplace = false

    package init(survey: Survey, fileURL: URL?, fingerprint: FileFingerprint? = nil) {
        document = SurveyDocument(survey: survey)
        document.author = AuthorName.current()
        self.fileURL = fileURL
        self.fingerprint = fileURL == nil ? nil : fingerprint
    }

    package var survey: Survey { document.survey }
    package var version: Int { document.version }
    /// True when the survey differs from its file (or has never been saved since it was made
    /// dirty by `replace(with:fileURL:unsaved:)`, e.g. a recovered draft).
    package var isDirty: Bool { document.isDirty || unsavedSinceReplace }
    package var canUndo: Bool { document.canUndo }
    package var canRedo: Bool { document.canRedo }
    /// The label of the step `undo()` would revert.
    package var undoLabel: String? { document.undoLabel }
    /// The label of the step `redo()` would repeat.
    package var redoLabel: String? { document.redoLabel }

    /// The statistics of the current survey (computed once per version). After one edit, the
    /// previous version's figures are updated: an edit that replaced recorded cells changes only
    /// the counts of those cells (`Statistics.updated(cells:undoneBy:in:index:)`, from the cells
    /// as they were, which the edit's inverse holds); another cell edit recounts only the matrix
    /// figures, not the passes over every enterprise (`Statistics.updated(for:after:)`).
    package var statistics: Statistics {
        let survey = self.survey
        return statisticsCache.value(of: document, updating: { [document] old, edit in
            if let inverse = document.lastInverse,
               let cells = old.updated(cells: edit, undoneBy: inverse, in: survey, index: self.cellIndex) { return cells }
            return old.updated(for: survey, after: edit)
        }, else: { Statistics(survey) })
    }

    /// The cell index of the current survey (built once per version). After an edit that changed
    /// cells in place (a status key), the previous version's index still holds and is kept
    /// (`CellIndex.cellsChangedInPlace`).
    package var cellIndex: CellIndex { indexAndChanges.index }

    /// The cells the last edit changed in place, when the survey is one edit on from `version`
    /// and that edit only set cells already recorded (`CellIndex.cellsChangedInPlace`); nil
    /// otherwise (a view showing `version` must then read the survey again).
    package func cellsChangedInPlace(since version: Int) -> [CellKey]? {
        version == self.version - 1 ? indexAndChanges.changedInPlace : nil
    }

    private var indexAndChanges: (index: CellIndex, changedInPlace: [CellKey]?) {
        let survey = self.survey
        return indexCache.value(of: document, updating: { old, edit in
            let changed = old.index.cellsChangedInPlace(in: survey, by: edit)
            return (changed == nil ? CellIndex(survey) : old.index, changed)
        }, else: { (CellIndex(survey), nil) })
    }

    /// The validation problems of the current survey (computed once per version). After one cell
    /// edit, only the checks that read the cells run again (`Validation.updated(for:after:)`): the
    /// passes over every enterprise are kept from the version before.
    package var problems: [Problem] {
        let survey = self.survey
        return validationCache.value(of: document, updating: { $0.updated(for: survey, after: $1) },
                                     else: { Validator.validation(survey) }).problems
    }

    // MARK: Observing

    /// Calls `body` after every change; returns a token for `removeObserver`.
    @discardableResult
    package func observe(_ body: @escaping @MainActor (Change) -> Void) -> Int {
        nextObserverID += 1
        observers.append((nextObserverID, body))
        return nextObserverID
    }

    package func removeObserver(_ token: Int) {
        observers.removeAll { $0.id == token }
    }

    private func notify(_ change: Change) {
        for observer in observers { observer.body(change) }
    }

    // MARK: Editing

    /// Applies an edit as one undo step, logged in the change log as `action`. Returns false (and
    /// reports through `onError`) when the edit cannot be applied; the survey is then unchanged.
    @discardableResult
    package func perform(_ edit: Edit, label: String, action: ChangeAction = .edit) -> Bool {
        do {
            try document.perform(edit, label: label, action: action)
        } catch {
            onError?((error as? LocalizedError)?.errorDescription ?? "\(error)")
            return false
        }
        notify(.edited)
        return true
    }

    /// Undoes the last step; returns its label, nil when there was nothing to undo.
    @discardableResult
    package func undo() -> String? {
        do {
            guard let label = try document.undo() else { return nil }
            notify(.edited)
            return label
        } catch {
            onError?((error as? LocalizedError)?.errorDescription ?? "\(error)")
            return nil
        }
    }

    /// Redoes the last undone step; returns its label, nil when there was nothing to redo.
    @discardableResult
    package func redo() -> String? {
        do {
            guard let label = try document.redo() else { return nil }
            notify(.edited)
            return label
        } catch {
            onError?((error as? LocalizedError)?.errorDescription ?? "\(error)")
            return nil
        }
    }

    // MARK: Files

    /// Shows another survey (opened, new or recovered): empty history, clean unless `unsaved`
    /// (a recovered draft differs from its file until it is saved, whatever is undone).
    /// `fingerprint` is the version of `fileURL` the survey was read from, if it was.
    package func replace(with survey: Survey, fileURL: URL?, unsaved: Bool = false, fingerprint: FileFingerprint? = nil) {
        document.replace(with: survey)
        generation += 1
        self.fileURL = fileURL
        self.fingerprint = fileURL == nil ? nil : fingerprint
        unsavedSinceReplace = unsaved
        notify(.replaced)
    }

    /// Saves to `url` (or the current file) without ever damaging the file on disk, holding the
    /// survey's lock (`SurveyFileLock`); on success the survey is clean and `fileURL` is `url`.
    /// Saving to the file the survey was read from refuses (`SurveyFileError.changedOnDisk`,
    /// nothing written) when the file on disk is no longer the version read or last saved, unless
    /// `overwrite`. Another file (Save As, confirmed in the file chooser) is replaced as it is.
    /// Throws the storage layer's error.
    package func save(to url: URL? = nil, overwrite: Bool = false) throws {
        guard let target = url ?? fileURL else { throw SaveWithoutPath() }
        fingerprint = try SurveyFile.save(survey, to: target, expecting: expectedVersion(of: target, overwrite: overwrite))
        document.markSaved()
        unsavedSinceReplace = false
        fileURL = target
        notify(.saved)
    }

    /// The version of `target` a save must find on disk: the one read or last saved when it is the
    /// survey's own file (unless `overwrite`); nil (anything) for another file.
    private func expectedVersion(of target: URL, overwrite: Bool) -> FileFingerprint? {
        let sameFile = fileURL.map { $0.canonicalFilePath == target.canonicalFilePath } ?? false
        return sameFile && !overwrite ? fingerprint : nil
    }

    /// True while a survey is being written on the background queue (`saveInBackground`).
    package private(set) var isSaving: Bool = false
    /// Saves asked for while another is being written: they start when it is done, in order.
    private var queuedSaves: [@MainActor () -> Void] = []
    /// Counts replaces: a save that finishes after the survey was replaced leaves it alone.
    private var generation = 0

    /// `save(to:overwrite:)` off the main thread: the survey as it is now (a value: later edits do
    /// not reach it) is written on the file queue (`BackgroundWork`), as safely as `save` (temporary
    /// file, rename); then, on the main thread, the state written is marked saved (edits made
    /// meanwhile stay unsaved), `fileURL` becomes the target and observers hear `.saved`. `done`
    /// gets nil or the storage layer's error. A save asked for while one is being written waits
    /// for it (so it expects the version that one wrote).
    package func saveInBackground(to url: URL? = nil, overwrite: Bool = false, then done: @escaping @MainActor ((any Error)?) -> Void) {
        guard !isSaving else {
            queuedSaves.append { [weak self] in self?.saveInBackground(to: url, overwrite: overwrite, then: done) }
            return
        }
        guard let target = url ?? fileURL else { return done(SaveWithoutPath()) }
        let expected = expectedVersion(of: target, overwrite: overwrite)
        let snapshot = survey
        let state = document.stateToken
        let started = generation
        isSaving = true
        BackgroundWork.run({ try SurveyFile.save(snapshot, to: target, expecting: expected) }) { [weak self] result in
            guard let self else { return }
            self.isSaving = false
            switch result {
            case .success(let written) where self.generation == started:
                self.fingerprint = written
                self.document.markSaved(state: state)
                self.unsavedSinceReplace = false
                self.fileURL = target
                self.notify(.saved)
                done(nil)
            case .success:
                done(nil)  // another survey replaced this one meanwhile: the file is written, the window moved on
            case .failure(let error):
                done(error)
            }
            if !self.isSaving, !self.queuedSaves.isEmpty { self.queuedSaves.removeFirst()() }
            if !self.isSaving, self.queuedSaves.isEmpty {
                let waiting = self.afterSaves
                self.afterSaves = []
                waiting.forEach { $0() }
            }
        }
    }

    private var afterSaves: [@MainActor () -> Void] = []

    /// Runs `body` once no save is being written (at once when none is).
    package func afterSaving(_ body: @escaping @MainActor () -> Void) {
        if isSaving || !queuedSaves.isEmpty { afterSaves.append(body) } else { body() }
    }

    /// Save was asked of an untitled survey: the caller must ask for a path (Save As).
    package struct SaveWithoutPath: Error {}
}

/// A value computed from a document's survey once per version; after one edit it is made from the
/// previous version's value and that edit (`updating`), otherwise from the survey (`else`).
private struct PerVersion<Value> {
    private var cached: (version: Int, value: Value)?

    mutating func value(of document: SurveyDocument, updating: (Value, Edit) -> Value, else full: () -> Value) -> Value {
        let version = document.version
        if let cached, cached.version == version { return cached.value }
        let value: Value
        if let cached, cached.version == version - 1, let edit = document.lastApplied {
            value = updating(cached.value, edit)
        } else {
            value = full()
        }
        cached = (version, value)
        return value
    }
}
