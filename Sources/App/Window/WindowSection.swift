import CGtk
import Model

/// One page of the main window's stack (Overview, and later the matrix, checks, enterprises, …).
///
/// A section owns its widget tree; `MainWindow` puts `widget` in the stack under `id` with `title`
/// in the sidebar, keeps the section object alive as long as the window, and calls `show(_:)` with
/// the survey whenever the survey changes.
@MainActor
protocol WindowSection: AnyObject {
    /// The stack child's name, also the screenshot's file name (`<id>.png`): ASCII, no spaces.
    var id: String { get }
    /// The sidebar label, already translated.
    var title: String { get }
    /// The section's top-level widget.
    var widget: UnsafeMutablePointer<GtkWidget> { get }
    /// Shows `survey` (on creation and after every change).
    func show(_ survey: Survey)
}
