import CGtk
import GtkKit
import Rendering

/// Two panes side by side (a grid and its details) while there is room for the start pane's full
/// width beside the end pane or the window is wide, and one above the other on a narrow window (issue 16: at 1024 px
/// the matrix shows every year with its details below). The divider can be dragged either way.
@MainActor
package final class AdaptivePaned {
    package typealias Widget = UnsafeMutablePointer<GtkWidget>

    /// The widget to put in the section (around the `GtkPaned`).
    package var widget: Widget { watch.widget }
    package let paned: Widget
    private var watch: SizeWatch!
    private let end: Widget
    /// The width the start pane wants (e.g. the whole grid), asked at each decision.
    private let startWidth: @MainActor () -> Int32
    /// Where the divider goes once the paned has been laid out in its new orientation.
    private var pendingPosition: Int32?
    /// The height the divider was placed for while stacked.
    private var placedHeight: Int32 = 0
    /// Called after each new size of the panes (after the decision).
    package var onSize: ((_ width: Int32, _ height: Int32) -> Void)?
    /// Whether the end pane is below the start pane.
    package private(set) var isStacked = false

    /// `name` is what a screen reader says of the divider (GTK 4.8 calls it "GtkPaned").
    package init(start: Widget, end: Widget, name: String, startWidth: @escaping @MainActor () -> Int32) {
        self.end = end
        self.startWidth = startWidth
        paned = gtk_paned_new(GTK_ORIENTATION_HORIZONTAL)
        Events.setAccessibleLabel(paned, name)
        gtk_paned_set_start_child(paned.opaque, start)
        gtk_paned_set_end_child(paned.opaque, end)
        gtk_paned_set_resize_end_child(paned.opaque, 0)
        gtk_paned_set_shrink_end_child(paned.opaque, 0)
        gtk_paned_set_shrink_start_child(paned.opaque, 0)
        gtk_widget_set_vexpand(paned, 1)
        // GtkPaned keeps its end pane's size across a new allocation by moving the divider with
        // the change along its axis: after turning, the divider is placed again once it has been
        // laid out along the new one.
        Signals.connect(paned, "notify::max-position", withArgument: { [weak self] _ in
            guard let self, let position = self.pendingPosition else { return }
            self.pendingPosition = nil
            MainLoop.once { [weak self] in if let self { gtk_paned_set_position(self.paned.opaque, position) } }
        })
        watch = SizeWatch(paned) { [weak self] width, height in
            self?.decide(width: width)
            // A taller or lower window: the end pane below keeps its share of the height.
            if let self, self.isStacked, height != self.placedHeight { self.placeStackedDivider(height) }
            self?.onSize?(width, height)
        }
    }

    /// Decides again (the start pane's width changed, e.g. another survey with more years).
    package func update() {
        if watch.width > 0 { decide(width: watch.width) }
    }

    /// Side by side when the start pane's full width fits beside the end pane's.
    private func decide(width: Int32) {
        guard width > 0 else { return }
        // Only on a narrow window (where the sidebar hides too): a wider one keeps its layout.
        let window = gtk_widget_get_ancestor(paned, gtk_window_get_type()).map { gtk_widget_get_width($0) } ?? width
        // Side by side on a wide window already: nothing to decide, nor to measure (every edit
        // in the matrix asks).
        if window >= SidebarCollapse.automaticWidth && !isStacked { return }
        var endMinimum: Int32 = 0, natural: Int32 = 0
        gtk_widget_measure(end, GTK_ORIENTATION_HORIZONTAL, -1, &endMinimum, &natural, nil, nil)
        let stacked = window < SidebarCollapse.automaticWidth && width < startWidth() + max(endMinimum, natural) + 8
        guard stacked != isStacked else { return }
        isStacked = stacked
        gtk_orientable_set_orientation(paned.opaque, stacked ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL)
        if stacked {
            placeStackedDivider(gtk_widget_get_height(paned))
        } else {
            gtk_paned_set_position(paned.opaque, max(0, width - max(endMinimum, natural)))
        }
        pendingPosition = gtk_paned_get_position(paned.opaque)
    }

    /// Below, the end pane gets a quarter of the height (120 to 260 px); the rest goes to the start pane.
    private func placeStackedDivider(_ height: Int32) {
        placedHeight = height
        let endHeight = min(260, max(120, height / 4))
        gtk_paned_set_position(paned.opaque, max(0, height - endHeight))
    }
}
