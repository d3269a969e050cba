import CGtk
import Model
import GtkKit
import Rendering

/// One page of the main window's stack (Overview, the matrix, checks, enterprises, …).
///
/// A section owns its widget tree; `MainWindow` puts `widget` in the stack under `id` with `title`
/// in the sidebar, keeps the section object alive as long as the window, and calls `show(_:)` with
/// the survey when the survey changes (every edit, undo, redo and every newly opened survey) while
/// the section is on screen. A hidden section is only marked stale and gets `show(_:)` when it
/// comes to the front (or is asked to reveal a record), unless it `followsWhileHidden`: an edit
/// costs only what is seen.
///
/// Sections are made with the window's `DocumentController` (`SomeSection(controller: controller)`)
/// and send their edits through it (`controller.perform(edit, label:)`); they never keep a survey
/// of their own that the controller does not know about.
@MainActor
package protocol WindowSection: AnyObject {
    /// The stack child's name, also the screenshot's file name (`<id>.png`): ASCII, no spaces.
    var id: String { get }
    /// The sidebar label, already translated.
    var title: String { get }
    /// The section's top-level widget.
    var widget: UnsafeMutablePointer<GtkWidget> { get }
    /// Shows `survey` (on creation, after a change while on screen, and on coming to the front
    /// after changes made while hidden).
    func show(_ survey: Survey)
    /// True when the section must follow every change even while hidden (its sidebar title counts
    /// something, or it is presented elsewhere); false by default.
    var followsWhileHidden: Bool { get }
}

extension WindowSection {
    package var followsWhileHidden: Bool { false }
}

/// A section that can go to the record a validation problem is about (a matrix cell, an
/// enterprise, a regulation, …). `MainWindow.reveal(_:)` asks each such section in turn and brings
/// the first one that accepts to the front.
@MainActor
package protocol RevealingSection: WindowSection {
    /// Selects and scrolls to `location` and returns true, or returns false (changing nothing)
    /// when this section does not show that kind of location or cannot find it.
    func reveal(_ location: ProblemLocation) -> Bool
}
