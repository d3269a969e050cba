import CGtk

/// The key under which a `SizeWatch` box keeps its Swift object.
private let widthWatchKey = "gk-width-watch"

/// A box around one child that reports the size GTK lays it out at, for a layout that changes
/// with the window's size (a details pane moving below the grid, the sidebar hiding on a narrow
/// window). GTK 4.8 has no breakpoints and no "size-allocate" signal: the box's layout manager
/// (a `GtkCustomLayout`) sizes the child exactly as the child asks and notes the size it is given.
/// `onSize` runs from an idle callback after the layout that changed the size (changing the
/// widget tree while GTK allocates it is not allowed), once per new size.
@MainActor
package final class SizeWatch {
    package typealias Widget = UnsafeMutablePointer<GtkWidget>

    package let widget: Widget
    /// The size of the last layout (0 before the first).
    package private(set) var width: Int32 = 0
    package private(set) var height: Int32 = 0
    private var reported: (Int32, Int32) = (-1, -1)
    private var pending = false
    private let onSize: @MainActor (_ width: Int32, _ height: Int32) -> Void

    package init(_ child: Widget, onSize: @escaping @MainActor (_ width: Int32, _ height: Int32) -> Void) {
        self.onSize = onSize
        widget = gtk_box_new(GTK_ORIENTATION_VERTICAL, 0)
        gtk_widget_set_layout_manager(widget, gtk_custom_layout_new(Self.requestMode, Self.measure, Self.allocate))
        gtk_box_append(widget.cast(), child)
        // The box owns this object (and drops it when disposed); this object does not own the box.
        g_object_set_data_full(widget.rawPointer.assumingMemoryBound(to: GObject.self), widthWatchKey,
                               Unmanaged.passRetained(self).toOpaque()) { Unmanaged<SizeWatch>.fromOpaque($0!).release() }
    }

    /// Reports the current size again now.
    package func report() {
        reported = (width, height)
        onSize(width, height)
    }

    private func allocated(_ newWidth: Int32, _ newHeight: Int32) {
        width = newWidth
        height = newHeight
        guard (newWidth, newHeight) != reported, !pending else { return }
        pending = true
        // Before the next frame is drawn (GTK paints at G_PRIORITY_HIGH_IDLE + 20).
        MainLoop.idle(priority: Int32(G_PRIORITY_HIGH_IDLE)) { [weak self] in
            guard let self else { return .remove }
            self.pending = false
            if (self.width, self.height) != self.reported { self.report() }
            return .remove
        }
    }

    private static let requestMode: GtkCustomRequestModeFunc = { widget in
        guard let child = gtk_widget_get_first_child(widget) else { return GTK_SIZE_REQUEST_CONSTANT_SIZE }
        return gtk_widget_get_request_mode(child)
    }

    private static let measure: GtkCustomMeasureFunc = { widget, orientation, forSize, minimum, natural, minimumBaseline, naturalBaseline in
        guard let child = gtk_widget_get_first_child(widget), gtk_widget_get_visible(child) != 0 else {
            minimum?.pointee = 0
            natural?.pointee = 0
            return
        }
        gtk_widget_measure(child, orientation, forSize, minimum, natural, minimumBaseline, naturalBaseline)
    }

    private static let allocate: GtkCustomAllocateFunc = { widget, width, height, baseline in
        guard let widget else { return }
        if let child = gtk_widget_get_first_child(widget), gtk_widget_get_visible(child) != 0 {
            gtk_widget_allocate(child, width, height, baseline, nil)
        }
        guard let data = g_object_get_data(widget.rawPointer.assumingMemoryBound(to: GObject.self), widthWatchKey) else { return }
        let watch = Unmanaged<SizeWatch>.fromOpaque(data).takeUnretainedValue()
        MainActor.assumeIsolated { watch.allocated(width, height) }
    }
}
