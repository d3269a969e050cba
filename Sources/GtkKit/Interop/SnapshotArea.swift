import CGtk

/// A drawing area whose frame is made of render nodes the Swift side keeps, not of one cairo
/// drawing: the parts that did not change are the very same nodes frame after frame, and GTK's
/// renderer, which compares each frame's nodes with the last frame's, repaints only the parts
/// that are new. (A `GtkDrawingArea`'s draw function makes one new cairo node a frame, so its
/// whole area is painted again for any change.)
///
/// The GObject type `GkSnapshotArea` is a `GtkDrawingArea` (content size, accessible role, focus)
/// whose `snapshot` calls a Swift handler with the widget's size.
package enum SnapshotArea {
    package typealias Handler = @MainActor (_ snapshot: Snapshot, _ width: Double, _ height: Double) -> Void

    private static let handlerKey = "gk-snapshot-handler"

    package static let type: GType = {
        let classInit: GClassInitFunc = { klass, _ in
            klass!.assumingMemoryBound(to: GtkWidgetClass.self).pointee.snapshot = { widget, snapshot in
                guard let widget, let snapshot,
                      let data = g_object_get_data(widget.object, SnapshotArea.handlerKey) else { return }
                let box = CallbackBox<Handler>.from(data)
                let width = Double(gtk_widget_get_width(widget)), height = Double(gtk_widget_get_height(widget))
                let frame = Snapshot(snapshot)
                MainActor.assumeIsolated { box.handler(frame, width, height) }
            }
        }
        return g_type_register_static_simple(gtk_drawing_area_get_type(), "GkSnapshotArea",
                                             guint(MemoryLayout<GtkDrawingAreaClass>.stride), classInit,
                                             guint(MemoryLayout<GtkDrawingArea>.stride), nil, GTypeFlags(rawValue: 0))
    }()

    /// A new (floating) snapshot area with an accessible role.
    @MainActor
    package static func make(role: GtkAccessibleRole) -> UnsafeMutablePointer<GtkWidget> {
        Events.widget(of: type, role: role)
    }

    /// Sets the function that makes the area's frame (kept as long as the widget).
    @MainActor
    package static func setHandler(_ area: some GPointer, _ handler: @escaping Handler) {
        g_object_set_data_full(area.object, handlerKey, CallbackBox<Handler>(handler).retainedPointer()) {
            CallbackBox<Handler>.release($0)
        }
    }
}

/// A frame being made (`GtkSnapshot`), for the time of a `SnapshotArea` handler (on the main
/// thread, where GTK snapshots).
package struct Snapshot: @unchecked Sendable {
    private let pointer: OpaquePointer

    fileprivate init(_ pointer: OpaquePointer) { self.pointer = pointer }

    /// Adds a node (the snapshot takes its own reference).
    package func append(_ node: RenderNode) {
        gtk_snapshot_append_node(pointer, node.pointer)
    }

    /// Runs `body` with everything it adds clipped to a rectangle (nil: unclipped).
    package func clipped(to rect: (x: Double, y: Double, width: Double, height: Double)?, _ body: () -> Void) {
        guard let rect else { return body() }
        var bounds = RenderNode.graphene(rect)
        gtk_snapshot_push_clip(pointer, &bounds)
        body()
        gtk_snapshot_pop(pointer)
    }
}

/// An owning reference to a render node (`GskRenderNode`, reference-counted but no GObject).
package final class RenderNode: @unchecked Sendable {
    fileprivate let pointer: OpaquePointer

    /// A cairo node covering `bounds`, drawn once by `draw` (on a cairo context recording the
    /// drawing; what falls outside `bounds` is cut off).
    package init(cairoBounds bounds: (x: Double, y: Double, width: Double, height: Double), draw: (OpaquePointer) -> Void) {
        var rect = Self.graphene(bounds)
        pointer = gsk_cairo_node_new(&rect)
        if let cr = gsk_cairo_node_get_draw_context(pointer) {
            draw(cr)
            cairo_destroy(cr)
        }
    }

    /// A rectangle filled with one colour (components 0…1).
    package init(color: (red: Double, green: Double, blue: Double, alpha: Double),
                 bounds: (x: Double, y: Double, width: Double, height: Double)) {
        var rgba = GdkRGBA(red: Float(color.red), green: Float(color.green), blue: Float(color.blue), alpha: Float(color.alpha))
        var rect = Self.graphene(bounds)
        pointer = gsk_color_node_new(&rgba, &rect)
    }

    /// `child` clipped to `clip`. GTK's cairo renderer paints every node of a frame under the
    /// frame's changed region; a cairo node is painted by first drawing it into an image the size
    /// of that region's bounding box, so a node clipped to its own bounds is skipped when it
    /// meets none of the changed rectangles (the clip then is empty), instead of being drawn and
    /// then thrown away. (`gtk_snapshot_push_clip` leaves out a clip that contains its child.)
    package init(clipping child: RenderNode, to clip: (x: Double, y: Double, width: Double, height: Double)) {
        var rect = Self.graphene(clip)
        pointer = gsk_clip_node_new(child.pointer, &rect)
    }

    deinit { gsk_render_node_unref(pointer) }

    /// Paints the node on any cairo context, as GTK's cairo renderer does (an image, a test).
    package func draw(on cr: OpaquePointer) {
        gsk_render_node_draw(pointer, cr)
    }

    fileprivate static func graphene(_ r: (x: Double, y: Double, width: Double, height: Double)) -> graphene_rect_t {
        graphene_rect_t(origin: graphene_point_t(x: Float(r.x), y: Float(r.y)),
                        size: graphene_size_t(width: Float(max(0, r.width)), height: Float(max(0, r.height))))
    }
}
