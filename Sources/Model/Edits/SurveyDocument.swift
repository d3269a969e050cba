import Foundation

/// An open survey with its undo history. Not UI: the GTK window and the CLI both drive it.
///
/// Every change goes through `perform(_:label:)` with an `Edit`; the document keeps the edit's
/// inverse on the undo stack, so `undo()` applies it and `redo()` applies the inverse's inverse.
/// `version` goes up on every change (perform, undo, redo, replace) so views can tell when to
/// refresh; `isDirty` compares the current state with the one marked saved, so undoing back to
/// the saved state makes the document clean again.
public final class SurveyDocument {
    /// One step of history: the edit that moves between two states, with the user's label.
    private struct Step {
        var label: String
        /// On the undo stack: the inverse to apply; on the redo stack: the edit to re-apply.
        var edit: Edit
        var stateBefore: Int
        var stateAfter: Int
    }

    public private(set) var survey: Survey
    /// Increases by one on every change of `survey`.
    public private(set) var version = 0
    /// The edit that made this version from the one before (what perform, undo or redo applied);
    /// nil for a survey opened or replaced, or before any change. Views use it to update what
    /// they computed instead of starting again.
    public private(set) var lastApplied: Edit?
    /// The edit that undoes `lastApplied` (what it returned when applied: a cell edit's inverse
    /// holds the cells as they were); nil when `lastApplied` is.
    public private(set) var lastInverse: Edit?
    /// The most undo steps kept (older ones are dropped).
    public var undoLimit: Int {
        didSet { trimUndoStack() }
    }

    /// Who the change log names for this document's edits (`ChangeLog`); "" logs nothing.
    public var author = ""
    /// The time of a logged change (tests set a fixed one).
    public var clock: () -> Date = { Date() }

    private var undoStack: [Step] = []
    private var redoStack: [Step] = []
    /// Identifies the current state; each perform makes a new one.
    private var state = 0
    private var nextState = 1
    private var savedState: Int? = 0

    /// Opens a survey, which is put in canonical order (see `Survey.canonicalize`), as clean.
    public init(survey: Survey, undoLimit: Int = 500) {
        var survey = survey
        survey.canonicalize()
        self.survey = survey
        self.undoLimit = max(1, undoLimit)
    }

    public var canUndo: Bool { !undoStack.isEmpty }
    public var canRedo: Bool { !redoStack.isEmpty }
    /// The label of the step `undo()` would revert ("Undo <label>").
    public var undoLabel: String? { undoStack.last?.label }
    /// The label of the step `redo()` would repeat.
    public var redoLabel: String? { redoStack.last?.label }
    /// Steps available to undo / redo.
    public var undoCount: Int { undoStack.count }
    public var redoCount: Int { redoStack.count }

    /// True when the survey differs from the last state marked saved.
    public var isDirty: Bool { savedState != state }

    /// Marks the current state as saved (call after writing the file).
    public func markSaved() { savedState = state }

    /// Identifies the current state (of the survey's contents): what `markSaved(state:)` takes.
    public var stateToken: Int { state }

    /// Marks the state `token` as saved (a save of a snapshot finished after later edits: the
    /// document stays dirty unless it is back in that state).
    public func markSaved(state token: Int) { savedState = token }

    /// Applies an edit as one undo step and clears the redo stack. An empty edit is ignored.
    /// On error the survey and the history are unchanged.
    /// Every field it changes is appended to the survey's change log as `action`.
    public func perform(_ edit: Edit, label: String, action: ChangeAction = .edit) throws {
        guard !edit.isEmpty else { return }
        let inverse = try edit.apply(to: &survey)
        log(EditChanges.changes(edit, inverse: inverse), action: action)
        lastApplied = edit
        lastInverse = inverse
        let after = nextState
        nextState += 1
        undoStack.append(Step(label: label, edit: inverse, stateBefore: state, stateAfter: after))
        redoStack.removeAll()
        state = after
        version += 1
        trimUndoStack()
    }

    /// Reverts the last step; returns its label, or nil when there is nothing to undo.
    @discardableResult
    public func undo() throws -> String? {
        guard let step = undoStack.last else { return nil }
        let redo = try step.edit.apply(to: &survey)
        log(EditChanges.changes(step.edit, inverse: redo), action: .undo)
        lastApplied = step.edit
        lastInverse = redo
        undoStack.removeLast()
        redoStack.append(Step(label: step.label, edit: redo, stateBefore: step.stateBefore, stateAfter: step.stateAfter))
        state = step.stateBefore
        version += 1
        return step.label
    }

    /// Repeats the last undone step; returns its label, or nil when there is nothing to redo.
    @discardableResult
    public func redo() throws -> String? {
        guard let step = redoStack.last else { return nil }
        let undo = try step.edit.apply(to: &survey)
        log(EditChanges.changes(step.edit, inverse: undo), action: .redo)
        lastApplied = step.edit
        lastInverse = undo
        redoStack.removeLast()
        undoStack.append(Step(label: step.label, edit: undo, stateBefore: step.stateBefore, stateAfter: step.stateAfter))
        state = step.stateAfter
        version += 1
        return step.label
    }

    /// Replaces the whole survey (e.g. after opening a file): canonical order, empty history, clean.
    public func replace(with survey: Survey) {
        var survey = survey
        survey.canonicalize()
        self.survey = survey
        lastApplied = nil
        lastInverse = nil
        undoStack.removeAll()
        redoStack.removeAll()
        state = nextState
        nextState += 1
        savedState = state
        version += 1
    }

    /// Appends changes to the survey's change log, at `clock()`, by `author`. The log is
    /// append-only: an undo is logged as the changes back (action `undo`), not by removing
    /// entries, so the file keeps what was tried and withdrawn. It is not part of the undo history.
    public func log(_ changes: [FieldChange], action: ChangeAction) {
        guard !author.isEmpty, !changes.isEmpty else { return }
        let time = ISOTime.string(clock())
        survey.changeLog.entries.reserveCapacity(survey.changeLog.entries.count + changes.count)
        for c in changes {
            survey.changeLog.entries.append(ChangeEntry(time: time, author: author, action: action, path: c.path, old: c.old, new: c.new))
        }
    }

    /// Adds another log's entries (a merged survey's), keeping the log ordered by time.
    public func mergeLog(_ other: ChangeLog) {
        survey.changeLog = ChangeLog.union([survey.changeLog, other])
    }

    private func trimUndoStack() {
        if undoStack.count > undoLimit { undoStack.removeFirst(undoStack.count - undoLimit) }
    }
}
