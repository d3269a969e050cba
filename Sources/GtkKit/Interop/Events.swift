import CGtk

/// Input and drawing callbacks whose C signatures `Signals` does not cover: key presses, clicks,
/// drags, focus changes, a drawing area's draw function, and
/// reading the clipboard's text. Each takes a `@MainActor` Swift closure, carried to C in a
/// retained `CallbackBox` that GLib releases with the handler.
@MainActor
package enum Events {
    /// A key press: the keyval and the modifier state; return true when the key was handled.
    package typealias KeyHandler = @MainActor (_ keyval: guint, _ state: GdkModifierType) -> Bool
    /// A button press: the click count (2 for a double click), the point in widget coordinates
    /// and the modifier state.
    package typealias ClickHandler = @MainActor (_ count: Int32, _ x: Double, _ y: Double, _ state: GdkModifierType) -> Void
    /// A point or an offset in widget coordinates.
    package typealias PointHandler = @MainActor (_ x: Double, _ y: Double) -> Void
    /// Draws on a `cairo_t` of the given size.
    package typealias DrawHandler = @MainActor (_ cairo: OpaquePointer, _ width: Int32, _ height: Int32) -> Void
    package typealias TextHandler = @MainActor (String?) -> Void

    /// Adds a key controller to `widget` (in `phase`); returns the controller.
    @discardableResult
    package static func onKeyPressed(_ widget: some GPointer, phase: GtkPropagationPhase = GTK_PHASE_BUBBLE,
                             _ handler: @escaping KeyHandler) -> OpaquePointer {
        let controller = gtk_event_controller_key_new()!
        gtk_event_controller_set_propagation_phase(controller, phase)
        let thunk: @convention(c) (UnsafeMutableRawPointer?, guint, guint, GdkModifierType, UnsafeMutableRawPointer?) -> gboolean = {
            _, keyval, _, state, data in
            let box = CallbackBox<KeyHandler>.from(data)
            return MainActor.assumeIsolated { box.handler(keyval, state) ? 1 : 0 }
        }
        Signals.connect(controller, "key-pressed", thunk: unsafeBitCast(thunk, to: GCallback.self), handler: handler as KeyHandler)
        gtk_widget_add_controller(widget.widget, controller)
        return controller
    }

    /// Adds a click gesture for one mouse button (1 primary, 3 secondary) that reports presses.
    @discardableResult
    package static func onPress(_ widget: some GPointer, button: guint, _ handler: @escaping ClickHandler) -> OpaquePointer {
        let gesture = gtk_gesture_click_new()!.opaque
        gtk_gesture_single_set_button(gesture, button)
        let thunk: @convention(c) (UnsafeMutableRawPointer?, gint, gdouble, gdouble, UnsafeMutableRawPointer?) -> Void = {
            instance, count, x, y, data in
            let box = CallbackBox<ClickHandler>.from(data)
            let controller = instance.map(OpaquePointer.init)
            MainActor.assumeIsolated {
                let state = controller.map { gtk_event_controller_get_current_event_state($0) } ?? GdkModifierType(0)
                box.handler(count, x, y, state)
            }
        }
        Signals.connect(gesture, "pressed", thunk: unsafeBitCast(thunk, to: GCallback.self), handler: handler as ClickHandler)
        gtk_widget_add_controller(widget.widget, gesture)
        return gesture
    }

    /// Adds a drag gesture (primary button): `update` gets the pointer's offset from the start point.
    @discardableResult
    package static func onDrag(_ widget: some GPointer, begin: @escaping PointHandler,
                       update: @escaping PointHandler) -> OpaquePointer {
        let gesture = gtk_gesture_drag_new()!.opaque
        let thunk: @convention(c) (UnsafeMutableRawPointer?, gdouble, gdouble, UnsafeMutableRawPointer?) -> Void = { _, x, y, data in
            let box = CallbackBox<PointHandler>.from(data)
            MainActor.assumeIsolated { box.handler(x, y) }
        }
        let callback = unsafeBitCast(thunk, to: GCallback.self)
        Signals.connect(gesture, "drag-begin", thunk: callback, handler: begin as PointHandler)
        Signals.connect(gesture, "drag-update", thunk: callback, handler: update as PointHandler)
        gtk_widget_add_controller(widget.widget, gesture)
        return gesture
    }

    /// Adds a focus controller: `enter` when the focus comes into `widget` or a descendant,
    /// `leave` when it leaves them.
    package static func onFocus(_ widget: some GPointer, enter: Signals.Handler? = nil, leave: Signals.Handler? = nil) {
        let controller = gtk_event_controller_focus_new()!
        if let enter { Signals.connect(controller, "enter", enter) }
        if let leave { Signals.connect(controller, "leave", leave) }
        gtk_widget_add_controller(widget.widget, controller)
    }


    /// Sets a drawing area's draw function.
    package static func setDrawFunction(_ area: some GPointer, _ handler: @escaping DrawHandler) {
        let thunk: GtkDrawingAreaDrawFunc = { _, cairo, width, height, data in
            let box = CallbackBox<DrawHandler>.from(data)
            guard let cairo else { return }
            MainActor.assumeIsolated { box.handler(cairo, width, height) }
        }
        gtk_drawing_area_set_draw_func(area.cast(), thunk, CallbackBox<DrawHandler>(handler).retainedPointer(),
                                       { CallbackBox<DrawHandler>.release($0) })
    }

    /// Reads the clipboard's text asynchronously; `completion` gets nil when it holds no text.
    package static func readText(from clipboard: OpaquePointer, _ completion: @escaping TextHandler) {
        let thunk: GAsyncReadyCallback = { source, result, data in
            guard let data else { return }
            let box = Unmanaged<CallbackBox<TextHandler>>.fromOpaque(data).takeRetainedValue()
            var error: UnsafeMutablePointer<GError>?
            let text = String(takingGChars: gdk_clipboard_read_text_finish(source.map(OpaquePointer.init), result, &error))
            if let error { g_error_free(error) }
            MainActor.assumeIsolated { box.handler(text) }
        }
        gdk_clipboard_read_text_async(clipboard, nil, thunk, CallbackBox<TextHandler>(completion).retainedPointer())
    }

    /// A tooltip's text for a point of the widget (keyboard: asked with the keyboard, for the
    /// focus); nil shows no tooltip.
    package typealias TooltipHandler = @MainActor (_ x: Double, _ y: Double, _ keyboard: Bool) -> String?

    /// Gives `widget` tooltips computed per point (`query-tooltip`).
    package static func onTooltip(_ widget: some GPointer, _ handler: @escaping TooltipHandler) {
        gtk_widget_set_has_tooltip(widget.widget, 1)
        let thunk: @convention(c) (UnsafeMutableRawPointer?, gint, gint, gboolean, UnsafeMutableRawPointer?,
                                   UnsafeMutableRawPointer?) -> gboolean = { _, x, y, keyboard, tooltip, data in
            let box = CallbackBox<TooltipHandler>.from(data)
            let tooltip = tooltip.map(OpaquePointer.init)
            return MainActor.assumeIsolated {
                guard let tooltip, let text = box.handler(Double(x), Double(y), keyboard != 0) else { return 0 }
                gtk_tooltip_set_text(tooltip, text)
                return 1
            }
        }
        Signals.connect(widget, "query-tooltip", thunk: unsafeBitCast(thunk, to: GCallback.self), handler: handler as TooltipHandler)
    }

    /// Emits a signal that takes no arguments and returns nothing (`activate`, `clicked`), as the
    /// widget itself does when the user presses Enter or clicks (`g_signal_emit_by_name` is variadic).
    package static func emit(_ instance: some GPointer, _ signal: String) {
        let id = g_signal_lookup(signal, G_TYPE_FROM_INSTANCE(instance))
        precondition(id != 0, "no signal \"\(signal)\" on this instance")
        var value = GValue()
        g_value_init(&value, G_TYPE_FROM_INSTANCE(instance))
        g_value_set_object(&value, instance.rawPointer)
        g_signal_emitv(&value, id, 0, nil)
        g_value_unset(&value)
    }

    /// The GType of an instance (`G_TYPE_FROM_INSTANCE`, a macro).
    private static func G_TYPE_FROM_INSTANCE(_ instance: some GPointer) -> GType {
        instance.rawPointer.assumingMemoryBound(to: GTypeInstance.self).pointee.g_class.pointee.g_type
    }

    /// The modifiers of the event being handled by `controller`.
    package static func modifiers(_ controller: OpaquePointer) -> GdkModifierType {
        gtk_event_controller_get_current_event_state(controller)
    }

}
