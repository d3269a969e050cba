import CGtk
import Model
import GtkKit
import Rendering

/// A list of rows the user activates (a click or Enter) to go somewhere: a `GtkListView` over a
/// string list (each item a key the owner's factory reads), single selection with nothing chosen
/// at first, in a vertical scroller. Checks and Reconciliation list their rows in one.
@MainActor
package final class ActivatableList {
    package typealias Widget = UnsafeMutablePointer<GtkWidget>

    package let view: Widget
    package let scroller: Widget
    private let strings = StringList()

    /// `name` is the list's accessible name; `factory` makes and binds the rows; `activate` gets the
    /// activated row's position.
    package init(name: String, factory: OpaquePointer, activate: @escaping @MainActor (Int) -> Void) {
        let selection = gtk_single_selection_new(strings.model)!  // takes the list's reference; the view takes the selection's
        gtk_single_selection_set_autoselect(selection, 0)
        view = gtk_list_view_new(selection.opaque, nil)
        gtk_list_view_set_factory(view.opaque, factory)  // the view takes its own reference
        Widgets.addClasses(view, ["gk-problems"])
        Events.setAccessibleLabel(view, name)
        gtk_list_view_set_single_click_activate(view.opaque, 1)
        scroller = Widgets.verticalScroller(view)
        MoreSignals.connect(view, "activate", withInteger: activate)
    }

    /// The rows listed (the model's items).
    package var count: Int { strings.count }

    /// Removes `removing` rows at `position` and inserts `keys` there, in one change.
    package func splice(at position: Int, removing: Int, _ keys: [String]) {
        strings.splice(at: position, removing: removing, keys)
    }

    /// Shows or hides the list (its scroller).
    package func setVisible(_ visible: Bool) { gtk_widget_set_visible(scroller, visible ? 1 : 0) }

    package var isVisible: Bool { gtk_widget_get_visible(scroller) != 0 }
}
