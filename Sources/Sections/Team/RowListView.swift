import CGtk
import Model
import GtkKit
import Rendering

/// A virtualised list (`GtkListView`) over rows a dialog keeps in a Swift array: each item of its
/// model is a key (an index into the dialog's rows) held as a string, so 100,000 rows are one
/// model and widgets are made only for the rows in sight, recycled as the list scrolls. The
/// owner makes a row's widgets (`setup`) and fills them from a key (`bind`). The compare view
/// and the change log use it.
@MainActor
package final class RowListView {
    package typealias Widget = UnsafeMutablePointer<GtkWidget>

    package let view: Widget
    package let scroller: Widget
    private let strings = StringList()
    private var factory: ListItemFactory!
    /// How many row widgets `setup` made so far (only the rows in sight, and a few more, get one;
    /// when every item is replaced, GTK makes new ones for the rows in sight).
    package private(set) var rowWidgetsMade = 0
    /// How many row widgets exist now (made and not yet torn down).
    package private(set) var rowWidgetsLive = 0

    package init(name: String, setup: @escaping @MainActor (ListItem) -> Void, bind: @escaping @MainActor (ListItem, Int) -> Void,
         teardown: @escaping @MainActor (ListItem) -> Void) {
        let selection = gtk_no_selection_new(strings.model)!  // takes the list's reference; the view takes the selection's
        view = gtk_list_view_new(selection.opaque, nil)
        Widgets.addClasses(view, ["boxed-list"])
        Events.setAccessibleLabel(view, name)
        scroller = Widgets.verticalScroller(view)
        factory = ListItemFactory(setup: { [weak self] item in
            self?.rowWidgetsMade += 1
            self?.rowWidgetsLive += 1
            setup(item)
        }, bind: { item in
            guard let key = Self.key(of: item) else { return }
            bind(item, key)
        }, teardown: { [weak self] item in
            self?.rowWidgetsLive -= 1
            teardown(item)
        })
        gtk_list_view_set_factory(view.opaque, factory.factory)
    }

    /// The number of rows listed (the model's items).
    package var count: Int { strings.count }

    /// Lists `keys`, in order, as new items (so every row in sight is bound again).
    package func show(_ keys: [Int]) {
        strings.replaceAll(keys.map(String.init))
    }

    /// Inserts rows before position `position`, leaving the others (and the scroll position) alone.
    package func insert(_ keys: [Int], at position: Int) {
        strings.splice(at: position, removing: 0, keys.map(String.init))
    }

    /// The key of the row a list item shows.
    package static func key(of item: ListItem) -> Int? {
        guard let object = item.item,
              let text = String(borrowingGChars: gtk_string_object_get_string(object.opaque)) else { return nil }
        return Int(text)
    }
}
